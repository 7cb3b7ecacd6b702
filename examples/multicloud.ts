// An enterprise range carved between clouds: a GCP and an AWS network from one 10.0.0.0/8,
// in separate stacks of one app. They form one estate, so MODEL-007 checks them against
// each other: a range planned in one never lands in the other.
import { App, TerraformStack } from 'cdktf';
import { Cloud, FlatCluster, IslandCluster, Network, NetworkProps } from '../lib';
import { cloudStack } from './stack';

/** The two stacks, `enterprise-gcp` and `enterprise-aws`. */
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
  return [gcp.stack, aws.stack];
}
