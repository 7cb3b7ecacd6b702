// GCP resources read for IPv6: each VPC's internal ULA /48 and its dual-stack subnets' /64s
// (placeholders, see ipv6.ts), VPC peering that carries IPv6 (`stack_type = "IPV4_IPV6"` on
// both sides), NCC spokes that export IPv6 (only what `include_export_ranges` names:
// `ALL_IPV6_RANGES` or an IPv6 range — a VPC spoke exports no IPv6 subnet range by default),
// static routes to IPv6 ranges, and ingress firewall rules with IPv6 sources.
import { Cidr } from '../ipam';
import { Ipv6Fabric, NO_PORTS, Opening6, Place6, Ports, Step, Trip6, unionPorts } from './fabric';
import { cidrsOf, HEALTH_CHECK_RANGES_V6, Ipv6Space, Ipv6Value } from './ipv6';
import { PlanCluster } from './plan';
import { allowPorts } from './ports';
import { TfResource, TfStack, under } from './terraform';

interface Rule6 {
  readonly resource: string;
  readonly sources: Cidr[];
  /** Empty: every instance of the network. */
  readonly destinations: Cidr[];
  readonly ports: Ports;
}

export class GcpIpv6 implements Ipv6Fabric {
  public readonly space: Ipv6Space;
  private readonly rules = new Map<string, Rule6[]>();

  constructor(private readonly tf: TfStack) {
    this.space = new Ipv6Space(tf);
    for (const s of tf.ofType('google_compute_subnetwork')) this.space.subnetBlock(s);
    for (const r of tf.ofType('google_compute_route')) this.space.read(r, 'dest_range');
    for (const s of tf.ofType('google_network_connectivity_spoke')) this.exported(s);
    for (const f of tf.ofType('google_compute_firewall')) {
      const vpc = tf.deref(f.attrs.network)?.address;
      const sources = this.space.readAll(f, 'source_ranges');
      const destinationsRaw = (f.attrs.destination_ranges as unknown[] | undefined) ?? [];
      const destinations = this.space.readAll(f, 'destination_ranges');
      // A rule of IPv4 destinations only applies to no IPv6 packet; one of IPv6 sources, to IPv6 only.
      if (!vpc || (f.attrs.direction ?? 'INGRESS') !== 'INGRESS' || f.attrs.disabled === true) continue;
      if (!sources.length || (destinationsRaw.length && !destinations.length)) continue;
      this.rules.set(vpc, [...(this.rules.get(vpc) ?? []), { resource: f.address, sources: cidrsOf(sources), destinations: cidrsOf(destinations), ports: allowPorts(f) }]);
    }
  }

  public nodes(cluster: PlanCluster): { places: Place6[]; missing: Step[] } {
    const nodes = Cidr.parse(cluster.nodeCidr);
    const places: Place6[] = [];
    const missing: Step[] = [];
    for (const s of this.tf.ofType('google_compute_subnetwork').filter((x) => under(x.path, cluster.path) && x.attrs.purpose === undefined)) {
      const v4 = this.tf.text(s.attrs.ip_cidr_range);
      if (!v4 || !Cidr.isValid(v4) || !nodes.contains(Cidr.parse(v4))) continue;
      const vpc = this.tf.deref(s.attrs.network)?.address;
      const v6 = this.space.subnetBlock(s);
      if (v6.kind === 'cidr' && vpc) places.push({ vpc, subnet: s.address, cidr: v6.cidr });
      else missing.push({ text: v6.kind === 'unknown' ? `the IPv6 range of ${s.address} is unknown: ${v6.text} (${v6.why})` : `subnet ${s.address} is not dual-stack (stack_type ${String(s.attrs.stack_type ?? 'IPV4_ONLY')})`, resource: s.address });
    }
    return { places, missing };
  }

  public travel(from: Place6, to: Place6): Trip6 {
    if (from.vpc === to.vpc) return { ok: true, steps: [{ text: `inside ${from.vpc}`, resource: from.vpc }] };
    const peer = this.peers6(from.vpc).find((p) => p.vpc === to.vpc);
    if (peer) return { ok: true, steps: [{ text: `peering ${from.vpc} -> ${to.vpc} (IPV4_IPV6)`, resource: peer.resource }] };
    const mine = this.spokes(from.vpc);
    for (const spoke of mine) {
      const theirs = this.spokes(to.vpc).find((s) => s.hub === spoke.hub);
      if (!theirs) continue;
      if (!theirs.exports(to.cidr)) return { ok: false, steps: [], missing: { text: `spoke ${theirs.address} does not export ${to.vpc}'s IPv6 ${to.cidr} to hub ${spoke.hub} (a VPC spoke exports IPv6 only as include_export_ranges names it)`, resource: theirs.address } };
      return { ok: true, steps: [{ text: `spoke ${spoke.address} -> hub ${spoke.hub} -> spoke ${theirs.address}`, resource: spoke.hub }] };
    }
    return { ok: false, steps: [], missing: { text: `no IPv6 path from ${from.vpc} to ${to.vpc}`, resource: from.vpc } };
  }

  public admits(cluster: PlanCluster, at: Place6, source: Cidr): { ports: Ports; resources: string[] } {
    let ports = NO_PORTS;
    const resources: string[] = [];
    for (const rule of this.rules.get(at.vpc) ?? []) {
      if (!rule.sources.some((s) => s.contains(source))) continue;
      if (rule.destinations.length && !rule.destinations.some((d) => d.contains(at.cidr))) continue;
      ports = unionPorts(ports, rule.ports);
      resources.push(rule.resource);
    }
    void cluster;
    return { ports, resources };
  }

  /** Internal (ULA) IPv6 never reaches the internet: there is no outbound path to prove. */
  public egress(): Step | undefined {
    return undefined;
  }

  public openings(cluster: PlanCluster, inside: readonly Cidr[]): Opening6[] {
    const out: Opening6[] = [];
    for (const place of this.nodes(cluster).places) {
      for (const rule of this.rules.get(place.vpc) ?? []) {
        if (rule.destinations.length && !rule.destinations.some((d) => d.overlaps(place.cidr))) continue;
        for (const s of rule.sources) {
          if (inside.some((i) => i.contains(s)) || out.some((o) => o.resource === rule.resource && o.source === s.toString())) continue;
          out.push({ resource: rule.resource, source: s.toString(), ports: rule.ports });
        }
      }
    }
    return out;
  }

  public leaks(vpc: string): Step[] {
    // The ULA /48 and the global /64s of the VPC's EXTERNAL subnets.
    const blocks = this.space.vpcBlocks(vpc);
    if (!blocks.length) return [];
    const out: Step[] = [];
    for (const spoke of this.spokes(vpc)) {
      if (blocks.some((b) => spoke.exports(b, true))) out.push({ text: `spoke ${spoke.address} exports ${vpc}'s IPv6 (${spoke.include.join(', ')}) to hub ${spoke.hub}`, resource: spoke.address });
    }
    for (const peer of this.peers6(vpc)) out.push({ text: `peering with ${peer.vpc} carries ${vpc}'s IPv6 (stack_type IPV4_IPV6)`, resource: peer.resource });
    for (const route of this.tf.ofType('google_compute_route')) {
      const dest = this.space.read(route, 'dest_range');
      if (dest.kind === 'cidr' && dest.cidr.prefix > 0 && blocks.some((b) => dest.cidr.overlaps(b)) && this.tf.deref(route.attrs.network)?.address !== vpc) {
        out.push({ text: `route ${route.address} sends ${dest.cidr} (${vpc}'s IPv6) out of ${this.tf.deref(route.attrs.network)?.address}`, resource: route.address });
      }
    }
    return out;
  }

  /** Routes, peering and spokes are the IPv4 reading's exits already (they carry both families). */
  public exits(): Step[] {
    return [];
  }

  private spokes(vpc: string): Array<{ address: string; hub: string; include: string[]; exports: (cidr: Cidr, any?: boolean) => boolean }> {
    return this.tf.ofType('google_network_connectivity_spoke').flatMap((s) => {
      const linked = s.attrs.linked_vpc_network as Record<string, unknown> | undefined;
      const hub = this.tf.deref(s.attrs.hub)?.address;
      if (!hub || this.tf.deref(linked?.uri)?.address !== vpc) return [];
      const { all, include, exclude } = this.exported(s);
      const exports = (cidr: Cidr, anyPart = false) => !exclude.some((x) => x.contains(cidr))
        && (all || include.some((x) => (anyPart ? x.overlaps(cidr) : x.contains(cidr))));
      return [{ address: s.address, hub, include: [...(all ? ['ALL_IPV6_RANGES'] : []), ...include.map(String)], exports }];
    });
  }

  /** A spoke's IPv6 export filters. */
  private exported(s: TfResource): { all: boolean; include: Cidr[]; exclude: Cidr[] } {
    const linked = (s.attrs.linked_vpc_network as Record<string, unknown> | undefined) ?? {};
    const list = (attr: string) => ((linked[attr] as unknown[] | undefined) ?? []);
    const read = (attr: string): Ipv6Value[] => list(attr).filter((v) => v !== 'ALL_IPV6_RANGES' && v !== 'ALL_PRIVATE_IPV4_RANGES')
      .map((v) => this.space.value(s, `linked_vpc_network.${attr}`, v)).filter((v) => v.kind !== 'none');
    return { all: list('include_export_ranges').includes('ALL_IPV6_RANGES'), include: cidrsOf(read('include_export_ranges')), exclude: cidrsOf(read('exclude_export_ranges')) };
  }

  /** VPCs `vpc` peers with over IPv6: both sides declare the peering with stack_type IPV4_IPV6. */
  private peers6(vpc: string): Array<{ vpc: string; resource: string }> {
    const peerings = this.tf.ofType('google_compute_network_peering').map((p) => ({
      from: this.tf.deref(p.attrs.network)?.address, to: this.tf.deref(p.attrs.peer_network)?.address, v6: p.attrs.stack_type === 'IPV4_IPV6', resource: p.address,
    }));
    return peerings.filter((p) => p.v6 && p.from === vpc && peerings.some((q) => q.v6 && q.from === p.to && q.to === vpc)).map((p) => ({ vpc: p.to!, resource: p.resource }));
  }
}


/** Google's IPv6 health checks: a source outside the network every load-balanced cluster may admit. */
export const isHealthCheck6 = (source: Cidr) => HEALTH_CHECK_RANGES_V6.some((h) => h.contains(source));
