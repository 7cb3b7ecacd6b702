import { CloudProvider } from '../model/cloud';
import { IngressKind } from '../model/gateways';
import { ClusterSketch, NetworkPlan, NetworkSketch } from '../model/plan';
import { appWide, nameClashes } from '../policy/name-clashes';
import { defineRule, PolicyFinding, Severity } from '../policy/rule';
import { clusterGroups, GroupSubject, membersGroup } from './group-rules';
import { securityGroupName, shortName } from './names';

/** A resource the AWS renderer makes whose name AWS wants unique where it lives: a load balancer or target group (gateways.ts, at most 32 characters), or a security group. */
export interface AwsNamedResource {
  /** `load balancer` or `target group` (each its own namespace per account and region), or `security group` (per VPC). */
  readonly kind: 'load balancer' | 'target group' | 'security group';
  readonly name: string;
  /** Where the name must be unique: `eu-west-1`, or `the VPC of corp/fleet`. */
  readonly where: string;
  /** Construct path it is made for. */
  readonly owner: string;
  /** Path of the network whose renderer makes it. */
  readonly network: string;
}

/**
 * The names the AWS renderer makes for `network` where AWS wants them unique: an NLB and a
 * target group per port, an ALB per proxy (gateways.ts), and the security groups of each VPC
 * (a cluster's own VPC, or its archipelago's, which the archipelago and its members share), as
 * group-rules.ts lists them for the renderer.
 */
export function awsNamesOf(network: NetworkSketch): AwsNamedResource[] {
  const scope = (path: string) => ({ node: { path } }) as never;
  const group = (owner: string, vpc: string, id: string): AwsNamedResource =>
    ({ kind: 'security group', name: securityGroupName(scope(owner), id), where: `the VPC of ${vpc}`, owner, network: network.path });
  return [
    ...network.archipelagos.map((a) => group(a, a, membersGroup(a, false).id)),
    ...network.clusters.flatMap((c) => {
      const at = { where: network.region, owner: c.path, network: network.path };
      const vpc = c.archipelago ?? c.path;
      const ids = clusterGroups(groupSubject(c), '', '').map((g) => g.id);
      // A load balancer is made with its group (gateways.ts): an NLB with a target group per port, an ALB.
      return [
        ...ids.map((id) => group(c.path, vpc, id)),
        ...(ids.includes('load-balancer-sg') ? [{ kind: 'load balancer' as const, name: shortName(scope(c.path), 'nlb'), ...at }] : []),
        ...c.loadBalancerPorts.map((port) => ({ kind: 'target group' as const, name: shortName(scope(c.path), `nlb-${port}`), ...at })),
        ...(ids.includes('proxy-sg') ? [{ kind: 'load balancer' as const, name: shortName(scope(c.path), 'alb'), ...at }] : []),
      ];
    }),
  ];
}

/**
 * A sketched cluster as clusterGroups reads it, enough to say which groups it makes: its
 * gateways' kinds with the load balancers' ports, and an exposed API endpoint's sources left
 * empty (a sketch has no ranges; only the group's existence counts for its name).
 */
function groupSubject(c: ClusterSketch): GroupSubject {
  return {
    path: c.path,
    model: c.model,
    ipFamily: c.ipFamily,
    ingress: c.ingress.map((kind) => ({ kind, ports: kind === IngressKind.LOAD_BALANCER ? c.loadBalancerPorts : [] })),
    apiEndpointSourceRanges: c.exposesApiEndpoint ? [] : undefined,
  };
}

/**
 * The name findings of every network among `resources`, by network path, in one pass: names a
 * resource takes after an earlier one of the same kind in the same place took them, one finding
 * per pair of constructs.
 */
function awsNameFindingsByNetwork(resources: readonly AwsNamedResource[]): Map<string, PolicyFinding[]> {
  const byNetwork = new Map<string, PolicyFinding[]>();
  for (const { earlier, later, what } of nameClashes(resources, (r) => `${r.kind}|${r.where}|${r.name}`, (r) => `${r.kind} ${r.name} in ${r.where}`)) {
    byNetwork.set(later.network, [...(byNetwork.get(later.network) ?? []), {
      path: later.owner,
      message: `${earlier.owner} and ${later.owner} get the same AWS names: ${what.join(', ')}; AWS refuses a second one of one name there — rename one construct (names are construct paths with "/" and other characters as "-"; load balancer and target group names are cut to 32 characters with a hash)`,
    }]);
  }
  return byNetwork;
}

/** The findings of every network of the app, worked out once per change. */
const appFindings = appWide((plan) => awsNameFindingsByNetwork((plan.appNetworks ?? []).filter((n) => n.cloud === CloudProvider.AWS).flatMap(awsNamesOf)));

export const name001 = defineRule('AWS-NAME-001', Severity.ERROR,
  'Load balancer and target group names the library makes (at most 32 characters) are unique per region across every network of the app (every stack), security group names per VPC: AWS refuses a second one of one name there (this rule cannot be suppressed).',
  (plan: NetworkPlan) => appFindings(plan));
