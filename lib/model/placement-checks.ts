import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { CloudProvider } from './cloud';
import { planError } from './errors';
import { INetwork } from './interfaces';
import { PolicyViolation, Severity } from './rule';
import { CloudRenderer } from './strategy';

// Where a construct sits against its network: what users write that cdktf would otherwise
// report as a circular dependency, or deploy in a region the plan was not made for.

/**
 * INPUT-005: a cluster or archipelago is built in the stack (and app) of its network. Its
 * resources reference the network's VPC; from another stack cdktf would need a cross-stack
 * reference in both directions (a "circular dependency"), from another app none can exist.
 */
export function checkSameStack(scope: IConstruct, network: INetwork, kind: string): void {
  const fix = `create it with a scope inside the stack of ${network.node.path}, or give this stack a Network of its own`;
  if (scope.node.root !== network.node.root) {
    throw planError(scope, 'INPUT-005', `network ${network.node.path} belongs to another App than this ${kind}: a ${kind} can only live beside its network — ${fix}`);
  }
  const mine = stackOf(scope);
  const its = stackOf(network);
  if (mine !== its) {
    throw planError(scope, 'INPUT-005',
      `network ${network.node.path} is in stack ${its?.node.path ?? '(none)'}, this ${kind} in stack ${mine?.node.path ?? '(none)'}: ` +
      `its subnets and firewalls reference the network's VPC, which cdktf cannot share across stacks both ways (it reports a circular dependency) — ${fix}`);
  }
}

function stackOf(scope: IConstruct): TerraformStack | undefined {
  return scope.node.scopes.find((s): s is TerraformStack => TerraformStack.isStack(s));
}

/**
 * INPUT-004 at synth: the Cloud's region against the region of the provider the network's
 * resources use in its stack (nothing when there is none, or its region is a token).
 */
export function providerRegionViolations(network: INetwork, renderer: CloudRenderer): PolicyViolation[] {
  const provider = renderer.providerRegion(network);
  if (!provider || provider.region === network.cloud.region) return [];
  const factory = network.cloud.provider === CloudProvider.AWS ? 'Cloud.aws' : 'Cloud.gcp';
  return [{
    ruleId: 'INPUT-004',
    severity: Severity.ERROR,
    path: network.node.path,
    message: `the network's cloud is ${factory}({ region: '${network.cloud.region}' }) but the stack's ${provider.kind} ${provider.path} has region "${provider.region}": ` +
      `the ranges were planned for ${network.cloud.region} and the resources would be created in ${provider.region} — write the region once and pass it to both`,
  }];
}
