// The AWS quotas the rules check a plan against: AWS's defaults, or what Cloud.aws() says the
// account was raised to. Numbers from AWS's "Amazon VPC quotas" page
// (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html): "IPv4 CIDR blocks
// per VPC" 5, adjustable up to 50; "Subnets per VPC" 200, adjustable; "Inbound or outbound
// rules per security group" 60, adjustable, enforced apart for IPv4 and IPv6 rules, and times
// "Security groups per network interface" (5, up to 16) at most 1,000. A rule that names a
// security group counts as one IPv4 and one IPv6 rule (the same page, and "Security group size"
// in the VPC user guide's "Security group rules"). "Routes per route table" 50 non-propagated
// routes, adjustable up to 1,000, enforced apart for IPv4 and IPv6.
import type { AwsCloudProps } from './cloud';

/** IPv4 blocks a VPC may have by default (AWS-VPC-004). */
export const BLOCKS_PER_VPC = 5;
/** The most IPv4 blocks per VPC AWS grants. */
export const BLOCKS_PER_VPC_CEILING = 50;
/** Subnets a VPC may have by default (AWS-SUBNET-002). */
export const SUBNETS_PER_VPC = 200;
/** Inbound, and apart outbound, rules of each family a security group may have by default (AWS-SG-001). */
export const RULES_PER_GROUP = 60;
/** The most rules per security group AWS grants: the quota times the security groups per network interface (at least 1) stays within 1,000. */
export const RULES_PER_GROUP_CEILING = 1000;
/** Non-propagated routes of each family a route table may have by default (AWS-IPV6-004). */
export const ROUTES_PER_TABLE = 50;
/** The most routes per route table AWS grants. */
export const ROUTES_PER_TABLE_CEILING = 1000;

/** The quotas of the account and region a network is built in. */
export interface AwsQuotas {
  /** IPv4 blocks per VPC (AWS-VPC-004). */
  readonly vpcBlocks: number;
  /** Subnets per VPC (AWS-SUBNET-002). */
  readonly subnetsPerVpc: number;
  /** Inbound or outbound rules per security group, each family apart (AWS-SG-001). */
  readonly rulesPerGroup: number;
  /** Routes per route table, each family apart (AWS-IPV6-004). */
  readonly routesPerTable: number;
}

/** AWS's defaults. */
export const DEFAULT_QUOTAS: AwsQuotas = { vpcBlocks: BLOCKS_PER_VPC, subnetsPerVpc: SUBNETS_PER_VPC, rulesPerGroup: RULES_PER_GROUP, routesPerTable: ROUTES_PER_TABLE };

/** What Cloud.aws() was told of the quotas. */
export type QuotaProps = Pick<AwsCloudProps, 'vpcBlockQuota' | 'subnetQuota' | 'securityGroupRuleQuota' | 'routeQuota'>;

/** The quotas `props` says the account has, checked: whole numbers within what AWS grants. */
export function quotasOf(props: QuotaProps): AwsQuotas {
  const whole = (name: keyof QuotaProps, fallback: number, most: number | undefined, why: string): number => {
    const quota = props[name] ?? fallback;
    if (!Number.isInteger(quota) || quota < 1 || (most !== undefined && quota > most)) {
      const range = most === undefined ? 'of at least 1' : `from 1 to ${most}`;
      throw new Error(`Cloud.aws: INPUT-002: ${name} ${JSON.stringify(props[name])} must be a whole number ${range} (${why})`);
    }
    return quota;
  };
  return {
    vpcBlocks: whole('vpcBlockQuota', BLOCKS_PER_VPC, BLOCKS_PER_VPC_CEILING, `AWS's default is ${BLOCKS_PER_VPC}, its ceiling ${BLOCKS_PER_VPC_CEILING}`),
    subnetsPerVpc: whole('subnetQuota', SUBNETS_PER_VPC, undefined, `AWS's default is ${SUBNETS_PER_VPC}`),
    rulesPerGroup: whole('securityGroupRuleQuota', RULES_PER_GROUP, RULES_PER_GROUP_CEILING,
      `AWS's default is ${RULES_PER_GROUP}; times the security groups per network interface it stays within ${RULES_PER_GROUP_CEILING.toLocaleString('en-US')}`),
    routesPerTable: whole('routeQuota', ROUTES_PER_TABLE, ROUTES_PER_TABLE_CEILING, `AWS's default is ${ROUTES_PER_TABLE}, its ceiling ${ROUTES_PER_TABLE_CEILING.toLocaleString('en-US')}`),
  };
}
