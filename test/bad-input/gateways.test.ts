// Gateways written wrong: the factories refuse what is no gateway where it is written, and an
// island, archipelago or flat cluster refuses what no factory made (JavaScript, other jsii
// languages); a NodePort open to the internet fails synth without a suppression (MODEL-011).
import { Archipelago, Egress, FlatCluster, Ingress, IslandCluster, PodRouting } from '../../lib';
import { refuses, refusesCall } from './support';

describe('Ingress and Egress factories', () => {
  refusesCall([
    ['nodePort sourceRanges [\'not-a-cidr\']', () => Ingress.nodePort({ sourceRanges: ['not-a-cidr'] }),
      { factory: 'Ingress.nodePort', id: 'INPUT-001', says: ['sourceRanges', '"not-a-cidr"', 'is not a CIDR'] }],
    ['nodePort sourceRanges [\'10.0.0.1/8\']', () => Ingress.nodePort({ sourceRanges: ['10.0.0.1/8'] }),
      { factory: 'Ingress.nodePort', id: 'INPUT-001', says: ['sourceRanges', '10.0.0.1/8', 'did you mean 10.0.0.0/8'] }],
    ['nodePort sourceRanges []', () => Ingress.nodePort({ sourceRanges: [] }),
      { factory: 'Ingress.nodePort', id: 'INPUT-002', says: ['sourceRanges []', 'non-empty list'] }],
    ['nodePort sourceRanges a string, not a list', () => Ingress.nodePort({ sourceRanges: '10.0.0.0/8' as unknown as string[] }),
      { factory: 'Ingress.nodePort', id: 'INPUT-002', says: ['sourceRanges "10.0.0.0/8"', 'list'] }],
    ['nodePort sourceRanges [\'10.0.0.0/40\']', () => Ingress.nodePort({ sourceRanges: ['10.0.0.0/40'] }),
      { factory: 'Ingress.nodePort', id: 'INPUT-001', says: ['sourceRanges', '10.0.0.0/40'] }],
    ['loadBalancer ports []', () => Ingress.loadBalancer({ ports: [] }),
      { factory: 'Ingress.loadBalancer', id: 'INPUT-002', says: ['ports []', 'from 1 to 65535'] }],
    ['loadBalancer ports [0]', () => Ingress.loadBalancer({ ports: [0] }),
      { factory: 'Ingress.loadBalancer', id: 'INPUT-002', says: ['ports [0]', 'from 1 to 65535'] }],
    ['loadBalancer ports [65536]', () => Ingress.loadBalancer({ ports: [65536] }),
      { factory: 'Ingress.loadBalancer', id: 'INPUT-002', says: ['ports [65536]', 'from 1 to 65535'] }],
    ['loadBalancer ports [443.5]', () => Ingress.loadBalancer({ ports: [443.5] }),
      { factory: 'Ingress.loadBalancer', id: 'INPUT-002', says: ['ports [443.5]', 'TCP ports'] }],
    ['loadBalancer ports [\'443\']', () => Ingress.loadBalancer({ ports: ['443'] as unknown as number[] }),
      { factory: 'Ingress.loadBalancer', id: 'INPUT-002', says: ['ports ["443"]', '"443" is a string, not a number'] }],
    ['loadBalancer without props', () => Ingress.loadBalancer(undefined as unknown as { ports: number[] }),
      { factory: 'Ingress.loadBalancer', id: 'INPUT-002', says: ['ports undefined', 'e.g. { ports: [443] }'] }],
    ['proxy subnetMaskSize 28', () => Ingress.proxy({ subnetMaskSize: 28 }),
      { factory: 'Ingress.proxy', id: 'INPUT-002', says: ['subnetMaskSize 28', 'from 8 to 27'] }],
    ['proxy subnetMaskSize 7', () => Ingress.proxy({ subnetMaskSize: 7 }),
      { factory: 'Ingress.proxy', id: 'INPUT-002', says: ['subnetMaskSize 7', 'from 8 to 27'] }],
    ['proxy subnetMaskSize 24.5', () => Ingress.proxy({ subnetMaskSize: 24.5 }),
      { factory: 'Ingress.proxy', id: 'INPUT-002', says: ['subnetMaskSize 24.5', 'whole prefix length'] }],
  ]);
});

describe('gateways no factory made', () => {
  refuses([
    ['island egress \'nat\'', ({ stack, network }) => new IslandCluster(stack, 'x', { network, egress: 'nat' as unknown as Egress }),
      { id: 'INPUT-002', says: ['[corp/x]', 'egress "nat"', 'Egress.masquerade() or Egress.nat()'] }],
    ['island egress { kind: \'NAT\' }', ({ stack, network }) => new IslandCluster(stack, 'x', { network, egress: { kind: 'NAT' } as unknown as Egress }),
      { id: 'INPUT-002', says: ['[corp/x]', 'egress {"kind":"NAT"}', 'Egress.masquerade() or Egress.nat()'] }],
    ['island ingress a forged NodePort', ({ stack, network }) => new IslandCluster(stack, 'x', { network, ingress: [{ kind: 'NODE_PORT', ports: [] } as unknown as Ingress] }),
      { id: 'INPUT-002', says: ['[corp/x]', 'ingress [{"kind":"NODE_PORT","ports":[]}]', 'Ingress.nodePort()'] }],
    ['island ingress one gateway, not a list', ({ stack, network }) => new IslandCluster(stack, 'x', { network, ingress: Ingress.nodePort() as unknown as Ingress[] }),
      { id: 'INPUT-002', says: ['[corp/x]', 'ingress', 'must be a list of gateways'] }],
    ['archipelago egress \'nat\'', ({ stack, network }) => new Archipelago(stack, 'east', { network, egress: 'nat' as unknown as Egress }),
      { id: 'INPUT-002', says: ['[corp/east]', 'egress "nat"', 'Egress.masquerade() or Egress.nat()'] }],
    ['archipelago member ingress \'lb\'', ({ stack, network }) => new Archipelago(stack, 'east', { network }).addCluster('a', { ingress: 'lb' as unknown as Ingress[] }),
      { id: 'INPUT-002', says: ['[corp/east/a]', 'ingress "lb"', 'must be a list of gateways'] }],
    ['flat podRouting \'BGP\'', ({ stack, network }) => new FlatCluster(stack, 'x', { network, podRouting: 'BGP' as PodRouting }),
      { id: 'INPUT-002', says: ['[corp/x]', 'podRouting "BGP"', 'PodRouting.VPC_NATIVE, PodRouting.ROUTES'] }],
    ['flat podRouting \'vpc_native\' (lower case)', ({ stack, network }) => new FlatCluster(stack, 'x', { network, podRouting: 'vpc_native' as PodRouting }),
      { id: 'INPUT-002', says: ['[corp/x]', 'podRouting "vpc_native"', 'PodRouting.VPC_NATIVE'] }],
  ]);
});

describe('a NodePort open to the internet, without a suppression (synth)', () => {
  refuses([
    ['sourceRanges [\'0.0.0.0/0\']', ({ stack, network }) => new IslandCluster(stack, 'x', { network, ingress: [Ingress.nodePort({ sourceRanges: ['0.0.0.0/0'] })] }),
      { id: 'MODEL-011', says: ['[corp/x]', 'NodePort ingress of corp/x', '0.0.0.0/0'] }],
    ['a public range beside a private one', ({ stack, network }) => new IslandCluster(stack, 'x', { network, ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16', '8.8.8.0/24'] })] }),
      { id: 'MODEL-011', says: ['[corp/x]', '8.8.8.0/24'] }],
  ]);
});

describe('PodRouting.ROUTES on AWS', () => {
  refuses([
    ['a flat cluster with routes', ({ stack, network }) => new FlatCluster(stack, 'x', { network, podRouting: PodRouting.ROUTES }),
      { id: 'INPUT-002', says: ['[corp/x]', 'podRouting ROUTES', 'PodRouting.VPC_NATIVE'] }],
  ], ['aws']);
});
