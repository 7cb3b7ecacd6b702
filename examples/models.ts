// One small program per model, on each cloud: the same code, a different Cloud.
// Each is its own estate (a demo of its own), so they may all use 10.0.0.0/8.
import { App, TerraformStack } from 'cdktf';
import { Archipelago, ICloud, Egress, FlatCluster, Ingress, IslandCluster, IsolatedCluster, Network } from '../lib';
import { cloudStack } from './stack';

/** A network of its own for one example. */
function network(stack: TerraformStack, cloud: ICloud, planFile: string): Network {
  return new Network(stack, 'main', {
    cidr: '10.0.0.0/8',
    cloud,
    reserved: [{ cidr: '10.128.0.0/16', name: 'other' }], // hosts that already exist
    // The same network on both clouds: each cloud's planner keeps out of what that cloud refuses.
    estate: stack.node.id,
    planFile,
  });
}

/** Flat: pods routable everywhere, one unique pod range per cluster. */
export function flatExample(app: App, id: string, cloud: ICloud, planFile: string): TerraformStack {
  const stack = cloudStack(app, id, cloud);
  const main = network(stack, cloud, planFile);
  new FlatCluster(stack, 'prod', { network: main, maxNodes: 250 }); // /24 nodes, /16 pods, /20 services
  new FlatCluster(stack, 'staging', { network: main, maxNodes: 50, maxPodsPerNode: 32 }); // /26 per node
  return stack;
}

/** Isolated: nothing crosses the edge, so both clusters use the very same ranges. */
export function isolatedExample(app: App, id: string, cloud: ICloud, planFile: string): TerraformStack {
  const stack = cloudStack(app, id, cloud);
  const main = network(stack, cloud, planFile);
  new IsolatedCluster(stack, 'vault', { network: main, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16' });
  new IsolatedCluster(stack, 'build', { network: main, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16', exposeApiEndpoint: true });
  return stack;
}

/** Island: routable nodes, private pods reused by every island, gateways at the edge. */
export function islandExample(app: App, id: string, cloud: ICloud, planFile: string): TerraformStack {
  const stack = cloudStack(app, id, cloud);
  const main = network(stack, cloud, planFile);
  new IslandCluster(stack, 'batch', {
    network: main,
    maxNodes: 100,
    ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16'] }), Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()],
    egress: Egress.masquerade(), // pods leave as their node
  });
  new IslandCluster(stack, 'ml', { network: main, maxNodes: 100, egress: Egress.nat() }); // same pod range as batch
  return stack;
}

/** Archipelago: members flat among themselves inside one super-range, an island to the rest. */
export function archipelagoExample(app: App, id: string, cloud: ICloud, planFile: string): TerraformStack {
  const stack = cloudStack(app, id, cloud);
  const main = network(stack, cloud, planFile);
  const east = new Archipelago(stack, 'east', { network: main, ingress: [Ingress.loadBalancer({ ports: [443] })] });
  east.addCluster('a', { maxNodes: 100 });
  east.addCluster('b', { maxNodes: 100, egress: Egress.nat() });
  const west = new Archipelago(stack, 'west', { network: main }); // reuses east's super-range
  west.addCluster('c', { maxNodes: 100 });
  return stack;
}
