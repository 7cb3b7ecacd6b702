import { Cidr, IpFamily } from './cidr';
import { AddressError } from './errors';

/**
 * Addresses a cloud keeps in every subnet's primary range
 * (GCP-SUBNET-004: network, gateway, second-to-last, broadcast; AWS-SUBNET-001: .0-.3 and the last).
 */
export const CLOUD_RESERVED_ADDRESSES = { gcp: 4, aws: 5 } as const;

/** Kubernetes' default node mask (K8S-004): /24 per node for IPv4, /64 for IPv6. */
export const DEFAULT_NODE_MASK: Readonly<Record<IpFamily, number>> = { 4: 24, 6: 64 };

/** Index of the `kubernetes` Service (the API server) in the service range (K8S-002). */
export const API_SERVER_SERVICE_INDEX = 1;
/** Index kubeadm gives cluster DNS in the service range (K8S-003), e.g. 10.96.0.10. */
export const DNS_SERVICE_INDEX = 10;
/** Largest service range kube-apiserver accepts (K8S-001): the shortest prefix length. */
export const MAX_SERVICE_RANGE_PREFIX: Readonly<Record<IpFamily, number>> = { 4: 12, 6: 108 };
/** Fewest addresses a service range may have (K8S-002). */
export const MIN_SERVICE_RANGE_ADDRESSES = 8;

/** A broken limit, with the rule it breaks. */
export interface LimitProblem {
  readonly ruleId: string;
  readonly message: string;
}

/**
 * The longest prefix whose block holds `count` usable addresses when the cloud keeps
 * `reserved` of them (GCP 4, AWS 5), e.g. 250 nodes on GCP -> /24.
 */
export function prefixForAddresses(count: number, reserved: number = 0, family: IpFamily = 4): number {
  wholeNumber(count, 'address count', 1);
  wholeNumber(reserved, 'reserved address count', 0);
  const bits = familyBits(family);
  const prefix = bits - ceilLog2(count + reserved);
  if (prefix < 0) {
    throw new AddressError(`${count} addresses (+${reserved} reserved) do not fit any IPv${family} block: ask for fewer`);
  }
  return prefix;
}

/**
 * The longest prefix whose block, split evenly into one subnet per zone (a power of two
 * of parts, `subnets` of them used), holds `count` usable addresses when the cloud keeps
 * `reserved` in each subnet (AWS: node subnets per availability zone).
 */
export function prefixForSplitAddresses(count: number, reserved: number, subnets: number, family: IpFamily = 4): number {
  wholeNumber(subnets, 'subnet count', 1);
  const perSubnet = prefixForAddresses(Math.ceil(count / subnets), reserved, family);
  return perSubnet - ceilLog2(subnets);
}

/** Usable addresses of `range` split into `subnets` subnets (as prefixForSplitAddresses splits it). */
export function addressesInSplit(range: Cidr, reserved: number, subnets: number): bigint {
  const parts = 2n ** BigInt(ceilLog2(subnets));
  const perSubnet = range.size / parts - BigInt(reserved);
  return perSubnet > 0n ? perSubnet * BigInt(subnets) : 0n;
}

/**
 * Node mask (per-node pod block) for `maxPodsPerNode`: a block with at least twice as
 * many addresses as pods, so addresses are not reused while pods churn (GKE's table,
 * GCP-GKE-002: 8 -> /28, 110 -> /24, 256 -> /23; Kubernetes' default /24 for 110).
 * IPv6 nodes get Kubernetes' /64, which holds any number of pods (K8S-004).
 */
export function nodeMaskForMaxPods(maxPodsPerNode: number, family: IpFamily = 4): number {
  wholeNumber(maxPodsPerNode, 'maxPodsPerNode', 1);
  if (family === 6) return DEFAULT_NODE_MASK[6];
  const mask = familyBits(family) - ceilLog2(2 * maxPodsPerNode);
  if (mask < 1) {
    throw new AddressError(`maxPodsPerNode ${maxPodsPerNode} is more than any IPv4 node block can hold: ask for fewer`);
  }
  return mask;
}

/** Pods a node block of `nodeMask` holds at the 2x headroom of {@link nodeMaskForMaxPods}. */
export function maxPodsForNodeMask(nodeMask: number, family: IpFamily = 4): number {
  checkPrefixLength(nodeMask, 'nodeMaskSize', family);
  return Number((1n << BigInt(familyBits(family) - nodeMask)) / 2n);
}

/**
 * Nodes a pod range holds: 2^(nodeMask - podPrefix) node blocks (K8S-005).
 * @throws AddressError when the node mask is shorter than the pod range's prefix,
 *   longer than the family, or (IPv6) more than 16 bits longer than the pod range
 */
export function maxNodesFor(podRange: Cidr, nodeMask: number): number {
  const problem = nodeMaskProblem(podRange, nodeMask);
  if (problem) throw new AddressError(problem.message);
  return 2 ** (nodeMask - podRange.prefix);
}

/** The K8S-005 problem with `nodeMask` for `podRange`, if any. */
export function nodeMaskProblem(podRange: Cidr, nodeMask: number): LimitProblem | undefined {
  const ruleId = 'K8S-005';
  if (!Number.isInteger(nodeMask) || nodeMask < podRange.prefix || nodeMask > podRange.bits) {
    return {
      ruleId,
      message: `nodeMaskSize ${nodeMask} does not fit pod range ${podRange}: it must be a whole number from /${podRange.prefix} (the pod range's prefix) to /${podRange.bits}`,
    };
  }
  if (podRange.family === 6 && nodeMask - podRange.prefix > 16) {
    return {
      ruleId,
      message: `nodeMaskSize ${nodeMask} is ${nodeMask - podRange.prefix} bits longer than IPv6 pod range ${podRange}: kube-controller-manager allows at most 16; use a pod range of /${nodeMask - 16} or longer`,
    };
  }
  return undefined;
}

/** Prefix of the smallest pod range that holds `maxNodes` node blocks of `nodeMask`. */
export function podPrefixForMaxNodes(maxNodes: number, nodeMask: number, family: IpFamily = 4): number {
  wholeNumber(maxNodes, 'maxNodes', 1);
  checkPrefixLength(nodeMask, 'nodeMaskSize', family);
  const prefix = nodeMask - ceilLog2(maxNodes);
  if (prefix < 0) {
    throw new AddressError(`maxNodes ${maxNodes} with /${nodeMask} node blocks do not fit any IPv${family} range: ask for fewer nodes or a longer node mask`);
  }
  return prefix;
}

/** Service addresses kube-apiserver hands out from `range` (not the network or, for IPv4, broadcast address). */
export function usableServiceAddresses(range: Cidr): bigint {
  const unusable = range.family === 4 ? 2n : 1n;
  return range.size > unusable ? range.size - unusable : 0n;
}

/**
 * Prefix of the smallest service range for `maxServices` that also passes
 * K8S-002 (8 addresses) and K8S-003 (holds the DNS index 10): at least /28 for IPv4.
 * @throws AddressError (K8S-001) when the range would be larger than kube-apiserver accepts
 */
export function servicePrefixForMaxServices(maxServices: number, family: IpFamily = 4): number {
  wholeNumber(maxServices, 'maxServices', 1);
  const unusable = family === 4 ? 2 : 1;
  const needed = Math.max(maxServices + unusable, MIN_SERVICE_RANGE_ADDRESSES, DNS_SERVICE_INDEX + 1);
  const prefix = familyBits(family) - ceilLog2(needed);
  const limit = MAX_SERVICE_RANGE_PREFIX[family];
  if (prefix < limit) {
    const most = (1n << BigInt(familyBits(family) - limit)) - BigInt(unusable);
    throw new AddressError(
      `maxServices ${maxServices} needs a /${prefix} service range, larger than the /${limit} kube-apiserver accepts (K8S-001): ask for at most ${most} services`,
    );
  }
  return prefix;
}

/** What is wrong with `range` as a service range (K8S-001, K8S-002, K8S-003); empty when nothing. */
export function serviceRangeProblems(range: Cidr): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const limit = MAX_SERVICE_RANGE_PREFIX[range.family];
  if (range.prefix < limit) {
    problems.push({
      ruleId: 'K8S-001',
      message: `service range ${range} is larger than the /${limit} kube-apiserver accepts for IPv${range.family}: use a /${limit} or smaller range`,
    });
  }
  if (range.size < BigInt(MIN_SERVICE_RANGE_ADDRESSES)) {
    problems.push({
      ruleId: 'K8S-002',
      message: `service range ${range} has ${range.size} addresses, fewer than the ${MIN_SERVICE_RANGE_ADDRESSES} Kubernetes needs: use a /${range.bits - 3} or larger range`,
    });
  }
  if (range.size <= BigInt(DNS_SERVICE_INDEX)) {
    problems.push({
      ruleId: 'K8S-003',
      message: `service range ${range} does not hold index ${DNS_SERVICE_INDEX}, the address kubeadm gives cluster DNS: use a /${range.bits - 4} or larger range`,
    });
  }
  return problems;
}

/** The `kubernetes` Service's IP: index 1 of the service range. */
export function apiServerServiceIp(serviceRange: Cidr): string {
  return serviceRange.address(API_SERVER_SERVICE_INDEX);
}

/** Cluster DNS IP as kubeadm assigns it: index 10 of the service range. */
export function dnsServiceIp(serviceRange: Cidr): string {
  return serviceRange.address(DNS_SERVICE_INDEX);
}

/** Smallest k with 2^k >= n, for n >= 1. */
export function ceilLog2(n: number): number {
  let k = 0;
  while (2 ** k < n) k++;
  return k;
}

function familyBits(family: IpFamily): number {
  return family === 6 ? 128 : 32;
}

function wholeNumber(value: number, name: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new AddressError(`${name} ${value} must be a whole number of at least ${min}`);
  }
}

function checkPrefixLength(prefix: number, name: string, family: IpFamily): void {
  const bits = familyBits(family);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) {
    throw new AddressError(`${name} ${prefix} must be a whole number from 0 to ${bits} for IPv${family}`);
  }
}
