import { apiServerServiceIp, Cidr, dnsServiceIp } from '../ipam';
import { PodRouting } from './plan';

/** What kube-controller-manager needs to know of a cluster's plan. */
export interface KubeRanges {
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly nodeMaskSize: number;
  /** Routes per node (the cloud controller makes them) instead of VPC-native pod ranges. */
  readonly podRouting?: PodRouting;
}

/** kube-controller-manager flags for a plan, ready to paste. */
export function kubeControllerManagerArgs(plan: KubeRanges): string[] {
  // An IPv6 cluster (EKS ip_family ipv6) has no IPv4 pod or service range: the cloud allocates its IPv6 ones.
  if (plan.podCidr === '') return [];
  return [
    '--allocate-node-cidrs=true',
    `--cluster-cidr=${plan.podCidr}`,
    `--node-cidr-mask-size=${plan.nodeMaskSize}`,
    `--service-cluster-ip-range=${plan.serviceCidr}`,
    // VPC-native pod ranges (alias IPs on GCP, VPC CNI on AWS) need no cloud route per node.
    `--configure-cloud-routes=${plan.podRouting === PodRouting.ROUTES}`,
  ];
}

/** The API server's (index 1) and cluster DNS's (index 10) service IPs; empty when the range is too small (K8S-002/003). */
export function serviceIps(serviceCidr: string): { apiServer: string; dns: string } {
  if (serviceCidr === '') return { apiServer: '', dns: '' };
  const services = Cidr.parse(serviceCidr);
  return {
    apiServer: services.size > 1n ? apiServerServiceIp(services) : '',
    dns: services.size > 10n ? dnsServiceIp(services) : '',
  };
}
