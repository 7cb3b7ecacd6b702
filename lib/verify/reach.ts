// Whether traffic from one range reaches another, and as what source address: the pod's own
// (direct), its node's (masqueraded by ip-masq-agent, the island's declared egress), a NAT's.
import { Cidr } from '../ipam';
import { anyPort, Fabric, NO_PORTS, Place, Ports, Step } from './fabric';
import { Endpoint, sameIsland } from './plan';

/** How traffic arrives, when it does. */
export type ReachKind = 'DIRECT' | 'MASQUERADED' | 'NATED' | 'NONE';

/** The verdict for one source place of a pair. */
export interface Reach {
  readonly kind: ReachKind;
  /** What the destination's firewalls admit (nothing when no packet arrives). */
  readonly ports: Ports;
  /** The path found. */
  readonly steps: readonly Step[];
  /** What is missing, with the resource that caused it. */
  readonly missing?: Step;
  /** The source address on arrival. */
  readonly source?: string;
}

/** Every source place's verdict, and the one that got least far. */
export interface PairReach {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly each: readonly Reach[];
  /** The weakest verdict: what every source address of the range gets. */
  readonly worst: Reach;
  /** The strongest verdict: what some source address gets. */
  readonly best: Reach;
}

/**
 * Where `from`'s packets to `to` start and with what address: island pods leaving their island
 * take their node's (ip-masq-agent), when that is the declared egress; pods that live on their
 * nodes without a range of their own (GCP routes-based) take it towards the internet.
 */
export function leaving(fabric: Fabric, from: Endpoint, to: Endpoint): { source: Cidr; places: Place[]; masqueraded: boolean } {
  const c = from.cluster;
  const island = c && (c.model === 'ISLAND' || c.model === 'ARCHIPELAGO') && c.egress === 'MASQUERADE' && !sameIsland(c, to.cluster);
  const onNodes = c && to.role === 'internet' && fabric.podsOnNodes?.(from) === true;
  if (from.role === 'pods' && c && (island || onNodes)) {
    const source = Cidr.parse(c.nodeCidr);
    return { source, places: fabric.places({ ...from, role: 'nodes', cidr: source }), masqueraded: true };
  }
  return { source: from.cidr, places: fabric.places(from), masqueraded: false };
}

const NONE = (missing: Step, steps: readonly Step[] = []): Reach => ({ kind: 'NONE', ports: NO_PORTS, steps, missing });

/** Evaluates `from` -> `to` over `fabric`. */
export function reach(fabric: Fabric, from: Endpoint, to: Endpoint): PairReach {
  const { source, places, masqueraded } = leaving(fabric, from, to);
  const each = places.length
    ? places.map((place) => one(fabric, from, to, place, source, masqueraded))
    : [NONE({ text: `no subnet of the stack holds ${from.label}` })];
  const rank = (r: Reach) => (r.kind === 'NONE' ? 0 : r.ports.all ? 2 : anyPort(r.ports) ? 1 : 0);
  const sorted = [...each].sort((a, b) => rank(a) - rank(b));
  return { from, to, each, worst: sorted[0], best: sorted[sorted.length - 1] };
}

function one(fabric: Fabric, from: Endpoint, to: Endpoint, place: Place, source: Cidr, masqueraded: boolean): Reach {
  const trip = fabric.travel(place, source, to);
  if (!trip.at) return NONE(trip.missing ?? { text: 'no route' }, trip.steps);
  const back = to.role === 'internet' ? undefined : fabric.returns(trip.at, trip.source, place);
  if (back) return NONE(back, trip.steps);
  const admitted = fabric.admits(to, trip.at, trip.source, from, trip.natted);
  const kind: ReachKind = trip.natted ? 'NATED' : masqueraded ? 'MASQUERADED' : 'DIRECT';
  const steps = [...trip.steps, ...admitted.resources.map((r) => ({ text: `admitted by ${r}`, resource: r }))];
  if (!anyPort(admitted.ports)) {
    return NONE({ text: `no firewall rule in front of ${to.label} admits ${trip.source}`, resource: trip.at.vpc }, trip.steps);
  }
  return { kind, ports: admitted.ports, steps, source: trip.source.toString() };
}
