// AWS-SUBNET-002: the subnets of every VPC the AWS layer makes, listed by the function the
// renderer's sources read (subnetsOf, layout.ts), against AWS's quota of subnets per VPC.
import { ceilLog2, Cidr } from '../ipam';
import { NetworkPlan } from '../model/plan';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../policy/rule';
import { LARGEST_BLOCK, PlannedSubnet, PlannedVpc, RangeShape, SubnetKind, subnetSourceOf, subnetsOf, vpcsOf } from './layout';
import { SUBNETS_PER_VPC } from './quotas';

/** The ranges of `vpc`'s owners (its archipelago's, then each cluster's) as the subnet layout reads them. */
function vpcRanges(plan: NetworkPlan, vpc: PlannedVpc): Array<RangeShape & { readonly owner: string }> {
  const owners = new Set([vpc.path, ...vpc.clusters.map((c) => c.path)]);
  return plan.ranges.filter((r) => owners.has(r.owner)).map((r) => ({ owner: r.owner, name: r.name, role: r.role, zone: r.zone, prefix: Cidr.parse(r.cidr).prefix }));
}

/** Every subnet the AWS renderer makes in `vpc`, with the construct it is made for: subnetsOf each owner's ranges (its archipelago's edge subnets, each cluster's own). */
export function vpcSubnets(plan: NetworkPlan, vpc: PlannedVpc): Array<PlannedSubnet & { readonly owner: string }> {
  const ranges = vpcRanges(plan, vpc);
  return [...new Set(ranges.map((r) => r.owner))]
    .flatMap((owner) => subnetsOf(ranges.filter((r) => r.owner === owner), plan.availabilityZones).map((s) => ({ ...s, owner })));
}

const KINDS: Readonly<Record<SubnetKind, string>> = {
  'nodes': 'node',
  'pods': 'pod',
  'transit-gateway': 'transit-gateway',
  'public': 'public',
  'proxy': 'ALB',
  'api-endpoint': 'API-endpoint',
};

/** AWS-SUBNET-002 for a quota of `quota` subnets per VPC (AWS's default 200, or what the account was raised to). */
export function subnet002(quota: number = SUBNETS_PER_VPC): IPolicyRule {
  return defineRule('AWS-SUBNET-002', Severity.ERROR,
    `A VPC holds at most ${quota} subnets (AWS's default quota of subnets per VPC is ${SUBNETS_PER_VPC}, raised on request; Cloud.aws({ subnetQuota }) says what it was raised to): ` +
    'per zone one or more of each node and pod range (one per /16 of a larger range), a transit-gateway and a public subnet, an ALB subnet per zone of a proxy, and an exposed API endpoint\'s; IPv6 adds none.',
    (plan) => vpcsOf(plan).flatMap((vpc): PolicyFinding[] => {
      const subnets = vpcSubnets(plan, vpc);
      if (subnets.length <= quota) return [];
      const count = (kind: SubnetKind) => subnets.filter((s) => s.kind === kind).length;
      const what = (Object.keys(KINDS) as SubnetKind[]).filter((k) => count(k) > 0).map((k) => `${count(k)} ${KINDS[k]}`).join(', ');
      const zones = plan.availabilityZones.length;
      // Each node or pod range splits into a power of two subnets, at least one per zone (zoneSubnets).
      const split = 2 ** ceilLog2(zones);
      const fewer = [
        `fewer availability zones${zones > 1 ? ` (over ${zones} a node or pod range splits into ${split} subnets or more)` : ''}`,
        ...(vpcRanges(plan, vpc).some((r) => ['nodes', 'pods'].includes(subnetSourceOf(r) ?? '') && r.prefix < LARGEST_BLOCK)
          ? [`node and pod ranges no larger than a /${LARGEST_BLOCK} (each /${LARGEST_BLOCK} of a larger one splits apart)`] : []),
        ...(vpc.clusters.some((c) => c.archipelago === vpc.path) ? ['fewer members in the archipelago'] : []),
      ];
      return [{
        path: vpc.path,
        message: `the VPC of ${vpc.path} would hold ${subnets.length} subnets (${what}) over ${zones} availability zone${zones === 1 ? '' : 's'}, more than the ${quota} of the quota of subnets per VPC — ` +
          `ask AWS to raise "Subnets per VPC" to ${subnets.length} or more and set Cloud.aws({ subnetQuota: ${subnets.length} }), or need fewer: ${fewer.join(', ')}`,
      }];
    }));
}
