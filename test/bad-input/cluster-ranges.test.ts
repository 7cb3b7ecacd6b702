// A cluster's pinned ranges as users write them wrong, on both clouds: each refused where it is
// written (INPUT-001), naming the prop and the value; nothing synthesized, no plan file.
import { Archipelago, FlatCluster, IslandCluster, IsolatedCluster } from '../../lib';
import { BadEstate, Case, CLOUDS, expectRefusal, refusedMessage, refuses } from './support';

type Pin = 'nodeCidr' | 'podCidr' | 'serviceCidr';
const PINS: Pin[] = ['nodeCidr', 'podCidr', 'serviceCidr'];

/** A flat cluster `x` with one pin written as `value`. */
const flatWith = (prop: Pin, value: unknown) => ({ stack, network }: BadEstate) => {
  new FlatCluster(stack, 'x', { network, [prop]: value });
};

const wrongPins: Case[] = PINS.flatMap((prop): Case[] => [
  [`${prop}: 'not-a-cidr'`, flatWith(prop, 'not-a-cidr'), { id: 'INPUT-001', says: ['[corp/x]', prop, '"not-a-cidr"', 'is not a CIDR'] }],
  [`${prop}: host bits set`, flatWith(prop, '10.0.0.1/16'), { id: 'INPUT-001', says: ['[corp/x]', prop, '10.0.0.1/16', 'did you mean 10.0.0.0/16'] }],
  [`${prop}: prefix past /32`, flatWith(prop, '10.0.0.0/33'), { id: 'INPUT-001', says: ['[corp/x]', prop, '10.0.0.0/33'] }],
  [`${prop}: a number`, flatWith(prop, 167772160), { id: 'INPUT-001', says: ['[corp/x]', prop, '167772160', 'a number, not a string'] }],
  [`${prop}: an object`, flatWith(prop, { cidr: '10.0.0.0/16' }), { id: 'INPUT-001', says: ['[corp/x]', prop, '{"cidr":"10.0.0.0/16"}', 'an object, not a string'] }],
  [`${prop}: IPv6 in an IPv4 network`, flatWith(prop, 'fd00::/64'), { id: 'INPUT-001', says: ['[corp/x]', prop, 'fd00::/64', 'address family', 'pin an IPv4 range'] }],
]);

describe('pinned ranges of a flat cluster', () => {
  refuses(wrongPins);
});

describe('pinned ranges of the other models', () => {
  refuses([
    ['island podCidr with host bits', ({ stack, network }) => new IslandCluster(stack, 'x', { network, podCidr: '100.64.0.1/14' }),
      { id: 'INPUT-001', says: ['[corp/x]', 'podCidr', '100.64.0.1/14', 'host bits'] }],
    ['island nodeCidr IPv6', ({ stack, network }) => new IslandCluster(stack, 'x', { network, nodeCidr: '2001:db8::/64' }),
      { id: 'INPUT-001', says: ['[corp/x]', 'nodeCidr', '2001:db8::/64', 'address family'] }],
    ['isolated serviceCidr an array', ({ stack, network }) => new IsolatedCluster(stack, 'x', { network, serviceCidr: ['10.0.0.0/20'] as unknown as string }),
      { id: 'INPUT-001', says: ['[corp/x]', 'serviceCidr', '["10.0.0.0/20"]', 'an array, not a string'] }],
    ['archipelago podCidr not a CIDR', ({ stack, network }) => {
      new Archipelago(stack, 'east', { network, podCidr: '100.64.0.0/99' });
    }, { id: 'INPUT-001', says: ['[corp/east]', 'podCidr', '100.64.0.0/99'] }],
  ]);
});

describe('an isolated cluster\'s own pins that leave no room', () => {
  // In a /16 network: the isolated cluster reuses all of it for itself alone.
  test.each(CLOUDS)('%s: pods and nodes fill its own space (PLAN-001 names the cluster\'s own space, not the main network)', (cloud) => {
    const message = refusedMessage(cloud, ({ stack, network }) => new IsolatedCluster(stack, 'x', { network, podCidr: '10.0.0.0/17', nodeCidr: '10.0.128.0/17' }),
      { network: { cidr: '10.0.0.0/16' } });
    expectRefusal(message, { id: 'PLAN-001', says: ['[corp/x]', 'own address space of isolated cluster corp/x', 'not the main network', 'pods range 10.0.0.0/17', 'nodes range 10.0.128.0/17'] });
  });

  refuses([
    ['its node range inside its pod range', ({ stack, network }) => new IsolatedCluster(stack, 'x', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.0.0.0/24' }),
      { id: 'MODEL-003', says: ['[corp/x]', 'node range 10.0.0.0/24', 'its own pod range 10.0.0.0/16', 'pin nodeCidr elsewhere'] }],
  ]);
});
