// What the address plan (address-plan.json, written by lib/report beside each stack) says the
// verifier must find: which ranges belong to which cluster and model, and each cluster's edge.
import { Cidr } from '../ipam';

/** A cluster as address-plan.json records it. */
export interface PlanCluster {
  readonly path: string;
  readonly model: 'FLAT' | 'ISOLATED' | 'ISLAND' | 'ARCHIPELAGO';
  readonly nodeCidr: string;
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly archipelago?: string;
  readonly egress?: 'MASQUERADE' | 'NAT';
  /** Absent for IPv4. */
  readonly ipFamily?: 'DUAL_STACK' | 'IPV6';
  readonly ingress: ReadonlyArray<{ kind: string; ports: number[]; sourceRanges?: string[]; subnetCidrs: string[] }>;
  /** Who may reach an exposed API endpoint on 443; absent: the whole main network. */
  readonly apiEndpointSourceRanges?: string[];
}

/** One network's address plan (the fields of address-plan.json the verifier reads). */
export interface PlanNetwork {
  readonly network: string;
  readonly cloud: string;
  readonly cidr: string;
  readonly ranges: ReadonlyArray<{ owner: string; name: string; role: string; routable: boolean; cidr: string; model?: string }>;
  readonly clusters: readonly PlanCluster[];
  /** AWS: each IPv6 subnet's number in its VPC's /56 (`cidrsubnet(vpc.ipv6_cidr_block, 8, netnum)`). */
  readonly ipv6Subnets?: ReadonlyArray<{ vpc: string; name: string; netnum: number }>;
}

/** True when `c` has an IPv6 half (dual-stack or IPv6). */
export const hasIpv6 = (c: PlanCluster) => c.ipFamily === 'DUAL_STACK' || c.ipFamily === 'IPV6';

/** Checks the fields the verifier needs; `source` names the file in errors. */
export function parsePlan(text: string, source: string): PlanNetwork {
  let json: Partial<PlanNetwork>;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`verify: ${source} is not JSON (${(e as Error).message}) — pass the address-plan.json synth wrote beside the stack`);
  }
  if (!json || typeof json.network !== 'string' || !Array.isArray(json.ranges) || !Array.isArray(json.clusters)) {
    throw new Error(`verify: ${source} has no network, ranges and clusters — pass the address-plan.json synth wrote beside the stack`);
  }
  for (const c of json.clusters) {
    if (!Array.isArray((c as Partial<PlanCluster>).ingress)) {
      throw new Error(`verify: cluster ${c.path} in ${source} records no ingress gateways — it was written by an older cdktf-kube-networks; synthesize again`);
    }
  }
  return json as PlanNetwork;
}

/** What an endpoint of the matrix is. */
export type EndpointRole = 'nodes' | 'pods' | 'services' | 'other' | 'internet' | 'api-endpoint' | 'proxy';

/** A range of the matrix: a cluster's nodes, pods or services, a reserved range, the internet. */
export interface Endpoint {
  /** e.g. `corp/prod pods`, `other 10.128.0.0/16`, `internet`. */
  readonly label: string;
  readonly role: EndpointRole;
  readonly cidr: Cidr;
  /** The network path it belongs to (the internet belongs to none). */
  readonly network?: string;
  readonly cluster?: PlanCluster;
}

/** The internet, as a source or destination: any address outside the private ranges. */
export const INTERNET = Cidr.parse('0.0.0.0/0');

/** The endpoints of one network: per cluster nodes, pods, services (and exposed API endpoint, proxy subnets); every reserved range. */
export function endpointsOf(plan: PlanNetwork): Endpoint[] {
  const out: Endpoint[] = [];
  for (const c of plan.clusters) {
    out.push({ label: `${c.path} nodes`, role: 'nodes', cidr: Cidr.parse(c.nodeCidr), network: plan.network, cluster: c });
    // An IPv6 cluster's pods and services have no IPv4 range (podCidr and serviceCidr are empty).
    if (c.podCidr === '') continue;
    out.push({ label: `${c.path} pods`, role: 'pods', cidr: Cidr.parse(c.podCidr), network: plan.network, cluster: c });
    out.push({ label: `${c.path} services`, role: 'services', cidr: Cidr.parse(c.serviceCidr), network: plan.network, cluster: c });
  }
  for (const r of plan.ranges) {
    if (r.role === 'reserved') out.push({ label: `${r.name} ${r.cidr}`, role: 'other', cidr: Cidr.parse(r.cidr), network: plan.network });
  }
  return out;
}

/** The exposed API endpoint of an isolated cluster, when planned. */
export function apiEndpointOf(plan: PlanNetwork, cluster: PlanCluster): Endpoint | undefined {
  const range = plan.ranges.find((r) => r.owner === cluster.path && r.name === 'api-endpoint');
  return range && { label: `${cluster.path} api-endpoint`, role: 'api-endpoint', cidr: Cidr.parse(range.cidr), network: plan.network, cluster };
}

/** True when `a` and `b` are one island: the same cluster, or members of one archipelago. */
export function sameIsland(a: PlanCluster | undefined, b: PlanCluster | undefined): boolean {
  if (!a || !b) return false;
  return a.path === b.path || (a.archipelago !== undefined && a.archipelago === b.archipelago);
}
