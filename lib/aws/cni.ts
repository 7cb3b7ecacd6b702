import { AwsCniSettings, AwsEniConfig, AwsSubnet } from './resources';

/** The node label the VPC CNI picks a node's ENIConfig by: its zone. */
export const ENI_CONFIG_LABEL = 'topology.kubernetes.io/zone';

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
