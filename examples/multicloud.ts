// An enterprise range carved between clouds: a GCP and an AWS network from one 10.0.0.0/8,
// in separate stacks of one app. They form one estate, so MODEL-007 checks them against
// each other: a range planned in one never lands in the other. A CloudLink in a third stack
// joins them: HA VPN to the transit gateway, BGP advertising routable ranges only.
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Cloud, CloudLink, FlatCluster, IslandCluster, Network, NetworkProps } from '../lib';
import { cloudStack } from './stack';

/** The three stacks, `enterprise-gcp`, `enterprise-aws` and `enterprise-link`. */
export function multiCloudExample(app: App, planFile: string): TerraformStack[] {
  const on = (id: string, props: Omit<NetworkProps, 'estate' | 'planFile'>) => {
    const stack = cloudStack(app, id, props.cloud);
    return { stack, network: new Network(stack, 'main', { ...props, estate: 'enterprise', planFile }) };
  };
  const gcp = on('enterprise-gcp', { cloud: Cloud.gcp({ region: 'europe-west1' }), cidr: '10.0.0.0/9' });
  const aws = on('enterprise-aws', {
    cloud: Cloud.aws({ region: 'eu-west-1' }),
    cidr: '10.128.0.0/9',
    reserved: [{ cidr: '10.255.0.0/16', name: 'on-prem' }],
    // Island services on AWS come from 172.20.0.0/16 (EKS takes RFC 1918 only): no hole needed.
  });
  new FlatCluster(gcp.stack, 'web', { network: gcp.network, maxNodes: 250 });
  new IslandCluster(gcp.stack, 'batch', { network: gcp.network, maxNodes: 500 });
  new FlatCluster(aws.stack, 'payments', { network: aws.network, maxNodes: 100 });
  new IslandCluster(aws.stack, 'analytics', { network: aws.network, maxNodes: 500 }); // reuses batch's pods: islands

  // The link's stack holds both sides, so it needs both providers.
  const link = new TerraformStack(app, 'enterprise-link');
  new GoogleProvider(link, 'google', { project: 'acme', region: 'europe-west1' });
  new AwsProvider(link, 'aws', { region: 'eu-west-1' });
  new CloudLink(link, 'gcp-aws', { gcp: gcp.network, aws: aws.network });
  return [gcp.stack, aws.stack, link];
}
