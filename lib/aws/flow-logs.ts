import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Construct } from 'constructs';
import { INetwork } from '../model/interfaces';
import { AwsFlowLogSettings, FLOW_LOG_RETENTION_DAYS } from './flow-log-settings';
import { flowLogGroupName, iamText, tagsFor } from './names';

/**
 * The VPC flow logs of one network: every VPC it makes logs all its traffic (accepted and
 * rejected) to the S3 bucket the user named, or to a CloudWatch Logs group the library creates
 * once per network (`/cdktf-kube-networks/<network path>/flow-logs`, kept 365 days), written
 * through an IAM role of its own that only the flow-logs service can take.
 */
export class FlowLogs {
  private group?: CloudwatchLogGroup;
  private role?: IamRole;

  constructor(private readonly network: INetwork, public readonly settings: AwsFlowLogSettings) {}

  /** The flow log of `vpc`, made in `scope`; undefined when flow logs are off. */
  public forVpc(scope: Construct, vpc: Vpc): FlowLog | undefined {
    if (!this.settings.enabled) return undefined;
    const common = { vpcId: vpc.id, trafficType: 'ALL', tags: tagsFor(scope, 'flow-log') };
    if (this.settings.destinationArn) {
      return new FlowLog(scope, 'flow-log', { ...common, logDestinationType: 's3', logDestination: this.settings.destinationArn });
    }
    const { group, role } = this.logGroup();
    return new FlowLog(scope, 'flow-log', { ...common, logDestinationType: 'cloud-watch-logs', logDestination: group.arn, iamRoleArn: role.arn });
  }

  /** What the library creates when no destination was named: the log group and the role that writes to it. */
  public resources(): { group?: CloudwatchLogGroup; role?: IamRole } {
    return { group: this.group, role: this.role };
  }

  private logGroup(): { group: CloudwatchLogGroup; role: IamRole } {
    if (!this.group || !this.role) {
      const network = this.network;
      this.group = new CloudwatchLogGroup(network, 'flow-logs', {
        name: flowLogGroupName(network),
        retentionInDays: FLOW_LOG_RETENTION_DAYS,
        tags: tagsFor(network, 'flow-logs'),
      });
      this.role = new IamRole(network, 'flow-logs-role', {
        description: iamText(`Writes the VPC flow logs of ${network.node.path} to its log group`),
        assumeRolePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
        tags: tagsFor(network, 'flow-logs-role'),
      });
      new IamRolePolicy(network, 'flow-logs-policy', {
        role: this.role.id,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams'],
            Resource: [this.group.arn, `${this.group.arn}:*`],
          }],
        }),
      });
    }
    return { group: this.group, role: this.role };
  }
}
