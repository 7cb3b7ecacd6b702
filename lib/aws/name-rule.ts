import { CloudProvider } from '../model/cloud';
import { IngressKind } from '../model/gateways';
import { NetworkPlan, NetworkSketch } from '../model/plan';
import { defineRule, PolicyFinding, Severity } from '../policy/rule';
import { shortName } from './names';

/** A load balancer or target group the AWS renderer makes (gateways.ts), named at most 32 characters. */
export interface AwsNamedResource {
  /** `load balancer` or `target group`: each has its own namespace per account and region. */
  readonly kind: 'load balancer' | 'target group';
  readonly name: string;
  readonly region: string;
  /** Construct path it is made for. */
  readonly owner: string;
  /** Path of the network whose renderer makes it. */
  readonly network: string;
}

/** The load balancers and target groups the AWS renderer makes for `network`: an NLB and a target group per port, an ALB per proxy. */
export function awsNamesOf(network: NetworkSketch): AwsNamedResource[] {
  return network.clusters.flatMap((c) => {
    const scope = { node: { path: c.path } } as never;
    const at = { region: network.region, owner: c.path, network: network.path };
    return [
      ...(c.loadBalancerPorts.length > 0 ? [{ kind: 'load balancer' as const, name: shortName(scope, 'nlb'), ...at }] : []),
      ...c.loadBalancerPorts.map((port) => ({ kind: 'target group' as const, name: shortName(scope, `nlb-${port}`), ...at })),
      ...(c.ingress.includes(IngressKind.PROXY) ? [{ kind: 'load balancer' as const, name: shortName(scope, 'alb'), ...at }] : []),
    ];
  });
}

/** Names a resource of `path`'s network takes after an earlier one of the same kind in the same region took them: one finding per pair of constructs. */
export function awsNameFindings(path: string, resources: readonly AwsNamedResource[]): PolicyFinding[] {
  const first = new Map<string, AwsNamedResource>();
  const clashes = new Map<string, { earlier: AwsNamedResource; later: AwsNamedResource; what: string[] }>();
  for (const r of resources) {
    const key = `${r.kind}|${r.region}|${r.name}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, r);
      continue;
    }
    if (r.network !== path) continue;
    const pair = `${earlier.owner}|${r.owner}`;
    const clash = clashes.get(pair) ?? { earlier, later: r, what: [] };
    clash.what.push(`${r.kind} ${r.name} in ${r.region}`);
    clashes.set(pair, clash);
  }
  return [...clashes.values()].map(({ earlier, later, what }) => ({
    path: later.owner,
    message: `${earlier.owner} and ${later.owner} get the same AWS names: ${what.join(', ')}; AWS refuses a second one of one name in an account and region — rename one construct (names are construct paths with "/" and other characters as "-", cut to 32 characters with a hash)`,
  }));
}

export const name001 = defineRule('AWS-NAME-001', Severity.ERROR,
  'Load balancer and target group names the library makes (at most 32 characters) are unique per region across every network of the app (every stack): AWS refuses a second one of one name in an account and region (this rule cannot be suppressed).',
  (plan: NetworkPlan) => awsNameFindings(plan.path, (plan.appNetworks ?? []).filter((n) => n.cloud === CloudProvider.AWS).flatMap(awsNamesOf)));
