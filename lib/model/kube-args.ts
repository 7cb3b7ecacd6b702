/** What kube-controller-manager needs to know of a cluster's plan. */
export interface KubeRanges {
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly nodeMaskSize: number;
}

/** kube-controller-manager flags for a plan, ready to paste. */
export function kubeControllerManagerArgs(plan: KubeRanges): string[] {
  return [
    '--allocate-node-cidrs=true',
    `--cluster-cidr=${plan.podCidr}`,
    `--node-cidr-mask-size=${plan.nodeMaskSize}`,
    `--service-cluster-ip-range=${plan.serviceCidr}`,
    // Pod ranges are VPC-native (alias IPs on GCP, VPC CNI on AWS): no cloud routes per node.
    '--configure-cloud-routes=false',
  ];
}
