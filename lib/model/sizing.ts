import {
  addressesInSplit,
  Cidr,
  IpFamily,
  maxPodsForNodeMask,
  nodeMaskForMaxPods,
  podPrefixForMaxNodes,
  prefixForSplitAddresses,
  servicePrefixForMaxServices,
  usableServiceAddresses,
} from '../ipam';
import { AddressError } from '../ipam/errors';

/** Kubernetes' default pods per node. */
export const DEFAULT_MAX_PODS_PER_NODE = 110;
/** Nodes planned for when neither maxNodes nor a node or pod range is given. */
export const DEFAULT_MAX_NODES = 250;
/** Most nodes derived from pinned ranges: Kubernetes' tested scale limit. */
export const MAX_DERIVED_NODES = 5000;
/** Services planned for when neither maxServices nor a service range is given: a /20. */
export const DEFAULT_MAX_SERVICES = 4094;
/**
 * Most pods per node a cluster may ask for: far above what kubelets run (Kubernetes' default
 * is 110, GKE takes up to 256, EKS managed node groups 250), low enough that a typo (1e9) is
 * named as one instead of as a node block that fits no network.
 */
export const MAX_PODS_PER_NODE = 1024;

/** A cluster's size as the user gave it; ranges already parsed. */
export interface SizingInput {
  readonly maxNodes?: number;
  readonly maxPodsPerNode?: number;
  readonly maxServices?: number;
  readonly nodeMaskSize?: number;
  readonly nodeCidr?: Cidr;
  readonly podCidr?: Cidr;
  readonly serviceCidr?: Cidr;
  /** Addresses the cloud keeps in every subnet. */
  readonly reservedPerSubnet: number;
  /** Subnets the node range is split into (one per availability zone on AWS). @default 1 */
  readonly nodeSubnets?: number;
  /** Family when no range is pinned. */
  readonly family: IpFamily;
  /**
   * Prefix of the smallest subnet the cloud takes when node and pod ranges are split into
   * `nodeSubnets` zone subnets (AWS /28); unpinned ranges are sized so each is at least that.
   * @default - no such floor
   */
  readonly smallestZoneSubnet?: number;
  /** Prefix of the smallest pod range to plan (GKE /24). @default - no floor */
  readonly largestPodPrefix?: number;
}

/** A cluster's size, complete: what to allocate where nothing is pinned. */
export interface Sizing {
  readonly maxNodes: number;
  readonly maxPodsPerNode: number;
  readonly maxServices: number;
  readonly nodeMaskSize: number;
  readonly nodePrefix: number;
  readonly podPrefix: number;
  readonly servicePrefix: number;
}

/**
 * Fills in a cluster's size from what the user gave: defaults where nothing is given,
 * what pinned ranges hold where they are, and prefixes for what must be allocated.
 * Whether pins and asks agree is the policy's job (MODEL-006, K8S-005).
 *
 * @throws AddressError naming the prop when a number is not usable
 */
export function resolveSizing(input: SizingInput): Sizing {
  for (const name of ['maxNodes', 'maxPodsPerNode', 'maxServices', 'nodeMaskSize'] as const) numberGiven(input[name], name);
  if (input.maxPodsPerNode !== undefined && Number.isFinite(input.maxPodsPerNode) && input.maxPodsPerNode > MAX_PODS_PER_NODE) {
    throw new AddressError(`maxPodsPerNode ${input.maxPodsPerNode} is more than ${MAX_PODS_PER_NODE} pods on one node: ask for what a node runs (Kubernetes' default is 110; GKE takes up to 256)`);
  }
  const family = input.podCidr?.family ?? input.nodeCidr?.family ?? input.family;
  const nodeSubnets = input.nodeSubnets ?? 1;
  const bits = family === 6 ? 128 : 32;
  const nodeMaskSize = input.nodeMaskSize ?? nodeMaskForMaxPods(input.maxPodsPerNode ?? DEFAULT_MAX_PODS_PER_NODE, family);
  if (!Number.isInteger(nodeMaskSize) || nodeMaskSize < 1 || nodeMaskSize > bits) {
    throw new AddressError(`nodeMaskSize ${nodeMaskSize} must be a whole prefix length from 1 to ${bits}`);
  }
  const maxPodsPerNode = input.maxPodsPerNode
    ?? (family === 6 ? DEFAULT_MAX_PODS_PER_NODE : Math.max(1, Math.min(DEFAULT_MAX_PODS_PER_NODE, maxPodsForNodeMask(nodeMaskSize))));
  wholeNumber(maxPodsPerNode, 'maxPodsPerNode');

  let maxNodes = input.maxNodes;
  if (maxNodes === undefined) {
    const held: number[] = [];
    if (input.nodeCidr) held.push(Number(addressesInSplit(input.nodeCidr, input.reservedPerSubnet, nodeSubnets)));
    if (input.podCidr && nodeMaskSize >= input.podCidr.prefix) held.push(2 ** (nodeMaskSize - input.podCidr.prefix));
    maxNodes = held.length > 0 ? Math.max(1, Math.min(MAX_DERIVED_NODES, ...held)) : DEFAULT_MAX_NODES;
  }
  wholeNumber(maxNodes, 'maxNodes');

  const maxServices = input.maxServices
    ?? (input.serviceCidr ? Math.max(1, Math.min(Number.MAX_SAFE_INTEGER, Number(usableServiceAddresses(input.serviceCidr)))) : DEFAULT_MAX_SERVICES);
  wholeNumber(maxServices, 'maxServices');

  // Split over the zones, every zone's subnet must still be one the cloud takes.
  const split = input.smallestZoneSubnet === undefined ? bits : input.smallestZoneSubnet - Math.ceil(Math.log2(nodeSubnets));
  const what = `IPv${family}`;
  return {
    maxNodes,
    maxPodsPerNode,
    maxServices,
    nodeMaskSize,
    nodePrefix: input.nodeCidr?.prefix ?? Math.min(split, naming(`maxNodes ${maxNodes} is more nodes than any ${what} subnet holds`,
      () => prefixForSplitAddresses(maxNodes, input.reservedPerSubnet, nodeSubnets, family))),
    podPrefix: input.podCidr?.prefix ?? Math.min(split, input.largestPodPrefix ?? bits, naming(
      `maxNodes ${maxNodes} nodes of ${maxPodsPerNode} pods each (maxPodsPerNode, /${nodeMaskSize} per node) need more pod addresses than any ${what} range holds`,
      () => podPrefixForMaxNodes(maxNodes, nodeMaskSize, family))),
    servicePrefix: input.serviceCidr?.prefix ?? naming(`maxServices ${maxServices} is more services than any ${what} range holds`,
      () => servicePrefixForMaxServices(maxServices, family)),
  };
}

/** Runs `fn`; an AddressError that does not name its prop becomes one that starts with `what` (the prop and value that caused it). */
function naming<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof AddressError) || e.message.startsWith(what.split(' ')[0])) throw e;
    throw new AddressError(`${what} (${e.message})`);
  }
}

/** A size prop given from JavaScript as another type: named as such ('"10" is a string, not a number'). */
function numberGiven(value: unknown, name: string): void {
  if (value !== undefined && typeof value !== 'number') {
    const type = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
    throw new AddressError(`${name} ${JSON.stringify(value)} is ${type}, not a number: write a whole number${typeof value === 'string' && /^\d+$/.test(value) ? `, ${value} without quotes` : ''}`);
  }
}

function wholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new AddressError(`${name} ${value} must be a whole number of at least 1`);
  }
}
