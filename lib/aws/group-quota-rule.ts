// AWS-SG-001: the rules of every security group the AWS layer makes, counted from the lists the
// renderer makes them from (group-rules.ts), per direction and family, against AWS's quota.
import { API_ENDPOINT_RANGE, hasIpv6, NetworkPlan, RangeRole } from '../model/plan';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../policy/rule';
import { clusterGroups, flatLinkRule, flatSpokeRule, GroupId, GroupRule, isIpv6Spoke, membersGroup, RuleCause, RuleEnd } from './group-rules';
import { RULES_PER_GROUP, RULES_PER_GROUP_CEILING } from './quotas';

/** One security group a plan makes, with every rule it will hold. */
export interface PlannedGroup {
  /** Construct path of its owner: a cluster, or an archipelago for its members' group. */
  readonly owner: string;
  readonly id: GroupId;
  readonly rules: GroupRule[];
}

/**
 * Every security group the AWS renderer makes for `plan`, each with all its rules: what
 * clusterGroups and membersGroup list, and a flat cluster's rules per CloudLink ending in the
 * network and per other flat IPv6 or dual-stack cluster (made with flatLinkRule and
 * flatSpokeRule, as the renderer makes them; their ranges are known at deploy only, so they
 * are left empty here: only their number counts).
 */
export function plannedGroups(plan: NetworkPlan): PlannedGroup[] {
  const links = (plan.appNetworks ?? []).flatMap((n) => n.links ?? []).filter((l) => l.aws === plan.path);
  const spokes = plan.clusters.filter(isIpv6Spoke);
  const exposed = new Set(plan.ranges.filter((r) => r.name === API_ENDPOINT_RANGE).map((r) => r.owner));
  // A network the nodes admit, known at deploy only: an id and a description, no range.
  const reach = (id: string, description: string) => ({ id, cidr: '', description });
  const groups: PlannedGroup[] = [];
  for (const archipelago of plan.ranges.filter((r) => r.role === RangeRole.SUPER_RANGE).map((r) => r.owner)) {
    const dualStack = plan.clusters.some((c) => c.archipelago === archipelago && hasIpv6(c));
    const { id, rules } = membersGroup(archipelago, dualStack);
    groups.push({ owner: archipelago, id, rules });
  }
  for (const c of plan.clusters) {
    const subject = { ...c, apiEndpointSourceRanges: exposed.has(c.path) ? c.apiEndpointSourceRanges ?? [plan.cidr] : undefined };
    for (const group of clusterGroups(subject, plan.cidr, '')) {
      groups.push({
        owner: c.path,
        id: group.id,
        rules: [
          ...group.rules,
          ...(group.perLink ? links.map((l) => flatLinkRule(reach(l.path, `the network across ${l.path}`))) : []),
          ...(group.perOtherIpv6Spoke ? spokes.filter((s) => s !== c).map((s) => flatSpokeRule(reach(s.path, `the VPC of ${s.path}`))) : []),
        ],
      });
    }
  }
  return groups;
}

/** The families a rule counts in: a range's own, or both for a rule naming a security group (as AWS counts it). */
function familiesOf(end: RuleEnd): Array<'IPv4' | 'IPv6'> {
  if ('cidr' in end) return ['IPv4'];
  if ('cidrIpv6' in end) return ['IPv6'];
  return ['IPv4', 'IPv6'];
}

/** How the message names `n` rules of one cause. */
const CAUSES: Readonly<Record<RuleCause, (n: number) => string>> = {
  'members': (n) => `${n} letting its members reach each other`,
  'pods': (n) => `${n} between its nodes and pods`,
  'egress': (n) => `${n} to anywhere`,
  'network': (n) => `${n} from the main network`,
  'link': (n) => `${n} from networks joined by a CloudLink`,
  'vpc-ipv6': (n) => `${n} from its VPC's IPv6 /56`,
  'ipv6-spoke': (n) => `${n} from the other flat IPv6 and dual-stack clusters' VPCs across the transit gateway`,
  'node-port': (n) => `${n} from NodePort sourceRanges`,
  'load-balancer': (n) => `${n} for the network load balancer`,
  'proxy': (n) => `${n} for the proxy`,
  'api-endpoint': (n) => `${n} from apiEndpointSourceRanges`,
};

/** What the user changes to need fewer rules of a cause, if anything. */
function fewer(cause: RuleCause, owner: string, plan: NetworkPlan): string | undefined {
  switch (cause) {
    case 'ipv6-spoke': return `put fewer flat IPv6 or dual-stack clusters in ${plan.path} (an island's or archipelago's IPv6 stays in its VPC)`;
    case 'link': return `join fewer GCP networks to ${plan.path} by CloudLinks`;
    case 'node-port': return `give Ingress.nodePort() of ${owner} fewer, wider sourceRanges`;
    case 'load-balancer': return `forward fewer ports in Ingress.loadBalancer({ ports }) of ${owner}`;
    case 'api-endpoint': return `give ${owner} fewer, wider apiEndpointSourceRanges`;
    default: return undefined;
  }
}

/** AWS-SG-001 for a quota of `quota` rules per security group, direction and family (AWS's default 60, or what the account was raised to). */
export function sg001(quota: number = RULES_PER_GROUP): IPolicyRule {
  return defineRule('AWS-SG-001', Severity.ERROR,
    `Every security group the library makes holds at most ${quota} inbound and ${quota} outbound rules of each family (AWS's default quota of rules per security group is ${RULES_PER_GROUP}, ` +
    'counted apart for IPv4 and IPv6, a rule naming a security group counting in both; Cloud.aws({ securityGroupRuleQuota }) says what it was raised to): ' +
    'a flat IPv6 or dual-stack cluster\'s nodes admit every other such cluster\'s VPC, an island\'s nodes each NodePort source range, an exposed API endpoint each of its source ranges.',
    (plan) => plannedGroups(plan).flatMap((group): PolicyFinding[] => {
      const findings: PolicyFinding[] = [];
      for (const egress of [false, true]) {
        for (const family of ['IPv4', 'IPv6'] as const) {
          const rules = group.rules.filter((r) => r.egress === egress && familiesOf(r.end).includes(family));
          if (rules.length <= quota) continue;
          const byCause = new Map<RuleCause, number>();
          for (const r of rules) byCause.set(r.cause, (byCause.get(r.cause) ?? 0) + 1);
          const why = [...byCause].map(([cause, n]) => CAUSES[cause](n)).join(', ');
          const fixes = [...byCause].sort((a, b) => b[1] - a[1]).map(([cause]) => fewer(cause, group.owner, plan)).filter((f): f is string => f !== undefined);
          const raise = rules.length <= RULES_PER_GROUP_CEILING
            ? [`ask AWS to raise "Inbound or outbound rules per security group" to ${rules.length} or more and set Cloud.aws({ securityGroupRuleQuota: ${rules.length} })`]
            : [];
          findings.push({
            path: group.owner,
            message: `security group ${group.id} of ${group.owner} would hold ${rules.length} ${egress ? 'outbound' : 'inbound'} ${family} rules (${why}), ` +
              `more than the ${quota} of the quota of rules per security group, which AWS counts apart for IPv4 and IPv6 — ${[...raise, ...fixes].join(', or ')}`,
          });
        }
      }
      return findings;
    }));
}
