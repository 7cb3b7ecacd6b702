import { AwsCloud, AwsCloudProps } from '../aws/cloud';
import { flowLogSettingsOf } from '../aws/flow-log-settings';
import { quotasOf } from '../aws/quotas';
import { AWS_RULES, awsRules } from '../aws/rules';
import { flowLogsOf, GcpCloud, GcpCloudProps } from '../gcp/cloud';
import { GKE_REFUSED } from '../gcp/gke';
import { IPV6_REFUSED } from '../gcp/ipv6-rules';
import { OUTLINE_REFUSED } from '../gcp/outline-rules';
import { GCP_RULES, gcpRules } from '../gcp/rules';
import { ICloud } from '../model/cloud';
import { IPolicyRule } from '../model/rule';
import { Checker } from '../policy/checker';
import { CORE_RULES } from '../policy/catalog';
import { ReportWriter } from '../report/write';
import { AWS_REGIONS, checkRegion, checkZones, GCP_REGIONS } from './regions';

/** Every built-in rule id of every cloud: a suppression of any other id is refused. */
export function builtInIds(): string[] {
  return [...CORE_RULES, ...GCP_RULES, ...AWS_RULES].map((r) => r.id);
}

/** The cloud-specific rules of each cloud. */
export const CLOUD_RULES: Readonly<Record<'GCP' | 'AWS', readonly IPolicyRule[]>> = { GCP: GCP_RULES, AWS: AWS_RULES };

/**
 * The cloud a `Network` is built on: a strategy object that carries its cloud's facts,
 * planning profile, renderer and rules.
 *
 * Built with `Cloud.gcp()` or `Cloud.aws()`.
 */
export class Cloud {
  /** Google Cloud in one region. */
  public static gcp(props: GcpCloudProps): ICloud {
    checkRegion(GCP_REGIONS, props?.region, props?.unlistedRegion);
    return new GcpCloud(props, { checker: new Checker(gcpRules(flowLogsOf(props)), builtInIds(), GCP_REFUSED), reporter: new ReportWriter() });
  }

  /** AWS in one region, over two or more availability zones. */
  public static aws(props: AwsCloudProps): ICloud {
    checkRegion(AWS_REGIONS, props?.region, props?.unlistedRegion);
    if (props.availabilityZones !== undefined) checkZones(AWS_REGIONS, props.region, props.availabilityZones);
    return new AwsCloud(props, { checker: new Checker(awsRules(quotasOf(props), flowLogSettingsOf(props).enabled), builtInIds(), AWS_REFUSED), reporter: new ReportWriter() });
  }

  private constructor() {}
}

/**
 * Rules whose findings the cloud's API refuses outright: a suppression cannot make them deploy,
 * so it is refused (GCP: prohibited ranges, overlapping ranges in one network, a control plane
 * of another size or in the Docker bridge, a name taken twice, subnet purposes and secondary ranges, Cloud NAT settings, a routes-based or ULA-less dual-stack cluster, a firewall rule of both families; AWS: VPC block sizes, overlaps and associations, subnet sizes, a load balancer, target group or security group name taken twice, an IPv6 subnet number taken twice or outside the VPC's /56, a network load balancer of more listeners than AWS allows).
 */
export const GCP_REFUSED: readonly string[] = ['GCP-SUBNET-002', 'GCP-SUBNET-005', 'GCP-SUBNET-008', 'GCP-GKE-010', ...OUTLINE_REFUSED, ...GKE_REFUSED, ...IPV6_REFUSED];
export const AWS_REFUSED: readonly string[] = ['AWS-VPC-001', 'AWS-VPC-002', 'AWS-VPC-003', 'AWS-SUBNET-001', 'AWS-NAME-001', 'AWS-IPV6-001', 'AWS-LB-002'];
