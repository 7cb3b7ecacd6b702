import { Cidr, coveredAddresses, findOverlaps, usableServiceAddresses } from '../ipam';
import { kubeControllerManagerArgs, serviceIps } from '../model/kube-args';
import { ClusterPlan, NetworkModel, NetworkPlan, PlannedRange, RangeRole } from '../model/plan';
import { PolicyViolation } from '../model/rule';

/** One range of the report. */
export interface ReportRange {
  readonly owner: string;
  readonly name: string;
  /** node, pod, service, gateway, reserved, hole or super-range. */
  readonly role: string;
  readonly routable: boolean;
  readonly cidr: string;
  /** Number of addresses, as text (IPv6 counts do not fit a number). */
  readonly size: string;
  /** What it holds, in the user's terms: `250 nodes`, `256 nodes x 110 pods`, `4094 services`. */
  readonly holds: string;
  /** A private range that shares addresses with another island's, archipelago's or isolated cluster's. */
  readonly reused: boolean;
  readonly model?: NetworkModel;
  /** The address space it was planned in (the network, or an island's own). */
  readonly space: string;
}

/** How full one pool is. */
export interface ReportPool {
  readonly name: string;
  readonly cidr: string;
  readonly used: string;
  readonly total: string;
  /** Used share in percent, one decimal. */
  readonly percent: number;
  /** The private space the pool plans (an island's, archipelago's or isolated cluster's path). @default - the main network or its hole */
  readonly space?: string;
}

/** What a cluster needs configured, ready to paste, and the edge it declared (what the reachability verifier checks). */
export interface ReportCluster extends Pick<ClusterPlan, 'path' | 'model' | 'nodeCidr' | 'podCidr' | 'serviceCidr' | 'nodeMaskSize' | 'archipelago' | 'egress' | 'ipFamily' | 'ipv6AccessType' | 'apiEndpointSourceRanges'> {
  readonly apiServerServiceIp: string;
  readonly dnsServiceIp: string;
  readonly kubeControllerManagerArgs: string[];
  /** Declared gateways into the cluster (islands and archipelago members); empty otherwise. */
  readonly ingress: Array<{ kind: string; ports: number[]; sourceRanges?: string[]; subnetCidrs: string[] }>;
}

/** The address plan of one network, as the report files show it. */
export interface AddressReport {
  readonly network: string;
  readonly cloud: string;
  readonly cidr: string;
  readonly islandCidr: string;
  readonly holeCidr?: string;
  readonly ranges: ReportRange[];
  readonly pools: ReportPool[];
  readonly clusters: ReportCluster[];
  readonly rulesChecked: Array<{ id: string; severity: string; statement: string }>;
  readonly warnings: Array<{ ruleId: string; path: string; message: string }>;
  readonly suppressed: Array<{ ruleId: string; path: string; message: string; reason: string }>;
  readonly unclaimed: Array<{ owner: string; cidr: string }>;
  /** True when the network has IPv6. @default false */
  readonly ipv6?: boolean;
  /** IPv6 subnets numbered in a VPC's deploy-time block (AWS): `cidrsubnet(<the VPC's /56>, 8, netnum)`. @default - none */
  readonly ipv6Subnets?: Array<{ vpc: string; name: string; netnum: number; claimed: boolean }>;
}

const ROLE: Record<RangeRole, string> = {
  [RangeRole.NODE]: 'node', [RangeRole.POD]: 'pod', [RangeRole.SERVICE]: 'service', [RangeRole.GATEWAY]: 'gateway',
  [RangeRole.RESERVED]: 'reserved', [RangeRole.HOLE]: 'hole', [RangeRole.SUPER_RANGE]: 'super-range', [RangeRole.BLOCK]: 'block',
};

/** The report of `plan`, with what the rules found. Deterministic: same plan, same report. */
export function buildReport(
  plan: NetworkPlan,
  violations: readonly PolicyViolation[],
  rules: ReadonlyArray<{ id: string; severity: string; statement: string }>,
): AddressReport {
  const recorded = plan.ranges.filter((r) => r.recordOf === undefined);
  const clusters = new Map(plan.clusters.map((c) => [c.path, c]));
  // Reused: a private range that shares addresses with a private range of another space.
  const reusedRanges = new Set<PlannedRange>();
  const privates = recorded.filter((x) => !x.routable && x.role !== RangeRole.HOLE).map((range) => ({ cidr: Cidr.parse(range.cidr), owner: range.owner, range }));
  for (const { outer, inner } of findOverlaps(privates)) {
    if (outer.range.space === inner.range.space) continue;
    reusedRanges.add(outer.range);
    reusedRanges.add(inner.range);
  }
  const ranges = recorded
    .map((r): ReportRange => ({
      owner: r.owner,
      name: r.name,
      role: ROLE[r.role],
      routable: r.routable,
      cidr: r.cidr,
      size: Cidr.parse(r.cidr).size.toString(),
      holds: holds(r, clusters.get(r.owner), plan),
      reused: reusedRanges.has(r),
      model: r.model,
      space: r.space,
    }))
    .sort((a, b) => Number(b.routable) - Number(a.routable) || Cidr.compare(Cidr.parse(a.cidr), Cidr.parse(b.cidr)) || cmp(a.owner, b.owner));

  return {
    network: plan.path,
    cloud: plan.cloud,
    cidr: plan.cidr,
    islandCidr: plan.islandCidr,
    holeCidr: plan.holeCidr,
    ranges,
    pools: pools(plan, recorded),
    clusters: plan.clusters.map(clusterRow),
    rulesChecked: rules.map(({ id, severity, statement }) => ({ id, severity, statement })),
    warnings: violations.filter((v) => v.severity === 'WARNING' && v.suppressedReason === undefined)
      .map(({ ruleId, path, message }) => ({ ruleId, path, message })),
    suppressed: violations.filter((v) => v.suppressedReason !== undefined)
      .map(({ ruleId, path, message, suppressedReason }) => ({ ruleId, path, message, reason: suppressedReason! })),
    unclaimed: plan.unclaimedRecords.map((r) => ({ owner: r.recordOf!, cidr: r.cidr })),
    // IPv4-only reports keep their shape.
    ...(plan.ipv6 ? { ipv6: true } : {}),
    ...(plan.ipv6Subnets?.length ? { ipv6Subnets: plan.ipv6Subnets.map(({ vpc, name, netnum, claimed }) => ({ vpc, name, netnum, claimed })) } : {}),
  };
}

function holds(range: PlannedRange, cluster: ClusterPlan | undefined, plan: NetworkPlan): string {
  const cidr = Cidr.parse(range.cidr);
  switch (range.role) {
    case RangeRole.NODE: return cluster ? `${cluster.maxNodes} nodes` : '';
    case RangeRole.POD: return cluster
      ? `${2 ** Math.max(0, cluster.nodeMaskSize - cidr.prefix)} nodes x ${cluster.maxPodsPerNode} pods (/${cluster.nodeMaskSize} each)`
      : '';
    case RangeRole.SERVICE: return `${usableServiceAddresses(cidr)} services`;
    case RangeRole.SUPER_RANGE: return `${plan.clusters.filter((c) => c.archipelago === range.owner).length} member clusters`;
    case RangeRole.HOLE: return 'island space: never routable';
    default: return range.name;
  }
}

function pools(plan: NetworkPlan, ranges: readonly PlannedRange[]): ReportPool[] {
  const pool = (name: string, cidr: string, members: readonly PlannedRange[], space?: string): ReportPool => {
    const within = Cidr.parse(cidr);
    const used = coveredAddresses(members.map((r) => Cidr.parse(r.cidr)), within);
    return { name, cidr, used: used.toString(), total: within.size.toString(), percent: Number((used * 1000n) / within.size) / 10, space };
  };
  const routable = ranges.filter((r) => r.routable);
  const result = [pool(`main network ${plan.path}`, plan.cidr, routable)];
  if (plan.holeCidr) result.push(pool('hole (island space in the main network)', plan.holeCidr, ranges.filter((r) => !r.routable && r.role !== RangeRole.HOLE && r.model !== NetworkModel.ISOLATED)));
  const spaces = [...new Set(ranges.filter((r) => !r.routable && r.role !== RangeRole.HOLE).map((r) => r.space))].sort(cmp);
  for (const space of spaces) {
    const own = ranges.filter((r) => r.space === space && !r.routable && r.role !== RangeRole.HOLE);
    const superRange = own.find((r) => r.role === RangeRole.SUPER_RANGE);
    const isolated = own.some((r) => r.model === NetworkModel.ISOLATED);
    if (superRange) result.push(pool(`archipelago ${space}`, superRange.cidr, own.filter((r) => r !== superRange), space));
    else result.push(pool(`${isolated ? 'isolated' : 'island'} ${space}`, isolated ? plan.cidr : plan.islandCidr, own, space));
  }
  return result;
}

function clusterRow(c: ClusterPlan): ReportCluster {
  const ips = serviceIps(c.serviceCidr);
  return {
    path: c.path,
    model: c.model,
    nodeCidr: c.nodeCidr,
    podCidr: c.podCidr,
    serviceCidr: c.serviceCidr,
    nodeMaskSize: c.nodeMaskSize,
    apiServerServiceIp: ips.apiServer,
    dnsServiceIp: ips.dns,
    kubeControllerManagerArgs: kubeControllerManagerArgs(c),
    archipelago: c.archipelago,
    ingress: c.ingress.map(({ kind, ports, sourceRanges, subnetCidrs }) => ({ kind, ports, sourceRanges, subnetCidrs })),
    egress: c.egress,
    ...(c.ipFamily ? { ipFamily: c.ipFamily } : {}),
    ...(c.ipv6AccessType ? { ipv6AccessType: c.ipv6AccessType } : {}),
    // Who may reach an exposed API endpoint, as given (absent: the whole main network).
    ...(c.apiEndpointSourceRanges ? { apiEndpointSourceRanges: c.apiEndpointSourceRanges } : {}),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
