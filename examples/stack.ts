// A stack with its cloud's provider: what every example starts from.
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Cloud, CloudProvider, ICloud } from '../lib';

/** A stack `id` in `app` with the provider `cloud` needs; nothing is read from the cloud at synth. */
export function cloudStack(app: App, id: string, cloud: ICloud): TerraformStack {
  const stack = new TerraformStack(app, id);
  if (cloud.provider === CloudProvider.AWS) new AwsProvider(stack, 'aws', { region: cloud.region });
  else new GoogleProvider(stack, 'google', { project: 'acme', region: cloud.region });
  return stack;
}

/** The clouds every per-model example runs on. */
export const CLOUDS = {
  gcp: Cloud.gcp({ region: 'us-central1' }),
  aws: Cloud.aws({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] }),
};
