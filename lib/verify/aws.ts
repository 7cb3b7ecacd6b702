// AWS resources as a fabric: VPCs (with their extra CIDR blocks) and subnets, route tables and
// their associations, transit-gateway tables, attachments, associations, propagations and
// routes, NAT gateways (public and private), internet gateways, VPC peering, security groups.
import { Cidr } from '../ipam';
import { AwsIpv6 } from './aws6';
import { ALL_PORTS, admitsTcp, Fabric, NO_PORTS, Place, Ports, Step, Trip, unionPorts } from './fabric';
import { Endpoint, PlanNetwork } from './plan';
import { SgOpening, sgIngress } from './sg-ingress';
import { TfResource, TfStack, under } from './terraform';

interface Route {
  readonly resource: string;
  readonly dest: Cidr;
  /** `local`, or the target's resource address. */
  readonly target: string;
  readonly targetType: string;
}

const cidrOf = (text: string | undefined) => (text && Cidr.isValid(text) ? Cidr.parse(text) : undefined);
/** Longest prefix first: the route that wins. */
const best = <T extends { dest: Cidr }>(routes: T[], dest: Cidr): T | undefined =>
  routes.filter((r) => r.dest.overlaps(dest)).sort((a, b) => Number(b.dest.contains(dest)) - Number(a.dest.contains(dest)) || b.dest.prefix - a.dest.prefix)[0];

export class AwsFabric implements Fabric {
  public readonly ipv6: AwsIpv6;
  private readonly tgw?: string;

  constructor(private readonly tf: TfStack, plan: PlanNetwork) {
    this.ipv6 = new AwsIpv6(tf);
    this.tgw = tf.ofType('aws_ec2_transit_gateway').find((t) => t.path === `${plan.network}/transit-gateway`)?.address
      ?? tf.ofType('aws_ec2_transit_gateway')[0]?.address;
  }

  public vpcOf(endpoint: Endpoint): string | undefined {
    if (!endpoint.cluster) return undefined;
    const nodes = Cidr.parse(endpoint.cluster.nodeCidr);
    const subnet = this.tf.ofType('aws_subnet').find((s) => under(s.path, endpoint.cluster!.path) && nodes.contains(this.cidr(s)!));
    return subnet && this.tf.deref(subnet.attrs.vpc_id)?.address;
  }

  public places(endpoint: Endpoint): Place[] {
    if (endpoint.role === 'internet') return [{ kind: 'internet' }];
    if (endpoint.role === 'other') return this.tgw ? [{ kind: 'main', vpc: this.tgw }] : [];
    const c = endpoint.cluster!;
    const own = this.tf.ofType('aws_subnet').filter((s) => under(s.path, c.path) && this.cidr(s) && endpoint.cidr.contains(this.cidr(s)!));
    return own.map((s) => ({ kind: 'subnet', vpc: this.tf.deref(s.attrs.vpc_id)?.address, subnet: s.address }));
  }

  public travel(from: Place, source: Cidr, dest: Endpoint, depth = 0): Trip {
    if (dest.role === 'internet' || dest.role === 'other') return this.travelOne(from, source, dest, dest.cidr, this.places(dest), depth);
    // A range split over subnets (and VPC blocks) is reached subnet by subnet: every one must be.
    const targets = this.places(dest);
    if (!targets.length) return { source, natted: false, steps: [], missing: { text: `no subnet of the stack holds ${dest.label}` } };
    let trip: Trip | undefined;
    for (const t of targets) {
      const subnet = this.tf.ofType('aws_subnet').find((x) => x.address === t.subnet)!;
      trip = this.travelOne(from, source, dest, this.cidr(subnet)!, [t], depth);
      if (!trip.at) return trip;
    }
    return trip!;
  }

  private travelOne(from: Place, source: Cidr, dest: Endpoint, destCidr: Cidr, targets: Place[], depth: number): Trip {
    const steps: Step[] = [];
    if (from.kind === 'main') return this.viaTgw(from.vpc!, undefined, source, dest, destCidr, targets, false, steps);
    const table = this.routeTable(from.subnet!);
    const routes = this.routes(table, from.vpc!);
    const route = dest.role === 'internet' ? routes.find((r) => r.dest.prefix === 0) : best(routes, destCidr);
    if (!route) {
      return { source, natted: false, steps, missing: { text: `route table ${table ?? `(main) of ${from.vpc}`} of ${from.subnet} has no route to ${dest.label}`, resource: table ?? from.subnet } };
    }
    steps.push({ text: `${route.resource}: ${route.dest} -> ${route.target}`, resource: route.resource });
    if (route.target === 'local') {
      const hit = targets.find((t) => t.vpc === from.vpc);
      return hit ? { at: hit, source, natted: false, steps } : { source, natted: false, steps, missing: { text: `${dest.label} is not in ${from.vpc}`, resource: route.resource } };
    }
    if (route.targetType === 'aws_ec2_transit_gateway') return this.viaTgw(route.target, from.vpc, source, dest, destCidr, targets, false, steps);
    if (route.targetType === 'aws_nat_gateway') {
      const nat = this.tf.ofType('aws_nat_gateway').find((n) => n.address === route.target)!;
      const natSubnet = this.tf.deref(nat.attrs.subnet_id);
      if (!natSubnet || depth > 3) return { source, natted: false, steps, missing: { text: `NAT gateway ${nat.address} has no subnet`, resource: nat.address } };
      const natPlace: Place = { kind: 'subnet', vpc: this.tf.deref(natSubnet.attrs.vpc_id)?.address, subnet: natSubnet.address };
      if (nat.attrs.connectivity_type === 'private') {
        const onward = this.travelOne(natPlace, this.cidr(natSubnet)!, dest, destCidr, targets, depth + 1);
        return { ...onward, natted: true, steps: [...steps, { text: `private NAT ${nat.address}`, resource: nat.address }, ...onward.steps] };
      }
      if (dest.role !== 'internet') return { source, natted: false, steps, missing: { text: `public NAT gateway ${nat.address} leads to the internet, not to ${dest.label}`, resource: route.resource } };
      const out = this.routes(this.routeTable(natSubnet.address), natPlace.vpc!).find((r) => r.dest.prefix === 0 && r.targetType === 'aws_internet_gateway');
      if (!out) return { source, natted: false, steps, missing: { text: `the subnet of NAT gateway ${nat.address} has no route to an internet gateway`, resource: natSubnet.address } };
      return { at: { kind: 'internet' }, source, natted: true, steps: [...steps, { text: `NAT gateway ${nat.address} -> ${out.target}`, resource: nat.address }] };
    }
    if (route.targetType === 'aws_vpc_peering_connection') {
      const peering = this.tf.ofType('aws_vpc_peering_connection').find((p) => p.address === route.target)!;
      const ends = [this.tf.deref(peering.attrs.vpc_id)?.address, this.tf.deref(peering.attrs.peer_vpc_id)?.address];
      const hit = targets.find((t) => t.vpc !== from.vpc && ends.includes(t.vpc));
      return hit ? { at: hit, source, natted: false, steps } : { source, natted: false, steps, missing: { text: `peering ${peering.address} does not lead to ${dest.label}`, resource: route.resource } };
    }
    if (route.targetType === 'aws_internet_gateway') {
      return { source, natted: false, steps, missing: { text: `${source} has no public address: the internet gateway ${route.target} does not carry it`, resource: route.resource } };
    }
    return { source, natted: false, steps, missing: { text: `route ${route.resource} leads to ${route.target}, which the verifier does not follow`, resource: route.resource } };
  }

  public returns(at: Place, range: Cidr, home: Place): Step | undefined {
    if (at.kind === 'internet' || home.kind === 'internet') return undefined;
    // Replies go to the source's own subnet, which may be one block of a range split over several.
    const own = home.subnet ? this.cidr(this.tf.ofType('aws_subnet').find((s) => s.address === home.subnet)!) : undefined;
    const source = own && range.contains(own) ? own : range;
    const back: Endpoint = { label: `${source}`, role: home.kind === 'main' ? 'other' : 'nodes', cidr: source };
    const trip = at.kind === 'main'
      ? this.viaTgw(at.vpc!, undefined, source, back, source, [home], true, [])
      : this.travelTo(at, source, home);
    return trip.at ? undefined : { text: `replies to ${source} find no route back: ${trip.missing?.text ?? 'no route'}`, resource: trip.missing?.resource };
  }

  public admits(dest: Endpoint, at: Place, source: Cidr, from: Endpoint | undefined, natted: boolean): { ports: Ports; resources: string[] } {
    if (dest.role === 'other' || dest.role === 'internet') return { ports: ALL_PORTS, resources: [] };
    const groups = this.groupsOf(dest);
    const mine = from && !natted ? this.groupsOf(from) : [];
    const sameVpc = from && !natted && this.vpcOf(from) === at.vpc;
    let ports = NO_PORTS;
    const resources: string[] = [];
    for (const rule of this.ingress(groups)) {
      const ok = rule.cidr ? rule.cidr.contains(source) : sameVpc && rule.group !== undefined && mine.includes(rule.group);
      if (!ok) continue;
      ports = unionPorts(ports, rule.ports);
      resources.push(rule.resource);
    }
    return { ports, resources };
  }

  public openings(dest: Endpoint, inside: readonly Cidr[]): Array<{ resource: string; source: string; ports: Ports }> {
    return this.ingress(this.groupsOf(dest))
      .filter((r) => r.cidr && !inside.some((i) => i.contains(r.cidr!)))
      .map((r) => ({ resource: r.resource, source: r.cidr!.toString(), ports: r.ports }));
  }

  public gateway(nodes: Endpoint, kind: 'LOAD_BALANCER' | 'PROXY', ports: readonly number[], main: Endpoint): Step | undefined {
    const c = nodes.cluster!;
    const type = kind === 'LOAD_BALANCER' ? 'network' : 'application';
    const lb = this.tf.ofType('aws_lb').find((l) => under(l.path, c.path) && l.attrs.load_balancer_type === type);
    if (!lb) return { text: `${c.path} has no ${type} load balancer (aws_lb) for its declared ${kind.toLowerCase().replace('_', ' ')}` };
    const listeners = this.tf.ofType('aws_lb_listener').filter((l) => this.tf.deref(l.attrs.load_balancer_arn)?.address === lb.address);
    const wanted = kind === 'LOAD_BALANCER' ? ports : [];
    const missingPorts = wanted.filter((p) => !listeners.some((l) => Number(l.attrs.port) === p));
    if (missingPorts.length || !listeners.length) return { text: `load balancer ${lb.address} has no listener on port ${missingPorts.join(', ') || 'any'}`, resource: lb.address };
    const groups = ((lb.attrs.security_groups as unknown[]) ?? []).map((g) => this.tf.deref(g)?.address).filter((g): g is string => !!g);
    const open = this.ingress(groups).filter((r) => r.cidr?.contains(main.cidr)).reduce((p, r) => unionPorts(p, r.ports), NO_PORTS);
    const listened = listeners.map((l) => Number(l.attrs.port));
    const shut = listened.filter((p) => !admitsTcp(open, p, p));
    if (shut.length === listened.length || wanted.some((p) => shut.includes(p))) {
      return { text: `no security-group rule of ${lb.address} admits ${main.cidr} on port ${shut.join(', ')}`, resource: groups[0] ?? lb.address };
    }
    const toNodes = this.ingress(this.groupsOf(nodes)).some((r) => r.group !== undefined && groups.includes(r.group));
    if (!toNodes) return { text: `no security-group rule of ${c.path}'s nodes admits load balancer ${lb.address}`, resource: lb.address };
    const [from] = this.places(main);
    for (const s of ((lb.attrs.subnets as unknown[]) ?? []).map((x) => this.tf.deref(x)).filter((x): x is TfResource => !!x)) {
      const trip = from && this.travel(from, main.cidr, { label: `${s.address}`, role: 'proxy', cidr: this.cidr(s)!, cluster: c });
      if (!trip?.at) return trip?.missing ?? { text: `${main.label} has no place in the stack` };
    }
    return undefined;
  }

  public leaks(cidr: Cidr, vpc: string): Step[] {
    const out: Step[] = [];
    const attachments = this.tf.ofType('aws_ec2_transit_gateway_vpc_attachment').filter((a) => this.tf.deref(a.attrs.vpc_id)?.address === vpc);
    for (const a of attachments) {
      for (const r of this.tf.ofType('aws_ec2_transit_gateway_route')) {
        const dest = cidrOf(this.tf.text(r.attrs.destination_cidr_block));
        if (dest?.overlaps(cidr) && this.tf.deref(r.attrs.transit_gateway_attachment_id)?.address === a.address) {
          out.push({ text: `transit-gateway route ${r.address} sends ${dest} to ${vpc}`, resource: r.address });
        }
      }
      for (const p of this.tf.ofType('aws_ec2_transit_gateway_route_table_propagation')) {
        if (this.tf.deref(p.attrs.transit_gateway_attachment_id)?.address === a.address && this.vpcCidrs(vpc).some((c) => c.overlaps(cidr))) {
          out.push({ text: `propagation ${p.address} announces ${vpc}'s blocks, ${cidr} among them`, resource: p.address });
        }
      }
    }
    for (const p of this.tf.ofType('aws_vpc_peering_connection')) {
      const ends = [this.tf.deref(p.attrs.vpc_id)?.address, this.tf.deref(p.attrs.peer_vpc_id)?.address];
      if (!ends.includes(vpc)) continue;
      for (const r of this.tf.ofType('aws_route')) {
        const dest = cidrOf(this.tf.text(r.attrs.destination_cidr_block));
        if (dest?.overlaps(cidr) && this.tf.deref(r.attrs.vpc_peering_connection_id)?.address === p.address) {
          out.push({ text: `route ${r.address} sends ${dest} over peering ${p.address} to ${vpc}`, resource: r.address });
        }
      }
    }
    return out;
  }

  public exits(vpc: string, allowed: readonly Cidr[]): Step[] {
    const out: Step[] = [];
    const inVpc = (r: TfResource) => this.tf.deref(r.attrs.vpc_id)?.address === vpc;
    for (const igw of this.tf.ofType('aws_internet_gateway').filter(inVpc)) out.push({ text: `internet gateway ${igw.address} in ${vpc}`, resource: igw.address });
    // IPv6 leaves by an egress-only internet gateway (its ::/0 routes are not read as IPv4 routes).
    for (const eigw of this.tf.ofType('aws_egress_only_internet_gateway').filter(inVpc)) out.push({ text: `egress-only internet gateway ${eigw.address} in ${vpc}`, resource: eigw.address });
    const subnets = this.tf.ofType('aws_subnet').filter(inVpc);
    for (const nat of this.tf.ofType('aws_nat_gateway')) {
      if (subnets.some((s) => this.tf.deref(nat.attrs.subnet_id)?.address === s.address)) out.push({ text: `NAT gateway ${nat.address} in ${vpc}`, resource: nat.address });
    }
    const exposed = (s: TfResource) => allowed.some((a) => a.contains(this.cidr(s)!));
    for (const a of this.tf.ofType('aws_ec2_transit_gateway_vpc_attachment').filter(inVpc)) {
      const through = this.tf.texts([]).concat(((a.attrs.subnet_ids as unknown[]) ?? []).map((s) => this.tf.deref(s)).filter((s): s is TfResource => !!s).filter((s) => !exposed(s)).map((s) => s.address));
      if (through.length) out.push({ text: `transit-gateway attachment ${a.address} reaches ${vpc} through ${through.join(', ')}`, resource: a.address });
    }
    for (const p of this.tf.ofType('aws_vpc_peering_connection')) {
      if ([p.attrs.vpc_id, p.attrs.peer_vpc_id].some((v) => this.tf.deref(v)?.address === vpc)) out.push({ text: `peering ${p.address} with ${vpc}`, resource: p.address });
    }
    for (const s of subnets.filter((x) => !exposed(x))) {
      const table = this.routeTable(s.address);
      for (const r of table ? this.routes(table, vpc) : []) {
        if (r.target !== 'local') out.push({ text: `route ${r.resource} of ${s.address} leads ${r.dest} to ${r.target}`, resource: r.resource });
      }
    }
    return out;
  }

  /** From subnet `at` towards `home` (a subnet or the transit gateway), for replies. */
  private travelTo(at: Place, source: Cidr, home: Place): Trip {
    const fake: Endpoint = { label: `${source}`, role: home.kind === 'main' ? 'other' : 'nodes', cidr: source };
    const table = this.routeTable(at.subnet!);
    const route = best(this.routes(table, at.vpc!), source);
    if (!route) return { source, natted: false, steps: [], missing: { text: `route table of ${at.subnet} has no route to ${source}`, resource: table ?? at.subnet } };
    if (route.target === 'local') return at.vpc === home.vpc ? { at: home, source, natted: false, steps: [] } : { source, natted: false, steps: [], missing: { text: `${source} is local to ${at.vpc}`, resource: route.resource } };
    if (route.targetType === 'aws_ec2_transit_gateway') return this.viaTgw(route.target, at.vpc, source, fake, source, [home], true, []);
    if (route.targetType === 'aws_vpc_peering_connection') return { at: home, source, natted: false, steps: [] };
    return { source, natted: false, steps: [], missing: { text: `replies to ${source} leave by ${route.target}`, resource: route.resource } };
  }

  /** Through transit gateway `tgw`, entered from `vpc` (undefined: from the main network, i.e. Other hosts). */
  private viaTgw(tgw: string, vpc: string | undefined, source: Cidr, dest: Endpoint, destCidr: Cidr, targets: Place[], reply: boolean, steps: Step[]): Trip {
    let table: string | undefined;
    if (vpc) {
      const attachment = this.tf.ofType('aws_ec2_transit_gateway_vpc_attachment')
        .find((a) => this.tf.deref(a.attrs.vpc_id)?.address === vpc && this.tf.deref(a.attrs.transit_gateway_id)?.address === tgw);
      if (!attachment) return { source, natted: false, steps, missing: { text: `${vpc} routes to ${tgw} but has no attachment to it`, resource: steps[steps.length - 1]?.resource ?? vpc } };
      table = this.tf.ofType('aws_ec2_transit_gateway_route_table_association')
        .find((a) => this.tf.deref(a.attrs.transit_gateway_attachment_id)?.address === attachment.address)?.attrs.transit_gateway_route_table_id as string | undefined;
      if (!table) return { source, natted: false, steps, missing: { text: `attachment ${attachment.address} is associated with no transit-gateway route table`, resource: attachment.address } };
      table = this.tf.deref(table)?.address;
    } else {
      table = this.tf.ofType('aws_ec2_transit_gateway_route_table').find((t) => this.tf.deref(t.attrs.transit_gateway_id)?.address === tgw)?.address;
    }
    const routes = this.tgwRoutes(table);
    const route = best(routes, destCidr);
    const toOther = dest.role === 'other' && (!route || !route.dest.contains(destCidr));
    if (toOther) return { at: targets.find((t) => t.kind === 'main') ?? { kind: 'main', vpc: tgw }, source, natted: false, steps: [...steps, { text: `${tgw} to the main network`, resource: tgw }] };
    if (!route || route.target === 'blackhole') {
      return { source, natted: false, steps, missing: { text: `transit-gateway table ${table} has no route to ${reply ? source : dest.label}`, resource: route?.resource ?? table } };
    }
    const into = this.tf.ofType('aws_ec2_transit_gateway_vpc_attachment').find((a) => a.address === route.target);
    const intoVpc = into && this.tf.deref(into.attrs.vpc_id)?.address;
    steps = [...steps, { text: `${route.resource}: ${route.dest} -> ${route.target}`, resource: route.resource }];
    const hit = targets.find((t) => t.vpc === intoVpc && (reply || this.vpcCidrs(intoVpc!).some((c) => c.contains(destCidr) || destCidr.contains(c))));
    return hit ? { at: hit, source, natted: false, steps } : { source, natted: false, steps, missing: { text: `${route.resource} leads ${route.dest} to ${intoVpc}, not to ${dest.label}`, resource: route.resource } };
  }

  private cidr(subnet: TfResource): Cidr | undefined {
    return cidrOf(this.tf.text(subnet.attrs.cidr_block));
  }

  private vpcCidrs(vpc: string): Cidr[] {
    const v = this.tf.ofType('aws_vpc').find((x) => x.address === vpc);
    const blocks = this.tf.ofType('aws_vpc_ipv4_cidr_block_association').filter((b) => this.tf.deref(b.attrs.vpc_id)?.address === vpc);
    return [v && this.tf.text(v.attrs.cidr_block), ...blocks.map((b) => this.tf.text(b.attrs.cidr_block))].map(cidrOf).filter((c): c is Cidr => !!c);
  }

  /** The route table of `subnet`: its association's, else none (the VPC's main table routes locally only). */
  private routeTable(subnet: string): string | undefined {
    const assoc = this.tf.ofType('aws_route_table_association').find((a) => this.tf.deref(a.attrs.subnet_id)?.address === subnet);
    return assoc && this.tf.deref(assoc.attrs.route_table_id)?.address;
  }

  private routes(table: string | undefined, vpc: string): Route[] {
    const local = this.vpcCidrs(vpc).map((dest): Route => ({ resource: `${vpc} (local)`, dest, target: 'local', targetType: 'local' }));
    if (!table) return local;
    const targetKeys = ['transit_gateway_id', 'nat_gateway_id', 'gateway_id', 'vpc_peering_connection_id', 'network_interface_id', 'vpc_endpoint_id'];
    const routes = this.tf.ofType('aws_route').filter((r) => this.tf.deref(r.attrs.route_table_id)?.address === table).flatMap((r): Route[] => {
      const dest = cidrOf(this.tf.text(r.attrs.destination_cidr_block));
      const key = targetKeys.find((k) => r.attrs[k] !== undefined);
      const target = key ? this.tf.deref(r.attrs[key]) : undefined;
      return dest && target ? [{ resource: r.address, dest, target: target.address, targetType: target.type }] : [];
    });
    return [...local, ...routes];
  }

  private tgwRoutes(table: string | undefined): Route[] {
    const routes = this.tf.ofType('aws_ec2_transit_gateway_route').filter((r) => this.tf.deref(r.attrs.transit_gateway_route_table_id)?.address === table).flatMap((r): Route[] => {
      const dest = cidrOf(this.tf.text(r.attrs.destination_cidr_block));
      if (!dest) return [];
      if (r.attrs.blackhole === true) return [{ resource: r.address, dest, target: 'blackhole', targetType: 'blackhole' }];
      const target = this.tf.deref(r.attrs.transit_gateway_attachment_id);
      return target ? [{ resource: r.address, dest, target: target.address, targetType: target.type }] : [];
    });
    const propagated = this.tf.ofType('aws_ec2_transit_gateway_route_table_propagation').filter((p) => this.tf.deref(p.attrs.transit_gateway_route_table_id)?.address === table).flatMap((p) => {
      const attachment = this.tf.deref(p.attrs.transit_gateway_attachment_id);
      const vpc = attachment && this.tf.deref(attachment.attrs.vpc_id)?.address;
      return vpc ? this.vpcCidrs(vpc).map((dest): Route => ({ resource: p.address, dest, target: attachment!.address, targetType: attachment!.type })) : [];
    });
    return [...routes, ...propagated];
  }

  /**
   * Security groups that hold `endpoint`'s addresses, by the renderers' construct paths. Pods
   * hold their cluster's `pods-sg` where the stack has one (islands and archipelago members: the
   * ENIConfigs name it, and they are not in the Terraform), else the nodes' group (flat and
   * isolated clusters, and islands rendered before their pods had a group of their own).
   */
  private groupsOf(endpoint: Endpoint): string[] {
    const c = endpoint.cluster;
    if (!c) return [];
    const groups = this.tf.ofType('aws_security_group');
    const own = (id: string) => groups.some((g) => g.path === `${c.path}/${id}`);
    const workload = endpoint.role === 'pods' && own('pods-sg') ? 'pods-sg' : 'nodes-sg';
    const names = endpoint.role === 'api-endpoint' ? [`${c.path}/api-endpoint-sg`]
      : [`${c.path}/${workload}`, ...(c.archipelago ? [`${c.archipelago}/members-sg`] : [])];
    return groups.filter((g) => names.includes(g.path)).map((g) => g.address);
  }

  private ingress(groups: string[]): SgOpening[] {
    const one = (text: string | undefined) => { const c = cidrOf(text); return c ? [c] : []; };
    return sgIngress(this.tf, groups, {
      vpcRule: (r) => one(this.tf.text(r.attrs.cidr_ipv4)),
      groupRule: (r) => this.tf.texts(r.attrs.cidr_blocks).flatMap(one),
      inline: (_g, block) => this.tf.texts(block.cidr_blocks).flatMap(one),
    });
  }
}
