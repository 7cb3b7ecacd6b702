import { CloudProvider } from '../model/cloud';
import { NetworkPlan, NetworkSketch } from '../model/plan';
import { appWide, nameClashes } from '../policy/name-clashes';
import { defineRule, PolicyFinding, Severity } from '../policy/rule';
import { GCP_NAME_PATTERN } from './names';
import { GcpResourceOutline, NameScope, outlineOf } from './outline';

/** A resource of the outline, with the network it belongs to. */
export interface NamedResource extends GcpResourceOutline {
  /** Path of the network (Network construct) whose renderer makes it. */
  readonly network: string;
}

/** Each sketch's outline with its network, kept as long as the sketch (see outlineOf). */
const NAMED = new WeakMap<NetworkSketch, readonly NamedResource[]>();

function namedOf(network: NetworkSketch): readonly NamedResource[] {
  let named = NAMED.get(network);
  if (!named) {
    named = outlineOf(network).map((r) => ({ ...r, network: network.path }));
    NAMED.set(network, named);
  }
  return named;
}

/** Every GCP resource the app's GCP networks make, network by network in the order they were made. */
export function appResources(plan: NetworkPlan): NamedResource[] {
  return (plan.appNetworks ?? []).filter((n) => n.cloud === CloudProvider.GCP).flatMap((n) => namedOf(n));
}

/**
 * The name findings of the network at `path` among `resources` (every GCP resource of the app):
 * names outside GCP's pattern, and names a resource of `path`'s network takes after an earlier
 * resource of the same kind in the same scope took it. One finding per pair of constructs.
 */
export function nameFindings(path: string, resources: readonly NamedResource[]): PolicyFinding[] {
  return nameFindingsByNetwork(resources).get(path) ?? [];
}

/** The name findings of every network among `resources`, by network path, in one pass. */
export function nameFindingsByNetwork(resources: readonly NamedResource[]): Map<string, PolicyFinding[]> {
  const byNetwork = new Map<string, PolicyFinding[]>();
  const add = (network: string, finding: PolicyFinding) => byNetwork.set(network, [...(byNetwork.get(network) ?? []), finding]);
  for (const r of resources.filter((x) => !GCP_NAME_PATTERN.test(x.name))) {
    add(r.network, { path: r.owner, message: `${kindOf(r.type)} name ${JSON.stringify(r.name)} of ${r.owner} does not match GCP's pattern [a-z]([-a-z0-9]{0,61}[a-z0-9])? — rename the construct` });
  }
  for (const { earlier, later, what } of nameClashes(resources, (r) => `${r.type}|${r.scope}|${r.name}`, (r) => `${kindOf(r.type)} ${r.name} ${whereOf(r.scope)}`)) {
    const by = earlier.owner === later.owner ? `${later.owner} gets two GCP resources of one name` : `${earlier.owner} and ${later.owner} get the same GCP names`;
    add(later.network, {
      path: later.owner,
      message: `${by}: ${what.join(', ')}; GCP refuses a second resource of one kind and name there — rename one construct (GCP names are construct paths with "/" and other characters as "-")`,
    });
  }
  return byNetwork;
}

/** The findings of every network of the app, worked out once per change. */
const appFindings = appWide((plan) => nameFindingsByNetwork(appResources(plan)));

function kindOf(type: string): string {
  return type.replace(/^google_(compute_|network_connectivity_|dns_)?/, '').replace(/_/g, ' ');
}

function whereOf(scope: NameScope): string {
  if (scope === 'project') return 'in the project';
  if (scope.startsWith('region ')) return `in ${scope}`;
  return `on ${scope}`;
}

export const subnet008 = defineRule('GCP-SUBNET-008', Severity.ERROR,
  'Every GCP name the library makes matches GCP\'s pattern (1-63 characters, [a-z]([-a-z0-9]*[a-z0-9])?) and is unique among resources of its kind across every network of the app (every stack): in the project for networks, firewalls, routes, hubs, spokes and DNS zones, in the region for subnets, routers, addresses, health checks, backend services and forwarding rules, on the router for NATs (the API refuses a duplicate; this rule cannot be suppressed).',
  (plan) => appFindings(plan));
