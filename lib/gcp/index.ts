// The GCP layer: renders the model into @cdktf/provider-google resources (deep imports
// only) and checks the GCP-* rules. Loading it registers both with the model.
import { CloudProvider } from '../model/cloud';
import { registerRenderer } from '../model/renderer';
import { registerCloudRules } from '../policy/catalog';
import { GcpRenderer } from './renderer';
import { GCP_RULES } from './rules';

registerRenderer(CloudProvider.GCP, new GcpRenderer());
registerCloudRules(CloudProvider.GCP, GCP_RULES);

export { GcpResources, GcpClusterResources, GcpNetworkResources } from './resources';
