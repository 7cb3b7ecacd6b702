// One stack per picture of "Kubernetes and networks" (shared/seeds), with the talk's own
// addresses: Network 10.0.0.0/8, Other 10.128.1.1, nodes 10.240.0.x. Each picture is an
// estate of its own: they are alternatives, not one network.
import { App, TerraformStack } from 'cdktf';
import { Archipelago, Cloud, FlatCluster, Ingress, IslandCluster, IsolatedCluster, Network } from '../lib';
import { cloudStack } from './stack';

const OTHER = { cidr: '10.128.1.1/32', name: 'other' };

function picture(app: App, id: string, planFile: string, islandCidr?: string): { stack: TerraformStack; network: Network } {
  const cloud = Cloud.gcp({ region: 'us-central1' });
  const stack = cloudStack(app, id, cloud);
  const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud, reserved: [OTHER], islandCidr, estate: id, planFile });
  return { stack, network };
}

/** Every picture, as stacks of `app`. */
export function talkExamples(app: App, planFile: string): TerraformStack[] {
  // Flat: clusters on 10.0.0.0/16 and 10.1.0.0/16; every pod routable, nothing reused.
  const flat = picture(app, 'talk-flat', planFile);
  new FlatCluster(flat.stack, 'cluster-a', { network: flat.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
  new FlatCluster(flat.stack, 'cluster-b', { network: flat.network, podCidr: '10.1.0.0/16', nodeCidr: '10.240.1.0/24' });

  // Isolated: both clusters on the same ranges ("you can re-use all of the IPs").
  const isolated = picture(app, 'talk-isolated', planFile);
  new IsolatedCluster(isolated.stack, 'cluster-a', { network: isolated.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
  new IsolatedCluster(isolated.stack, 'cluster-b', { network: isolated.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });

  // Island: pods reuse 10.0.0.0/16 in the hole 10.0.0.0/14; nodes have a leg in the main network.
  const island = picture(app, 'talk-island', planFile, '10.0.0.0/14');
  const gateways = [Ingress.nodePort({ sourceRanges: ['10.128.1.1/32'] }), Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()];
  new IslandCluster(island.stack, 'cluster-a', { network: island.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', ingress: gateways });
  new IslandCluster(island.stack, 'cluster-b', { network: island.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.1.0/24', ingress: gateways });

  // Archipelagos: A and B both reuse pods 10.0.0.0/14; their clusters are flat inside.
  const archipelagos = picture(app, 'talk-archipelago', planFile, '10.0.0.0/14');
  const a = new Archipelago(archipelagos.stack, 'archipelago-a', { network: archipelagos.network, podCidr: '10.0.0.0/14' });
  const b = new Archipelago(archipelagos.stack, 'archipelago-b', { network: archipelagos.network, podCidr: '10.0.0.0/14' });
  a.addCluster('cluster-a', { nodeCidr: '10.240.0.0/24' });
  a.addCluster('cluster-c', { nodeCidr: '10.240.2.0/24' });
  b.addCluster('cluster-b', { nodeCidr: '10.240.1.0/24' });
  b.addCluster('cluster-d', { nodeCidr: '10.240.3.0/24' });

  return [flat.stack, isolated.stack, island.stack, archipelagos.stack];
}
