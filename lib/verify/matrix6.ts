// The IPv6 half of an estate's reachability matrix: the nodes of every IPv6 or dual-stack
// cluster, to each other and from the internet, as the fabric's IPv6 reading carries and admits
// them. (IPv6 pods share their nodes' subnet blocks, so nodes stand for both.) Outbound IPv6 to
// the internet is VERIFY-016's to prove; it is not drawn.
import { Cidr } from '../ipam';
import { ALL_PORTS, anyPort, NO_PORTS, Ports, portsText, Step, unionPorts } from './fabric';
import { IPV6_INTERNET_SAMPLE } from './ipv6';
import { Matrix, MatrixCell } from './matrix';
import { hasIpv6, PlanCluster } from './plan';
import { EstateUnderTest, NetworkUnderTest } from './read';

/** The row of IPv6 from the internet. */
export const INTERNET_IPV6 = 'internet (IPv6)';

interface Nodes6 {
  readonly label: string;
  readonly cluster: PlanCluster;
  readonly network: NetworkUnderTest;
}

/** The IPv6 matrix of `estate`: empty when no cluster has IPv6. */
export function buildMatrix6(estate: EstateUnderTest): Matrix {
  const nodes: Nodes6[] = estate.networks.flatMap((network) => network.plan.clusters.filter(hasIpv6)
    .map((cluster) => ({ label: `${cluster.path} nodes (IPv6)`, cluster, network })));
  if (!nodes.length) return { estate: estate.estate, sources: [], endpoints: [], cells: [] };
  const cells: MatrixCell[] = [];
  for (const a of nodes) for (const b of nodes) cells.push({ from: a.label, to: b.label, ...between(a, b) });
  for (const b of nodes) cells.push({ from: INTERNET_IPV6, to: b.label, ...fromInternet(b) });
  const endpoints = nodes.map((n) => n.label);
  return { estate: estate.estate, sources: [...endpoints, INTERNET_IPV6], endpoints, cells };
}

/** How `a`'s nodes reach `b`'s over IPv6: every pair of their subnets, both ways, through the firewalls in front of `b`. */
function between(a: Nodes6, b: Nodes6): { kind: string; detail: string } {
  if (a === b) return { kind: 'IN_CLUSTER', detail: 'itself' };
  if (a.network !== b.network) return { kind: 'NONE', detail: 'different networks: IPv6 crosses no interconnect (CloudLink tunnels carry IPv4)' };
  const v6 = a.network.fabric.ipv6;
  const from = v6.nodes(a.cluster);
  const to = v6.nodes(b.cluster);
  const missing = [...from.missing, ...to.missing][0];
  if (missing || !from.places.length || !to.places.length) return { kind: 'NONE', detail: missing?.text ?? 'no IPv6 node subnet' };
  let ports: Ports = ALL_PORTS;
  let steps: readonly Step[] = [];
  for (const pa of from.places) {
    for (const pb of to.places) {
      const there = v6.travel(pa, pb);
      if (!there.ok) return { kind: 'NONE', detail: there.missing?.text ?? 'no IPv6 path' };
      const back = v6.travel(pb, pa);
      if (!back.ok) return { kind: 'NONE', detail: `replies to ${pa.cidr} find no way back: ${back.missing?.text ?? 'no IPv6 path'}` };
      const admitted = v6.admits(b.cluster, pb, pa.cidr, a.cluster);
      if (!anyPort(admitted.ports)) return { kind: 'NONE', detail: `no rule in front of ${pb.cidr} admits ${pa.cidr}` };
      if (!admitted.ports.all) ports = admitted.ports; // a pair admitting less than everything decides
      steps = there.steps;
    }
  }
  const path = steps.map((s) => s.text).join('; ');
  return ports.all ? { kind: 'DIRECT', detail: `own address: ${path}` } : { kind: 'PORTS', detail: `${portsText(ports)}: ${path}` };
}

/** What admits IPv6 from the internet in front of `b`'s nodes (a well-made estate: nothing). */
function fromInternet(b: Nodes6): { kind: string; detail: string } {
  const open = b.network.fabric.ipv6.openings(b.cluster, []).filter((o) => Cidr.parse(o.source).contains(IPV6_INTERNET_SAMPLE));
  if (!open.length) return { kind: 'NONE', detail: 'no rule admits IPv6 from the internet' };
  const ports = open.reduce((p, o) => unionPorts(p, o.ports), NO_PORTS);
  return { kind: ports.all ? 'DIRECT' : 'PORTS', detail: `admitted by ${open.map((o) => `${o.resource} (${o.source})`).join(', ')}: ${portsText(ports)}` };
}
