import { IngressKind } from '../model/gateways';
import { IArchipelago, ICluster } from '../model/interfaces';
import { NetworkModel, PlannedRange, RangeRole } from '../model/plan';
import { Cidr, isRfc1918 } from '../ipam';
import { AvoidedSpace, CloudProfile, RangeNeed } from '../model/strategy';
import { Ipv6SubnetNeed } from '../model/ipv6-subnets';
import { ALB_SUBNET_PREFIX, EDGE_RANGE, edgePrefix, ipv6SubnetsOf, LARGEST_BLOCK, PROXY_RANGE_PREFIX, SMALLEST_BLOCK, VPC_BLOCK } from './layout';

/** The routable ranges AWS builds beyond each cluster's own three. */
export class AwsProfile implements CloudProfile {
  constructor(private readonly zones: readonly string[]) {}

  public clusterNeeds(cluster: ICluster): RangeNeed[] {
    const needs: RangeNeed[] = [];
    // An ALB needs a subnet in each zone (AWS-LB-001): one per zone for the first proxy gateway.
    const proxy = cluster.ingress.find((g) => g.kind === IngressKind.PROXY);
    if (proxy) {
      for (const zone of this.zones) {
        needs.push({ name: `${PROXY_RANGE_PREFIX}${zone}`, role: RangeRole.GATEWAY, prefix: proxy.subnetMaskSize ?? ALB_SUBNET_PREFIX, zone, proxy: true });
      }
    }
    // A VPC joined to the hub gets a routable edge block; an isolated VPC joins nothing.
    if (cluster.model === NetworkModel.FLAT || cluster.model === NetworkModel.ISLAND) needs.push(this.edge());
    return needs;
  }

  public archipelagoNeeds(_archipelago: IArchipelago): RangeNeed[] {
    return [this.edge()];
  }

  public memberNeeds(_archipelago: IArchipelago, _member: ICluster): RangeNeed[] {
    return [];
  }

  /**
   * The /64s the renderer carves from each VPC's IPv6 /56 for `owner` (ipv6SubnetsOf, which the
   * renderer reads too): an IPv6 or dual-stack cluster's node, edge, ALB and API-endpoint
   * subnets; nothing for an archipelago when it is made (its edge subnets are asked with its
   * first dual-stack member).
   */
  public ipv6Subnets(owner: ICluster | IArchipelago): Ipv6SubnetNeed[] {
    return ipv6SubnetsOf(owner, this.zones);
  }

  public readonly smallestZoneSubnet = SMALLEST_BLOCK;

  /** The transit gateway routes nodes, pods and gateway subnets; EKS service ranges are virtual, edge blocks stay in their VPC. */
  public linkCarries(range: PlannedRange): boolean {
    return range.role !== RangeRole.SERVICE && range.name !== EDGE_RANGE;
  }

  public avoid(role: RangeRole): AvoidedSpace[] {
    // Service ranges are virtual; every other range of a cluster becomes a block of its VPC.
    return role === RangeRole.SERVICE || role === RangeRole.RESERVED || role === RangeRole.HOLE || role === RangeRole.SUPER_RANGE ? [] : BLOCK_AVOID;
  }

  public blockGroup(model: NetworkModel, role: RangeRole): { name: string; largest: number } | undefined {
    // A VPC has 5 blocks by default (AWS-VPC-004): a cluster's small routable ranges (nodes, edge
    // block, ALB subnets) share one. Pod ranges keep blocks of their own: a block twice their
    // size would be harder to place than they are.
    const shared = model !== NetworkModel.ISOLATED && (role === RangeRole.NODE || role === RangeRole.GATEWAY);
    return shared ? { name: VPC_BLOCK, largest: LARGEST_BLOCK } : undefined;
  }

  public islandServiceSpace(islandCidr: string, taken: readonly string[]): string | undefined {
    if (isRfc1918(Cidr.parse(islandCidr))) return undefined; // services beside the pods are RFC 1918 already
    const used = taken.map((t) => Cidr.parse(t));
    // None free: the estate uses every candidate; services are then planned beside the pods, and AWS-EKS-002 says why that fails.
    return SERVICE_SPACES.find((space) => !used.some((t) => t.overlaps(space)))?.toString();
  }

  private edge(): RangeNeed {
    return { name: EDGE_RANGE, role: RangeRole.GATEWAY, prefix: edgePrefix(this.zones.length) };
  }
}

/**
 * Where AWS refuses a VPC block (AWS-VPC-003): 198.19.0.0/16 always; 10.0.0.0/16 beside any
 * other block of 10.0.0.0/15, whichever is associated first (Terraform associates in
 * parallel); 172.31.0.0/16 beside a primary in 172.16.0.0/12. Kept out of every block.
 */
const BLOCK_AVOID: AvoidedSpace[] = [
  { cidr: '10.0.0.0/16', why: 'AWS refuses a VPC block from 10.0.0.0/16 beside another block of 10.0.0.0/15 (AWS-VPC-003)' },
  { cidr: '172.31.0.0/16', why: 'AWS refuses a VPC block from 172.31.0.0/16 beside a primary block in 172.16.0.0/12 (AWS-VPC-003)' },
  { cidr: '198.19.0.0/16', why: 'AWS never associates a VPC block from 198.19.0.0/16 (AWS-VPC-003)' },
];

/** Island service spaces, in order of preference: EKS's own default first (AWS-EKS-002). */
const SERVICE_SPACES = ['172.20.0.0/16', '10.100.0.0/16', '192.168.0.0/16'].map((c) => Cidr.parse(c));
