import { VpcIpv4CidrBlockAssociation } from '@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association';
import { API_ENDPOINT_RANGE, NetworkModel, RangeRole } from '../model/plan';
import { BlockKind, BLOCK_ORDER, EDGE_RANGE } from './layout';
import { AwsVpc, BlockSource } from './vpc';
import { askedRange, IArchipelago, IAskedRange, ICluster } from '../model/interfaces';

/** The planned ranges of a cluster that become VPC blocks, by kind. */
export type ClusterSources = Partial<Record<BlockKind, BlockSource[]>>;

/** A cluster's node and pod ranges, its proxy subnets and exposed API endpoint, as block sources. */
export function sourcesOf(cluster: ICluster): ClusterSources {
  // The prefix is known when the range is asked for (resource counts depend on it); its place at synth.
  const source = (id: string, range: IAskedRange): BlockSource =>
    ({ id, prefix: range.prefix, cidr: () => range.cidr, splits: range.role === RangeRole.NODE || range.role === RangeRole.POD, zone: range.zone });
  const asked = cluster.askedRanges;
  const named = (name: string) => asked.filter((r) => r.name === name);
  return {
    'nodes': named('nodes').map((r) => source('nodes', r)),
    'pods': named('pods').map((r) => source('pods', r)),
    'proxy': asked.filter((r) => r.role === RangeRole.GATEWAY && r.zone !== undefined).map((r) => source(r.name, r)),
    'api-endpoint': named(API_ENDPOINT_RANGE).map((r) => source(API_ENDPOINT_RANGE, r)),
  };
}

/**
 * The routable edge block of `owner`'s VPC (a /27 per zone for its transit-gateway and public
 * subnets), which the AWS profile asked for with everything else.
 */
export function edgeOf(owner: ICluster | IArchipelago): BlockSource {
  const range = askedRange(owner, EDGE_RANGE);
  return { id: 'edge', prefix: range.prefix, cidr: () => range.cidr, splits: false };
}

/** The VPC blocks made for each source, by source id: what the source's subnets depend on. */
export type Associations = Map<string, VpcIpv4CidrBlockAssociation[]>;

/**
 * A flat, island or isolated cluster's own VPC over its blocks (BLOCK_ORDER of its model,
 * which the AWS rules read too). Which block is primary is decided at synth, so every subnet
 * depends on all the VPC's associations.
 */
export function standaloneVpc(cluster: ICluster, sources: ClusterSources): { vpc: AwsVpc; associations: Associations } {
  const ordered = BLOCK_ORDER[cluster.model].flatMap((kind) => sources[kind] ?? []);
  const vpc = new AwsVpc(cluster, cluster.network, ordered);
  return { vpc, associations: new Map(ordered.map((source) => [source.id, vpc.initialAssociations])) };
}

/** An archipelago member's blocks, added to the archipelago's VPC after its edge block, in BLOCK_ORDER. */
export function memberBlocks(cluster: ICluster, sources: ClusterSources, vpc: AwsVpc): Associations {
  const ordered = BLOCK_ORDER[NetworkModel.ARCHIPELAGO].flatMap((kind) => sources[kind] ?? []);
  return new Map(ordered.map((source) => [source.id, vpc.addBlocks(cluster, source)]));
}
