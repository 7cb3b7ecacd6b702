// IPv6 props written wrong (INPUT-006), on the clouds they apply to: refused where they are
// written, naming the prop, the value and the fix; nothing synthesized, no plan file.
import { Archipelago, FlatCluster, Ingress, IpFamily, Ipv6AccessType, IslandCluster, IsolatedCluster, NetworkProps } from '../../lib';
import { ArchipelagoClusterProps } from '../../lib/model/archipelago';
import { BadEstate, CloudName, CLOUDS, expectRefusal, refusedMessage, Refusal, refusesNetwork } from './support';

type Write = (e: BadEstate) => void;
type Row = [title: string, network: Partial<NetworkProps>, write: Write, refusal: Refusal];

/** Each case on each of `clouds`, in a network with `network`'s props (ipv6 and the like). */
function refusesIn(rows: Row[], clouds: CloudName[] = CLOUDS): void {
  const cases = clouds.flatMap((cloud) => rows.map(([title, network, write, refusal]) => [cloud, title, network, write, refusal] as const));
  test.each(cases)('%s: %s', (cloud, _title, network, write, refusal) => {
    expectRefusal(refusedMessage(cloud, write, { network }), refusal);
  });
}

const IPV6: Partial<NetworkProps> = { ipv6: true };
const flat = (props: Record<string, unknown>): Write => ({ stack, network }) => {
  new FlatCluster(stack, 'x', { network, ...props });
};

describe('a cluster\'s ipFamily needs IPv6 in its network', () => {
  refusesIn([
    ['DUAL_STACK, ipv6 left out', {}, flat({ ipFamily: IpFamily.DUAL_STACK }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipFamily DUAL_STACK needs IPv6 in the network', 'network corp/main has ipv6 off', 'set ipv6: true on the Network, or leave ipFamily out'] }],
    ['IPV6, ipv6: false', { ipv6: false }, flat({ ipFamily: IpFamily.IPV6 }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipFamily IPV6 needs IPv6 in the network', 'network corp/main has ipv6 off', 'set ipv6: true on the Network'] }],
    ['DUAL_STACK on an island, ipv6 left out', {}, ({ stack, network }) => new IslandCluster(stack, 'x', { network, ipFamily: IpFamily.DUAL_STACK }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipFamily DUAL_STACK', 'network corp/main has ipv6 off', 'set ipv6: true'] }],
  ]);
});

describe('values that are not of the enums', () => {
  refusesIn([
    ['ipFamily \'v6\'', IPV6, flat({ ipFamily: 'v6' }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipFamily "v6" is not one of IpFamily.IPV4, IpFamily.DUAL_STACK, IpFamily.IPV6'] }],
    ['ipFamily 6', IPV6, flat({ ipFamily: 6 }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipFamily 6 is a number, not one of IpFamily.IPV4, IpFamily.DUAL_STACK, IpFamily.IPV6'] }],
    ['ipFamily \'ipv6\' (lower case)', IPV6, flat({ ipFamily: 'ipv6' }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipFamily "ipv6" is not one of IpFamily.IPV4'] }],
    ['ipFamily null', IPV6, flat({ ipFamily: null }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipFamily null is null, not one of IpFamily.IPV4'] }],
    ['ipv6AccessType 7', IPV6, flat({ ipFamily: IpFamily.DUAL_STACK, ipv6AccessType: 7 }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipv6AccessType 7 is a number, not one of Ipv6AccessType.INTERNAL, Ipv6AccessType.EXTERNAL'] }],
    ['ipv6AccessType \'PUBLIC\'', IPV6, flat({ ipFamily: IpFamily.DUAL_STACK, ipv6AccessType: 'PUBLIC' }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipv6AccessType "PUBLIC" is not one of Ipv6AccessType.INTERNAL, Ipv6AccessType.EXTERNAL'] }],
  ]);
});

describe('IPV6 (no IPv4 pods) only where pods have nothing to reuse', () => {
  const member = (props: Record<string, unknown>): Write => ({ stack, network }) => {
    new Archipelago(stack, 'east', { network }).addCluster('a', props as ArchipelagoClusterProps);
  };
  refusesIn([
    ['an IslandCluster', IPV6, ({ stack, network }) => new IslandCluster(stack, 'x', { network, ipFamily: IpFamily.IPV6 }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipFamily IPV6 on an island', 'no private range to reuse', 'use a FlatCluster with IpFamily.IPV6, or IpFamily.DUAL_STACK'] }],
    ['an archipelago member', IPV6, member({ ipFamily: IpFamily.IPV6 }),
      { id: 'INPUT-006', says: ['[corp/east/a]', 'ipFamily IPV6 on an archipelago member', 'use a FlatCluster with IpFamily.IPV6, or IpFamily.DUAL_STACK'] }],
  ]);
  refusesIn([
    ['a flat cluster on GCP', IPV6, flat({ ipFamily: IpFamily.IPV6 }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipFamily IPV6 is not available on GCP', 'GKE has no IPv6-only clusters', 'use IpFamily.DUAL_STACK'] }],
    ['an isolated cluster on GCP', IPV6, ({ stack, network }) => new IsolatedCluster(stack, 'x', { network, ipFamily: IpFamily.IPV6 }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipFamily IPV6 is not available on GCP', 'use IpFamily.DUAL_STACK'] }],
  ], ['gcp']);
});

describe('an IPV6 cluster has no IPv4 pod or service range to pin', () => {
  refusesIn([
    ['podCidr on a flat cluster', IPV6, flat({ ipFamily: IpFamily.IPV6, podCidr: '10.0.0.0/16' }),
      { id: 'INPUT-006', says: ['[corp/x]', 'podCidr "10.0.0.0/16" is given but ipFamily is IPV6', 'no IPv4 pod range is planned', 'remove podCidr, or use IpFamily.DUAL_STACK'] }],
    ['serviceCidr on a flat cluster', IPV6, flat({ ipFamily: IpFamily.IPV6, serviceCidr: '10.1.0.0/20' }),
      { id: 'INPUT-006', says: ['[corp/x]', 'serviceCidr "10.1.0.0/20" is given but ipFamily is IPV6', 'no IPv4 service range is planned', 'remove serviceCidr, or use IpFamily.DUAL_STACK'] }],
    ['serviceCidr on an isolated cluster', IPV6, ({ stack, network }) => new IsolatedCluster(stack, 'x', { network, ipFamily: IpFamily.IPV6, serviceCidr: '10.1.0.0/20' }),
      { id: 'INPUT-006', says: ['[corp/x]', 'serviceCidr "10.1.0.0/20" is given but ipFamily is IPV6', 'remove serviceCidr'] }],
  ], ['aws']);
});

describe('ipv6AccessType: GCP dual-stack clusters only', () => {
  refusesIn([
    ['ipv6AccessType with ipFamily left out', IPV6, flat({ ipv6AccessType: Ipv6AccessType.EXTERNAL }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipv6AccessType EXTERNAL is given but ipFamily is IPV4', 'set ipFamily: IpFamily.DUAL_STACK, or remove ipv6AccessType'] }],
    ['ipv6AccessType with ipFamily IPV4', IPV6, flat({ ipFamily: IpFamily.IPV4, ipv6AccessType: Ipv6AccessType.INTERNAL }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipv6AccessType INTERNAL is given but ipFamily is IPV4', 'set ipFamily: IpFamily.DUAL_STACK'] }],
  ], ['gcp']);
  refusesIn([
    ['ipv6AccessType on a dual-stack cluster', IPV6, flat({ ipFamily: IpFamily.DUAL_STACK, ipv6AccessType: Ipv6AccessType.EXTERNAL }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipv6AccessType EXTERNAL is a GCP subnet setting', 'remove ipv6AccessType'] }],
    ['ipv6AccessType on an IPv4 cluster', {}, flat({ ipv6AccessType: Ipv6AccessType.INTERNAL }),
      { id: 'INPUT-006', says: ['[corp/x]', 'ipv6AccessType INTERNAL is a GCP subnet setting', 'remove ipv6AccessType'] }],
  ], ['aws']);
});

describe('the network\'s ipv6 and ipv6IpamPoolId', () => {
  refusesNetwork([
    ['ipv6 \'yes\'', { ipv6: 'yes' }, { id: 'INPUT-006', says: ['[corp/main]', 'ipv6 "yes" is a string, not a boolean', 'write ipv6: true, or leave it out'] }],
    ['ipv6 1', { ipv6: 1 }, { id: 'INPUT-006', says: ['[corp/main]', 'ipv6 1 is a number, not a boolean', 'write ipv6: true'] }],
    ['ipv6 null', { ipv6: null }, { id: 'INPUT-006', says: ['[corp/main]', 'ipv6 null is null, not a boolean'] }],
    ['ipv6IpamPoolId malformed', { ipv6: true, ipv6IpamPoolId: 'pool-0123' },
      { id: 'INPUT-006', says: ['[corp/main]', 'ipv6IpamPoolId "pool-0123" is not an IPAM pool id', 'give the id of an IPv6 IPAM pool, e.g. \'ipam-pool-0123456789abcdef0\''] }],
    ['ipv6IpamPoolId upper-case hex', { ipv6: true, ipv6IpamPoolId: 'ipam-pool-0ABC' },
      { id: 'INPUT-006', says: ['[corp/main]', 'ipv6IpamPoolId "ipam-pool-0ABC" is not an IPAM pool id'] }],
    ['ipv6IpamPoolId a number', { ipv6: true, ipv6IpamPoolId: 42 },
      { id: 'INPUT-006', says: ['[corp/main]', 'ipv6IpamPoolId 42 is not an IPAM pool id'] }],
  ]);
  refusesNetwork([
    ['ipv6IpamPoolId on GCP', { ipv6: true, ipv6IpamPoolId: 'ipam-pool-0123456789abcdef0' },
      { id: 'INPUT-006', says: ['[corp/main]', 'ipv6IpamPoolId ipam-pool-0123456789abcdef0 is an AWS setting', 'GCP gives each VPC its internal IPv6 /48 itself', 'remove ipv6IpamPoolId'] }],
  ], ['gcp']);
  refusesNetwork([
    ['ipv6IpamPoolId, ipv6 left out', { ipv6IpamPoolId: 'ipam-pool-0123456789abcdef0' },
      { id: 'INPUT-006', says: ['[corp/main]', 'ipv6IpamPoolId ipam-pool-0123456789abcdef0 is given but ipv6 is off', 'set ipv6: true, or remove ipv6IpamPoolId'] }],
    ['ipv6IpamPoolId, ipv6: false', { ipv6: false, ipv6IpamPoolId: 'ipam-pool-0123456789abcdef0' },
      { id: 'INPUT-006', says: ['[corp/main]', 'ipv6IpamPoolId ipam-pool-0123456789abcdef0 is given but ipv6 is off', 'set ipv6: true'] }],
  ], ['aws']);
});

describe('NodePort sourceRanges of the other family: the gateway admits them to the IPv4 node range (a rule holds one family)', () => {
  refusesIn([
    ['an IPv6 ULA range on an IPv4 network', IPV6, ({ stack, network }) => new IslandCluster(stack, 'x', { network, ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16', 'fd00:1::/48'] })] }),
      { id: 'INPUT-001', says: ['[corp/x]', 'Ingress.nodePort sourceRanges fd00:1::/48 is IPv6 but network corp/main (10.0.0.0/8) is IPv4', 'list IPv4 sourceRanges'] }],
  ]);
});
