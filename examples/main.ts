// The example estate, synthesized offline by `npx cdktf synth` (no cloud credentials needed).
// Until the model constructs land, it plans one GKE-ready subnet with the address layer.
import { App, TerraformStack } from 'cdktf';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { AddressPool, CLOUD_RESERVED_ADDRESSES, nodeMaskForMaxPods, podPrefixForMaxNodes, prefixForAddresses, servicePrefixForMaxServices } from '../lib/ipam';

const app = new App();
const stack = new TerraformStack(app, 'corp');
new GoogleProvider(stack, 'google', { project: 'acme', region: 'us-central1' });

// Plan a flat cluster of 250 nodes x 110 pods with 4096 services in 10.0.0.0/8, around "Other".
const pool = new AddressPool('10.0.0.0/8', { name: 'main' });
pool.reserve('10.128.0.0/16', 'other');
const nodeMask = nodeMaskForMaxPods(110);
const nodes = pool.allocate(prefixForAddresses(250, CLOUD_RESERVED_ADDRESSES.gcp), 'corp/prod/nodes');
const pods = pool.allocate(podPrefixForMaxNodes(250, nodeMask), 'corp/prod/pods');
const services = pool.allocate(servicePrefixForMaxServices(4096), 'corp/prod/services');

const network = new ComputeNetwork(stack, 'main', { name: 'main', autoCreateSubnetworks: false });
new ComputeSubnetwork(stack, 'prod', {
  name: 'prod',
  network: network.id,
  region: 'us-central1',
  ipCidrRange: nodes.toString(),
  privateIpGoogleAccess: true,
  secondaryIpRange: [
    { rangeName: 'prod-pods', ipCidrRange: pods.toString() },
    { rangeName: 'prod-services', ipCidrRange: services.toString() },
  ],
});

app.synth();
