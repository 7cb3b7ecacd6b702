// A CloudLink as the verifier sees it: a path between two networks of an estate, made of what
// the synthesized Terraform holds — tunnels and BGP peers in the link's stack, what each side
// advertises (GCP: the Cloud Router's custom ranges; AWS: the hub route table's static routes,
// which a VPN attachment associated with it advertises) — never of the code that planned it.
import { Cidr } from '../ipam';
import { ALL_PORTS, anyPort, NO_PORTS, Step } from './fabric';
import { Endpoint, endpointsOf } from './plan';
import { leaving, Reach, reach } from './reach';
import { EstateUnderTest, LinkUnderTest, NetworkUnderTest } from './read';
import { under } from './terraform';
import { RawFinding } from './promises';

/** How one range reaches another across a link. */
export interface Crossing {
  readonly kind: 'DIRECT' | 'MASQUERADED' | 'NATED' | 'PORTS' | 'NONE';
  readonly detail: string;
  readonly resource?: string;
}

const none = (detail: string, resource?: string): Crossing => ({ kind: 'NONE', detail, resource });

/** True when `link` joins `a` and `b` (either way round). */
export function joins(link: LinkUnderTest, a: string, b: string): boolean {
  return (link.gcp === a && link.aws === b) || (link.gcp === b && link.aws === a);
}

/** What is missing of the link's tunnels and sessions in its stack, if anything. */
export function linkMissing(link: LinkUnderTest): Step | undefined {
  if (!link.tf) return { text: `no synthesized stack holds link ${link.path}` };
  const mine = (type: string) => link.tf!.ofType(type).filter((r) => under(r.path, link.path));
  const tunnels = mine('google_compute_vpn_tunnel');
  const connections = mine('aws_vpn_connection');
  const peers = mine('google_compute_router_peer');
  if (!tunnels.length) return { text: `link ${link.path} has no google_compute_vpn_tunnel` };
  if (connections.length * 2 !== tunnels.length) return { text: `link ${link.path} has ${tunnels.length} GCP tunnels but ${connections.length} AWS VPN connections (two tunnels each)` };
  if (peers.length !== tunnels.length) return { text: `link ${link.path} has ${tunnels.length} tunnels but ${peers.length} BGP peers` };
  const associated = mine('aws_ec2_transit_gateway_route_table_association')
    .filter((a) => link.tf!.deref(a.attrs.transit_gateway_attachment_id)?.type === 'aws_vpn_connection');
  if (associated.length !== connections.length) {
    return { text: `link ${link.path}: ${connections.length - associated.length} VPN attachment(s) associated with no transit-gateway route table advertise nothing`, resource: connections[0].address };
  }
  return undefined;
}

/** The ranges `side` advertises across `link`, as its Terraform says. */
export function carried(link: LinkUnderTest, side: NetworkUnderTest): Cidr[] {
  if (side.plan.network === link.gcp) {
    const router = link.tf?.ofType('google_compute_router').find((r) => under(r.path, link.path));
    const bgp = router?.attrs.bgp as { advertise_mode?: string; advertised_ip_ranges?: Array<{ range?: string }> } | undefined;
    if (bgp?.advertise_mode !== 'CUSTOM') return []; // default mode advertises every subnet: the verifier does not guess which
    return (bgp.advertised_ip_ranges ?? []).map((r) => r.range).filter((r): r is string => typeof r === 'string' && Cidr.isValid(r)).map((r) => Cidr.parse(r));
  }
  const tf = side.tf;
  if (!tf) return [];
  return tf.ofType('aws_ec2_transit_gateway_route')
    .filter((r) => under(tf.deref(r.attrs.transit_gateway_route_table_id)?.path ?? '', side.plan.network))
    .map((r) => tf.text(r.attrs.destination_cidr_block))
    .filter((c): c is string => c !== undefined && Cidr.isValid(c))
    .map((c) => Cidr.parse(c));
}

/** The main VPC of a GCP network (where the tunnels end); undefined on AWS. */
function mainVpc(n: NetworkUnderTest): string | undefined {
  return n.plan.cloud === 'GCP' ? n.fabric.places({ label: 'main', role: 'other', cidr: Cidr.parse(n.plan.cidr) })[0]?.vpc : undefined;
}

/** On GCP, traffic of `e` outside the main VPC crosses only when the tunnels are a hybrid spoke of the hub. */
function spokeMissing(link: LinkUnderTest, n: NetworkUnderTest, e: Endpoint): Step | undefined {
  const main = mainVpc(n);
  if (!main || n.fabric.vpcOf(e) === main || e.role === 'other') return undefined;
  const spoke = link.tf?.ofType('google_network_connectivity_spoke').find((s) => under(s.path, link.path) && s.attrs.linked_vpn_tunnels);
  return spoke ? undefined : { text: `${e.label} is outside ${main}, and link ${link.path}'s tunnels are no spoke of its hub: it learns no route across` };
}

/**
 * How `a` (in `from`) leaves for `b` beyond the link: to the hub as towards an Other host; from
 * a GCP spoke other than the main VPC, through its own spoke to the hub, where the hybrid spoke
 * brings the link's routes.
 */
function leave(from: NetworkUnderTest, a: Endpoint, b: Endpoint): Reach {
  const main = mainVpc(from);
  if (!main || !from.fabric.towardsHub || from.fabric.vpcOf(a) === main || a.role === 'other') {
    return reach(from.fabric, a, { label: b.label, role: 'other', cidr: b.cidr }).worst;
  }
  const { source, places, masqueraded } = leaving(from.fabric, a, b);
  const [hub] = from.fabric.places({ label: 'main', role: 'other', cidr: source });
  const each = places.map((place): Reach => {
    const trip = from.fabric.towardsHub!(place, source);
    if (!trip.at) return { kind: 'NONE', ports: NO_PORTS, steps: trip.steps, missing: trip.missing };
    const back = from.fabric.returns(hub, trip.source, place);
    if (back) return { kind: 'NONE', ports: NO_PORTS, steps: trip.steps, missing: back };
    return { kind: trip.natted ? 'NATED' : masqueraded ? 'MASQUERADED' : 'DIRECT', ports: ALL_PORTS, steps: trip.steps, source: trip.source.toString() };
  });
  return each.find((r) => r.kind === 'NONE') ?? each[0] ?? { kind: 'NONE', ports: NO_PORTS, steps: [], missing: { text: `no subnet of the stack holds ${a.label}` } };
}

/**
 * How `a` (in `from`) reaches `b` (in `to`) across `link`: to the link as if `b` were an Other
 * host beyond `from`'s hub; across, when `to` advertises `b` and `from` advertises the source
 * (for the replies); in `to` as a host beyond its hub would arrive; admitted by `b`'s firewalls.
 */
export function cross(link: LinkUnderTest, from: NetworkUnderTest, to: NetworkUnderTest, a: Endpoint, b: Endpoint): Crossing {
  const missing = linkMissing(link) ?? spokeMissing(link, from, a) ?? spokeMissing(link, to, b);
  if (missing) return none(missing.text, missing.resource);
  const out = leave(from, a, b);
  if (out.kind === 'NONE' || !out.source) return none(out.missing?.text ?? 'no path to the link', out.missing?.resource);
  const source = Cidr.parse(out.source);
  if (!carried(link, to).some((r) => r.contains(b.cidr))) return none(`${to.plan.network} does not advertise ${b.cidr} across ${link.path}`);
  if (!carried(link, from).some((r) => r.contains(source))) return none(`${from.plan.network} does not advertise ${source} across ${link.path}: replies find no way back`);
  const [entry] = to.fabric.places({ label: `${source}`, role: 'other', cidr: source });
  if (!entry) return none(`${to.plan.network} has no hub for ${link.path} to end in`);
  const trip = to.fabric.travel(entry, source, b);
  if (!trip.at) return none(trip.missing?.text ?? 'no route', trip.missing?.resource);
  const back = to.fabric.returns(trip.at, source, entry);
  if (back) return none(back.text, back.resource);
  const admitted = to.fabric.admits(b, trip.at, source, undefined, true);
  if (!anyPort(admitted.ports)) return none(`no firewall rule in front of ${b.label} admits ${source}`, trip.at.vpc);
  const steps = [...out.steps, { text: `${link.path} (BGP)` }, ...trip.steps, ...admitted.resources.map((r) => ({ text: `admitted by ${r}` }))];
  const kind = !admitted.ports.all ? 'PORTS' : trip.natted ? 'NATED' : out.kind;
  return { kind, detail: `as ${source}: ${steps.map((s) => s.text).join('; ')}` };
}

/**
 * The promises of every link of `estate`: flat pods of each side reach the other side's flat
 * pods directly (VERIFY-013); no island, archipelago or isolated private range is advertised
 * across (VERIFY-014).
 */
export function checkLinkPromises(estate: EstateUnderTest): RawFinding[] {
  const out: RawFinding[] = [];
  for (const link of estate.links) {
    const gcp = estate.networks.find((n) => n.plan.network === link.gcp);
    const aws = estate.networks.find((n) => n.plan.network === link.aws);
    if (!gcp || !aws) continue;
    const missing = linkMissing(link);
    if (missing) {
      out.push({ id: 'VERIFY-013', network: link.path, from: link.gcp, to: link.aws, found: missing.text, resource: missing.resource });
      continue;
    }
    const flatPods = (n: NetworkUnderTest) => endpointsOf(n.plan).filter((e) => e.role === 'pods' && e.cluster?.model === 'FLAT');
    for (const [from, to] of [[gcp, aws], [aws, gcp]]) {
      for (const a of flatPods(from)) {
        for (const b of flatPods(to)) {
          const c = cross(link, from, to, a, b);
          if (c.kind !== 'DIRECT') out.push({ id: 'VERIFY-013', network: link.path, from: a.label, to: b.label, found: `${c.kind}: ${c.detail}`, resource: c.resource });
        }
      }
    }
    for (const side of [gcp, aws]) {
      const hidden = side.plan.ranges.filter((r) => !r.routable && r.role !== 'reserved').map((r) => ({ r, cidr: Cidr.parse(r.cidr) }));
      const routable = side.plan.ranges.filter((r) => r.routable).map((r) => Cidr.parse(r.cidr));
      // An isolated cluster may reuse any address, routable ones too: a routable range advertised
      // is that range, which leads to its owner, not into the isolated network (VERIFY-008 proves
      // nothing does). Island and archipelago ranges never overlap routable ones (MODEL-002).
      const reused = (h: { r: { model?: string } }, range: Cidr) => h.r.model === 'ISOLATED' && routable.some((x) => x.contains(range));
      for (const range of carried(link, side)) {
        const leak = hidden.find((h) => h.cidr.overlaps(range) && !reused(h, range));
        if (leak) out.push({ id: 'VERIFY-014', network: link.path, from: side.plan.network, to: `${leak.r.owner} ${leak.r.name} ${leak.r.cidr}`, found: `advertised across the link as ${range}` });
      }
    }
  }
  return out;
}
