import { VpcIpv4CidrBlockAssociation } from '@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association';
import { IConstruct } from 'constructs';
import { ClusterBase } from '../model/cluster';
import { IngressKind } from '../model/gateways';
import { Network } from '../model/network';
import { NetworkModel, RangeRole } from '../model/plan';
import { API_ENDPOINT_RANGE, BlockKind, BLOCK_ORDER, EDGE_RANGE, edgePrefix, PROXY_RANGE_PREFIX } from './layout';
import { AwsVpc, BlockSource } from './vpc';

/** The planned ranges of a cluster that become VPC blocks, by kind. */
export type ClusterSources = Partial<Record<BlockKind, BlockSource[]>>;

/** The prefix the `name` range of `cluster` was asked with: resource counts depend on it, its place is planned later. */
function askedPrefix(cluster: ClusterBase, name: string): number {
  const prefix = cluster.network._prefixOf(cluster, name);
  if (prefix === undefined) throw new Error(`[${cluster.node.path}] no ${name} range was asked for`);
  return prefix;
}

/** A cluster's node and pod ranges, its proxy subnets and exposed API endpoint, as block sources. */
export function sourcesOf(cluster: ClusterBase): ClusterSources {
  const source = (id: string, name: string, cidr: () => string): BlockSource =>
    ({ id, prefix: askedPrefix(cluster, name), cidr, splits: name === 'nodes' || name === 'pods' });
  const hasProxy = cluster.ingress.some((g) => g.kind === IngressKind.PROXY);
  return {
    'nodes': [source('nodes', 'nodes', () => cluster.nodeCidr)],
    'pods': [source('pods', 'pods', () => cluster.podCidr)],
    'proxy': hasProxy
      ? cluster.network.cloud.availabilityZones.map((zone, i) => source(`${PROXY_RANGE_PREFIX}${zone}`, `${PROXY_RANGE_PREFIX}${zone}`, () => cluster.proxySubnetCidrs[i]))
      : [],
    'api-endpoint': cluster._exposesApiEndpoint ? [source(API_ENDPOINT_RANGE, API_ENDPOINT_RANGE, () => cluster.apiEndpointCidr!)] : [],
  };
}

/**
 * Asks the main network for the routable edge block of `owner`'s VPC: a /27 per zone for its
 * transit-gateway and public subnets, planned with everything else (and recorded in the plan file).
 */
export function requestEdge(owner: IConstruct, network: Network): BlockSource {
  const prefix = edgePrefix(network.cloud.availabilityZones.length);
  const slot = network._request({ owner, name: EDGE_RANGE, role: RangeRole.GATEWAY, pool: network._routablePool, prefix });
  return { id: 'edge', prefix, cidr: () => slot.cidr, splits: false };
}

/** The VPC blocks made for each source, by source id: what the source's subnets depend on. */
export type Associations = Map<string, VpcIpv4CidrBlockAssociation[]>;

/**
 * A flat, island or isolated cluster's own VPC over its blocks (BLOCK_ORDER of its model,
 * which the AWS rules read too). Which block is primary is decided at synth, so every subnet
 * depends on all the VPC's associations.
 */
export function standaloneVpc(cluster: ClusterBase, sources: ClusterSources): { vpc: AwsVpc; associations: Associations } {
  const ordered = BLOCK_ORDER[cluster.model].flatMap((kind) => sources[kind] ?? []);
  const vpc = new AwsVpc(cluster, cluster.network, ordered);
  return { vpc, associations: new Map(ordered.map((source) => [source.id, vpc.initialAssociations])) };
}

/** An archipelago member's blocks, added to the archipelago's VPC after its edge block, in BLOCK_ORDER. */
export function memberBlocks(cluster: ClusterBase, sources: ClusterSources, vpc: AwsVpc): Associations {
  const ordered = BLOCK_ORDER[NetworkModel.ARCHIPELAGO].flatMap((kind) => sources[kind] ?? []);
  return new Map(ordered.map((source) => [source.id, vpc.addBlocks(cluster, source)]));
}
