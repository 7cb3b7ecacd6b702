// Dual-stack on GCP (issue #16): a Network with ipv6: true gives every VPC it makes an internal
// ULA /48 that Google picks; a dual-stack cluster's subnet is dual-stack, and Google assigns
// its IPv6 /64 — nothing IPv6 is planned, only the IPv4 ranges are. A flat cluster with a GKE
// cluster on it, and an island, so both models show.
import { App, TerraformStack } from 'cdktf';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { Cloud, Egress, FlatCluster, GcpResources, Ingress, IpFamily, IslandCluster, Network } from '../lib';
import { cloudStack } from './stack';

/** Builds the `gcp-dualstack` stack into `app`; the plan is recorded in `planFile`. */
export function gcpDualStackExample(app: App, planFile: string): TerraformStack {
  const cloud = Cloud.gcp({ region: 'us-central1' });
  const stack = cloudStack(app, 'gcp-dualstack', cloud);
  const network = new Network(stack, 'main', {
    cidr: '10.0.0.0/8',
    cloud,
    ipv6: true, // every VPC gets an internal ULA /48 (enable_ula_internal_ipv6)
    estate: stack.node.id, // a demo of its own: its ranges may repeat the other examples'
    planFile,
  });

  // Flat: IPv4 pods routable in the main network, IPv6 nodes and pods from the subnet's internal /64.
  const web = new FlatCluster(stack, 'web', { network, maxNodes: 100, ipFamily: IpFamily.DUAL_STACK });
  const gcp = GcpResources.of(web);
  new ContainerCluster(stack, 'web-gke', {
    name: gcp.gkeClusterName,
    location: cloud.region,
    network: gcp.network.id,
    subnetwork: gcp.subnetwork.id,
    networkingMode: 'VPC_NATIVE', // GKE has no dual-stack routes-based clusters (GCP-IPV6-001)
    ipAllocationPolicy: {
      clusterSecondaryRangeName: gcp.podRangeName,
      servicesSecondaryRangeName: gcp.serviceRangeName,
      stackType: gcp.stackType, // IPV4_IPV6
    },
    removeDefaultNodePool: true,
    initialNodeCount: 1,
    deletionProtection: false,
  });

  // Island: private IPv4 pods behind its gateways; its IPv6 stays internal (INTERNAL, the default).
  new IslandCluster(stack, 'batch', {
    network,
    maxNodes: 100,
    ipFamily: IpFamily.DUAL_STACK,
    ingress: [Ingress.loadBalancer({ ports: [443] })],
    egress: Egress.masquerade(),
  });
  return stack;
}
