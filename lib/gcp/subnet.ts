import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeSubnetwork, ComputeSubnetworkLogConfig } from '@cdktf/provider-google/lib/compute-subnetwork';
import { IpFamily, Ipv6AccessType, PodRouting } from '../model/plan';
import { later } from '../model/tokens';
import { gcpName } from './names';
import { ICluster, INetwork } from '../model/interfaces';
import { refOf } from '../model/refs';

/** Secondary range names: stable, so a GKE cluster can be handed them. */
export const POD_RANGE_NAME = 'pods';
export const SERVICE_RANGE_NAME = 'services';

/**
 * VPC flow logs on a subnet that hosts VMs (GCP-LOG-001): GCP's own defaults, written out.
 * Never on a proxy-only subnet: the API refuses `log_config` on REGIONAL_MANAGED_PROXY.
 */
export const FLOW_LOGS: ComputeSubnetworkLogConfig = { aggregationInterval: 'INTERVAL_5_SEC', flowSampling: 0.5, metadata: 'INCLUDE_ALL_METADATA' };

/** GKE's `ip_allocation_policy.stack_type` and a subnet's `stack_type` for `cluster`: dual-stack or IPv4 only. */
export function stackTypeOf(cluster: { readonly ipFamily?: IpFamily }): { gke: 'IPV4' | 'IPV4_IPV6'; subnet: 'IPV4_ONLY' | 'IPV4_IPV6' } {
  return cluster.ipFamily === IpFamily.DUAL_STACK ? { gke: 'IPV4_IPV6', subnet: 'IPV4_IPV6' } : { gke: 'IPV4', subnet: 'IPV4_ONLY' };
}

/**
 * A VPC network's IPv6 setting: with `ipv6: true` on the Network, every VPC it makes gets an
 * internal ULA /48 that Google picks from fd20::/20 (`enable_ula_internal_ipv6`), which an
 * INTERNAL dual-stack subnet needs (GCP-IPV6-002). Nothing for an IPv4-only network, so its
 * synthesized JSON is what it always was.
 */
export function ulaInternalIpv6(network: INetwork): { enableUlaInternalIpv6?: boolean } {
  return network.ipv6 ? { enableUlaInternalIpv6: true } : {};
}

/**
 * A cluster's subnet: primary range = nodes, secondary ranges = pods and services (VPC-native).
 * A routes-based cluster has no secondary ranges: GKE takes its pod and service ranges as
 * `cluster_ipv4_cidr` / `services_ipv4_cidr`, and pods are reached through routes per node.
 * A dual-stack cluster's subnet is dual-stack (`stack_type = "IPV4_IPV6"`, its access type):
 * Google assigns it an IPv6 /64 (from the VPC's ULA /48 when INTERNAL), which GKE gives the
 * nodes and pods their IPv6 addresses from; nothing IPv6 is planned.
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
    ...(cluster.ipFamily === IpFamily.DUAL_STACK ? { stackType: stackTypeOf(cluster).subnet, ipv6AccessType: cluster.ipv6AccessType } : {}),
  });
}

/**
 * The IPv6 range Google assigned a dual-stack cluster's subnet, as a Terraform attribute (known
 * at deploy): `internal_ipv6_prefix` (a /64 of the VPC's ULA /48) when INTERNAL,
 * `external_ipv6_prefix` when EXTERNAL. Its nodes and pods take their IPv6 addresses from it.
 */
export function ipv6RangeOf(cluster: ICluster, subnet: ComputeSubnetwork): string {
  return cluster.ipv6AccessType === Ipv6AccessType.EXTERNAL ? refOf(subnet, 'externalIpv6Prefix') : refOf(subnet, 'internalIpv6Prefix');
}
