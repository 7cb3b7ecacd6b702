// Helpers of the CloudLink tests: one estate with a GCP and an AWS network, each in its own
// stack, sharing one plan file, and a third stack with both providers for the link.
import { App, TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Cloud, Network, NetworkProps } from '../../lib';
import { commitPlanFiles } from '../../lib/model/estate';
import { tempPlanFile, withProvider } from '../support';

export interface TwoClouds {
  readonly app: App;
  readonly gcpStack: TerraformStack;
  readonly awsStack: TerraformStack;
  readonly linkStack: TerraformStack;
  readonly gcp: Network;
  readonly aws: Network;
  readonly planFile: string;
}

/** GCP `enterprise-gcp/main` on 10.0.0.0/9 (europe-west1), AWS `enterprise-aws/main` on 10.128.0.0/9 (eu-west-1), estate `enterprise`. */
export function twoClouds(props: { gcp?: Partial<NetworkProps>; aws?: Partial<NetworkProps>; planFile?: string; app?: App } = {}): TwoClouds {
  const app = props.app ?? Testing.app();
  const planFile = props.planFile ?? tempPlanFile();
  const on = (id: string, base: NetworkProps) => {
    const stack = new TerraformStack(app, id);
    withProvider(stack, base.cloud);
    return { stack, network: new Network(stack, 'main', { estate: 'enterprise', ...base, frozen: false, planFile }) };
  };
  const gcp = on('enterprise-gcp', { cloud: Cloud.gcp({ region: 'europe-west1' }), cidr: '10.0.0.0/9', ...props.gcp });
  const aws = on('enterprise-aws', { cloud: Cloud.aws({ region: 'eu-west-1' }), cidr: '10.128.0.0/9', ...props.aws });
  const linkStack = new TerraformStack(app, 'enterprise-link');
  new GoogleProvider(linkStack, 'google', { project: 'acme', region: 'europe-west1' });
  new AwsProvider(linkStack, 'aws', { region: 'eu-west-1' });
  return { app, gcpStack: gcp.stack, awsStack: aws.stack, linkStack, gcp: gcp.network, aws: aws.network, planFile };
}

/** Synthesizes every stack of `e`, then writes the plan file, as `App.synth()` does. */
export function synthAll(e: TwoClouds): void {
  for (const stack of [e.gcpStack, e.awsStack, e.linkStack]) Testing.synth(stack, true);
  commitPlanFiles(e.app);
}
