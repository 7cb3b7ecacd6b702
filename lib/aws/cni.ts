import { AwsCniSettings, AwsEniConfig, AwsSubnet } from './resources';

/** The node label the VPC CNI picks a node's ENIConfig by: its zone. */
const ENI_CONFIG_LABEL = 'topology.kubernetes.io/zone';

/**
 * The VPC CNI's settings for pods in their own subnets (custom networking):
 * one ENIConfig per pod subnet, named by zone (`<zone>-<n>` for a zone's further subnets,
 * which nodes must be labelled for), and whether the node SNATs pod traffic leaving the VPC
 * (the VPC CNI's README).
 */
export function cniSettings(podSubnets: AwsSubnet[], securityGroupIds: string[], externalSnat: boolean): AwsCniSettings {
  const seen = new Map<string, number>();
  const eniConfigs = podSubnets.map((s): AwsEniConfig => {
    const nth = (seen.get(s.availabilityZone) ?? 0) + 1;
    seen.set(s.availabilityZone, nth);
    return {
      name: nth === 1 ? s.availabilityZone : `${s.availabilityZone}-${nth}`,
      availabilityZone: s.availabilityZone,
      subnetId: s.subnet.id,
      securityGroupIds,
    };
  });
  return {
    customNetworking: true,
    externalSnat,
    environment: {
      AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true',
      ENI_CONFIG_LABEL_DEF: ENI_CONFIG_LABEL,
      AWS_VPC_K8S_CNI_EXTERNALSNAT: String(externalSnat),
    },
    eniConfigs,
  };
}

/**
 * The VPC CNI's settings for an IPv6 cluster (EKS `ip_family = "ipv6"`): no custom networking
 * (EKS does not support it with IPv6), pods take IPv6 addresses from prefixes delegated on the
 * node's ENIs in the node subnets, and reach IPv4 destinations as the node's primary IPv4
 * address (the CNI SNATs them). With the IPv6 family the VPC CNI add-on (1.10.1 or later)
 * sets these itself; they are given here to check against (Amazon EKS User Guide, "Learn
 * about IPv6 addresses to clusters, Pods, and services").
 */
export function ipv6CniSettings(): AwsCniSettings {
  return {
    customNetworking: false,
    externalSnat: false,
    environment: {
      ENABLE_IPv6: 'true',
      ENABLE_IPv4: 'false',
      ENABLE_PREFIX_DELEGATION: 'true',
      AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'false',
    },
    eniConfigs: [],
  };
}
