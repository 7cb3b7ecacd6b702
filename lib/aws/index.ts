// The AWS layer: renders the model into @cdktf/provider-aws resources (deep imports only)
// and checks the AWS-* rules. Loading it registers both with the model.
import { CloudProvider } from '../model/cloud';
import { registerRenderer } from '../model/renderer';
import { registerCloudRules } from '../policy/catalog';
import { AwsRenderer } from './renderer';
import { AWS_RULES } from './rules';

registerRenderer(CloudProvider.AWS, new AwsRenderer());
registerCloudRules(CloudProvider.AWS, AWS_RULES);

export { AwsOptions, AwsOptionsProps, AwsNatGateways } from './options';
export {
  AwsResources, AwsNetworkResources, AwsVpcResources, AwsArchipelagoResources, AwsClusterResources,
  AwsSubnet, AwsSubnetRole, AwsNatGateway, AwsNatConnectivity, AwsRouteTable, AwsRouteTableRole,
  AwsEniConfig, AwsCniSettings,
} from './resources';
