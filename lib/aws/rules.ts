// The AWS-VPC-*, AWS-SUBNET-001 and AWS-LOG-001 rules, checked on the plain plan (see layout.ts),
// and awsRules: every AWS rule, the other families' from their own files.
import { ceilLog2, Cidr, findOverlaps } from '../ipam';
import { ClusterPlan, hasIpv4Pods, NetworkPlan } from '../model/plan';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../policy/rule';
import { associationProblem } from './association';
import { eksRules } from './eks-rules';
import { sg001 } from './group-quota-rule';
import { ipv6Rules } from './ipv6-rules';
import { lbRules } from './lb-rules';
import { name001 } from './name-rule';
import { AwsQuotas, BLOCKS_PER_VPC, BLOCKS_PER_VPC_CEILING, DEFAULT_QUOTAS } from './quotas';
import { subnet002 } from './subnet-quota-rule';
import { AWS_RESERVED, describeRange, describeZones, LARGEST_BLOCK, SMALLEST_BLOCK, VpcBlock, vpcsOf, zoneSubnetPrefix } from './layout';

const parse = (cidr: string) => Cidr.parse(cidr);

/** How the user moves a block: pin the range, or (for blocks the planner places) keep the planner out of `avoid`. */
function moveIt(block: VpcBlock, where: string, avoid: string): string {
  if (block.kind === 'nodes' || block.kind === 'pods') return `pin ${block.fix} ${where}`;
  return `reserve ${avoid} on the Network (reserved: [{ cidr: '${avoid}', name: 'aws-restricted' }]) so the planner places it elsewhere`;
}

const vpc001 = defineRule('AWS-VPC-001', Severity.ERROR,
  'Every VPC IPv4 block (primary or associated) is /16 to /28; node and pod ranges larger than /16 become several /16 blocks.',
  (plan) => vpcsOf(plan).flatMap((vpc) => vpc.blocks
    .filter((b) => b.cidr.family === 4 && (b.cidr.prefix < LARGEST_BLOCK || b.cidr.prefix > SMALLEST_BLOCK))
    .map((b): PolicyFinding => {
      const small = b.cidr.prefix > SMALLEST_BLOCK;
      const fix = small
        ? `widen ${b.fix} to a /${SMALLEST_BLOCK} or larger`
        : b.kind === 'proxy' ? `pass Ingress.proxy({ subnetMaskSize: ${LARGEST_BLOCK} }) or a longer mask` : `use a /${LARGEST_BLOCK} or smaller range`;
      return {
        path: b.owner,
        message: `${b.text} would be a /${b.cidr.prefix} block of the VPC of ${vpc.path}, ${small ? `smaller than the /${SMALLEST_BLOCK}` : `larger than the /${LARGEST_BLOCK}`} AWS accepts — ${fix}`,
      };
    })));

const vpc002 = defineRule('AWS-VPC-002', Severity.ERROR,
  'The blocks of one VPC never overlap (an isolated cluster exposing its API endpoint keeps its own ranges off the endpoint\'s /28).',
  (plan) => vpcsOf(plan).flatMap((vpc) => findOverlaps(vpc.blocks).map(({ outer, inner }): PolicyFinding => {
    // Move a range the user can pin (nodes, pods) rather than one the planner placed.
    const pinnable = (b: VpcBlock) => b.kind === 'nodes' || b.kind === 'pods';
    const [moved, kept] = pinnable(inner) || !pinnable(outer) ? [inner, outer] : [outer, inner];
    return {
      path: moved.owner,
      message: `${moved.text} overlaps ${kept.text}, both blocks of the VPC of ${vpc.path}; AWS refuses overlapping blocks in one VPC — ${moveIt(moved, 'elsewhere', kept.cidr.toString())}`,
    };
  })));

const TEN_0_15 = parse('10.0.0.0/15');
const TEN_0_16 = parse('10.0.0.0/16');

const vpc003 = defineRule('AWS-VPC-003', Severity.ERROR,
  'Associated VPC blocks keep AWS\'s association table (the primary is chosen to keep it when it can): none from 198.19.0.0/16; a primary in one RFC 1918 range takes no other RFC 1918 range (172.31.0.0/16 is refused when it is in 172.16.0.0/12); a primary outside RFC 1918 takes no RFC 1918 block; no block from 10.0.0.0/16 joins a VPC with any other block in 10.0.0.0/15 (Terraform associates blocks in parallel, so any may come first).',
  (plan) => vpcsOf(plan).flatMap((vpc) => {
    const [primary, ...associated] = vpc.blocks;
    if (!primary || primary.cidr.family !== 4) return [];
    return associated.flatMap((block): PolicyFinding[] => {
      const why = associationProblem(primary.cidr, block.cidr);
      if (why) {
        return [{
          path: block.owner,
          message: `${block.text} cannot join the VPC of ${vpc.path}, whose primary block is ${primary.text}: ${why.reason} — ${moveIt(block, why.instead, why.restricted.toString())}`,
        }];
      }
      // AWS checks a new 10.0.0.0/16 block against every block already associated, not only the primary.
      const beside = block.cidr.overlaps(TEN_0_16) ? associated.find((b) => b !== block && TEN_0_15.contains(b.cidr)) : undefined;
      return beside ? [{
        path: block.owner,
        message: `${block.text} cannot join the VPC of ${vpc.path} beside ${beside.text}: AWS refuses a block from ${TEN_0_16} once any block of the VPC lies in ${TEN_0_15}, and Terraform associates them in parallel — ${moveIt(block, `outside ${TEN_0_16}`, TEN_0_16.toString())}`,
      }] : [];
    });
  }));

/** AWS-VPC-004 for a quota of `quota` blocks per VPC (AWS's default 5, or what the account was raised to). */
function vpc004(quota: number): IPolicyRule {
  return defineRule('AWS-VPC-004', Severity.ERROR,
    `A VPC has at most ${quota} IPv4 blocks (AWS's default quota is ${BLOCKS_PER_VPC}, which can be raised to ${BLOCKS_PER_VPC_CEILING}; Cloud.aws({ vpcBlockQuota }) says what it was raised to).`,
    (plan) => vpcsOf(plan)
      .filter((vpc) => vpc.blocks.length > quota)
      .map((vpc) => ({
        path: vpc.path,
        message: `the VPC of ${vpc.path} needs ${vpc.blocks.length} IPv4 blocks (${vpc.blocks.map((b) => b.cidr).join(', ')}), more than the ${quota} of the quota — ` +
          `ask AWS to raise "IPv4 CIDR blocks per VPC" to ${vpc.blocks.length} or more (up to ${BLOCKS_PER_VPC_CEILING}) and set Cloud.aws({ vpcBlockQuota: ${vpc.blocks.length} }), or need fewer blocks: pod ranges of /16 or smaller, fewer archipelago members`,
      })));
}

/** Addresses left in `count` subnets of /`prefix` once AWS keeps its 5 in each. */
const usable = (count: number, prefix: number) => count * Math.max(0, 2 ** (32 - prefix) - AWS_RESERVED);

/** Subnet size and capacity of one range of a cluster split over `zones` (AWS-SUBNET-001). */
function subnetFindings(c: ClusterPlan, kind: 'nodes' | 'pods', zones: readonly string[]): PolicyFinding[] {
  if (kind === 'pods' && !hasIpv4Pods(c)) return []; // an IPv6 cluster's pods take the node subnets' IPv6 addresses
  const range = parse(kind === 'nodes' ? c.nodeCidr : c.podCidr);
  if (range.family !== 4) return [];
  const n = zones.length;
  const prop = kind === 'nodes' ? 'nodeCidr' : 'podCidr';
  const text = describeRange(kind, range.toString(), c.path);
  const over = `over ${describeZones(zones)}`;
  const prefix = zoneSubnetPrefix(range.prefix, n);
  if (prefix > SMALLEST_BLOCK) {
    return [{ path: c.path, message: `${text} splits into /${prefix} subnets ${over}, smaller than the /${SMALLEST_BLOCK} AWS accepts — widen ${prop} to a /${SMALLEST_BLOCK - ceilLog2(n)} or larger` }];
  }
  const needed = kind === 'nodes' ? c.maxNodes : c.maxNodes * c.maxPodsPerNode;
  const count = 2 ** (prefix - range.prefix);
  const held = usable(count, prefix);
  if (held >= needed) return [];
  let wider = range.prefix - 1;
  while (wider > 0 && usable(2 ** (zoneSubnetPrefix(wider, n) - wider), zoneSubnetPrefix(wider, n)) < needed) wider--;
  const what = kind === 'nodes'
    ? `leaving ${held} for nodes, fewer than maxNodes ${c.maxNodes} — widen nodeCidr to a /${wider} or lower maxNodes to ${held}`
    : `leaving ${held} pod addresses, fewer than maxNodes × maxPodsPerNode = ${needed} — widen podCidr to a /${wider} or lower maxNodes or maxPodsPerNode`;
  return [{
    path: c.path,
    message: `${text} splits into ${count} subnet${count === 1 ? '' : 's'} of /${prefix} ${over}; AWS keeps ${AWS_RESERVED} addresses in each, ${what}`,
  }];
}

const subnet001 = defineRule('AWS-SUBNET-001', Severity.ERROR,
  'Node and pod ranges split into per-zone subnets of /16 to /28; after the 5 addresses AWS keeps in each subnet, node subnets hold maxNodes and pod subnets maxNodes × maxPodsPerNode.',
  (plan: NetworkPlan) => {
    const zones = plan.availabilityZones;
    if (zones.length === 0) return [];
    return plan.clusters.flatMap((c) => [...subnetFindings(c, 'nodes', zones), ...subnetFindings(c, 'pods', zones)]);
  });

/** AWS-LOG-001, for a cloud whose flow logs are `enabled` (Cloud.aws({ flowLogs })). */
const log001 = (enabled: boolean) => defineRule('AWS-LOG-001', Severity.WARNING,
  'Every VPC the library makes sends its flow logs (all traffic) to a CloudWatch Logs group it creates or the S3 bucket flowLogDestinationArn names; Cloud.aws({ flowLogs: false }) is reported unless suppressed with a reason.',
  (plan) => enabled ? [] : [{
    path: plan.path,
    message: `the VPCs of ${plan.path} keep no flow logs (Cloud.aws({ flowLogs: false })): no record of who talked to whom — drop flowLogs: false, or Policy.suppress(network, 'AWS-LOG-001', reason) if the traffic is logged elsewhere`,
  }]);

/** The AWS rules for an account with `quotas` (AWS's defaults unless Cloud.aws() says they were raised), with flow logs on or off. */
export function awsRules(quotas: AwsQuotas = DEFAULT_QUOTAS, flowLogs: boolean = true): readonly IPolicyRule[] {
  return [
    vpc001, vpc002, vpc003, vpc004(quotas.vpcBlocks), subnet001, subnet002(quotas.subnetsPerVpc), sg001(quotas.rulesPerGroup),
    ...eksRules, ...lbRules, ...ipv6Rules(quotas.routesPerTable), name001, log001(flowLogs),
  ];
}

/** The AWS rules, checked on every network on Cloud.aws() (at AWS's default quotas). */
export const AWS_RULES: readonly IPolicyRule[] = awsRules();
