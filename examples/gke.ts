// A GKE cluster on a FlatCluster's plan: VPC-native (alias IPs from the subnet's named
// secondary ranges), private nodes, and a control-plane /28 from the plan.
import { App, TerraformStack } from 'cdktf';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Cloud, FlatCluster, GcpResources, Network } from '../lib';

/** Builds the `gke` stack into `app`; the plan is recorded in `planFile`. */
export function gkeExample(app: App, planFile: string): TerraformStack {
  const stack = new TerraformStack(app, 'gke');
  new GoogleProvider(stack, 'google', { project: 'acme', region: 'us-central1' });

  const network = new Network(stack, 'main', {
    cidr: '172.16.0.0/12', // apart from the corp estate: networks of one app never overlap (MODEL-007)
    cloud: Cloud.gcp({ region: 'us-central1', privateControlPlanes: true }),
    planFile,
  });
  const prod = new FlatCluster(stack, 'prod', { network, maxNodes: 250, maxPodsPerNode: 110 });

  const gcp = GcpResources.of(prod);
  new ContainerCluster(stack, 'prod-gke', {
    name: 'prod',
    location: network.cloud.region,
    network: gcp.network.id,
    subnetwork: gcp.subnetwork.id,
    networkingMode: 'VPC_NATIVE',
    ipAllocationPolicy: {
      clusterSecondaryRangeName: gcp.podRangeName,
      servicesSecondaryRangeName: gcp.serviceRangeName,
    },
    defaultMaxPodsPerNode: prod.maxPodsPerNode, // GKE's node mask follows from it (GCP-GKE-002)
    privateClusterConfig: {
      enablePrivateNodes: true,
      enablePrivateEndpoint: false,
      masterIpv4CidrBlock: gcp.masterIpv4CidrBlock,
    },
    removeDefaultNodePool: true,
    initialNodeCount: 1,
    deletionProtection: false,
  });
  return stack;
}
