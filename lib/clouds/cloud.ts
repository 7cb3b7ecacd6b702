import { AwsCloud, AwsCloudProps, vpcBlockQuotaOf } from '../aws/cloud';
import { AWS_RULES, awsRules } from '../aws/rules';
import { GcpCloud, GcpCloudProps } from '../gcp/cloud';
import { GCP_RULES } from '../gcp/rules';
import { ICloud } from '../model/cloud';
import { IPolicyRule } from '../model/rule';
import { Checker } from '../policy/checker';
import { CORE_RULES } from '../policy/catalog';
import { ReportWriter } from '../report/write';

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
    checkRegion(props?.region, 'Cloud.gcp', 'us-central1');
    return new GcpCloud(props, { checker: new Checker(GCP_RULES, builtInIds()), reporter: new ReportWriter() });
  }

  /** AWS in one region, over two or more availability zones. */
  public static aws(props: AwsCloudProps): ICloud {
    checkRegion(props?.region, 'Cloud.aws', 'eu-west-1');
    return new AwsCloud(props, { checker: new Checker(awsRules(vpcBlockQuotaOf(props)), builtInIds()), reporter: new ReportWriter() });
  }

  private constructor() {}
}

function checkRegion(region: unknown, factory: string, example: string): void {
  if (typeof region !== 'string' || !/^[a-z]+(-[a-z0-9]+)+$/.test(region)) {
    throw new Error(`${factory}: region ${JSON.stringify(region)} is not a region name: use one like "${example}"`);
  }
}
