import { Cidr, findOverlaps, isRfc1918 } from '../ipam';
import { IngressKind } from '../model/gateways';
import { API_ENDPOINT_RANGE, NetworkModel, NetworkPlan, PlannedRange, PodRouting, RangeRole } from '../model/plan';
import { CONTROL_PLANE } from './profile';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../policy/rule';
import { describe, propOf } from '../policy/rules/describe';
import { subnet008 } from './name-rule';
import { OUTLINE_RULES } from './outline-rules';
import { GKE_RULES } from './gke';
import { IPV6_RULES } from './ipv6-rules';

/** GCP-SUBNET-001: where GCP subnets normally live; anything else is a privately used public range. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '192.0.0.0/24', '192.0.2.0/24',
  '198.51.100.0/24', '203.0.113.0/24', '192.88.99.0/24', '198.18.0.0/15', '240.0.0.0/4'].map((c) => Cidr.parse(c));
/** GCP-SUBNET-002: ranges no subnet may use. */
const PROHIBITED = ['0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/4', '255.255.255.255/32',
  '199.36.153.4/30', '199.36.153.8/30'].map((c) => Cidr.parse(c));
/** Addresses one NAT IP serves at the default 64 ports per VM (GCP-NAT-004: 64,512 / 64). */
const VMS_PER_NAT_IP = 1008;

/** Ranges that become GCP subnet ranges (primary or secondary). */
const inSubnets = (plan: NetworkPlan) => plan.ranges.filter((r) =>
  [RangeRole.NODE, RangeRole.POD, RangeRole.SERVICE, RangeRole.GATEWAY].includes(r.role) && Cidr.parse(r.cidr).family === 4);

const subnet001 = defineRule('GCP-SUBNET-001', Severity.WARNING,
  'Subnet ranges lie in GCP\'s private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, ...); others are privately used public ranges.',
  (plan) => inSubnets(plan)
    .filter((r) => !PRIVATE_RANGES.some((p) => p.contains(Cidr.parse(r.cidr))))
    .map((r) => ({
      path: r.owner,
      message: `${describe(r)} is outside GCP's private ranges, so GCP uses it as a privately used public range — keep it only if you own it, or pin a range in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10`,
    })));

const subnet002 = defineRule('GCP-SUBNET-002', Severity.ERROR,
  'No subnet range overlaps a range GCP prohibits (0/8, 127/8, 169.254/16, 224/4, 255.255.255.255/32, Google API ranges).',
  (plan) => inSubnets(plan).flatMap((r) => {
    const bad = PROHIBITED.find((p) => p.overlaps(Cidr.parse(r.cidr)));
    return bad ? [{ path: r.owner, message: `${describe(r)} overlaps ${bad}, which GCP prohibits in subnets — pin a range elsewhere` }] : [];
  }));

const subnet004 = defineRule('GCP-SUBNET-004', Severity.ERROR,
  'A primary range (nodes, gateway subnets) is /29 or larger: GCP keeps 4 of its addresses.',
  (plan) => plan.ranges
    .filter((r) => (r.role === RangeRole.NODE || r.role === RangeRole.GATEWAY) && Cidr.parse(r.cidr).family === 4 && Cidr.parse(r.cidr).prefix > 29)
    .map((r) => ({ path: r.owner, message: `${describe(r)} is smaller than a /29, GCP's smallest primary range (4 of its addresses are GCP's) — widen it` })));

/** The VPC network each range of the plan is a subnet range of (GCP-SUBNET-005): the main one, or an island's, archipelago's or isolated cluster's. */
function vpcOf(range: PlannedRange, plan: NetworkPlan): string | undefined {
  const cluster = plan.clusters.find((c) => c.path === range.owner);
  if (range.role === RangeRole.GATEWAY && range.name === API_ENDPOINT_RANGE) return plan.path; // in the main VPC
  if (range.role === RangeRole.GATEWAY && range.name === CONTROL_PLANE) return undefined; // Google's network, peered
  if (![RangeRole.NODE, RangeRole.POD, RangeRole.SERVICE, RangeRole.GATEWAY].includes(range.role)) return undefined;
  if (!cluster) return range.owner; // an archipelago's private-NAT subnet
  if (cluster.model === NetworkModel.FLAT) return cluster.podRouting === PodRouting.ROUTES && range.role !== RangeRole.NODE ? undefined : plan.path;
  return cluster.archipelago ?? cluster.path;
}

const subnet005 = defineRule('GCP-SUBNET-005', Severity.ERROR,
  'The primary and secondary ranges of one VPC network never overlap (the API refuses them; this rule cannot be suppressed).',
  (plan) => {
    const byVpc = new Map<string, PlannedRange[]>();
    for (const range of plan.ranges.filter((r) => r.recordOf === undefined)) {
      const vpc = vpcOf(range, plan);
      if (vpc) byVpc.set(vpc, [...(byVpc.get(vpc) ?? []), range]);
    }
    // Ranges of one cluster that overlap are MODEL-003's finding; here, ranges of different owners sharing a network.
    return [...byVpc].flatMap(([vpc, ranges]) => findOverlaps(ranges.map((range) => ({ cidr: Cidr.parse(range.cidr), owner: range.owner, range })))
      .filter(({ outer, inner }) => outer.owner !== inner.owner)
      .map(({ outer, inner }) => ({
        path: inner.owner,
        message: `${describe(inner.range)} overlaps ${describe(outer.range)} in the VPC network of ${vpc}; GCP refuses overlapping subnet ranges in one network — pin ${propOf(inner.range)} elsewhere`,
      })));
  });

const gke002 = defineRule('GCP-GKE-002', Severity.ERROR,
  'On GKE a node\'s pod block has at least twice maxPodsPerNode addresses, and maxPodsPerNode is at most 256.',
  (plan) => plan.clusters.flatMap((c): PolicyFinding[] => {
    const block = 2 ** (Cidr.parse(c.podCidr).bits - c.nodeMaskSize);
    const findings: PolicyFinding[] = [];
    if (c.maxPodsPerNode > 256) {
      findings.push({ path: c.path, message: `maxPodsPerNode ${c.maxPodsPerNode} of ${c.path} is more than GKE's 256 — ask for 256 or fewer` });
    } else if (block < 2 * c.maxPodsPerNode) {
      findings.push({
        path: c.path,
        message: `a /${c.nodeMaskSize} node block of ${c.path} has ${block} addresses; GKE gives each node twice maxPodsPerNode ${c.maxPodsPerNode} — use nodeMaskSize ${31 - Math.ceil(Math.log2(c.maxPodsPerNode))} or fewer pods per node`,
      });
    }
    return findings;
  }));

const gke003 = defineRule('GCP-GKE-003', Severity.ERROR,
  'A GKE pod range is a /24 or larger.',
  (plan) => plan.clusters
    .filter((c) => Cidr.parse(c.podCidr).family === 4 && Cidr.parse(c.podCidr).prefix > 24)
    .map((c) => ({ path: c.path, message: `pod range ${c.podCidr} of ${c.path} is smaller than the /24 GKE needs — widen podCidr or raise maxNodes` })));

const gke009 = defineRule('GCP-GKE-009', Severity.ERROR,
  'A routes-based cluster\'s pod range (cluster_ipv4_cidr) is RFC 1918; its pod routes count against the static-route quota.',
  (plan) => plan.clusters
    .filter((c) => c.podRouting === PodRouting.ROUTES && !isRfc1918(Cidr.parse(c.podCidr)))
    .map((c) => ({
      path: c.path,
      message: `pod range ${c.podCidr} of routes-based ${c.path} is outside 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16, which GKE requires of cluster_ipv4_cidr — pin podCidr in RFC 1918, or use PodRouting.VPC_NATIVE`,
    })));

/**
 * GCP-GKE-013: routes-based pods are reached through the routes GKE makes in the main VPC, and an
 * NCC hub exchanges subnet ranges alone, never static routes (Google's "Static routes overview"
 * of Network Connectivity Center): islands and archipelagos, each a VPC of its own on the hub, do
 * not reach them.
 */
const gke013 = defineRule('GCP-GKE-013', Severity.WARNING,
  'A routes-based cluster\'s pods are reached through routes GKE makes in the main VPC, which an NCC hub never exchanges (it exchanges subnet ranges): islands and archipelagos, each in a VPC of its own, cannot reach them.',
  (plan) => {
    const islands = plan.clusters.filter((c) => c.model === NetworkModel.ISLAND || c.model === NetworkModel.ARCHIPELAGO);
    if (!islands.length) return [];
    const names = islands.map((c) => c.path);
    const listed = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    return plan.clusters
      .filter((c) => c.model === NetworkModel.FLAT && c.podRouting === PodRouting.ROUTES)
      .map((c) => ({
        path: c.path,
        message: `pods of routes-based ${c.path} (${c.podCidr}) are reached through routes GKE makes in the main VPC, which the NCC hub does not exchange: ${listed} cannot reach them — use PodRouting.VPC_NATIVE (the pod range becomes a subnet range the hub exchanges), or Policy.suppress(cluster, 'GCP-GKE-013', reason) if no island needs them`,
      }));
  });

/** GKE keeps 172.17.0.0/16 for the Docker bridge on nodes (GCP-GKE-010, GCP-GKE-012). */
const DOCKER_BRIDGE = Cidr.parse('172.17.0.0/16');

const gke010 = defineRule('GCP-GKE-010', Severity.ERROR,
  'A private GKE control-plane range is exactly a /28 outside 172.17.0.0/16 (the Docker bridge), and, as a routable range, overlaps nothing (MODEL-001).',
  (plan) => plan.ranges
    .filter((r) => r.role === RangeRole.GATEWAY && r.name === CONTROL_PLANE)
    .flatMap((r: PlannedRange) => {
      const cidr = Cidr.parse(r.cidr);
      return [
        ...(cidr.prefix !== 28 ? [{ path: r.owner, message: `${describe(r)} is not a /28, the only size GKE takes for master_ipv4_cidr_block — use a /28` }] : []),
        ...(cidr.overlaps(DOCKER_BRIDGE) ? [{
          path: r.owner,
          message: `${describe(r)} lies in 172.17.0.0/16, which GKE refuses for master_ipv4_cidr_block (the Docker bridge) — release the record (cdktf-kube-networks plan rm ${r.owner}:${r.name}) so the planner places it elsewhere`,
        }] : []),
      ];
    }));

const gke012 = defineRule('GCP-GKE-012', Severity.WARNING,
  'Node, pod and service ranges stay out of 172.17.0.0/16: GKE nodes use it for the Docker bridge, so addresses there are unreachable from pods.',
  (plan) => plan.ranges
    .filter((r) => [RangeRole.NODE, RangeRole.POD, RangeRole.SERVICE].includes(r.role) && Cidr.parse(r.cidr).overlaps(DOCKER_BRIDGE))
    .map((r: PlannedRange) => ({ path: r.owner, message: `${describe(r)} overlaps 172.17.0.0/16, the Docker bridge of GKE nodes — pin ${propOf(r)} outside it (the planner never places a range there)` })));

const nat004 = defineRule('GCP-NAT-004', Severity.WARNING,
  'Cloud NAT at 64 ports per VM serves 1,008 VMs per NAT IP; larger estates need more IPs from the project\'s quota.',
  (plan) => {
    const flat = plan.clusters.filter((c) => c.model === NetworkModel.FLAT);
    const vms = flat.reduce((sum, c) => sum + c.maxNodes, 0);
    if (vms <= VMS_PER_NAT_IP) return [];
    return [{
      path: plan.path,
      message: `the Cloud NAT of ${plan.path} serves up to ${vms} nodes of flat clusters: at 64 ports per VM that takes ${Math.ceil(vms / VMS_PER_NAT_IP)} NAT IPs (1,008 VMs each), which AUTO_ONLY allocates from the project's external IP quota — check the quota, or lower maxNodes`,
    }];
  });

const lb001 = defineRule('GCP-LB-001', Severity.ERROR,
  'A proxy-only subnet (L7 proxy gateway) is a /26 or larger; a /23 is recommended.',
  (plan) => {
    // Archipelago members share one proxy-only subnet (one per network and region): said once, of the first that lists it.
    const holders = new Map<string, string>();
    for (const c of plan.clusters) {
      for (const cidr of c.ingress.filter((g) => g.kind === IngressKind.PROXY).flatMap((g) => g.subnetCidrs)) if (!holders.has(cidr)) holders.set(cidr, c.path);
    }
    return [...holders].filter(([cidr]) => Cidr.parse(cidr).prefix > 26)
      .map(([cidr, path]) => ({ path, message: `proxy-only subnet ${cidr} of ${path} is smaller than the /26 GCP needs (a /23 is recommended) — use Ingress.proxy({ subnetMaskSize: 23 })` }));
  });

/** GCP-LOG-001, for a cloud whose flow logs are `enabled` (Cloud.gcp({ flowLogs })). */
const log001 = (enabled: boolean) => defineRule('GCP-LOG-001', Severity.WARNING,
  'Every subnet that hosts nodes or an API endpoint has VPC flow logs (log_config; never on proxy-only subnets, which the API refuses, nor on private-NAT subnets, which host no VMs); Cloud.gcp({ flowLogs: false }) is reported unless suppressed with a reason.',
  (plan) => enabled ? [] : [{
    path: plan.path,
    message: `the subnets of ${plan.path} keep no flow logs (Cloud.gcp({ flowLogs: false })): no record of who talked to whom — drop flowLogs: false, or Policy.suppress(network, 'GCP-LOG-001', reason) if the traffic is logged elsewhere`,
  }]);

/** The GCP rules for a cloud with flow logs on or off (Cloud.gcp({ flowLogs })). */
export function gcpRules(flowLogs: boolean = true): readonly IPolicyRule[] {
  return [...GCP_PLAN_RULES, log001(flowLogs)];
}

const GCP_PLAN_RULES: readonly IPolicyRule[] = [subnet001, subnet002, subnet004, subnet005, subnet008, gke002, gke003, gke009, gke010, gke012, gke013, nat004, lb001, ...OUTLINE_RULES, ...GKE_RULES, ...IPV6_RULES];

/** The GCP rules, checked on every network on Cloud.gcp() (flow logs on). */
export const GCP_RULES: readonly IPolicyRule[] = gcpRules();
