// GCP resources as a fabric: VPC networks and their subnets (primary and secondary ranges),
// NCC hub spokes with export filters, VPC peering, static routes, Cloud NAT (public and
// private), and ingress firewall rules.
import { Cidr } from '../ipam';
import { GcpIpv6 } from './gcp6';
import { ALL_PORTS, admitsTcp, anyPort, Fabric, NO_PORTS, Place, Ports, Step, Trip, unionPorts } from './fabric';
import { Endpoint, PlanNetwork } from './plan';
import { allowPorts } from './ports';
import { TfResource, TfStack, under } from './terraform';

interface Subnet {
  readonly address: string;
  readonly path: string;
  readonly vpc: string;
  readonly primary?: Cidr;
  readonly secondary: ReadonlyArray<{ name: string; cidr: Cidr }>;
  readonly purpose?: string;
}

interface Spoke {
  readonly address: string;
  readonly hub: string;
  readonly vpc: string;
  readonly exclude: Cidr[];
  readonly include: Cidr[];
}

const cidrs = (texts: string[]) => texts.filter((t) => Cidr.isValid(t)).map((t) => Cidr.parse(t));

export class GcpFabric implements Fabric {
  public readonly ipv6: GcpIpv6;
  private readonly subnets: Subnet[];
  private readonly spokes: Spoke[];
  private readonly mainVpc?: string;

  constructor(private readonly tf: TfStack, private readonly plan: PlanNetwork) {
    this.ipv6 = new GcpIpv6(tf);
    this.subnets = tf.ofType('google_compute_subnetwork').flatMap((r): Subnet[] => {
      const vpc = tf.deref(r.attrs.network)?.address;
      if (!vpc) return [];
      const primaryText = tf.text(r.attrs.ip_cidr_range);
      const secondary = ((r.attrs.secondary_ip_range as Array<Record<string, unknown>> | undefined) ?? [])
        .map((s) => ({ name: String(s.range_name), text: tf.text(s.ip_cidr_range) }))
        .filter((s): s is { name: string; text: string } => s.text !== undefined && Cidr.isValid(s.text))
        .map((s) => ({ name: s.name, cidr: Cidr.parse(s.text) }));
      return [{
        address: r.address, path: r.path, vpc,
        primary: primaryText && Cidr.isValid(primaryText) ? Cidr.parse(primaryText) : undefined,
        secondary, purpose: r.attrs.purpose as string | undefined,
      }];
    });
    this.spokes = tf.ofType('google_network_connectivity_spoke').flatMap((r): Spoke[] => {
      const linked = r.attrs.linked_vpc_network as Record<string, unknown> | undefined;
      const vpc = tf.deref(linked?.uri)?.address;
      const hub = tf.deref(r.attrs.hub)?.address;
      if (!vpc || !hub) return [];
      return [{ address: r.address, hub, vpc, exclude: cidrs(tf.texts(linked?.exclude_export_ranges)), include: cidrs(tf.texts(linked?.include_export_ranges)) }];
    });
    this.mainVpc = tf.ofType('google_compute_network').find((n) => n.path === `${plan.network}/vpc`)?.address;
  }

  public vpcOf(endpoint: Endpoint): string | undefined {
    if (!endpoint.cluster) return this.mainVpc;
    const nodes = Cidr.parse(endpoint.cluster.nodeCidr);
    return this.subnets.find((s) => under(s.path, endpoint.cluster!.path) && s.primary && nodes.contains(s.primary))?.vpc;
  }

  public podsOnNodes(pods: Endpoint): boolean {
    const c = pods.cluster;
    return !!c && !this.subnets.some((s) => under(s.path, c.path) && s.secondary.some((r) => pods.cidr.contains(r.cidr)));
  }

  public places(endpoint: Endpoint): Place[] {
    if (endpoint.role === 'internet') return [{ kind: 'internet' }];
    if (endpoint.role === 'other') return this.mainVpc ? [{ kind: 'main', vpc: this.mainVpc }] : [];
    const c = endpoint.cluster!;
    const own = this.subnets.filter((s) => under(s.path, c.path));
    const at = (s: Subnet): Place => ({ kind: 'subnet', vpc: s.vpc, subnet: s.address });
    if (endpoint.role === 'proxy') {
      return this.subnets.filter((s) => s.primary && endpoint.cidr.contains(s.primary) && s.purpose === 'REGIONAL_MANAGED_PROXY').map(at);
    }
    if (endpoint.role === 'api-endpoint' || endpoint.role === 'nodes') {
      return own.filter((s) => s.primary && endpoint.cidr.contains(s.primary) && s.purpose === undefined).map(at);
    }
    const inSecondary = own.filter((s) => s.secondary.some((r) => endpoint.cidr.contains(r.cidr))).map(at);
    if (inSecondary.length) return inSecondary;
    // Routes-based pods (or services) live on the nodes: reached through routes the cloud controller makes.
    const nodes = Cidr.parse(c.nodeCidr);
    return own.filter((s) => s.primary && nodes.contains(s.primary)).map(at);
  }

  public travel(from: Place, source: Cidr, dest: Endpoint): Trip {
    const steps: Step[] = [];
    const vpc = from.vpc;
    if (!vpc) return { source, natted: false, steps, missing: { text: 'the source lives in no network of the stack' } };
    if (dest.role === 'internet') return this.toInternet(from, source);
    const targets = this.places(dest);
    // Same network: subnet routes (and, for Other, the main network itself).
    const local = targets.find((t) => t.vpc === vpc);
    if (local) return { at: local, source, natted: false, steps: [{ text: `inside ${vpc}`, resource: vpc }] };
    // VPC peering.
    for (const peer of this.peers(vpc)) {
      const hit = targets.find((t) => t.vpc === peer.vpc);
      if (hit) return { at: hit, source, natted: false, steps: [{ text: `peering ${vpc} -> ${peer.vpc}`, resource: peer.resource }] };
    }
    // The NCC hub.
    const mine = this.spokes.filter((s) => s.vpc === vpc);
    if (!mine.length) return { source, natted: false, steps, missing: { text: `${vpc} is no spoke of a hub and has no route to ${dest.label}`, resource: vpc } };
    for (const spoke of mine) {
      for (const target of targets) {
        const theirs = this.spokes.find((s) => s.hub === spoke.hub && s.vpc === target.vpc);
        if (!theirs) continue;
        if (!this.exports(theirs, dest.cidr, target.vpc!)) {
          return { source, natted: false, steps, missing: { text: `spoke ${theirs.address} does not export ${dest.cidr} to hub ${spoke.hub}`, resource: theirs.address } };
        }
        const nat = this.natFor(from, source, 'PRIVATE');
        const via: Step[] = [{ text: `spoke ${spoke.address} -> hub ${spoke.hub} -> spoke ${theirs.address}`, resource: spoke.hub }];
        if (nat) return { at: target, source: nat.range, natted: true, steps: [...via, { text: `private NAT ${nat.resource} as ${nat.range}`, resource: nat.resource }] };
        return { at: target, source, natted: false, steps: via };
      }
    }
    return { source, natted: false, steps, missing: { text: `no spoke of ${dest.label}'s network on the hubs of ${vpc}`, resource: mine[0].address } };
  }

  public towardsHub(from: Place, source: Cidr): Trip {
    const spoke = this.spokes.find((s) => s.vpc === from.vpc);
    if (!spoke) return { source, natted: false, steps: [], missing: { text: `${from.vpc} is no spoke of a hub`, resource: from.vpc } };
    const via: Step = { text: `spoke ${spoke.address} -> hub ${spoke.hub}`, resource: spoke.hub };
    const nat = this.natFor(from, source, 'PRIVATE');
    const at: Place = { kind: 'main', vpc: this.mainVpc };
    if (nat) return { at, source: nat.range, natted: true, steps: [via, { text: `private NAT ${nat.resource} as ${nat.range}`, resource: nat.resource }] };
    return { at, source, natted: false, steps: [via] };
  }

  public returns(at: Place, source: Cidr, home: Place): Step | undefined {
    if (at.kind === 'internet' || home.kind === 'internet') return undefined;
    if (at.vpc === home.vpc) return undefined;
    if (this.peers(at.vpc!).some((p) => p.vpc === home.vpc)) return undefined;
    const mine = this.spokes.filter((s) => s.vpc === at.vpc);
    for (const spoke of mine) {
      const theirs = this.spokes.find((s) => s.hub === spoke.hub && s.vpc === home.vpc);
      if (theirs && (home.kind === 'main' || this.exports(theirs, source, home.vpc!))) return undefined;
      if (theirs) return { text: `replies to ${source} find no route back: spoke ${theirs.address} does not export it`, resource: theirs.address };
    }
    return { text: `replies from ${at.vpc} to ${source} find no route back to ${home.vpc}`, resource: at.vpc };
  }

  public admits(dest: Endpoint, at: Place, source: Cidr): { ports: Ports; resources: string[] } {
    // Other hosts and the internet are beyond the stack's firewalls; a GKE API endpoint is Google's.
    if (dest.role === 'other' || dest.role === 'internet' || dest.role === 'api-endpoint') return { ports: ALL_PORTS, resources: [] };
    let ports = NO_PORTS;
    const resources: string[] = [];
    for (const rule of this.firewalls(at.vpc!)) {
      if (!rule.sources.some((s) => s.contains(source))) continue;
      if (rule.destinations.length && !rule.destinations.some((d) => d.contains(dest.cidr))) continue;
      ports = unionPorts(ports, rule.ports);
      resources.push(rule.resource);
    }
    return { ports, resources };
  }

  public openings(dest: Endpoint, inside: readonly Cidr[]): Array<{ resource: string; source: string; ports: Ports }> {
    const vpc = this.vpcOf(dest);
    if (!vpc) return [];
    const out: Array<{ resource: string; source: string; ports: Ports }> = [];
    for (const rule of this.firewalls(vpc)) {
      if (rule.destinations.length && !rule.destinations.some((d) => d.overlaps(dest.cidr))) continue;
      for (const s of rule.sources) {
        if (!inside.some((i) => i.contains(s))) out.push({ resource: rule.resource, source: s.toString(), ports: rule.ports });
      }
    }
    return out;
  }

  public gateway(nodes: Endpoint, kind: 'LOAD_BALANCER' | 'PROXY', ports: readonly number[], main: Endpoint): Step | undefined {
    const c = nodes.cluster!;
    const vpc = this.vpcOf(nodes);
    const [from] = this.places(main);
    if (kind === 'LOAD_BALANCER') {
      const rules = this.tf.ofType('google_compute_forwarding_rule').filter((r) => under(r.path, c.path));
      // A rule of all_ports forwards every port; its firewall decides which arrive.
      const forwards = (p: number) => rules.some((r) => r.attrs.all_ports === true || ((r.attrs.ports as string[] | undefined) ?? []).map(Number).includes(p));
      const unforwarded = ports.filter((p) => !forwards(p));
      if (unforwarded.length) return { text: `no forwarding rule of ${c.path} forwards port ${unforwarded.join(', ')}`, resource: rules[0]?.address };
      const trip = from && this.travel(from, main.cidr, nodes);
      if (!trip?.at) return trip?.missing ?? { text: `${main.label} has no place in the stack` };
      const admitted = this.admits(nodes, trip.at, main.cidr);
      const shut = ports.filter((p) => !admitsTcp(admitted.ports, p, p));
      return shut.length ? { text: `no firewall rule of ${vpc} admits ${main.cidr} to ${nodes.label} on port ${shut.join(', ')}`, resource: vpc } : undefined;
    }
    const proxy = this.subnets.find((s) => s.vpc === vpc && s.purpose === 'REGIONAL_MANAGED_PROXY' && s.primary);
    if (!proxy) return { text: `${vpc} has no proxy-only subnet (purpose REGIONAL_MANAGED_PROXY) for the proxy of ${c.path}`, resource: vpc };
    const pods: Endpoint = { label: `${c.path} pods`, role: 'pods', cidr: Cidr.parse(c.podCidr), cluster: c };
    const [at] = this.places(pods);
    if (!at || !anyPort(this.admits(pods, at, proxy.primary!).ports)) {
      return { text: `no firewall rule of ${vpc} admits the proxy-only subnet ${proxy.primary} to ${pods.label}`, resource: proxy.address };
    }
    const trip = from && this.travel(from, main.cidr, { label: `proxy ${proxy.primary}`, role: 'proxy', cidr: proxy.primary!, cluster: c });
    return trip?.at ? undefined : trip?.missing ?? { text: `${main.label} has no place in the stack` };
  }

  public leaks(cidr: Cidr, vpc: string): Step[] {
    const out: Step[] = [];
    for (const spoke of this.spokes.filter((s) => s.vpc === vpc)) {
      const exported = this.ranges(vpc).filter((r) => r.overlaps(cidr) && this.exports(spoke, r, vpc));
      if (exported.length) out.push({ text: `spoke ${spoke.address} exports ${exported.join(', ')} to hub ${spoke.hub}`, resource: spoke.address });
    }
    for (const peer of this.peers(vpc)) {
      if (this.ranges(vpc).some((r) => r.overlaps(cidr))) out.push({ text: `peering with ${peer.vpc} carries ${cidr}`, resource: peer.resource });
    }
    for (const route of this.tf.ofType('google_compute_route')) {
      const range = this.tf.text(route.attrs.dest_range);
      const target = this.tf.deref(route.attrs.next_hop_instance ?? route.attrs.next_hop_ilb ?? route.attrs.next_hop_ip);
      if (range && Cidr.isValid(range) && Cidr.parse(range).overlaps(cidr) && this.tf.deref(route.attrs.network)?.address !== vpc && (target === undefined || this.tf.deref(target.attrs.network)?.address === vpc)) {
        out.push({ text: `route ${route.address} sends ${range} towards ${vpc}`, resource: route.address });
      }
    }
    return out;
  }

  public exits(vpc: string, allowed: readonly Cidr[]): Step[] {
    const out: Step[] = [];
    const network = this.tf.ofType('google_compute_network').find((n) => n.address === vpc);
    if (network && network.attrs.delete_default_routes_on_create !== true) {
      out.push({ text: `${vpc} keeps its default route to the internet (delete_default_routes_on_create is not true)`, resource: vpc });
    }
    for (const spoke of this.spokes.filter((s) => s.vpc === vpc)) out.push({ text: `${vpc} is spoke ${spoke.address} of hub ${spoke.hub}`, resource: spoke.address });
    for (const peer of this.peers(vpc)) out.push({ text: `${vpc} peers with ${peer.vpc}`, resource: peer.resource });
    for (const nat of this.nats()) if (nat.vpc === vpc) out.push({ text: `Cloud NAT ${nat.resource} translates ${vpc}'s traffic out`, resource: nat.resource });
    for (const route of this.tf.ofType('google_compute_route')) {
      if (this.tf.deref(route.attrs.network)?.address !== vpc || isPrivateGoogleAccess(this.tf.text(route.attrs.dest_range), route.attrs.next_hop_gateway)) continue;
      out.push({ text: `route ${route.address} leads out of ${vpc}`, resource: route.address });
    }
    void allowed;
    return out;
  }

  /** Every range of `vpc`'s subnets. */
  private ranges(vpc: string): Cidr[] {
    return this.subnets.filter((s) => s.vpc === vpc).flatMap((s) => [...(s.primary ? [s.primary] : []), ...s.secondary.map((r) => r.cidr)]);
  }

  /** True when `spoke` announces `cidr` to its hub (Other ranges: the main network's, by assumption). */
  private exports(spoke: Spoke, cidr: Cidr, vpc: string): boolean {
    const announced = vpc === this.mainVpc && this.plan.ranges.some((r) => r.role === 'reserved' && Cidr.parse(r.cidr).contains(cidr));
    const inSubnet = this.ranges(vpc).some((r) => r.contains(cidr));
    if (!announced && !inSubnet) return false;
    if (spoke.exclude.some((x) => x.overlaps(cidr))) return false;
    return !spoke.include.length || spoke.include.some((x) => x.contains(cidr));
  }

  private peers(vpc: string): Array<{ vpc: string; resource: string }> {
    const peerings = this.tf.ofType('google_compute_network_peering').map((p) => ({
      from: this.tf.deref(p.attrs.network)?.address, to: this.tf.deref(p.attrs.peer_network)?.address, resource: p.address,
    }));
    // A peering works once both sides declare it.
    return peerings.filter((p) => p.from === vpc && peerings.some((q) => q.from === p.to && q.to === vpc)).map((p) => ({ vpc: p.to!, resource: p.resource }));
  }

  private firewalls(vpc: string): Array<{ resource: string; sources: Cidr[]; destinations: Cidr[]; ports: Ports }> {
    return this.tf.ofType('google_compute_firewall')
      .filter((f) => this.tf.deref(f.attrs.network)?.address === vpc && (f.attrs.direction ?? 'INGRESS') === 'INGRESS' && f.attrs.disabled !== true)
      .map((f) => ({ resource: f.address, sources: cidrs(this.tf.texts(f.attrs.source_ranges)), destinations: cidrs(this.tf.texts(f.attrs.destination_ranges)), ports: allowPorts(f) }));
  }

  private nats(): Array<{ resource: string; vpc?: string; type: string; attrs: TfResource['attrs'] }> {
    return this.tf.ofType('google_compute_router_nat').map((n) => {
      const router = this.tf.ofType('google_compute_router').find((r) => `\${${r.address}.name}` === n.attrs.router);
      return { resource: n.address, vpc: router ? this.tf.deref(router.attrs.network)?.address : undefined, type: String(n.attrs.type ?? 'PUBLIC'), attrs: n.attrs };
    });
  }

  /** The NAT of `type` that translates `source` leaving `from`'s subnet, and the range it translates to. */
  private natFor(from: Place, source: Cidr, type: 'PUBLIC' | 'PRIVATE'): { resource: string; range: Cidr } | undefined {
    const subnet = this.subnets.find((s) => s.address === from.subnet);
    if (!subnet) return undefined;
    for (const nat of this.nats().filter((n) => n.vpc === from.vpc && n.type === type)) {
      const entries = (nat.attrs.subnetwork as Array<Record<string, unknown>> | undefined) ?? [];
      const all = nat.attrs.source_subnetwork_ip_ranges_to_nat;
      const covered = all === 'ALL_SUBNETWORKS_ALL_IP_RANGES'
        || (all === 'ALL_SUBNETWORKS_ALL_PRIMARY_IP_RANGES' && subnet.primary?.contains(source))
        || entries.some((e) => this.tf.deref(e.name)?.address === subnet.address && covers(e, subnet, source));
      if (!covered) continue;
      if (type === 'PUBLIC') return { resource: nat.resource, range: source };
      const rules = (nat.attrs.rules as Array<Record<string, unknown>> | undefined) ?? [];
      const active = rules.flatMap((r) => this.tf.texts((r.action as Record<string, unknown> | undefined)?.source_nat_active_ranges))
        .concat(rules.flatMap((r) => ((r.action as Record<string, unknown> | undefined)?.source_nat_active_ranges as unknown[] | undefined) ?? [])
          .map((ref) => this.tf.deref(ref)).filter((x): x is TfResource => !!x).map((x) => this.tf.text(x.attrs.ip_cidr_range) ?? ''))
        .filter((t) => Cidr.isValid(t));
      if (active.length) return { resource: nat.resource, range: Cidr.parse(active[0]) };
    }
    return undefined;
  }

  private toInternet(from: Place, source: Cidr): Trip {
    const network = this.tf.ofType('google_compute_network').find((n) => n.address === from.vpc);
    if (network?.attrs.delete_default_routes_on_create === true) {
      return { source, natted: false, steps: [], missing: { text: `${from.vpc} has no default route to the internet`, resource: from.vpc } };
    }
    const nat = this.natFor(from, source, 'PUBLIC');
    if (!nat) return { source, natted: false, steps: [], missing: { text: `no Cloud NAT translates ${source} leaving ${from.subnet ?? from.vpc}`, resource: from.subnet ?? from.vpc } };
    return { at: { kind: 'internet' }, source, natted: true, steps: [{ text: `Cloud NAT ${nat.resource}`, resource: nat.resource }] };
  }
}

/** True when a NAT subnetwork entry translates `source` of `subnet`. */
function covers(entry: Record<string, unknown>, subnet: Subnet, source: Cidr): boolean {
  const kinds = (entry.source_ip_ranges_to_nat as string[] | undefined) ?? [];
  if (kinds.includes('ALL_IP_RANGES')) return true;
  if (kinds.includes('PRIMARY_IP_RANGE') && subnet.primary?.contains(source)) return true;
  if (kinds.includes('LIST_OF_SECONDARY_IP_RANGES')) {
    const names = (entry.secondary_ip_range_names as string[] | undefined) ?? [];
    return subnet.secondary.some((r) => names.includes(r.name) && r.cidr.contains(source));
  }
  return false;
}


/**
 * Google's Private Google Access addresses (private.googleapis.com 199.36.153.8/30,
 * restricted.googleapis.com 199.36.153.4/30, from Google's VPC documentation): a route to them
 * alone, through Google's own gateway, reaches Google's APIs and registries, not the internet
 * or the main network, so it is no way out of an isolated network.
 */
const GOOGLE_API_RANGES = ['199.36.153.8/30', '199.36.153.4/30'].map((c) => Cidr.parse(c));

function isPrivateGoogleAccess(destination: string | undefined, gateway: unknown): boolean {
  if (!destination || !Cidr.isValid(destination) || gateway !== 'default-internet-gateway') return false;
  const range = Cidr.parse(destination);
  return GOOGLE_API_RANGES.some((g) => g.contains(range));
}
