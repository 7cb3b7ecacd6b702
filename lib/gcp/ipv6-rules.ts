// The GCP IPv6 rules (issue #16): what GKE and the VPC take of a dual-stack cluster. Google
// assigns every IPv6 range itself (a VPC's ULA /48, a subnet's /64), so these read what the
// constructs decided and what the renderer makes, never an IPv6 range of the plan.
import { Cidr } from '../ipam';
import { IpFamily, Ipv6AccessType, NetworkModel, NetworkPlan, PodRouting } from '../model/plan';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../policy/rule';
import { GcpResourceOutline } from './outline';
import { resourcesOf } from './outline-rules';

const dualStack = (plan: NetworkPlan) => plan.clusters.filter((c) => c.ipFamily === IpFamily.DUAL_STACK);
const familyOf = (range: string) => Cidr.parse(range).family;

/** GCP-IPV6-001: a dual-stack cluster is VPC-native (GKE's stack_type is part of its IP allocation policy). */
export function routesFindings(plan: NetworkPlan): PolicyFinding[] {
  return dualStack(plan).filter((c) => c.podRouting === PodRouting.ROUTES).map((c) => ({
    path: c.path,
    message: `${c.path} is dual-stack (IpFamily.DUAL_STACK) and routes-based (PodRouting.ROUTES); GKE takes stack_type IPV4_IPV6 in the IP allocation policy of VPC-native clusters alone, and has no IPv6 routes per node — use PodRouting.VPC_NATIVE, or leave ipFamily out for IPv4 only`,
  }));
}

/** GCP-IPV6-002: an INTERNAL dual-stack subnet lies in a VPC network with an internal ULA /48. */
export function ulaFindings(resources: readonly GcpResourceOutline[]): PolicyFinding[] {
  const withUla = new Set(resources.filter((r) => r.type === 'google_compute_network' && r.ulaInternalIpv6).map((r) => r.name));
  return resources
    .filter((r) => r.type === 'google_compute_subnetwork' && r.stackType === 'IPV4_IPV6' && r.ipv6AccessType === Ipv6AccessType.INTERNAL && !withUla.has(r.vpc!))
    .map((r) => ({
      path: r.owner,
      message: `subnet ${r.name} of ${r.owner} takes INTERNAL IPv6, but its network ${r.vpc} has no internal IPv6 range (enable_ula_internal_ipv6); GCP assigns internal IPv6 subnet ranges from the network's ULA /48 alone — set ipv6: true on the Network`,
    }));
}

/** GCP-IPV6-003: EXTERNAL IPv6 puts an island's, archipelago member's or isolated cluster's nodes and pods on the internet. */
export function externalFindings(plan: NetworkPlan): PolicyFinding[] {
  return dualStack(plan).filter((c) => c.ipv6AccessType === Ipv6AccessType.EXTERNAL && c.model !== NetworkModel.FLAT).map((c) => {
    const kind = c.model === NetworkModel.ISOLATED ? 'isolated cluster' : c.model === NetworkModel.ISLAND ? 'island' : 'archipelago member';
    return {
      path: c.path,
      message: `${kind} ${c.path} takes EXTERNAL IPv6: its nodes and pods get global unicast addresses, reachable from the internet wherever a firewall admits them, past the ${c.model === NetworkModel.ISOLATED ? 'isolation' : 'gateways'} of its model — use Ipv6AccessType.INTERNAL, or Policy.suppress(cluster, 'GCP-IPV6-003', reason)`,
    };
  });
}

/**
 * GCP-IPV6-004: every firewall rule holds ranges of one family; a rule whose sources the outline
 * knows (health checks) has sources of one family. (NodePort sourceRanges of the other family are
 * refused where they are written, INPUT-001.)
 */
export function firewallFamilyFindings(resources: readonly GcpResourceOutline[]): PolicyFinding[] {
  return resources.filter((r) => r.type === 'google_compute_firewall' && new Set((r.sources ?? []).map(familyOf)).size > 1).map((r) => ({
    path: r.owner,
    message: `firewall ${r.name} of ${r.owner} admits IPv4 and IPv6 sources (${r.sources!.join(', ')}); a GCP firewall rule holds IPv4 or IPv6 ranges, never both — split it into an IPv4 rule and an IPv6 twin`,
  }));
}

/** The GCP IPv6 rules. */
export const IPV6_RULES: readonly IPolicyRule[] = [
  defineRule('GCP-IPV6-001', Severity.ERROR,
    'A dual-stack GKE cluster (IpFamily.DUAL_STACK) is VPC-native: GKE takes stack_type IPV4_IPV6 in the IP allocation policy of alias-IP clusters, so PodRouting.ROUTES has no dual-stack (the API refuses it; this rule cannot be suppressed).',
    routesFindings),
  defineRule('GCP-IPV6-002', Severity.ERROR,
    'An INTERNAL dual-stack subnet lies in a VPC network with an internal IPv6 range (enable_ula_internal_ipv6, a ULA /48 Google picks from fd20::/20), which GCP assigns its /64 from (the API refuses others; this rule cannot be suppressed).',
    (plan) => ulaFindings(resourcesOf(plan))),
  defineRule('GCP-IPV6-003', Severity.WARNING,
    'An island, archipelago member or isolated cluster takes INTERNAL IPv6: EXTERNAL gives its nodes and pods global unicast addresses, reachable from the internet where a firewall admits them, past the edge of its model.',
    externalFindings),
  defineRule('GCP-IPV6-004', Severity.ERROR,
    'A GCP firewall rule holds IPv4 or IPv6 ranges, never both: IPv6 traffic goes through IPv6 twins of the rules (the API refuses a mix; this rule cannot be suppressed).',
    (plan) => firewallFamilyFindings(resourcesOf(plan))),
];

/** IPv6 rules whose findings the API refuses outright. */
export const IPV6_REFUSED = ['GCP-IPV6-001', 'GCP-IPV6-002', 'GCP-IPV6-004'];
