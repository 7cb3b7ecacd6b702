import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { flatLinkRule, flatSpokeRule, GroupId, GroupPlan, GroupRule, Reached } from './group-rules';
import { ec2Text, tagsFor } from './names';
import { Transit } from './network';
import { AwsVpc } from './vpc';
import { refOf } from '../model/refs';

/** The security groups of one owner, by id: what a rule naming a group reaches. */
export type Groups = ReadonlyMap<GroupId, SecurityGroup>;

/** Makes `rule` on `group` (group-rules.ts says what each group holds), its description in the text EC2 takes. */
export function makeRule(scope: Construct, group: SecurityGroup, rule: GroupRule, groups: Groups): VpcSecurityGroupIngressRule | VpcSecurityGroupEgressRule {
  const end = rule.end;
  const config = {
    securityGroupId: refOf(group, 'id'),
    description: ec2Text(rule.description),
    ipProtocol: rule.ports ? 'tcp' : '-1',
    fromPort: rule.ports?.from,
    toPort: rule.ports?.to,
    cidrIpv4: 'cidr' in end ? end.cidr : undefined,
    cidrIpv6: 'cidrIpv6' in end ? end.cidrIpv6 : undefined,
    referencedSecurityGroupId: 'group' in end ? refOf(groups.get(end.group)!, 'id') : undefined,
    tags: tagsFor(scope, rule.id),
  };
  return rule.egress ? new VpcSecurityGroupEgressRule(scope, rule.id, config) : new VpcSecurityGroupIngressRule(scope, rule.id, config);
}

/** Makes each group of `plans` in `vpc` with the rules known now; returns them by id. */
export function makeGroups(scope: Construct, vpc: AwsVpc, plans: readonly GroupPlan[]): Groups {
  const groups = new Map(plans.map((plan) => [plan.id, vpc.addSecurityGroup(scope, plan.id, plan.description)] as const));
  for (const plan of plans) for (const rule of plan.rules) makeRule(scope, groups.get(plan.id)!, rule, groups);
  return groups;
}

/**
 * Adds the rules `plan` gains as the renderer learns of what a flat cluster reaches: one per
 * network across a CloudLink, and (given `ownSpoke`, its own VPC's place on the hub) one per
 * other flat IPv6 VPC, whichever was written first.
 */
export function makeReachRules(scope: Construct, group: SecurityGroup, plan: GroupPlan, transit: Transit, ownSpoke?: Reached): void {
  const groups: Groups = new Map([[plan.id, group]]);
  if (plan.perLink) transit.forEachPeer((peer) => makeRule(scope, group, flatLinkRule(peer), groups));
  if (!plan.perOtherIpv6Spoke) return;
  if (!ownSpoke) throw new Error(`[${scope.node.path}] its nodes admit the other flat IPv6 VPCs, but its own VPC is not routed across the hub: route it first (Edge.routeIpv6AcrossHub)`);
  transit.forEachIpv6Spoke((other) => {
    if (other !== ownSpoke) makeRule(scope, group, flatSpokeRule(other), groups);
  });
}
