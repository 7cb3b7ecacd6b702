import { AddressError, Cidr } from '../../lib/ipam';
import { resolveSizing } from '../../lib/model/sizing';

const gcp = { reservedPerSubnet: 4, family: 4 as const };

describe('resolveSizing', () => {
  test('defaults: 250 nodes, 110 pods per node, a /20 of services', () => {
    expect(resolveSizing(gcp)).toEqual({
      maxNodes: 250, maxPodsPerNode: 110, maxServices: 4094,
      nodeMaskSize: 24, nodePrefix: 24, podPrefix: 16, servicePrefix: 20,
    });
  });

  test('the user\'s terms become prefixes', () => {
    expect(resolveSizing({ ...gcp, maxNodes: 1000, maxPodsPerNode: 32, maxServices: 200 })).toEqual({
      maxNodes: 1000, maxPodsPerNode: 32, maxServices: 200,
      nodeMaskSize: 26, nodePrefix: 22, podPrefix: 16, servicePrefix: 24,
    });
  });

  test('AWS keeps 5 addresses per subnet', () => {
    expect(resolveSizing({ reservedPerSubnet: 5, family: 4, maxNodes: 252 }).nodePrefix).toBe(23);
    expect(resolveSizing({ ...gcp, maxNodes: 252 }).nodePrefix).toBe(24);
  });

  test('pins set the prefixes and, when not asked, the sizes they hold', () => {
    const sizing = resolveSizing({
      ...gcp,
      nodeCidr: Cidr.parse('10.240.0.0/24'),
      podCidr: Cidr.parse('10.0.0.0/16'),
      serviceCidr: Cidr.parse('10.96.0.0/12'),
    });
    expect(sizing).toEqual({
      maxNodes: 252, maxPodsPerNode: 110, maxServices: 1048574,
      nodeMaskSize: 24, nodePrefix: 24, podPrefix: 16, servicePrefix: 12,
    });
  });

  test('a pinned node mask sets pods per node at 2x headroom', () => {
    expect(resolveSizing({ ...gcp, nodeMaskSize: 26 }).maxPodsPerNode).toBe(32);
    expect(resolveSizing({ ...gcp, nodeMaskSize: 22 }).maxPodsPerNode).toBe(110);
  });

  test('bad numbers name the prop', () => {
    expect(() => resolveSizing({ ...gcp, maxNodes: 0 })).toThrow(new AddressError('maxNodes 0 must be a whole number of at least 1'));
    expect(() => resolveSizing({ ...gcp, maxPodsPerNode: -3 })).toThrow(new AddressError('maxPodsPerNode -3 must be a whole number of at least 1'));
    expect(() => resolveSizing({ ...gcp, maxServices: 2.5 })).toThrow(new AddressError('maxServices 2.5 must be a whole number of at least 1'));
    expect(() => resolveSizing({ ...gcp, nodeMaskSize: 40 })).toThrow(new AddressError('nodeMaskSize 40 must be a whole prefix length from 1 to 32'));
    expect(() => resolveSizing({ ...gcp, maxServices: 2_000_000 })).toThrow('(K8S-001)');
  });

  test('IPv6 pins plan /64 per node', () => {
    const sizing = resolveSizing({ ...gcp, podCidr: Cidr.parse('fd00:10::/56'), maxNodes: 100 });
    expect(sizing.nodeMaskSize).toBe(64);
    expect(sizing.podPrefix).toBe(56);
  });
});
