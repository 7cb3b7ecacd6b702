import { FlowLogs } from './flow-logs';
import { VpcIpv4CidrBlockAssociation } from '@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association';
import { API_ENDPOINT_RANGE, NetworkModel, RangeRole } from '../model/plan';
import { BlockKind, BLOCK_ORDER, EDGE_RANGE, SubnetSource, subnetSourceOf, VPC_BLOCK } from './layout';
import { AwsVpc, BlockSource } from './vpc';
import { askedRange, IArchipelago, IAskedRange, ICluster } from '../model/interfaces';

/** The planned ranges of a cluster that become VPC blocks, by kind. */
export type ClusterSources = Partial<Record<BlockKind, BlockSource[]>>;

/** A cluster's node and pod ranges, its proxy subnets and exposed API endpoint, as block sources. */
export function sourcesOf(cluster: ICluster): ClusterSources {
  // The prefix is known when the range is asked for (resource counts depend on it); its place at synth.
  const source = (id: string, range: IAskedRange): BlockSource => ({
    id, prefix: range.prefix, cidr: () => range.cidr, splits: range.role === RangeRole.NODE || range.role === RangeRole.POD, zone: range.zone, block: blockOf(range),
  });
  // Read as subnetsOf reads them: the subnets made are the subnets counted.
  const of = (kind: SubnetSource) => cluster.askedRanges.filter((r) => subnetSourceOf(r) === kind);
  return {
    'nodes': of('nodes').map((r) => source('nodes', r)),
    'pods': of('pods').map((r) => source('pods', r)),
    'proxy': of('proxy').map((r) => source(r.name, r)),
    'api-endpoint': of('api-endpoint').map((r) => source(API_ENDPOINT_RANGE, r)),
  };
}

/**
 * The routable edge block of `owner`'s VPC (a /27 per zone for its transit-gateway and public
 * subnets), which the AWS profile asked for with everything else.
 */
export function edgeOf(owner: ICluster | IArchipelago): BlockSource {
  const range = askedRange(owner, EDGE_RANGE);
  return { id: 'edge', prefix: range.prefix, cidr: () => range.cidr, splits: false, block: blockOf(range) };
}

/** The block `range` shares with its owner's other ranges (a `vpc-block`), as a source of VPC blocks. */
function blockOf(range: IAskedRange): BlockSource | undefined {
  const block = range.within;
  return block && { id: VPC_BLOCK, prefix: block.prefix, cidr: () => block.cidr, splits: true };
}

/** The VPC blocks `sources` need, in order: a source in a group's block is that block, once. */
function blocksFor(sources: readonly BlockSource[]): BlockSource[] {
  const out: BlockSource[] = [];
  for (const source of sources) {
    const block = source.block ?? source;
    if (!out.some((b) => b.id === block.id)) out.push(block);
  }
  return out;
}

/** The VPC blocks made for each source, by source id: what the source's subnets depend on. */
export type Associations = Map<string, VpcIpv4CidrBlockAssociation[]>;

/**
 * A flat, island or isolated cluster's own VPC over its blocks (BLOCK_ORDER of its model,
 * which the AWS rules read too). Which block is primary is decided at synth, so every subnet
 * depends on all the VPC's associations. `ipv6` is true when the cluster's subnets take IPv6
 * (an IPv6 or dual-stack cluster).
 */
export function standaloneVpc(cluster: ICluster, sources: ClusterSources, flowLogs: FlowLogs): { vpc: AwsVpc; associations: Associations; ipv6: boolean } {
  const ordered = BLOCK_ORDER[cluster.model].flatMap((kind) => sources[kind] ?? []);
  const vpc = new AwsVpc(cluster, cluster.network, blocksFor(ordered), flowLogs);
  const ipv6 = vpc.useIpv6(cluster);
  return { vpc, associations: new Map(ordered.map((source) => [source.id, vpc.initialAssociations])), ipv6 };
}

/** An archipelago member's blocks, added to the archipelago's VPC after its edge block, in BLOCK_ORDER. */
export function memberBlocks(cluster: ICluster, sources: ClusterSources, vpc: AwsVpc): Associations {
  const ordered = BLOCK_ORDER[NetworkModel.ARCHIPELAGO].flatMap((kind) => sources[kind] ?? []);
  const made = new Map(blocksFor(ordered).map((block) => [block.id, vpc.addBlocks(cluster, block)]));
  return new Map(ordered.map((source) => [source.id, made.get((source.block ?? source).id)!]));
}
