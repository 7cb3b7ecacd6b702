import {
  AddressError,
  apiServerServiceIp,
  ceilLog2,
  Cidr,
  CLOUD_RESERVED_ADDRESSES,
  dnsServiceIp,
  maxNodesFor,
  maxPodsForNodeMask,
  nodeMaskForMaxPods,
  nodeMaskProblem,
  podPrefixForMaxNodes,
  prefixForAddresses,
  servicePrefixForMaxServices,
  serviceRangeProblems,
  usableServiceAddresses,
} from '../../lib/ipam';

describe('prefixForAddresses', () => {
  test.each([
    // count, reserved, prefix
    [250, CLOUD_RESERVED_ADDRESSES.gcp, 24], // 256 - 4 = 252 >= 250
    [253, CLOUD_RESERVED_ADDRESSES.gcp, 23],
    [251, CLOUD_RESERVED_ADDRESSES.aws, 24], // 256 - 5 = 251
    [252, CLOUD_RESERVED_ADDRESSES.aws, 23],
    [11, CLOUD_RESERVED_ADDRESSES.aws, 28], // AWS's smallest subnet holds 11
    [1, 0, 32],
    [2, 0, 31],
    [1000, 0, 22],
  ])('%i addresses with %i reserved need a /%i', (count, reserved, prefix) => {
    expect(prefixForAddresses(count, reserved)).toBe(prefix);
  });

  test('IPv6', () => {
    expect(prefixForAddresses(2 ** 20, 0, 6)).toBe(108);
  });

  test('bad counts', () => {
    expect(() => prefixForAddresses(0)).toThrow(new AddressError('address count 0 must be a whole number of at least 1'));
    expect(() => prefixForAddresses(1.5)).toThrow(new AddressError('address count 1.5 must be a whole number of at least 1'));
    expect(() => prefixForAddresses(10, -1)).toThrow(new AddressError('reserved address count -1 must be a whole number of at least 0'));
    expect(() => prefixForAddresses(2 ** 32, 4)).toThrow(
      new AddressError('4294967296 addresses (+4 reserved) do not fit any IPv4 block: ask for fewer'),
    );
  });
});

describe('node mask and pods per node (GCP-GKE-002, K8S-004)', () => {
  test.each([
    [8, 28], [9, 27], [16, 27], [17, 26], [32, 26], [33, 25], [64, 25], [65, 24], [110, 24], [128, 24], [129, 23], [256, 23],
  ])('%i pods per node -> /%i', (pods, mask) => {
    expect(nodeMaskForMaxPods(pods)).toBe(mask);
  });

  test('IPv6 nodes get /64', () => {
    expect(nodeMaskForMaxPods(110, 6)).toBe(64);
  });

  test('maxPodsForNodeMask is the inverse at 2x headroom', () => {
    expect(maxPodsForNodeMask(24)).toBe(128);
    expect(maxPodsForNodeMask(28)).toBe(8);
    for (const pods of [8, 16, 32, 64, 128, 256]) expect(maxPodsForNodeMask(nodeMaskForMaxPods(pods))).toBe(pods);
  });

  test('bad input', () => {
    expect(() => nodeMaskForMaxPods(0)).toThrow(new AddressError('maxPodsPerNode 0 must be a whole number of at least 1'));
    expect(() => nodeMaskForMaxPods(2 ** 31)).toThrow(
      new AddressError('maxPodsPerNode 2147483648 is more than any IPv4 node block can hold: ask for fewer'),
    );
    expect(() => maxPodsForNodeMask(33)).toThrow(new AddressError('nodeMaskSize 33 must be a whole number from 0 to 32 for IPv4'));
  });
});

describe('nodes per pod range (K8S-005)', () => {
  test('max nodes = 2^(nodeMask - podPrefix)', () => {
    expect(maxNodesFor(Cidr.parse('10.0.0.0/14'), 24)).toBe(1024);
    expect(maxNodesFor(Cidr.parse('10.0.0.0/16'), 24)).toBe(256);
    expect(maxNodesFor(Cidr.parse('10.0.0.0/24'), 24)).toBe(1);
    expect(maxNodesFor(Cidr.parse('fd00::/48'), 64)).toBe(65536);
  });

  test('pod prefix for max nodes', () => {
    expect(podPrefixForMaxNodes(250, 24)).toBe(16);
    expect(podPrefixForMaxNodes(256, 24)).toBe(16);
    expect(podPrefixForMaxNodes(257, 24)).toBe(15);
    expect(podPrefixForMaxNodes(1, 24)).toBe(24);
    expect(podPrefixForMaxNodes(100, 64, 6)).toBe(57);
    expect(() => podPrefixForMaxNodes(0, 24)).toThrow(new AddressError('maxNodes 0 must be a whole number of at least 1'));
    expect(() => podPrefixForMaxNodes(2 ** 30, 24)).toThrow(new AddressError(
      'maxNodes 1073741824 with /24 node blocks do not fit any IPv4 range: ask for fewer nodes or a longer node mask',
    ));
  });

  test('node mask problems', () => {
    expect(nodeMaskProblem(Cidr.parse('10.0.0.0/16'), 24)).toBeUndefined();
    expect(nodeMaskProblem(Cidr.parse('10.0.0.0/16'), 14)).toEqual({
      ruleId: 'K8S-005',
      message: 'nodeMaskSize 14 does not fit pod range 10.0.0.0/16: it must be a whole number from /16 (the pod range\'s prefix) to /32',
    });
    expect(nodeMaskProblem(Cidr.parse('fd00::/40'), 64)).toEqual({
      ruleId: 'K8S-005',
      message: 'nodeMaskSize 64 is 24 bits longer than IPv6 pod range fd00::/40: kube-controller-manager allows at most 16; use a pod range of /48 or longer',
    });
    expect(() => maxNodesFor(Cidr.parse('10.0.0.0/16'), 33)).toThrow(
      'nodeMaskSize 33 does not fit pod range 10.0.0.0/16',
    );
  });
});

describe('service ranges (K8S-001, K8S-002, K8S-003)', () => {
  test.each([
    [1, 28], // the DNS index 10 needs 11 addresses
    [14, 28],
    [15, 27],
    [254, 24],
    [255, 23],
    [4094, 20],
    [4096, 19], // kube-apiserver never hands out the network and broadcast addresses
    [2 ** 20 - 2, 12],
  ])('%i services -> /%i', (services, prefix) => {
    expect(servicePrefixForMaxServices(services)).toBe(prefix);
  });

  test('IPv6 service ranges', () => {
    expect(servicePrefixForMaxServices(100, 6)).toBe(121);
    expect(servicePrefixForMaxServices(1, 6)).toBe(124);
  });

  test('more than a /12 holds is K8S-001', () => {
    expect(() => servicePrefixForMaxServices(2 ** 20)).toThrow(new AddressError(
      'maxServices 1048576 needs a /11 service range, larger than the /12 kube-apiserver accepts (K8S-001): ask for at most 1048574 services',
    ));
    expect(() => servicePrefixForMaxServices(0)).toThrow(new AddressError('maxServices 0 must be a whole number of at least 1'));
  });

  test('usable service addresses', () => {
    expect(usableServiceAddresses(Cidr.parse('10.96.0.0/12'))).toBe(1048574n);
    expect(usableServiceAddresses(Cidr.parse('fd00::/112'))).toBe(65535n);
    expect(usableServiceAddresses(Cidr.parse('10.0.0.0/32'))).toBe(0n);
  });

  test('problems of a given range', () => {
    expect(serviceRangeProblems(Cidr.parse('10.96.0.0/12'))).toEqual([]);
    expect(serviceRangeProblems(Cidr.parse('10.96.0.0/28'))).toEqual([]);
    expect(serviceRangeProblems(Cidr.parse('10.0.0.0/11'))).toEqual([{
      ruleId: 'K8S-001',
      message: 'service range 10.0.0.0/11 is larger than the /12 kube-apiserver accepts for IPv4: use a /12 or smaller range',
    }]);
    expect(serviceRangeProblems(Cidr.parse('fd00::/107')).map((p) => p.ruleId)).toEqual(['K8S-001']);
    expect(serviceRangeProblems(Cidr.parse('10.0.0.0/29'))).toEqual([{
      ruleId: 'K8S-003',
      message: 'service range 10.0.0.0/29 does not hold index 10, the address kubeadm gives cluster DNS: use a /28 or larger range',
    }]);
    expect(serviceRangeProblems(Cidr.parse('10.0.0.0/30'))).toEqual([
      {
        ruleId: 'K8S-002',
        message: 'service range 10.0.0.0/30 has 4 addresses, fewer than the 8 Kubernetes needs: use a /29 or larger range',
      },
      {
        ruleId: 'K8S-003',
        message: 'service range 10.0.0.0/30 does not hold index 10, the address kubeadm gives cluster DNS: use a /28 or larger range',
      },
    ]);
  });

  test('API server and DNS service IPs', () => {
    const range = Cidr.parse('10.96.0.0/12');
    expect(apiServerServiceIp(range)).toBe('10.96.0.1');
    expect(dnsServiceIp(range)).toBe('10.96.0.10');
    expect(dnsServiceIp(Cidr.parse('fd00:10:96::/112'))).toBe('fd00:10:96::a');
  });
});

test('ceilLog2', () => {
  expect([1, 2, 3, 4, 5, 255, 256, 257].map(ceilLog2)).toEqual([0, 1, 2, 2, 3, 8, 8, 9]);
});
