// AWS resources read for IPv6: each VPC's /56 and its subnets' /64s (placeholders, see
// ipv6.ts), IPv6 routes (`destination_ipv6_cidr_block`) to transit gateways, peering and
// egress-only internet gateways, transit-gateway routes to IPv6 blocks, attachments'
// `ipv6_support`, propagations, and security-group rules with IPv6 sources.
import { Cidr } from '../ipam';
import { Ipv6Fabric, NO_PORTS, Opening6, Place6, Ports, Step, Trip6, unionPorts } from './fabric';
import { cidrsOf, IPV6_INTERNET_SAMPLE, Ipv6Space } from './ipv6';
import { PlanCluster } from './plan';
import { SgOpening, sgIngress } from './sg-ingress';
import { TfResource, TfStack, under } from './terraform';

interface Route6 {
  readonly resource: string;
  readonly dest: Cidr;
  /** `local`, or the target's resource address. */
  readonly target: string;
  readonly targetType: string;
}

const TARGETS = ['transit_gateway_id', 'egress_only_gateway_id', 'gateway_id', 'nat_gateway_id', 'vpc_peering_connection_id', 'network_interface_id', 'vpc_endpoint_id'];
/** Longest prefix containing `dest` first. */
const best = (routes: Route6[], dest: Cidr) => routes.filter((r) => r.dest.contains(dest)).sort((a, b) => b.dest.prefix - a.dest.prefix)[0];

export class AwsIpv6 implements Ipv6Fabric {
  public readonly space: Ipv6Space;

  constructor(private readonly tf: TfStack) {
    this.space = new Ipv6Space(tf);
    // Read every attribute that may hold IPv6 once, so any form the verifier does not know is listed.
    for (const s of tf.ofType('aws_subnet')) this.space.read(s, 'ipv6_cidr_block');
    for (const r of tf.ofType('aws_route')) this.space.read(r, 'destination_ipv6_cidr_block');
    for (const r of tf.ofType('aws_ec2_transit_gateway_route')) this.space.read(r, 'destination_cidr_block');
    for (const r of tf.ofType('aws_vpc_security_group_ingress_rule')) this.space.read(r, 'cidr_ipv6');
    for (const r of tf.ofType('aws_security_group_rule')) this.space.readAll(r, 'ipv6_cidr_blocks');
    for (const g of tf.ofType('aws_security_group')) {
      for (const r of (g.attrs.ingress as Array<Record<string, unknown>> | undefined) ?? []) this.space.readAll(g, 'ingress.ipv6_cidr_blocks', r.ipv6_cidr_blocks);
    }
  }

  public nodes(cluster: PlanCluster): { places: Place6[]; missing: Step[] } {
    const nodes = Cidr.parse(cluster.nodeCidr);
    const places: Place6[] = [];
    const missing: Step[] = [];
    for (const s of this.tf.ofType('aws_subnet').filter((x) => under(x.path, cluster.path))) {
      const v4 = this.tf.text(s.attrs.cidr_block);
      if (!v4 || !Cidr.isValid(v4) || !nodes.contains(Cidr.parse(v4))) continue;
      const vpc = this.tf.deref(s.attrs.vpc_id)?.address;
      const v6 = this.space.subnetBlock(s);
      if (v6.kind === 'cidr' && vpc) places.push({ vpc, subnet: s.address, cidr: v6.cidr });
      else missing.push({ text: v6.kind === 'unknown' ? `the IPv6 block of ${s.address} is unknown: ${v6.text} (${v6.why})` : `nodes subnet ${s.address} has no IPv6 block (ipv6_cidr_block)`, resource: s.address });
    }
    return { places, missing };
  }

  public travel(from: Place6, to: Place6): Trip6 {
    const table = this.routeTable(from.subnet);
    const route = best(this.routes(table, from.vpc), to.cidr);
    const steps: Step[] = [];
    if (!route) return { ok: false, steps, missing: { text: `route table ${table ?? `(main) of ${from.vpc}`} of ${from.subnet} has no IPv6 route to ${to.cidr}`, resource: table ?? from.subnet } };
    steps.push({ text: `${route.resource}: ${route.dest} -> ${route.target}`, resource: route.resource });
    if (route.target === 'local') {
      return to.vpc === from.vpc ? { ok: true, steps } : { ok: false, steps, missing: { text: `${to.cidr} is not in ${from.vpc}`, resource: route.resource } };
    }
    if (route.targetType === 'aws_ec2_transit_gateway') return this.viaTgw(route.target, from.vpc, to, steps);
    if (route.targetType === 'aws_vpc_peering_connection') {
      const p = this.tf.ofType('aws_vpc_peering_connection').find((x) => x.address === route.target)!;
      const ends = [this.tf.deref(p.attrs.vpc_id)?.address, this.tf.deref(p.attrs.peer_vpc_id)?.address];
      return ends.includes(to.vpc) && to.vpc !== from.vpc ? { ok: true, steps } : { ok: false, steps, missing: { text: `peering ${p.address} does not lead to ${to.vpc}`, resource: route.resource } };
    }
    return { ok: false, steps, missing: { text: `route ${route.resource} leads ${route.dest} to ${route.target}, not to ${to.vpc}`, resource: route.resource } };
  }

  public admits(cluster: PlanCluster, at: Place6, source: Cidr, from?: PlanCluster): { ports: Ports; resources: string[] } {
    const mine = from ? this.groupsOf(from) : [];
    const sameVpc = from !== undefined && this.nodes(from).places.some((p) => p.vpc === at.vpc);
    let ports = NO_PORTS;
    const resources: string[] = [];
    for (const rule of this.ingress(this.groupsOf(cluster))) {
      const ok = rule.cidr ? rule.cidr.contains(source) : sameVpc && rule.group !== undefined && mine.includes(rule.group);
      if (!ok) continue;
      ports = unionPorts(ports, rule.ports);
      resources.push(rule.resource);
    }
    return { ports, resources };
  }

  public egress(from: Place6): Step | undefined {
    const table = this.routeTable(from.subnet);
    const route = best(this.routes(table, from.vpc), IPV6_INTERNET_SAMPLE);
    if (!route) return { text: `route table ${table ?? `(main) of ${from.vpc}`} of ${from.subnet} has no IPv6 route to the internet (::/0)`, resource: table ?? from.subnet };
    if (route.targetType === 'aws_egress_only_internet_gateway') {
      const eigw = this.tf.ofType('aws_egress_only_internet_gateway').find((g) => g.address === route.target);
      if (eigw && this.tf.deref(eigw.attrs.vpc_id)?.address === from.vpc) return undefined;
      return { text: `${route.resource} sends ${route.dest} to ${route.target}, an egress-only internet gateway of another VPC`, resource: route.resource };
    }
    if (route.targetType === 'aws_internet_gateway') {
      return { text: `${route.resource} sends ${route.dest} to the internet gateway ${route.target}: the internet reaches ${from.subnet}'s IPv6 addresses inbound too — use an egress-only internet gateway`, resource: route.resource };
    }
    return { text: `${route.resource} sends ${route.dest} to ${route.target}, not to an egress-only internet gateway`, resource: route.resource };
  }

  public openings(cluster: PlanCluster, inside: readonly Cidr[]): Opening6[] {
    return this.ingress(this.groupsOf(cluster))
      .filter((r) => r.cidr && !inside.some((i) => i.contains(r.cidr!)))
      .map((r) => ({ resource: r.resource, source: r.cidr!.toString(), ports: r.ports }));
  }

  public leaks(vpc: string): Step[] {
    const block = this.space.vpcBlock(vpc);
    if (!block) return [];
    const out: Step[] = [];
    const attachments = this.tf.ofType('aws_ec2_transit_gateway_vpc_attachment').filter((a) => this.tf.deref(a.attrs.vpc_id)?.address === vpc);
    for (const r of this.tf.ofType('aws_ec2_transit_gateway_route')) {
      const dest = this.space.read(r, 'destination_cidr_block');
      const into = this.tf.deref(r.attrs.transit_gateway_attachment_id)?.address;
      if (dest.kind === 'cidr' && dest.cidr.overlaps(block) && attachments.some((a) => a.address === into)) {
        out.push({ text: `transit-gateway route ${r.address} sends ${dest.cidr} (${vpc}'s IPv6 block) to ${vpc}`, resource: r.address });
      }
    }
    for (const p of this.tf.ofType('aws_ec2_transit_gateway_route_table_propagation')) {
      const a = attachments.find((x) => x.address === this.tf.deref(p.attrs.transit_gateway_attachment_id)?.address);
      if (a && a.attrs.ipv6_support === 'enable') out.push({ text: `propagation ${p.address} announces ${vpc}'s IPv6 block ${block} (attachment ${a.address} takes IPv6)`, resource: p.address });
    }
    for (const r of this.tf.ofType('aws_route')) {
      const table = this.tf.deref(r.attrs.route_table_id);
      const from = table && this.tf.deref(table.attrs.vpc_id)?.address;
      const dest = this.space.read(r, 'destination_ipv6_cidr_block');
      if (from && from !== vpc && dest.kind === 'cidr' && dest.cidr.prefix > 0 && dest.cidr.overlaps(block)) {
        out.push({ text: `route ${r.address} of ${from} sends ${dest.cidr} (${vpc}'s IPv6 block) out of ${from}`, resource: r.address });
      }
    }
    return out;
  }

  public exits(vpc: string): Step[] {
    const out: Step[] = [];
    for (const table of this.tf.ofType('aws_route_table').filter((t) => this.tf.deref(t.attrs.vpc_id)?.address === vpc)) {
      for (const r of this.routes(table.address, vpc)) {
        if (r.target !== 'local') out.push({ text: `IPv6 route ${r.resource} of ${table.address} leads ${r.dest} to ${r.target}`, resource: r.resource });
      }
    }
    return out;
  }

  private viaTgw(tgw: string, vpc: string, to: Place6, steps: Step[]): Trip6 {
    const attachment = this.attachment(vpc, tgw);
    if (!attachment) return { ok: false, steps, missing: { text: `${vpc} routes IPv6 to ${tgw} but has no attachment to it`, resource: steps[steps.length - 1]?.resource ?? vpc } };
    if (attachment.attrs.ipv6_support !== 'enable') return { ok: false, steps, missing: { text: `attachment ${attachment.address} does not take IPv6 (ipv6_support is not "enable"): ${vpc}'s IPv6 does not enter ${tgw}`, resource: attachment.address } };
    const assoc = this.tf.ofType('aws_ec2_transit_gateway_route_table_association').find((a) => this.tf.deref(a.attrs.transit_gateway_attachment_id)?.address === attachment.address);
    const table = assoc && this.tf.deref(assoc.attrs.transit_gateway_route_table_id)?.address;
    if (!table) return { ok: false, steps, missing: { text: `attachment ${attachment.address} is associated with no transit-gateway route table`, resource: attachment.address } };
    const route = best(this.tgwRoutes(table), to.cidr);
    if (!route || route.target === 'blackhole') return { ok: false, steps, missing: { text: `transit-gateway table ${table} has no IPv6 route to ${to.cidr} (in ${to.vpc})`, resource: route?.resource ?? table } };
    steps = [...steps, { text: `${route.resource}: ${route.dest} -> ${route.target}`, resource: route.resource }];
    const into = this.tf.ofType('aws_ec2_transit_gateway_vpc_attachment').find((a) => a.address === route.target);
    const intoVpc = into && this.tf.deref(into.attrs.vpc_id)?.address;
    if (intoVpc !== to.vpc) return { ok: false, steps, missing: { text: `${route.resource} leads ${route.dest} to ${intoVpc ?? route.target}, not to ${to.vpc}`, resource: route.resource } };
    if (into!.attrs.ipv6_support !== 'enable') return { ok: false, steps, missing: { text: `attachment ${into!.address} does not take IPv6 (ipv6_support is not "enable"): ${tgw} cannot deliver IPv6 into ${to.vpc}`, resource: into!.address } };
    return { ok: true, steps };
  }

  private attachment(vpc: string, tgw: string): TfResource | undefined {
    return this.tf.ofType('aws_ec2_transit_gateway_vpc_attachment')
      .find((a) => this.tf.deref(a.attrs.vpc_id)?.address === vpc && this.tf.deref(a.attrs.transit_gateway_id)?.address === tgw);
  }

  private routeTable(subnet: string): string | undefined {
    const assoc = this.tf.ofType('aws_route_table_association').find((a) => this.tf.deref(a.attrs.subnet_id)?.address === subnet);
    return assoc && this.tf.deref(assoc.attrs.route_table_id)?.address;
  }

  private routes(table: string | undefined, vpc: string): Route6[] {
    const block = this.space.vpcBlock(vpc);
    const local: Route6[] = block ? [{ resource: `${vpc} (local)`, dest: block, target: 'local', targetType: 'local' }] : [];
    if (!table) return local;
    const routes = this.tf.ofType('aws_route').filter((r) => this.tf.deref(r.attrs.route_table_id)?.address === table).flatMap((r): Route6[] => {
      const dest = this.space.read(r, 'destination_ipv6_cidr_block');
      const key = TARGETS.find((k) => r.attrs[k] !== undefined);
      const target = key ? this.tf.deref(r.attrs[key]) : undefined;
      return dest.kind === 'cidr' && target ? [{ resource: r.address, dest: dest.cidr, target: target.address, targetType: target.type }] : [];
    });
    return [...local, ...routes];
  }

  private tgwRoutes(table: string): Route6[] {
    const routes = this.tf.ofType('aws_ec2_transit_gateway_route').filter((r) => this.tf.deref(r.attrs.transit_gateway_route_table_id)?.address === table).flatMap((r): Route6[] => {
      const dest = this.space.read(r, 'destination_cidr_block');
      if (dest.kind !== 'cidr') return [];
      if (r.attrs.blackhole === true) return [{ resource: r.address, dest: dest.cidr, target: 'blackhole', targetType: 'blackhole' }];
      const target = this.tf.deref(r.attrs.transit_gateway_attachment_id);
      return target ? [{ resource: r.address, dest: dest.cidr, target: target.address, targetType: target.type }] : [];
    });
    // A propagating attachment that takes IPv6 announces its VPC's /56.
    const propagated = this.tf.ofType('aws_ec2_transit_gateway_route_table_propagation').filter((p) => this.tf.deref(p.attrs.transit_gateway_route_table_id)?.address === table).flatMap((p): Route6[] => {
      const a = this.tf.deref(p.attrs.transit_gateway_attachment_id);
      const block = a && a.attrs.ipv6_support === 'enable' ? this.space.vpcBlock(this.tf.deref(a.attrs.vpc_id)?.address) : undefined;
      return block ? [{ resource: p.address, dest: block, target: a!.address, targetType: a!.type }] : [];
    });
    return [...routes, ...propagated];
  }

  private groupsOf(c: PlanCluster): string[] {
    const names = [`${c.path}/nodes-sg`, ...(c.archipelago ? [`${c.archipelago}/members-sg`] : [])];
    return this.tf.ofType('aws_security_group').filter((g) => names.includes(g.path)).map((g) => g.address);
  }

  private ingress(groups: string[]): SgOpening[] {
    return sgIngress(this.tf, groups, {
      vpcRule: (r) => { const v6 = this.space.read(r, 'cidr_ipv6'); return v6.kind === 'cidr' ? [v6.cidr] : []; },
      groupRule: (r) => cidrsOf(this.space.readAll(r, 'ipv6_cidr_blocks')),
      inline: (g, block) => cidrsOf(this.space.readAll(g, 'ingress.ipv6_cidr_blocks', block.ipv6_cidr_blocks)),
    });
  }
}
