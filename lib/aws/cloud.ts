import { CLOUD_RESERVED_ADDRESSES } from '../ipam';
import { CloudProvider } from '../model/cloud';
import { CloudServices, CloudStrategy, PlanChecker, PlanReporter } from '../model/strategy';
import { AwsFlowLogSettings, flowLogSettingsOf } from './flow-log-settings';
import { AwsNatGateways } from './nat-gateways';
import { AwsProfile } from './profile';
import type { AwsRenderer } from './renderer';

/** Where an AWS network lives. */
export interface AwsCloudProps {
  /**
   * Region of the VPCs, e.g. `eu-west-1`.
   */
  readonly region: string;
  /**
   * The region is newer than the library's table of AWS regions (lib/clouds/regions.ts): take
   * it anyway. Its name must still be well formed, and each zone must be its name and a letter.
   * @default false - a region the table does not hold is refused (INPUT-003), naming the nearest ones
   */
  readonly unlistedRegion?: boolean;
  /**
   * Availability zones to spread subnets over, each a zone of the region (INPUT-003). EKS needs at least two (AWS-EKS-001).
   * @default - zones `a` and `b` of the region, e.g. `eu-west-1a` and `eu-west-1b`
   */
  readonly availabilityZones?: string[];
  /**
   * NAT gateways per VPC, public ones (internet egress) and private ones (`Egress.nat()`).
   * @default AwsNatGateways.ONE_PER_ZONE
   */
  readonly natGateways?: AwsNatGateways;
  /**
   * IPv4 blocks a VPC may have in this account and region ("IPv4 CIDR blocks per VPC"): raise
   * it with AWS first, then here, when an archipelago of many members needs more (AWS-VPC-004).
   * @default 5
   */
  readonly vpcBlockQuota?: number;
  /**
   * Subnets a VPC may have in this account and region ("Subnets per VPC"): raise it with AWS
   * first, then here, when a VPC needs more (AWS-SUBNET-002) — an archipelago of many members
   * over many zones, with a raised vpcBlockQuota.
   * @default 200
   */
  readonly subnetQuota?: number;
  /**
   * Inbound, and apart outbound, rules of each family a security group may have in this account
   * and region ("Inbound or outbound rules per security group", at most 1,000 divided by the
   * security groups per network interface): raise it with AWS first, then here, when a group
   * needs more (AWS-SG-001) — about 60 flat IPv6 or dual-stack clusters in one network, or a
   * long NodePort sourceRanges or apiEndpointSourceRanges list.
   * @default 60
   */
  readonly securityGroupRuleQuota?: number;
  /**
   * Routes of each family a route table may have in this account and region ("Routes per route
   * table", up to 1,000): raise it with AWS first, then here, when a table needs more
   * (AWS-IPV6-004) — more than 50 flat IPv6 or dual-stack clusters in one network.
   * @default 50
   */
  readonly routeQuota?: number;
  /**
   * VPC flow logs (all traffic, accepted and rejected) for every VPC the library makes.
   * Turning them off is reported as a warning (AWS-LOG-001) unless suppressed with a reason.
   * @default true
   */
  readonly flowLogs?: boolean;
  /**
   * An S3 bucket (or a folder in one) the flow logs of every VPC go to, by ARN, e.g.
   * `arn:aws:s3:::acme-flow-logs`: the bucket must let the `delivery.logs.amazonaws.com`
   * service write (AWS adds that policy when the deploying role may change the bucket's policy).
   * @default - a CloudWatch Logs group per network, `/cdktf-kube-networks/<network path>/flow-logs`, kept 365 days, written through an IAM role the library creates
   */
  readonly flowLogDestinationArn?: string;
}

/** AWS in one region over its zones: facts, planning profile, renderer and rules (Cloud.aws()). */
export class AwsCloud implements CloudStrategy {
  public readonly provider = CloudProvider.AWS;
  public readonly region: string;
  public readonly availabilityZones: string[];
  public readonly reservedAddressesPerSubnet = CLOUD_RESERVED_ADDRESSES.aws;
  public readonly natGateways: AwsNatGateways;
  public readonly flowLogs: AwsFlowLogSettings;
  public readonly profile: AwsProfile;
  public readonly checker: PlanChecker;
  public readonly reporter: PlanReporter;

  constructor(props: AwsCloudProps, services: CloudServices) {
    this.region = props.region;
    // The zones were checked against the region's (Cloud.aws, INPUT-003); the default is zones a and b.
    const zones = props.availabilityZones ?? [`${props.region}a`, `${props.region}b`];
    const natGateways = props.natGateways ?? AwsNatGateways.ONE_PER_ZONE;
    if (!Object.values(AwsNatGateways).includes(natGateways)) {
      throw new Error(`Cloud.aws: INPUT-002: natGateways ${JSON.stringify(natGateways)} is not one of ${Object.values(AwsNatGateways).join(', ')}`);
    }
    this.availabilityZones = [...zones];
    this.natGateways = natGateways;
    this.flowLogs = flowLogSettingsOf(props);
    this.profile = new AwsProfile(this.availabilityZones);
    this.checker = services.checker;
    this.reporter = services.reporter;
  }

  private loaded?: AwsRenderer;

  /**
   * The renderer, loaded when the cloud first renders: it brings the provider classes, the most
   * of the library's own import time, which a program on the other cloud (or the plan
   * commands) never pays.
   */
  public get renderer(): AwsRenderer {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return this.loaded ??= new (require('./renderer') as typeof import('./renderer')).AwsRenderer(this.natGateways, this.flowLogs);
  }
}
