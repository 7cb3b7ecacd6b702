// One test per slide of "Kubernetes and networks" (seeds/), network-models section,
// with the talk's own addresses: Network 10.0.0.0/8, Other 10.128.1.1, nodes 10.240.0.x.
import { Archipelago, FlatCluster, Ingress, IslandCluster, IsolatedCluster, NetworkProps } from '../../lib';
import { estate, synthError } from '../support';

const other: Partial<NetworkProps> = { reserved: [{ cidr: '10.128.1.1/32', name: 'other' }] };

test('a "normal" cluster: Cluster 10.0.0.0/16 in Network 10.0.0.0/8, nodes 10.240.0.1-2', () => {
  const { stack, network } = estate();
  const cluster = new FlatCluster(stack, 'cluster', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
  expect(cluster.maxNodes).toBe(252);
  expect(synthError(stack)).toBe('');
});

test('flat: clusters on 10.0.0.0/16 and 10.1.0.0/16 beside Other 10.128.1.1 are accepted', () => {
  const { stack } = estate(other);
  const network = stack.node.findChild('main') as never;
  new FlatCluster(stack, 'a', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
  new FlatCluster(stack, 'b', { network, podCidr: '10.1.0.0/16', nodeCidr: '10.240.1.0/24' });
  expect(synthError(stack)).toBe('');
});

test('flat: two clusters both on 10.0.0.0/16 are rejected', () => {
  const { stack, network } = estate(other);
  new FlatCluster(stack, 'a', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
  new FlatCluster(stack, 'b', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.1.0/24' });
  expect(synthError(stack)).toContain(
    '[corp/b] MODEL-001: pod range 10.0.0.0/16 of corp/b overlaps pod range 10.0.0.0/16 of corp/a; flat pod ranges must be unique in the main network — pin podCidr elsewhere or shrink it',
  );
});

test('isolated: two clusters on the same ranges are accepted ("you can re-use all of the IPs")', () => {
  const { stack, network } = estate(other);
  const a = new IsolatedCluster(stack, 'a', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
  const b = new IsolatedCluster(stack, 'b', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
  network.planNow();
  expect(b.serviceCidr).toBe(a.serviceCidr);
  expect(synthError(stack)).toBe('');
});

test('island: two islands reuse pods 10.0.0.0/16 in the hole; nodes come from the main network', () => {
  const { stack, network } = estate({ ...other, islandCidr: '10.0.0.0/14' });
  const gateways = [Ingress.nodePort({ sourceRanges: ['10.128.1.1/32'] }), Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()];
  const a = new IslandCluster(stack, 'a', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', ingress: gateways });
  const b = new IslandCluster(stack, 'b', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.1.0/24' });
  expect(network.holeCidr).toBe('10.0.0.0/14');
  network.planNow();
  expect(b.serviceCidr).toBe(a.serviceCidr);
  // The proxy subnet is routable, so it is planned outside the hole.
  expect(a.proxySubnetCidrs).toEqual(['10.4.0.0/23']);
  expect(synthError(stack)).toBe('');
});

test('island: pods in the main network outside the hole are rejected', () => {
  const { stack, network } = estate({ ...other, islandCidr: '10.0.0.0/14' });
  new IslandCluster(stack, 'a', { network, podCidr: '10.128.0.0/16', nodeCidr: '10.240.0.0/24' });
  expect(synthError(stack)).toContain(
    '[corp/a] MODEL-002: pod range 10.128.0.0/16 of corp/a overlaps the main network 10.0.0.0/8 outside its hole 10.0.0.0/14; a pod could not tell an Other host from its neighbour — pin it inside the hole 10.0.0.0/14 (islandCidr)',
  );
});

test('archipelagos: A and B both reuse pods 10.0.0.0/14, members flat inside, nodes in the main network', () => {
  const { stack, network } = estate({ ...other, islandCidr: '10.0.0.0/14' });
  const a = new Archipelago(stack, 'archipelago-a', { network, podCidr: '10.0.0.0/14' });
  const b = new Archipelago(stack, 'archipelago-b', { network, podCidr: '10.0.0.0/14' });
  const clusters = [a.addCluster('cluster-a'), a.addCluster('cluster-c'), b.addCluster('cluster-b'), b.addCluster('cluster-d')];
  network.planNow();
  expect(clusters.map((c) => c.podCidr)).toEqual(['10.0.0.0/16', '10.2.0.0/16', '10.0.0.0/16', '10.2.0.0/16']);
  expect(clusters.map((c) => c.nodeCidr)).toEqual(['10.4.0.0/24', '10.4.1.0/24', '10.4.2.0/24', '10.4.3.0/24']);
  expect(synthError(stack)).toBe('');
});

test('archipelago: overlapping members are rejected', () => {
  const { stack, network } = estate({ ...other, islandCidr: '10.0.0.0/14' });
  const a = new Archipelago(stack, 'archipelago-a', { network, podCidr: '10.0.0.0/14' });
  a.addCluster('cluster-a', { podCidr: '10.0.0.0/16' });
  a.addCluster('cluster-c', { podCidr: '10.0.0.0/16' });
  expect(synthError(stack)).toContain(
    '[corp/archipelago-a/cluster-c] MODEL-004: pod range 10.0.0.0/16 of corp/archipelago-a/cluster-c overlaps pod range 10.0.0.0/16 of corp/archipelago-a/cluster-a inside archipelago corp/archipelago-a; members are flat among themselves, so their ranges must be disjoint — pin podCidr elsewhere in 10.0.0.0/14',
  );
});
