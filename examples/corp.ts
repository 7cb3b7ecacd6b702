// The DESIGN contract on GCP: a flat cluster, an island with every gateway, an archipelago
// and an isolated cluster in one main network. The decided ranges are stack outputs.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Archipelago, Cloud, Egress, FlatCluster, Ingress, IslandCluster, IsolatedCluster, Network } from '../lib';

/** Builds the `corp` stack into `app`; the plan is recorded in `planFile`. */
export function corpExample(app: App, planFile: string): TerraformStack {
  const stack = new TerraformStack(app, 'corp');
  new GoogleProvider(stack, 'google', { project: 'acme', region: 'us-central1' });

  const network = new Network(stack, 'main', {
    cidr: '10.0.0.0/8',
    cloud: Cloud.gcp({ region: 'us-central1' }),
    reserved: [{ cidr: '10.128.0.0/16', name: 'other' }], // hosts that already exist ("Other")
    planFile,
  });

  const prod = new FlatCluster(stack, 'prod', { network, maxNodes: 250, maxPodsPerNode: 110, maxServices: 4094 });
  const batch = new IslandCluster(stack, 'batch', {
    network,
    maxNodes: 100,
    ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16'] }), Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()],
    egress: Egress.masquerade(),
  });
  const east = new Archipelago(stack, 'east', { network, podCidr: '100.64.0.0/14' });
  const a = east.addCluster('a', { maxNodes: 50 });
  const vault = new IsolatedCluster(stack, 'vault', { network, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16' });

  // What was decided, for the kube-controller-manager / GKE settings of each cluster.
  for (const cluster of [prod, batch, a, vault]) {
    new TerraformOutput(stack, `${cluster.node.id}-plan`, {
      value: {
        model: cluster.model,
        nodeCidr: cluster.nodeCidr,
        podCidr: cluster.podCidr,
        serviceCidr: cluster.serviceCidr,
        dnsServiceIp: cluster.dnsServiceIp,
        kubeControllerManagerArgs: cluster.kubeControllerManagerArgs,
      },
    });
  }
  return stack;
}
