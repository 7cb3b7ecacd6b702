import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeSubnetwork, ComputeSubnetworkLogConfig } from '@cdktf/provider-google/lib/compute-subnetwork';
import { PodRouting } from '../model/plan';
import { later } from '../model/tokens';
import { gcpName } from './names';
import { ICluster } from '../model/interfaces';
import { refOf } from '../model/refs';

/** Secondary range names: stable, so a GKE cluster can be handed them. */
export const POD_RANGE_NAME = 'pods';
export const SERVICE_RANGE_NAME = 'services';

/**
 * VPC flow logs on a subnet that hosts VMs (GCP-LOG-001): GCP's own defaults, written out.
 * Never on a proxy-only subnet: the API refuses `log_config` on REGIONAL_MANAGED_PROXY.
 */
export const FLOW_LOGS: ComputeSubnetworkLogConfig = { aggregationInterval: 'INTERVAL_5_SEC', flowSampling: 0.5, metadata: 'INCLUDE_ALL_METADATA' };

/**
 * A cluster's subnet: primary range = nodes, secondary ranges = pods and services (VPC-native).
 * A routes-based cluster has no secondary ranges: GKE takes its pod and service ranges as
 * `cluster_ipv4_cidr` / `services_ipv4_cidr`, and pods are reached through routes per node.
 */
export function clusterSubnet(cluster: ICluster, network: ComputeNetwork, flowLogs: boolean): ComputeSubnetwork {
  const vpcNative = cluster.podRouting === PodRouting.VPC_NATIVE;
  return new ComputeSubnetwork(cluster, 'subnetwork', {
    name: gcpName(cluster),
    network: refOf(network, 'id'),
    region: cluster.network.cloud.region,
    ipCidrRange: later(() => cluster.nodeCidr),
    privateIpGoogleAccess: true,
    logConfig: flowLogs ? FLOW_LOGS : undefined,
    secondaryIpRange: vpcNative ? [
      { rangeName: POD_RANGE_NAME, ipCidrRange: later(() => cluster.podCidr) },
      { rangeName: SERVICE_RANGE_NAME, ipCidrRange: later(() => cluster.serviceCidr) },
    ] : undefined,
  });
}
