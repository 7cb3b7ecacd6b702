// What GcpResources.of(cluster) hands a GKE cluster — its name and how it takes its pod and
// service ranges — listed from a NetworkSketch like the outline, so the GKE rules (GCP-GKE-001,
// GCP-GKE-005, GCP-GKE-011) check it before anything is rendered.
import { createHash } from 'crypto';
import { CloudProvider } from '../model/cloud';
import { NetworkPlan, NetworkSketch, PodRouting } from '../model/plan';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../policy/rule';
import { GcpResourceOutline, outlineOf } from './outline';
import { gcpName } from './names';

/** Longest GKE cluster name. */
const GKE_MAX = 40;
/** GKE's cluster name pattern (GCP-GKE-011). */
export const GKE_NAME_PATTERN = /^[a-z][a-z0-9-]*[a-z0-9]$/;

/**
 * A GKE cluster name for the cluster at `path`: its GCP name (path words joined by `-`), and
 * when longer than GKE's 40 characters its start and a hash of the whole path, so it stays
 * unique and stable.
 */
export function gkeClusterName(path: string): string {
  const name = gcpName({ node: { path } } as never);
  if (name.length <= GKE_MAX) return name;
  const hash = createHash('sha256').update(path).digest('hex').slice(0, 7);
  return `${name.slice(0, GKE_MAX - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** What the library hands one GKE cluster. */
export interface GkeHandout {
  /** Construct path of the cluster. */
  readonly owner: string;
  /** `gkeClusterName`. */
  readonly name: string;
  /** Its subnet, as the outline lists it. */
  readonly subnet?: GcpResourceOutline;
  /** `podRangeName` ('' for routes-based: GKE takes cluster_ipv4_cidr). */
  readonly podRangeName: string;
  /** `serviceRangeName` ('' for routes-based: GKE takes services_ipv4_cidr). */
  readonly serviceRangeName: string;
}

/** What `network`'s clusters are handed, one per cluster. */
export function gkeHandoutsOf(network: NetworkSketch, resources: readonly GcpResourceOutline[] = outlineOf(network)): GkeHandout[] {
  const subnets = new Map(resources.filter((r) => r.type === 'google_compute_subnetwork').map((r) => [`${r.owner}|${r.name}`, r]));
  return network.clusters.map((c) => {
    const vpcNative = c.podRouting !== PodRouting.ROUTES;
    const name = gcpName({ node: { path: c.path } } as never);
    return {
      owner: c.path,
      name: gkeClusterName(c.path),
      subnet: subnets.get(`${c.path}|${name}`),
      podRangeName: vpcNative ? 'pods' : '',
      serviceRangeName: vpcNative ? 'services' : '',
    };
  });
}

/** GCP-GKE-001: ranges by secondary range names of the cluster's own subnet, or by CIDR — one way, both ranges alike. */
export function allocationFindings(handouts: readonly GkeHandout[]): PolicyFinding[] {
  return handouts.flatMap((h): PolicyFinding[] => {
    const named = [h.podRangeName, h.serviceRangeName].filter((n) => n !== '');
    if (named.length === 1) {
      return [{ path: h.owner, message: `${h.owner} hands GKE one range by name (${named[0]}) and the other by CIDR; GKE takes both by secondary range name or both by CIDR, never a mix — name both ranges or neither` }];
    }
    const have = h.subnet?.secondaryRanges ?? [];
    if (named.length === 0 && have.length > 0) {
      return [{ path: h.owner, message: `${h.owner} hands GKE its ranges by CIDR while its subnet ${h.subnet!.name} has secondary ranges ${have.join(', ')}; GKE takes cluster_ipv4_cidr_block or the secondary range names, never both — hand out the range names` }];
    }
    const missing = named.filter((n) => !have.includes(n));
    return missing.length > 0
      ? [{ path: h.owner, message: `${h.owner} hands GKE secondary range names ${missing.join(', ')} that its subnet ${h.subnet?.name ?? '(none)'} does not have — name ranges of the cluster's own subnet` }]
      : [];
  });
}

/** GCP-GKE-005: no two clusters are handed one subnet's services range. */
export function serviceRangeFindings(handouts: readonly GkeHandout[]): PolicyFinding[] {
  const seen = new Map<string, GkeHandout>();
  const findings: PolicyFinding[] = [];
  for (const h of handouts.filter((x) => x.serviceRangeName !== '' && x.subnet)) {
    const key = `${h.subnet!.vpc}|${h.subnet!.name}|${h.serviceRangeName}`;
    const first = seen.get(key);
    if (first) {
      findings.push({ path: h.owner, message: `${first.owner} and ${h.owner} are both handed services range ${h.serviceRangeName} of subnet ${h.subnet!.name}; each GKE cluster needs a services range of its own — give each cluster its own subnet` });
    } else {
      seen.set(key, h);
    }
  }
  return findings;
}

/**
 * GCP-GKE-011: names of at most 40 characters of GKE's pattern. (Each is unique per region
 * because it is its subnet's name, or a hash of its path: GCP-SUBNET-008 reports a clash once.)
 */
export function clusterNameFindings(handouts: readonly GkeHandout[]): PolicyFinding[] {
  return handouts
    .filter((h) => h.name.length > GKE_MAX || !GKE_NAME_PATTERN.test(h.name))
    .map((h) => ({ path: h.owner, message: `GKE cluster name ${JSON.stringify(h.name)} of ${h.owner} is not 1-${GKE_MAX} characters of ^[a-z][a-z0-9-]*[a-z0-9]$, which GKE refuses — rename the construct` }));
}

/** What the clusters of `plan`'s network are handed (none for a plan written by hand). */
function mine(plan: NetworkPlan): GkeHandout[] {
  const sketch = (plan.appNetworks ?? []).find((n) => n.path === plan.path && n.cloud === CloudProvider.GCP);
  return sketch ? gkeHandoutsOf(sketch) : [];
}

/** The GKE rules over what the library hands GKE. */
export const GKE_RULES: readonly IPolicyRule[] = [
  defineRule('GCP-GKE-001', Severity.ERROR,
    'A GKE cluster takes its pod and service ranges one way: VPC-native by the names of its own subnet\'s secondary ranges, routes-based by CIDR, never both and never a mix (the API refuses others; this rule cannot be suppressed).',
    (plan) => allocationFindings(mine(plan))),
  defineRule('GCP-GKE-005', Severity.ERROR,
    'Each GKE cluster has a services range of its own: no two clusters are handed one subnet\'s services range (node and pod ranges may be shared; the API refuses a shared services range; this rule cannot be suppressed).',
    (plan) => serviceRangeFindings(mine(plan))),
  defineRule('GCP-GKE-011', Severity.ERROR,
    'The GKE cluster name the library hands out (GcpResources.of(cluster).gkeClusterName) has 1-40 characters of ^[a-z][a-z0-9-]*[a-z0-9]$ (the API refuses others; this rule cannot be suppressed).',
    (plan) => clusterNameFindings(mine(plan))),
];

/** GKE rules whose findings the API refuses outright. */
export const GKE_REFUSED = ['GCP-GKE-001', 'GCP-GKE-005', 'GCP-GKE-011'];
