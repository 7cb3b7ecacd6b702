// What Cloud.aws() was told about VPC flow logs, checked: no provider classes here, so the
// cloud object is made without loading them (lib/aws/flow-logs.ts builds the resources).

/** Days the log group the library creates keeps flow logs. */
export const FLOW_LOG_RETENTION_DAYS = 365;

/** Where a network's VPC flow logs go, as Cloud.aws() was told. */
export interface AwsFlowLogSettings {
  /** False when `flowLogs: false` was given (AWS-LOG-001 warns). */
  readonly enabled: boolean;
  /** An S3 bucket ARN the user named; undefined for the log group the library creates. */
  readonly destinationArn?: string;
}

/** An S3 bucket (or a folder in one) by ARN: `arn:aws:s3:::bucket` or `arn:aws:s3:::bucket/prefix` (any partition). */
const S3_ARN = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;

/** The flow-log settings of `Cloud.aws(props)`, checked. */
export function flowLogSettingsOf(props: { readonly flowLogs?: boolean; readonly flowLogDestinationArn?: string }): AwsFlowLogSettings {
  const enabled = props.flowLogs ?? true;
  if (typeof enabled !== 'boolean') {
    throw new Error(`Cloud.aws: flowLogs ${JSON.stringify(props.flowLogs)} must be true or false (AWS-LOG-001)`);
  }
  const arn = props.flowLogDestinationArn;
  if (arn !== undefined && (typeof arn !== 'string' || !S3_ARN.test(arn))) {
    throw new Error(`Cloud.aws: flowLogDestinationArn ${JSON.stringify(arn)} is not an S3 bucket ARN (AWS-LOG-001): use one like "arn:aws:s3:::acme-flow-logs", or omit it and the library creates a CloudWatch Logs group per network`);
  }
  if (arn !== undefined && !enabled) {
    throw new Error(`Cloud.aws: flowLogDestinationArn ${JSON.stringify(arn)} is given with flowLogs: false (AWS-LOG-001): drop one of them`);
  }
  return { enabled, destinationArn: arn };
}
