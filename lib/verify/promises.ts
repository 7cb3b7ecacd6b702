// The models' promises, checked pair by pair on one network's fabric. Each finding names the
// promise (VERIFY-0xx), the pair, the path found or what is missing, and the resource at fault.
import { Cidr } from '../ipam';
import { admitsTcp, Fabric, HEALTH_CHECK_RANGES, NO_PORTS, Ports, portsText, Step, unionPorts } from './fabric';
import { apiEndpointOf, Endpoint, endpointsOf, INTERNET, PlanCluster, PlanNetwork } from './plan';
import { checkIpv6Promises } from './promises6';
import { reach } from './reach';

/** One broken promise. */
export interface RawFinding {
  readonly id: string;
  readonly network: string;
  readonly from: string;
  readonly to: string;
  readonly found: string;
  readonly resource?: string;
}

/** The promises, by id. */
export const PROMISES: Record<string, string> = {
  'VERIFY-001': 'flat: pods reach the pods of every other flat cluster of the network directly',
  'VERIFY-002': 'flat: pods reach Other ranges directly, and Other ranges reach the pods directly',
  'VERIFY-003': 'island and archipelago: no route outside the island leads to its private ranges (pods, services)',
  'VERIFY-004': 'island and archipelago: no firewall admits outside sources to the pods, nor to the nodes beyond the declared gateways',
  'VERIFY-005': 'island and archipelago: pods reach the main network as their node\'s address (masquerade) or a NAT\'s (Egress.nat())',
  'VERIFY-006': 'island and archipelago: pods never reach the main network with their own address',
  'VERIFY-007': 'flat, island and archipelago: pods reach the internet through a NAT',
  'VERIFY-008': 'isolated: nothing connects the cluster\'s network to anything outside it but its exposed API endpoint, in IPv4 or IPv6 (no egress-only gateway, no IPv6 route out, no route to its IPv6 block, no rule admitting IPv6 from outside its VPC)',
  'VERIFY-009': 'isolated: an exposed API endpoint is reachable on 443 from the ranges it admits (apiEndpointSourceRanges; the whole main network by default)',
  'VERIFY-010': 'archipelago: member pods reach every other member\'s pods directly',
  'VERIFY-011': 'island and archipelago: every declared gateway is reachable from the main network',
  'VERIFY-012': 'every cluster: its nodes and pods reach each other',
  'VERIFY-013': 'linked networks: flat pods of each network reach the flat pods of the other directly across the CloudLink',
  'VERIFY-014': 'linked networks: no island, archipelago or isolated private range is advertised across the CloudLink',
  'VERIFY-015': 'flat, IPv6: the nodes of every IPv6 or dual-stack flat cluster reach the nodes of every other one directly over IPv6, both ways, every protocol (AWS: across the transit gateway, attachments with ipv6_support and hub routes to each VPC\'s /56; GCP: inside the main VPC)',
  'VERIFY-016': 'IPv6 or dual-stack, not isolated: the internet is reached over IPv6 outbound only (AWS: every nodes subnet sends ::/0 to an egress-only internet gateway of its VPC; GCP: internal ULA IPv6 has no internet path to prove) and no rule admits IPv6 from the internet',
  'VERIFY-017': 'island and archipelago, IPv6: the cluster\'s IPv6 half is reached only from within its own VPC (no route, propagation, peering or NCC export carries its VPC\'s IPv6 block elsewhere; no rule admits an IPv6 source outside it but Google\'s health checks)',
  'VERIFY-018': 'IPv6 references: every IPv6 block the Terraform names is one the verifier resolves (a VPC\'s /56 or ULA /48, a subnet\'s /64 of it, a literal); any other form is reported, never skipped',
};

/** Checks every promise of the clusters of `plan` on `fabric`. */
export function checkPromises(plan: PlanNetwork, fabric: Fabric): RawFinding[] {
  const out: RawFinding[] = [];
  const endpoints = endpointsOf(plan);
  const find = (c: PlanCluster, role: 'nodes' | 'pods' | 'services') => endpoints.find((e) => e.cluster === c && e.role === role)!;
  const others = endpoints.filter((e) => e.role === 'other');
  const main: Endpoint = { label: `main network ${plan.cidr}`, role: 'other', cidr: Cidr.parse(plan.cidr), network: plan.network };
  const internet: Endpoint = { label: 'internet', role: 'internet', cidr: INTERNET };
  // The pod promises are of IPv4 pods: an IPv6 cluster (no IPv4 pod range) has none to check, but its IPv4 nodes stay isolated (below).
  const clusters = plan.clusters.filter((c) => c.podCidr !== '');
  const flat = clusters.filter((c) => c.model === 'FLAT');
  const islands = clusters.filter((c) => c.model === 'ISLAND' || c.model === 'ARCHIPELAGO');
  const report = (id: string, from: Endpoint | string, to: Endpoint | string, found: Step | string) => out.push({
    id, network: plan.network,
    from: typeof from === 'string' ? from : from.label,
    to: typeof to === 'string' ? to : to.label,
    found: typeof found === 'string' ? found : found.text,
    resource: typeof found === 'string' ? undefined : found.resource,
  });
  /** Reports unless every address of `from` reaches `to` in one of `kinds`, with all protocols when `all`. */
  const expect = (id: string, from: Endpoint, to: Endpoint, kinds: string[], all: boolean) => {
    const r = reach(fabric, from, to).worst;
    if (r.kind === 'NONE') return report(id, from, to, r.missing ?? 'no path');
    if (!kinds.includes(r.kind)) return report(id, from, to, { text: `arrives ${r.kind.toLowerCase()} as ${r.source}, not ${kinds.join(' or ').toLowerCase()}: ${r.steps.map((s) => s.text).join('; ')}`, resource: r.steps[r.steps.length - 1]?.resource });
    if (all && !r.ports.all) return report(id, from, to, { text: `only ${portsText(r.ports)} admitted`, resource: r.steps.find((s) => s.text.startsWith('admitted'))?.resource });
    return undefined;
  };

  for (const c of clusters) {
    const [nodes, pods] = [find(c, 'nodes'), find(c, 'pods')];
    for (const [a, b] of [[nodes, pods], [pods, nodes], [pods, pods]]) expect('VERIFY-012', a, b, ['DIRECT'], true);
  }

  // Flat: pods everywhere, directly.
  for (const a of flat) {
    for (const b of flat.filter((x) => x !== a)) expect('VERIFY-001', find(a, 'pods'), find(b, 'pods'), ['DIRECT'], true);
    for (const other of others) {
      expect('VERIFY-002', find(a, 'pods'), other, ['DIRECT'], false);
      expect('VERIFY-002', other, find(a, 'pods'), ['DIRECT'], true);
    }
  }
  for (const c of [...flat, ...islands]) expect('VERIFY-007', find(c, 'pods'), internet, ['NATED'], false);

  // Islands and archipelagos.
  for (const c of islands) {
    const members = c.archipelago ? islands.filter((x) => x.archipelago === c.archipelago) : [c];
    const nodes = find(c, 'nodes');
    const pods = find(c, 'pods');
    const vpc = fabric.vpcOf(nodes);
    const superRange = plan.ranges.find((r) => r.role === 'super-range' && r.owner === c.archipelago);
    const privateRanges = [pods.cidr, find(c, 'services').cidr, ...(superRange ? [Cidr.parse(superRange.cidr)] : [])];
    if (vpc) for (const cidr of privateRanges) for (const leak of fabric.leaks(cidr, vpc)) report('VERIFY-003', main, `${c.path} ${cidr}`, leak);

    const inside = [...members.flatMap((m) => [Cidr.parse(m.nodeCidr), Cidr.parse(m.podCidr)]), ...privateRanges,
      ...c.ingress.flatMap((g) => g.subnetCidrs.map((x) => Cidr.parse(x)))];
    // A rule may open the nodes exactly what a declared gateway needs; nothing opens the pods to a
    // range outside (gateways reach them through the nodes, or from a load balancer's own group).
    for (const dest of [pods, nodes]) {
      for (const o of fabric.openings(dest, inside)) {
        const allowed = dest === nodes ? declaredPorts(c, Cidr.parse(o.source), Cidr.parse(plan.cidr)) : NO_PORTS;
        const beyond = o.ports.all ? !allowed.all : o.ports.tcp.some(([lo, hi]) => !admitsTcp(allowed, lo, hi));
        if (beyond) report('VERIFY-004', o.source, dest, { text: `${o.resource} admits ${o.source} to ${dest.label} on ${portsText(o.ports)}; the declared gateways allow ${portsText(allowed)}`, resource: o.resource });
      }
    }

    // Egress: as the node or a NAT, never as the pod.
    const kinds = c.egress === 'NAT' ? ['NATED'] : ['MASQUERADED', 'NATED'];
    for (const to of [...others, ...flat.map((f) => find(f, 'pods'))]) {
      expect('VERIFY-005', pods, to, kinds, false);
      for (const place of fabric.places(pods)) {
        const trip = fabric.travel(place, pods.cidr, to);
        if (trip.at && !trip.natted && !fabric.returns(trip.at, trip.source, place) && c.egress === 'NAT') {
          report('VERIFY-006', pods, to, { text: `pods leave with their own address: ${trip.steps.map((s) => s.text).join('; ')}`, resource: trip.steps[0]?.resource });
        }
      }
    }

    // Archipelago: flat among members.
    for (const m of members.filter((x) => x !== c)) expect('VERIFY-010', pods, find(m, 'pods'), ['DIRECT'], true);

    // Declared gateways.
    for (const g of c.ingress) {
      if (g.kind === 'NODE_PORT') {
        for (const source of g.sourceRanges ?? [plan.cidr]) {
          const from: Endpoint = { label: `NodePort clients ${source}`, role: 'other', cidr: Cidr.parse(source), network: plan.network };
          const r = reach(fabric, from, nodes).worst;
          if (r.kind === 'NONE') report('VERIFY-011', from, nodes, r.missing ?? 'no path');
          else if (!admitsTcp(r.ports, 30000, 32767)) report('VERIFY-011', from, nodes, { text: `NodePorts 30000-32767 not admitted (only ${portsText(r.ports)})`, resource: fabric.vpcOf(nodes) });
        }
      } else if (g.kind === 'LOAD_BALANCER' || g.kind === 'PROXY') {
        const missing = fabric.gateway(nodes, g.kind, g.ports, main);
        if (missing) report('VERIFY-011', main, `${c.path} ${g.kind.toLowerCase().replace('_', ' ')}`, missing);
      }
    }
  }

  // Isolated: nothing in or out but the exposed API endpoint.
  for (const c of plan.clusters.filter((x) => x.model === 'ISOLATED')) {
    const nodes = find(c, 'nodes');
    const vpc = fabric.vpcOf(nodes);
    const api = apiEndpointOf(plan, c);
    const pods = c.podCidr === '' ? [] : [find(c, 'pods')];
    const ranges = [nodes.cidr, ...pods.flatMap((p) => [p.cidr, find(c, 'services').cidr])];
    if (vpc) {
      for (const exit of fabric.exits(vpc, api ? [api.cidr] : [])) report('VERIFY-008', c.path, 'outside', exit);
      for (const cidr of ranges) for (const leak of fabric.leaks(cidr, vpc)) report('VERIFY-008', main, `${c.path} ${cidr}`, leak);
    }
    for (const dest of [nodes, ...pods]) {
      for (const o of fabric.openings(dest, ranges)) report('VERIFY-008', o.source, dest, { text: `${o.resource} admits ${o.source} (${portsText(o.ports)})`, resource: o.resource });
    }
    if (api) {
      // From each range the endpoint admits, as declared (the whole main network by default).
      const clients = c.apiEndpointSourceRanges?.map((source): Endpoint => ({ label: `API clients ${source}`, role: 'other', cidr: Cidr.parse(source), network: plan.network })) ?? [main];
      for (const from of clients) {
        const r = reach(fabric, from, api).worst;
        if (r.kind === 'NONE') report('VERIFY-009', from, api, r.missing ?? 'no path');
        else if (!admitsTcp(r.ports, 443, 443)) report('VERIFY-009', from, api, { text: `443 not admitted (only ${portsText(r.ports)})`, resource: r.steps[r.steps.length - 1]?.resource });
      }
    }
  }
  checkIpv6Promises(plan, fabric, (id, from, to, found) => report(id, from, to, found));
  return out;
}

/** What `c`'s declared gateways let `source` reach on its nodes. */
function declaredPorts(c: PlanCluster, source: Cidr, network: Cidr): Ports {
  let ports = NO_PORTS;
  for (const g of c.ingress) {
    if (g.kind === 'NODE_PORT') {
      const from = (g.sourceRanges ?? [network.toString()]).map((x) => Cidr.parse(x));
      if (from.some((f) => f.contains(source))) ports = unionPorts(ports, { all: false, tcp: [[30000, 32767]] });
    } else if (g.kind === 'LOAD_BALANCER') {
      if (network.contains(source) || HEALTH_CHECK_RANGES.some((h) => h.contains(source))) {
        ports = unionPorts(ports, { all: false, tcp: g.ports.map((p): [number, number] => [p, p]) });
      }
    }
  }
  return ports;
}

