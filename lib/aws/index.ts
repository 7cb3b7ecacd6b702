// The AWS layer: renders the model into @cdktf/provider-aws resources (deep imports only),
// plans what AWS builds beyond each cluster's ranges (AwsProfile), and holds the AWS-* rules.
// An AwsCloud object (Cloud.aws()) carries all three to the model.
export { AwsCloudProps } from './cloud';
export { AwsNatGateways } from './nat-gateways';
export {
  AwsResources, AwsNetworkResources, AwsVpcResources, AwsArchipelagoResources, AwsClusterResources, AwsLinkResources,
  AwsSubnet, AwsSubnetRole, AwsNatGateway, AwsNatConnectivity, AwsRouteTable, AwsRouteTableRole,
  AwsEniConfig, AwsCniSettings,
} from './resources';
