// The AWS-EKS-* rules: what EKS asks of a cluster's subnets and service range, checked on the plain plan.
import { Cidr, isRfc1918, OverlapIndex } from '../ipam';
import { ClusterPlan, hasIpv4Pods, NetworkModel, NetworkPlan } from '../model/plan';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../policy/rule';
import { describeZones, PlannedVpc, VpcBlock, vpcsOf } from './layout';

/** The service range sizes EKS takes for service_ipv4_cidr. */
const SERVICE_PREFIX = { largest: 12, smallest: 24 };

const eks001 = defineRule('AWS-EKS-001', Severity.ERROR,
  'EKS cluster subnets span at least 2 availability zones (each subnet /28 or larger, so 6 addresses stay free; VPCs have DNS hostnames and resolution on).',
  (plan) => {
    const zones = plan.availabilityZones;
    if (zones.length >= 2) return [];
    return plan.clusters.map((c) => ({
      path: c.path,
      message: `${c.path} has its subnets in ${describeZones(zones)}; EKS needs subnets in at least 2 — list two or more zones in Cloud.aws({ region, availabilityZones })`,
    }));
  });

/** How to give a cluster of `model` an RFC 1918 service range. */
function rfc1918Fix(c: ClusterPlan, plan: NetworkPlan): string {
  switch (c.model) {
    case NetworkModel.ARCHIPELAGO:
      return `set islandServiceCidr on ${plan.path} to an RFC 1918 range no VPC block uses (e.g. 172.20.0.0/16, EKS's own default): members' service ranges come from it`;
    case NetworkModel.ISLAND:
      return `pin serviceCidr, or set islandServiceCidr on ${plan.path}, to an RFC 1918 range no VPC block uses (e.g. 172.20.0.0/16, EKS's own default)`;
    default:
      return 'pin serviceCidr inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16';
  }
}

const eks002 = defineRule('AWS-EKS-002', Severity.ERROR,
  'An EKS service range (service_ipv4_cidr) is a /12 to /24 inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, and overlaps no block of its VPC.',
  (plan) => {
    const vpcOf = new Map(vpcsOf(plan).flatMap((vpc) => vpc.clusters.map((c) => [c.path, vpc] as const)));
    // An archipelago's VPC holds every member's blocks: each member asks it once, through an index.
    const blockIndex = new Map<PlannedVpc, OverlapIndex<VpcBlock>>();
    const blocksOverlapping = (vpc: PlannedVpc | undefined, services: Cidr): VpcBlock[] => {
      if (!vpc) return [];
      let index = blockIndex.get(vpc);
      if (!index) blockIndex.set(vpc, index = new OverlapIndex(vpc.blocks));
      return index.overlapping(services);
    };
    // An IPv6 cluster has no service_ipv4_cidr: EKS picks its IPv6 service range itself (from fc00::/7).
    return plan.clusters.filter(hasIpv4Pods).flatMap((c): PolicyFinding[] => {
      const services = Cidr.parse(c.serviceCidr);
      if (services.family !== 4) return [];
      const text = `service range ${services} of ${c.path}`;
      const findings: PolicyFinding[] = [];
      if (!isRfc1918(services)) {
        findings.push({
          path: c.path,
          message: `${text} is outside 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16, so EKS refuses it as service_ipv4_cidr — ${rfc1918Fix(c, plan)}; suppress AWS-EKS-002 on ${c.path} if it does not run on EKS`,
        });
      }
      if (services.prefix < SERVICE_PREFIX.largest || services.prefix > SERVICE_PREFIX.smallest) {
        const fix = services.prefix > SERVICE_PREFIX.smallest
          ? `raise maxServices to ${2 ** (32 - SERVICE_PREFIX.smallest) - 2} or more, or pin a /${SERVICE_PREFIX.smallest} or larger serviceCidr`
          : `pin a /${SERVICE_PREFIX.largest} or smaller serviceCidr`;
        findings.push({ path: c.path, message: `${text} is a /${services.prefix}; EKS takes service_ipv4_cidr from /${SERVICE_PREFIX.largest} to /${SERVICE_PREFIX.smallest} — ${fix}` });
      }
      const vpc = vpcOf.get(c.path);
      for (const block of blocksOverlapping(vpc, services)) {
        findings.push({
          path: c.path,
          message: `${text} overlaps ${block.text}, a block of the VPC of ${vpc!.path}; EKS refuses a service_ipv4_cidr that overlaps its VPC — pin serviceCidr elsewhere`,
        });
      }
      return findings;
    });
  });

/** The rules of EKS. */
export const eksRules: readonly IPolicyRule[] = [eks001, eks002];
