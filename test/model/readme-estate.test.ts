// The README's usage estate, unchanged on both clouds: what the cloud refuses, the planner
// never proposes, so it synthesizes with no violation at all on GCP and on AWS.
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { Archipelago, Cloud, Egress, FlatCluster, ICloud, Ingress, IslandCluster, IsolatedCluster } from '../../lib';
import { estate, synthError } from '../support';

/** The estate of the README's Usage section, on `cloud` (the README's own lines are checked below). */
function usage(cloud: ICloud) {
  const { stack, network } = estate({
    cidr: '10.0.0.0/8',
    cloud,
    reserved: [{ cidr: '10.128.0.0/16', name: 'other' }],
    islandCidr: '100.64.0.0/10',
  }, 'corp', Testing.app());
  const prod = new FlatCluster(stack, 'prod', { network, maxNodes: 250, maxPodsPerNode: 110 });
  new IslandCluster(stack, 'batch', {
    network, maxNodes: 100,
    ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16'] }), Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()],
    egress: Egress.masquerade(),
  });
  const east = new Archipelago(stack, 'east', { network, podCidr: '100.64.0.0/14' });
  east.addCluster('a', { maxNodes: 50 });
  new IsolatedCluster(stack, 'vault', { network, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16' });
  return { stack, network, prod };
}

test('the README shows this estate', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  for (const line of [
    "cidr: '10.0.0.0/8',",
    "cloud: Cloud.gcp({ region: 'us-central1' }),            // or Cloud.aws({ region, availabilityZones })",
    "reserved: [{ cidr: '10.128.0.0/16', name: 'other' }],",
    "const prod = new FlatCluster(stack, 'prod', { network, maxNodes: 250, maxPodsPerNode: 110 });",
    "ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16'] }), Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()],",
    "const east = new Archipelago(stack, 'east', { network, podCidr: '100.64.0.0/14' });",
    "east.addCluster('a', { maxNodes: 50 });",
    "new IsolatedCluster(stack, 'vault', { network, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16' });",
  ]) expect(readme).toContain(line);
});

test('on GCP the README\'s reads: a token first, then \'10.0.0.0/16\' once planned on purpose', () => {
  const { network, prod } = usage(Cloud.gcp({ region: 'us-central1' }));
  expect(prod.podCidr).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  network.planNow();
  expect(prod.podCidr).toBe('10.0.0.0/16');
  expect(prod.kubeControllerManagerArgs.slice(0, 2)).toEqual(['--allocate-node-cidrs=true', '--cluster-cidr=10.0.0.0/16']);
});

test.each([
  ['GCP', Cloud.gcp({ region: 'us-central1' })],
  ['AWS', Cloud.aws({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] })],
])('on %s it synthesizes with no violation', (_name, cloud) => {
  const { stack, network } = usage(cloud);
  expect(network.violations()).toEqual([]);
  expect(synthError(stack)).toBe('');
});
