// Where each AWS block and subnet goes, as pure address math over the plan (lib/ipam).
// The renderer and the AWS rules both read it, so what is checked is what is built.
import { ceilLog2, Cidr } from '../ipam';
import { IArchipelago, IAskedRange, ICluster } from '../model/interfaces';
import { Ipv6SubnetNeed } from '../model/ipv6-subnets';
import { API_ENDPOINT_RANGE, ClusterPlan, hasIpv4Pods, hasIpv6, IpFamily, NetworkModel, NetworkPlan, PlannedRange, RangeRole } from '../model/plan';
import { primaryFirst } from './association';

/** Largest and smallest VPC block and subnet AWS takes (AWS-VPC-001, AWS-SUBNET-001). */
export const LARGEST_BLOCK = 16;
export const SMALLEST_BLOCK = 28;
/** Addresses AWS keeps in every subnet: .0, .1, .2, .3 and the last (AWS-SUBNET-001). */
export const AWS_RESERVED = 5;
/** The smallest ALB subnet, and a proxy's when none is asked (AWS-LB-001): a /27, so that 8 addresses stay free to scale. */
export const ALB_SUBNET_PREFIX = 27;

/** Name of the block a cluster's ranges share, so its VPC needs fewer blocks (AWS-VPC-004). */
export const VPC_BLOCK = 'vpc-block';
/** Name of the routable block each connected VPC gets for its transit-gateway and public subnets. */
export const EDGE_RANGE = 'aws-edge';
/** Names the AWS profile gives a proxy's ALB subnets: `proxy-<zone>`. */
export const PROXY_RANGE_PREFIX = 'proxy-';

/** What a VPC block holds. */
export type BlockKind = 'nodes' | 'pods' | 'edge' | 'proxy' | 'api-endpoint' | 'vpc-block';

/**
 * The blocks of each model's VPC in order of preference for the primary: the first that AWS's
 * association table lets the others join is the primary (primaryFirst, AWS-VPC-003), the rest
 * follow in this order. Pods lead in flat and isolated VPCs: planned first and lowest, the
 * others fall outside their /16. An archipelago's primary is always its edge block, made
 * with the archipelago; members add their blocks after it, in this order.
 */
export const BLOCK_ORDER: Readonly<Record<NetworkModel, readonly BlockKind[]>> = {
  [NetworkModel.FLAT]: ['pods', 'nodes', 'edge'],
  [NetworkModel.ISOLATED]: ['pods', 'nodes', 'api-endpoint'],
  [NetworkModel.ISLAND]: ['nodes', 'pods', 'edge', 'proxy'],
  [NetworkModel.ARCHIPELAGO]: ['nodes', 'pods', 'proxy'],
};

/** A range of `prefix` bits, standing in for one not planned yet: the layout's shape depends on sizes only. */
export function shapeOf(prefix: number): Cidr {
  return Cidr.parse(`0.0.0.0/${prefix}`);
}

/** The VPC blocks a range needs: itself, or its /16s when larger than AWS's largest block. */
export function blocksOf(range: Cidr): Cidr[] {
  if (range.family !== 4 || range.prefix >= LARGEST_BLOCK) return [range];
  return Array.from({ length: 2 ** (LARGEST_BLOCK - range.prefix) }, (_, i) => range.subnet(LARGEST_BLOCK, i));
}

/** One subnet of a range in one zone; `nth` counts the zone's subnets of that range from 0. */
export interface ZoneSubnet {
  readonly zone: string;
  readonly cidr: Cidr;
  readonly nth: number;
}

/** Prefix of the subnets a range of `prefix` splits into over `zoneCount` zones (never larger than a block). */
export function zoneSubnetPrefix(prefix: number, zoneCount: number, bits: number = 32): number {
  return Math.min(bits, Math.max(LARGEST_BLOCK, prefix + ceilLog2(Math.max(1, zoneCount))));
}

/**
 * A node or pod range split over the zones: equal subnets, at least one per zone, none
 * larger than a /16 (so each lies in one block), dealt to the zones in turn. With three
 * zones a range splits in four and the first zone gets the fourth.
 */
export function zoneSubnets(range: Cidr, zones: readonly string[]): ZoneSubnet[] {
  if (zones.length === 0) return [];
  const prefix = zoneSubnetPrefix(range.prefix, zones.length, range.bits);
  const count = 2 ** (prefix - range.prefix);
  return Array.from({ length: count }, (_, i) => ({
    zone: zones[i % zones.length],
    cidr: range.subnet(prefix, i),
    nth: Math.floor(i / zones.length),
  }));
}

/** Construct id of the subnet `nth` (from 0) of range `stem` in `zone`: `nodes-eu-west-1a`, then `nodes-eu-west-1a-2`. */
export function zoneSubnetId(stem: string, zone: string, nth: number): string {
  return nth === 0 ? `${stem}-${zone}` : `${stem}-${zone}-${nth + 1}`;
}

/** Construct ids of the subnets a range `stem` of /`prefix` splits into over `zones` (zoneSubnets), in order. */
function zoneSubnetIds(stem: string, prefix: number, zones: readonly string[]): string[] {
  return zoneSubnets(shapeOf(prefix), zones).map((s) => zoneSubnetId(stem, s.zone, s.nth));
}

/** The two edge subnets of a zone. */
export type EdgeSubnetKind = 'transit-gateway' | 'public';

/** Construct id of a zone's edge subnet: `transit-gateway-eu-west-1a`, `public-eu-west-1a`. */
export function edgeSubnetId(kind: EdgeSubnetKind, zone: string): string {
  return `${kind}-${zone}`;
}

/** Prefix of a VPC's edge block: a /27 per zone, for a /28 transit-gateway subnet and a /28 public subnet. */
export function edgePrefix(zoneCount: number): number {
  return 27 - ceilLog2(Math.max(1, zoneCount));
}

/** The edge subnets of one zone. */
export interface EdgeSlot {
  readonly zone: string;
  /** The zone's transit-gateway attachment subnet (one small subnet per zone, as AWS advises). */
  readonly transitGateway: Cidr;
  /** The zone's public subnet: internet gateway route, public NAT gateway. */
  readonly public: Cidr;
}

/** The edge block split into each zone's /28 transit-gateway subnet and /28 public subnet. */
export function edgeSlots(edge: Cidr, zones: readonly string[]): EdgeSlot[] {
  return zones.map((zone, i) => {
    const slot = edge.subnet(27, i);
    return { zone, transitGateway: slot.subnet(28, 0), public: slot.subnet(28, 1) };
  });
}

/** One block of a VPC as the rules see it. */
export interface VpcBlock {
  readonly cidr: Cidr;
  readonly kind: BlockKind;
  /** Construct path of the range's owner. */
  readonly owner: string;
  /** `node range 10.4.0.0/24 of corp/prod`, or `block 100.64.0.0/16 of pod range 100.64.0.0/14 of corp/x`. */
  readonly text: string;
  /** What the user changes to move or resize it. */
  readonly fix: string;
}

/** One VPC of a plan: a flat, island or isolated cluster's, or an archipelago's. */
export interface PlannedVpc {
  /** Construct path of the VPC's owner (cluster or archipelago). */
  readonly path: string;
  /** Primary block first. */
  readonly blocks: VpcBlock[];
  /** The clusters in it. */
  readonly clusters: ClusterPlan[];
}

const FIX: Readonly<Record<BlockKind, string>> = {
  'nodes': 'nodeCidr',
  'pods': 'podCidr',
  'edge': 'the edge block (the planner places it)',
  'proxy': 'Ingress.proxy({ subnetMaskSize })',
  'api-endpoint': 'exposeApiEndpoint',
  'vpc-block': 'the block (the planner places it)',
};

/** `node range 10.4.0.0/24 of corp/prod`, `aws-edge block 10.4.1.0/26 of corp/prod`, ... */
export function describeRange(kind: BlockKind, cidr: string, owner: string, name?: string): string {
  switch (kind) {
    case 'nodes': return `node range ${cidr} of ${owner}`;
    case 'pods': return `pod range ${cidr} of ${owner}`;
    case 'edge': return `${EDGE_RANGE} block ${cidr} of ${owner}`;
    case 'proxy': return `ALB subnet ${cidr} (${name}) of ${owner}`;
    case 'api-endpoint': return `api-endpoint subnet ${cidr} of ${owner}`;
    case 'vpc-block': return `${VPC_BLOCK} ${cidr} of ${owner}`;
  }
}

/** `2 availability zones (eu-west-1a, eu-west-1b)`. */
export function describeZones(zones: readonly string[]): string {
  return `${zones.length} availability zone${zones.length === 1 ? '' : 's'} (${zones.join(', ')})`;
}

/**
 * `blocks` with every block that lies in a block of its owner's group (a `vpc-block`)
 * replaced by that block, once, where its first member stood.
 */
function intoGroups<T extends { readonly cidr: Cidr }>(blocks: readonly T[], groups: readonly T[]): T[] {
  const out: T[] = [];
  for (const block of blocks) {
    const group = groups.find((g) => g.cidr.contains(block.cidr));
    const item = group ?? block;
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/** Every VPC the plan makes on AWS, with its blocks in the order they are built. */
export function vpcsOf(plan: NetworkPlan): PlannedVpc[] {
  const owned = (owner: string) => plan.ranges.filter((r) => r.owner === owner);
  const blocks = (owner: string, kind: BlockKind, cluster?: ClusterPlan): VpcBlock[] => {
    const ranges: Array<{ cidr: string; name?: string }> = rangesOf(kind, owned(owner), cluster);
    return ranges.flatMap(({ cidr, name }) => {
      const range = Cidr.parse(cidr);
      const whole = describeRange(kind, cidr, owner, name);
      const split = kind === 'nodes' || kind === 'pods' || kind === 'vpc-block' ? blocksOf(range) : [range];
      // A member's pod range is a slice of its archipelago's super-range: that is what moves it.
      const fix = kind === 'pods' && cluster?.archipelago ? `podCidr of archipelago ${cluster.archipelago}` : FIX[kind];
      return split.map((block) => ({
        cidr: block,
        kind,
        owner,
        text: split.length > 1 ? `block ${block} of ${whole}` : whole,
        fix,
      }));
    });
  };
  const vpcs: PlannedVpc[] = [];
  const archipelagos = new Map<string, PlannedVpc>();
  for (const range of plan.ranges.filter((r) => r.role === RangeRole.SUPER_RANGE)) {
    const vpc = { path: range.owner, blocks: blocks(range.owner, 'edge'), clusters: [] };
    archipelagos.set(range.owner, vpc);
    vpcs.push(vpc);
  }
  for (const cluster of plan.clusters) {
    const archipelago = cluster.archipelago ? archipelagos.get(cluster.archipelago) : undefined;
    const own = intoGroups(BLOCK_ORDER[cluster.model].flatMap((kind) => blocks(cluster.path, kind, cluster)), blocks(cluster.path, 'vpc-block'));
    if (archipelago) {
      archipelago.blocks.push(...own);
      archipelago.clusters.push(cluster);
    } else {
      vpcs.push({ path: cluster.path, blocks: primaryFirst(own), clusters: [cluster] });
    }
  }
  return vpcs.filter((vpc) => vpc.blocks.length > 0);
}

function rangesOf(kind: BlockKind, owned: PlannedRange[], cluster?: ClusterPlan): Array<{ cidr: string; name?: string }> {
  const named = (name: string) => owned.filter((r) => r.name === name).map((r) => ({ cidr: r.cidr }));
  switch (kind) {
    case 'nodes': return cluster ? [{ cidr: cluster.nodeCidr }] : [];
    case 'pods': return cluster && hasIpv4Pods(cluster) ? [{ cidr: cluster.podCidr }] : []; // an IPv6 cluster has no pod block
    case 'edge': return named(EDGE_RANGE);
    case 'api-endpoint': return named(API_ENDPOINT_RANGE);
    case 'vpc-block': return owned.filter((r) => r.role === RangeRole.BLOCK).map((r) => ({ cidr: r.cidr }));
    case 'proxy': return owned.filter((r) => subnetSourceOf(r) === 'proxy').map((r) => ({ cidr: r.cidr, name: r.name }));
  }
}

// IPv6. With `ipv6: true` every VPC gets a /56 (Amazon-provided, or from an IPAM pool); the
// subnets of an IPv6 or dual-stack cluster each take a /64 of it, `cidrsubnet(block, 8, netnum)`,
// numbered by the network (recorded in the plan file) since the block is known only at deploy.

/**
 * `aws_eks_cluster.kubernetes_network_config.ip_family` of each family: EKS has no dual-stack
 * pods, so a DUAL_STACK cluster's EKS family is `ipv4` (dual-stack subnets and nodes, IPv4 pods).
 */
export const EKS_IP_FAMILY: Readonly<Record<IpFamily, string>> = {
  [IpFamily.IPV4]: 'ipv4',
  [IpFamily.DUAL_STACK]: 'ipv4',
  [IpFamily.IPV6]: 'ipv6',
};

/** Bits a subnet's /64 adds to its VPC's /56. */
export const IPV6_SUBNET_NEWBITS = 8;
/** The prefix of the IPv6 block every VPC of an IPv6 network gets. */
export const VPC_IPV6_PREFIX = 56;

/** Name of a member's subnet in its archipelago's VPC (the subnet's path below the VPC's owner): `blue/nodes-eu-west-1a`. */
export function memberSubnetName(member: string, id: string): string {
  return `${member}/${id}`;
}

/** A range of an owner as the subnet layout reads it: an asked range, or a planned one with its prefix. */
export type RangeShape = Pick<IAskedRange, 'name' | 'role' | 'prefix' | 'zone'>;

/** Which subnets a range of a cluster or archipelago becomes on AWS; undefined for one that becomes none (services, blocks, an archipelago's super-range). */
export type SubnetSource = 'nodes' | 'pods' | 'edge' | 'proxy' | 'api-endpoint';

/**
 * What `range` becomes (its size aside): the renderer's sources (sourcesOf), the subnet count
 * (subnetsOf), the VPC's blocks (vpcsOf) and the ALB's subnets (AWS-LB-001) read the same answer.
 */
export function subnetSourceOf(range: Omit<RangeShape, 'prefix'>): SubnetSource | undefined {
  if (range.role === RangeRole.NODE && range.name === 'nodes') return 'nodes';
  if (range.role === RangeRole.POD && range.name === 'pods') return 'pods';
  if (range.name === EDGE_RANGE) return 'edge';
  if (range.name === API_ENDPOINT_RANGE) return 'api-endpoint';
  if (range.role === RangeRole.GATEWAY && range.zone !== undefined) return 'proxy';
  return undefined;
}

/** What a subnet is for. */
export type SubnetKind = 'nodes' | 'pods' | EdgeSubnetKind | 'proxy' | 'api-endpoint';

/** A subnet the AWS renderer makes, by its construct id beside its owner's other resources. */
export interface PlannedSubnet {
  readonly name: string;
  readonly kind: SubnetKind;
}

/**
 * The subnets the AWS renderer makes from an owner's `ranges` over `zones`, in order: node and
 * pod ranges split per zone (zoneSubnets: at least one per zone, none larger than a /16), the
 * edge block's transit-gateway and public subnet per zone (listed when `edge`, by default when
 * the owner has an edge block), an ALB subnet per proxy range and the exposed API endpoint's.
 * IPv6 adds none: an IPv6 /64 goes on a subnet the list holds already (ipv6SubnetsOf).
 */
export function subnetsOf(ranges: readonly RangeShape[], zones: readonly string[], edge: boolean = ranges.some((r) => subnetSourceOf(r) === 'edge')): PlannedSubnet[] {
  const of = (source: SubnetSource) => ranges.filter((r) => subnetSourceOf(r) === source);
  const split = (kind: 'nodes' | 'pods') => of(kind).flatMap((r) => zoneSubnetIds(kind, r.prefix, zones).map((name) => ({ name, kind })));
  const whole = (kind: 'proxy' | 'api-endpoint') => of(kind).map((r) => ({ name: r.name, kind }));
  const edges = !edge ? [] : (['transit-gateway', 'public'] as const).flatMap((kind) => zones.map((zone) => ({ name: edgeSubnetId(kind, zone), kind })));
  return [...split('nodes'), ...split('pods'), ...edges, ...whole('proxy'), ...whole('api-endpoint')];
}

/**
 * The IPv6 subnets the AWS renderer carves for `owner` in its VPC: none for an IPv4 cluster
 * or an archipelago (its edge gains IPv6 with its first dual-stack member); for an IPv6 or
 * dual-stack cluster every subnet subnetsOf lists but its pod subnets (its node, edge, ALB and
 * exposed API endpoint subnets; an archipelago member names its archipelago's edge subnets).
 * Pod subnets have none: EKS has no dual-stack pods (a DUAL_STACK cluster's pods are IPv4) and
 * an IPv6 cluster's pods take addresses from the node subnets (no custom networking). The
 * profile asks these numbers and the renderer reads them: one list for both.
 */
export function ipv6SubnetsOf(owner: ICluster | IArchipelago, zones: readonly string[]): Ipv6SubnetNeed[] {
  if (!('model' in owner) || !hasIpv6(owner)) return [];
  const cluster = owner;
  const member = cluster.archipelago;
  const vpc = (member ?? cluster).node.path;
  // A member's own subnets are named below it in its archipelago's VPC; the edge subnets are the archipelago's.
  const own = (s: PlannedSubnet) => (member && s.kind !== 'transit-gateway' && s.kind !== 'public' ? memberSubnetName(cluster.node.id, s.name) : s.name);
  const asked = cluster.askedRanges;
  return subnetsOf(asked, zones, member !== undefined || asked.some((r) => subnetSourceOf(r) === 'edge'))
    .filter((s) => s.kind !== 'pods')
    .map((s) => ({ vpc, name: own(s) }));
}
