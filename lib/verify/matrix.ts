// The reachability matrix of an estate: every range to every range, as the verifier found it.
import { anyPort } from './fabric';
import { Endpoint, endpointsOf, INTERNET, sameIsland } from './plan';
import { cross, joins } from './link';
import { reach } from './reach';
import { EstateUnderTest } from './read';

/** One cell: how `from` reaches `to`. */
export interface MatrixCell {
  readonly from: string;
  readonly to: string;
  /** DIRECT, MASQUERADED, NATED, GATEWAY_ONLY, PORTS, IN_CLUSTER or NONE. */
  readonly kind: string;
  readonly detail: string;
}

/** The matrix of one estate. */
export interface Matrix {
  readonly estate: string;
  /** Rows: every endpoint but service ranges. */
  readonly sources: readonly string[];
  /** Columns. */
  readonly endpoints: readonly string[];
  readonly cells: readonly MatrixCell[];
}

/** Computes the matrix of `estate`: nodes, pods, services of each cluster, Other ranges, the internet. */
export function buildMatrix(estate: EstateUnderTest): Matrix {
  const all: Array<{ e: Endpoint; n?: EstateUnderTest['networks'][number] }> = [];
  for (const n of estate.networks) for (const e of endpointsOf(n.plan)) all.push({ e, n });
  all.push({ e: { label: 'internet', role: 'internet', cidr: INTERNET } });
  const cells: MatrixCell[] = [];
  // A ClusterIP never sends: services are destinations only.
  for (const a of all.filter((x) => x.e.role !== 'services')) {
    for (const b of all) {
      cells.push({ from: a.e.label, to: b.e.label, ...cell(estate, a, b) });
    }
  }
  return { estate: estate.estate, sources: all.filter((x) => x.e.role !== 'services').map((x) => x.e.label), endpoints: all.map((x) => x.e.label), cells };
}

function cell(estate: EstateUnderTest, a: { e: Endpoint; n?: EstateUnderTest['networks'][number] }, b: { e: Endpoint; n?: EstateUnderTest['networks'][number] }): { kind: string; detail: string } {
  if (a.e === b.e) return { kind: 'IN_CLUSTER', detail: 'itself' };
  if (a.e.cluster && a.e.cluster === b.e.cluster && b.e.role === 'services') return { kind: 'IN_CLUSTER', detail: 'ClusterIPs, inside the cluster' };
  if (a.e.role === 'internet') return { kind: 'NONE', detail: 'no internet-facing entry is verified (load balancers are internal)' };
  const n = a.n ?? b.n;
  if (a.n && b.n && a.n !== b.n) {
    const link = estate.links.find((l) => joins(l, a.n!.plan.network, b.n!.plan.network));
    if (!link) return { kind: 'NONE', detail: 'different networks: no interconnect in the stacks' };
    const crossing = cross(link, a.n, b.n, a.e, b.e);
    const gated = crossing.kind === 'PORTS' && b.e.cluster && b.e.cluster.ingress.length > 0;
    return { kind: gated ? 'GATEWAY_ONLY' : crossing.kind, detail: crossing.detail };
  }
  if (!n) return { kind: 'NONE', detail: 'no network' };
  const r = reach(n.fabric, a.e, b.e).worst;
  if (r.kind === 'NONE' || !anyPort(r.ports)) return { kind: 'NONE', detail: r.missing?.text ?? 'no path' };
  if (!r.ports.all) {
    const gated = b.e.cluster && !sameIsland(a.e.cluster, b.e.cluster) && b.e.cluster.ingress.length > 0;
    return { kind: gated ? 'GATEWAY_ONLY' : 'PORTS', detail: r.steps.map((s) => s.text).join('; ') };
  }
  return { kind: r.kind, detail: `as ${r.source}: ${r.steps.map((s) => s.text).join('; ')}` };
}
