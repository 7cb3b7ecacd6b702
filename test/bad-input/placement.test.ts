// Clusters placed where they cannot live, on both clouds: without a Network, beside a network of
// another stack or app (cdktf would report a circular dependency), or given gateways their model
// has no use for (MODEL-010).
import { TerraformStack, Testing } from 'cdktf';
import { Archipelago, Egress, FlatCluster, Ingress, IsolatedCluster, Network } from '../../lib';
import { withProvider } from '../support';
import { cloudOf, refuses } from './support';

describe('a cluster and its network', () => {
  refuses([
    ['no network', ({ stack }) => new FlatCluster(stack, 'x', {} as { network: Network }),
      { id: 'INPUT-002', says: ['[corp/x]', 'network is required', 'network: myNetwork'] }],
    ['a network\'s cidr for a Network', ({ stack }) => new FlatCluster(stack, 'x', { network: '10.0.0.0/8' as unknown as Network }),
      { id: 'INPUT-002', says: ['[corp/x]', 'network is required'] }],
    ['an archipelago without a network', ({ stack }) => new Archipelago(stack, 'east', {} as { network: Network }),
      { id: 'INPUT-002', says: ['[corp/east]', 'network is required'] }],
    ['a cluster in another stack', ({ app, network, cloud }) => {
      const other = new TerraformStack(app, 'team');
      withProvider(other, cloudOf(cloud));
      new FlatCluster(other, 'x', { network });
    }, { id: 'INPUT-005', says: ['[team/x]', 'network corp/main is in stack corp', 'this cluster in stack team', 'circular dependency'] }],
    ['an archipelago in another stack', ({ app, network }) => new Archipelago(new TerraformStack(app, 'team'), 'east', { network }),
      { id: 'INPUT-005', says: ['[team/east]', 'network corp/main is in stack corp', 'this archipelago in stack team'] }],
    ['a cluster in another app', ({ network }) => new IsolatedCluster(new TerraformStack(Testing.app(), 'lab'), 'x', { network }),
      { id: 'INPUT-005', says: ['[lab/x]', 'network corp/main belongs to another App'] }],
    ['a flat cluster with ingress', ({ stack, network }) => new FlatCluster(stack, 'x', { network, ingress: [Ingress.nodePort()] } as never),
      { id: 'MODEL-010', says: ['[corp/x]', 'remove ingress and egress', 'IslandCluster'] }],
    ['an isolated cluster with egress', ({ stack, network }) => new IsolatedCluster(stack, 'x', { network, egress: Egress.nat() } as never),
      { id: 'MODEL-010', says: ['[corp/x]', 'remove ingress and egress', 'exposeApiEndpoint'] }],
  ]);
});
