// The AWS-IPV6-* rules: a VPC's IPv6 subnets, what EKS and the AWS provider cannot change in
// place once a cluster's address family was recorded, and the routes flat IPv6 and dual-stack
// clusters add to each other's route tables (against the route quota). Checked on the plain plan.
import { IpFamily, NetworkPlan } from '../model/plan';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../policy/rule';
import { isIpv6Spoke } from './group-rules';
import { EKS_IP_FAMILY, IPV6_SUBNET_NEWBITS, VPC_IPV6_PREFIX } from './layout';
import { ROUTES_PER_TABLE, ROUTES_PER_TABLE_CEILING } from './quotas';

/** How many /64s a VPC's /56 holds. */
const SLOTS = 2 ** IPV6_SUBNET_NEWBITS;

const ipv6001 = defineRule('AWS-IPV6-001', Severity.ERROR,
  `Every IPv6 subnet of a VPC is a /64 of the VPC's /${VPC_IPV6_PREFIX} with a number of its own from 0 to ${SLOTS - 1}: a VPC holds at most ${SLOTS}.`,
  (plan: NetworkPlan) => {
    const findings: PolicyFinding[] = [];
    const byVpc = new Map<string, NonNullable<NetworkPlan['ipv6Subnets']>>();
    // Records nothing asked for are not built: they only keep their number taken.
    for (const s of (plan.ipv6Subnets ?? []).filter((x) => x.claimed)) byVpc.set(s.vpc, [...byVpc.get(s.vpc) ?? [], s]);
    for (const [vpc, subnets] of byVpc) {
      if (subnets.length > SLOTS) {
        findings.push({
          path: vpc,
          message: `the VPC of ${vpc} needs ${subnets.length} IPv6 subnets, more than the ${SLOTS} /64s of its /${VPC_IPV6_PREFIX} — spread the clusters over more VPCs (fewer archipelago members), or give them fewer zones`,
        });
      }
      const seen = new Map<number, string>();
      for (const s of subnets) {
        if (!Number.isInteger(s.netnum) || s.netnum < 0 || s.netnum >= SLOTS) {
          findings.push({
            path: vpc,
            message: `IPv6 subnet ${s.name} of the VPC of ${vpc} has number ${s.netnum}, outside the ${SLOTS} /64s (0 to ${SLOTS - 1}) of its /${VPC_IPV6_PREFIX}; cidrsubnet refuses it — remove its record from ${plan.planFile} so it is numbered afresh`,
          });
          continue;
        }
        const twin = seen.get(s.netnum);
        if (twin !== undefined) {
          findings.push({
            path: vpc,
            message: `IPv6 subnets ${twin} and ${s.name} of the VPC of ${vpc} both have number ${s.netnum}, one /64 of its /${VPC_IPV6_PREFIX}; AWS refuses overlapping subnet blocks — remove the record of ${s.name} from ${plan.planFile} so it is numbered afresh`,
          });
        }
        seen.set(s.netnum, s.name);
      }
    }
    return findings;
  });

const ipv6002 = defineRule('AWS-IPV6-002', Severity.ERROR,
  'A cluster\'s EKS IP family (ip_family: ipv4 for IPV4 and DUAL_STACK, ipv6 for IPV6) never changes once recorded in the plan file: EKS cannot change it, so the cluster would be replaced.',
  (plan) => plan.clusters.flatMap((c): PolicyFinding[] => {
    const now = c.ipFamily ?? IpFamily.IPV4;
    const recorded = c.recordedIpFamily;
    if (recorded === undefined || EKS_IP_FAMILY[recorded] === EKS_IP_FAMILY[now]) return [];
    return [{
      path: c.path,
      message: `${c.path} was recorded as IpFamily.${recorded} (EKS ip_family "${EKS_IP_FAMILY[recorded]}") and is now IpFamily.${now} (ip_family "${EKS_IP_FAMILY[now]}"); ` +
        `EKS cannot change a cluster's IP family, so Terraform would replace the EKS cluster — set ipFamily back to IpFamily.${recorded}, or build a new cluster (a new construct id) ` +
        `in the new family and move the workloads; suppress AWS-IPV6-002 on ${c.path} to replace it knowingly`,
    }];
  }));

const ipv6003 = defineRule('AWS-IPV6-003', Severity.ERROR,
  'A cluster whose subnets took IPv6 (recorded as DUAL_STACK or IPV6) keeps it: dropping their IPv6 blocks replaces every such subnet (the AWS provider replaces a subnet whose IPv6 block changes while it assigns IPv6 addresses).',
  (plan) => plan.clusters.flatMap((c): PolicyFinding[] => {
    const now = c.ipFamily ?? IpFamily.IPV4;
    const recorded = c.recordedIpFamily;
    // IPV6 -> IPV4 is AWS-IPV6-002's: the EKS cluster goes first.
    if (recorded !== IpFamily.DUAL_STACK || now !== IpFamily.IPV4) return [];
    return [{
      path: c.path,
      message: `${c.path} was recorded as IpFamily.DUAL_STACK and is now IpFamily.IPV4: its subnets would drop their IPv6 /64s, ` +
        'and the AWS provider replaces a subnet whose IPv6 block changes while it assigns IPv6 addresses on creation (nodes and load balancers in it block the delete) — ' +
        `keep ipFamily: IpFamily.DUAL_STACK, or suppress AWS-IPV6-003 on ${c.path} once the subnets are empty`,
    }];
  }));

/** The most routes per route table AWS grants, as its quotas page writes it: `1,000`. */
const CEILING = ROUTES_PER_TABLE_CEILING.toLocaleString('en-US');

/** AWS-IPV6-004 for a quota of `quota` routes per route table (AWS's default 50, or what the account was raised to). */
function ipv6004(quota: number = ROUTES_PER_TABLE): IPolicyRule {
  return defineRule('AWS-IPV6-004', Severity.ERROR,
    `Every private route table of a flat IPv6 or dual-stack cluster's VPC holds ::/0 and a route through the transit gateway to each other such VPC's IPv6 /${VPC_IPV6_PREFIX}: ` +
    `with n such clusters, n IPv6 routes, at most ${quota} (AWS's default quota of routes per route table is ${ROUTES_PER_TABLE}, counted apart from the IPv4 routes, raised on request up to ${CEILING}; ` +
    'Cloud.aws({ routeQuota }) says what it was raised to).',
    (plan) => {
      if (!plan.ipv6) return [];
      const flat = plan.clusters.filter(isIpv6Spoke).map((c) => c.path);
      // Per private table: ::/0 to the egress-only internet gateway, and one route per other flat IPv6 VPC (the local routes aside).
      const routes = flat.length;
      if (routes <= quota) return [];
      const named = flat.length > 3 ? `${flat.slice(0, 3).join(', ')} and ${flat.length - 3} more` : flat.join(', ');
      const raised = quota === ROUTES_PER_TABLE ? `AWS's default quota of ${quota} routes per route table` : `the ${quota} routes per route table Cloud.aws({ routeQuota }) says the account has`;
      return [{
        path: plan.path,
        message: `the ${flat.length} flat IPv6 and dual-stack clusters of ${plan.path} (${named}) each route the others' IPv6 /${VPC_IPV6_PREFIX}s through the transit gateway: ` +
          `every private route table of their VPCs holds ${routes} IPv6 routes (${routes - 1} to the other VPCs, ::/0 to the egress-only internet gateway), ` +
          `more than ${raised} (IPv6 routes are counted apart from IPv4 ones) — ` +
          `ask AWS to raise "Routes per route table" to ${routes} or more (up to ${CEILING}) and set Cloud.aws({ routeQuota: ${routes} }), or put fewer flat IPv6 or dual-stack clusters in ${plan.path}`,
      }];
    });
}

/** The AWS-IPV6-* rules, for an account whose route tables hold `routesPerTable` routes of each family. */
export function ipv6Rules(routesPerTable: number = ROUTES_PER_TABLE): readonly IPolicyRule[] {
  return [ipv6001, ipv6002, ipv6003, ipv6004(routesPerTable)];
}
