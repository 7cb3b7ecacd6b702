import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { EgressOnlyInternetGateway } from '@cdktf/provider-aws/lib/egress-only-internet-gateway';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { Cidr } from '../ipam';
import { later } from '../model/tokens';
import { EdgeSubnetKind, edgeSlots, edgeSubnetId } from './layout';
import { pathId, tagsFor } from './names';
import { Ipv6Spoke, Transit } from './network';
import { AwsNatGateways } from './nat-gateways';
import { AwsNatConnectivity, AwsRouteTableRole, AwsSubnet, AwsSubnetRole } from './resources';
import { AwsVpc, BlockSource } from './vpc';
import { refOf } from '../model/refs';

/** Every destination outside the VPC. */
const INTERNET = '0.0.0.0/0';
/** Every IPv6 destination outside the VPC. */
const INTERNET_IPV6 = '::/0';

/**
 * How a connected VPC (flat, island, archipelago) reaches the rest: in its edge block, a /28
 * transit-gateway subnet (one per zone, as AWS advises) and a /28 public subnet per zone; the transit-gateway
 * attachment; an internet gateway with public NAT gateways (one per zone, or one); and per
 * zone a private route table sending the main network to the hub and the internet to NAT.
 */
export class Edge {
  public readonly transitSubnets: AwsSubnet[];
  public readonly publicSubnets: AwsSubnet[];
  public readonly internetGateway: InternetGateway;
  public readonly attachment: Ec2TransitGatewayVpcAttachment;
  /** How many NAT gateways of each kind the VPC gets (Cloud.aws({ natGateways })): the edge's public ones, and a cluster's private ones. */
  public readonly natGateways: AwsNatGateways;
  private readonly privateTables = new Map<string, RouteTable>();
  private readonly publicNats = new Map<string, NatGateway>();
  private readonly publicTable: RouteTable;
  private egressOnly?: EgressOnlyInternetGateway;

  constructor(private readonly vpc: AwsVpc, private readonly transit: Transit, edge: BlockSource, dependsOn: ITerraformDependable[]) {
    const natGateways = this.natGateways = transit.natGateways;
    const owner = vpc.owner;
    const zones = vpc.zones;
    const slots = () => edgeSlots(Cidr.parse(edge.cidr()), zones);
    const subnet = (role: AwsSubnetRole, id: EdgeSubnetKind, zone: string, cidr: () => Cidr) =>
      vpc.addSubnet(owner, { id: edgeSubnetId(id, zone), role, zone, cidr: later(() => cidr().toString()), dependsOn });
    this.transitSubnets = zones.map((zone, i) => subnet(AwsSubnetRole.TRANSIT_GATEWAY, 'transit-gateway', zone, () => slots()[i].transitGateway));
    this.publicSubnets = zones.map((zone, i) => subnet(AwsSubnetRole.PUBLIC, 'public', zone, () => slots()[i].public));

    this.internetGateway = new InternetGateway(owner, 'internet-gateway', { vpcId: refOf(vpc.vpc, 'id'), tags: tagsFor(owner, 'igw') });
    const publicTable = this.publicTable = vpc.addRouteTable(owner, 'public-route-table', AwsRouteTableRole.PUBLIC);
    vpc.addRoute(owner, 'public-route-table-internet', publicTable, { destinationCidrBlock: INTERNET, gatewayId: this.internetGateway.id });
    for (const s of this.publicSubnets) vpc.useTable(s, publicTable);

    const natZones = natGateways === AwsNatGateways.SINGLE ? zones.slice(0, 1) : zones;
    natZones.forEach((zone, i) => {
      const elasticIp = new Eip(owner, `nat-ip-${zone}`, { domain: 'vpc', tags: tagsFor(owner, 'nat', zone) });
      const natGateway = new NatGateway(owner, `nat-${zone}`, {
        connectivityType: 'public',
        allocationId: elasticIp.allocationId,
        subnetId: this.publicSubnets[i].subnet.id,
        dependsOn: [this.internetGateway],
        tags: tagsFor(owner, 'nat', zone),
      });
      this.publicNats.set(zone, natGateway);
      vpc.recordNat(owner, { connectivity: AwsNatConnectivity.PUBLIC, availabilityZone: zone, natGateway, elasticIp });
    });

    this.attachment = transit.attach(owner, vpc.vpc, this.transitSubnets.map((s) => s.subnet.id));
    for (const [i, zone] of zones.entries()) {
      const table = vpc.addRouteTable(owner, `private-route-table-${zone}`, AwsRouteTableRole.PRIVATE, zone);
      this.toNetwork(owner, `private-route-table-${zone}`, table, { transitGatewayId: refOf(transit.gateway, 'id') });
      this.toInternet(owner, `private-route-table-${zone}`, table, zone);
      this.privateTables.set(zone, table);
      vpc.useTable(this.transitSubnets[i], table);
    }
  }

  /** The VPC's egress-only internet gateway: made with its first IPv6 or dual-stack cluster. @default - none */
  public get egressOnlyInternetGateway(): EgressOnlyInternetGateway | undefined {
    return this.egressOnly;
  }

  /**
   * IPv6 out of the VPC, once (its first IPv6 or dual-stack cluster): an egress-only internet
   * gateway, `::/0` to it from every private route table (IPv6 addresses are not translated:
   * pods and nodes leave with their own, and nothing outside can open a connection in), and
   * `::/0` to the internet gateway from the public route table. Only a flat cluster's VPC
   * routes its IPv6 block through the hub (routeIpv6AcrossHub).
   */
  public enableIpv6(): void {
    if (this.egressOnly) return;
    const owner = this.vpc.owner;
    const gateway = this.egressOnly = new EgressOnlyInternetGateway(owner, 'egress-only-internet-gateway', { vpcId: refOf(this.vpc.vpc, 'id'), tags: tagsFor(owner, 'eigw') });
    this.vpc.addRoute(owner, 'public-route-table-internet-ipv6', this.publicTable, { destinationIpv6CidrBlock: INTERNET_IPV6, gatewayId: refOf(this.internetGateway, 'id') });
    for (const [zone, table] of this.privateTables) {
      this.vpc.addRoute(owner, `private-route-table-${zone}-internet-ipv6`, table, { destinationIpv6CidrBlock: INTERNET_IPV6, egressOnlyGatewayId: refOf(gateway, 'id') });
    }
  }

  /**
   * The IPv6 half of a flat cluster across the hub, where every address is unique: IPv6 support
   * on the attachment (its transit-gateway subnets hold /64s of the VPC's block, as AWS requires),
   * a static hub route sending the VPC's /56 to it, and in every private route table a route to
   * the /56 of each other such VPC through the hub, whichever cluster was written first. The
   * blocks are references (`aws_vpc.x.ipv6_cidr_block`), known at deploy only. Returns the VPC
   * as a spoke, for its security group to tell from the others.
   */
  public routeIpv6AcrossHub(description: string): Ipv6Spoke {
    const owner = this.vpc.owner;
    const own: Ipv6Spoke = { id: `ipv6-${pathId(owner)}`, cidr: this.vpc.ipv6CidrBlock!, description };
    // In place: the provider modifies an attachment's ipv6_support (ModifyTransitGatewayVpcAttachment), never replaces it.
    this.attachment.ipv6Support = 'enable';
    this.vpc.recordHubRoute(owner, this.transit.route(owner, 'hub-route-ipv6', own.cidr, this.attachment));
    this.transit.forEachIpv6Spoke((other) => {
      if (other === own) return;
      for (const [zone, table] of this.privateTables) {
        this.vpc.addRoute(owner, `private-route-table-${zone}-${other.id}`, table, {
          destinationIpv6CidrBlock: other.cidr, transitGatewayId: refOf(this.transit.gateway, 'id'), dependsOn: [this.attachment],
        });
      }
    });
    this.transit.addIpv6Spoke(own);
    return own;
  }

  /** The private route table of `zone`: main network to the hub, internet to public NAT. */
  public privateTable(zone: string): RouteTable {
    return this.privateTables.get(zone)!;
  }

  /** A route in `table` sending the main network's cidr to `target` (the hub, or a private NAT gateway). */
  public toNetwork(scope: Construct, id: string, table: RouteTable, target: { transitGatewayId?: string; natGatewayId?: string }): void {
    // A route to the hub needs the VPC attached first.
    const dependsOn = target.transitGatewayId ? [this.attachment] : undefined;
    this.vpc.addRoute(scope, `${id}-network`, table, { destinationCidrBlock: this.vpc.network.cidr, ...target, dependsOn });
    // Networks across a CloudLink are reached the same way.
    this.transit.forEachPeer((peer) => this.vpc.addRoute(scope, `${id}-${peer.id}`, table, { destinationCidrBlock: peer.cidr, ...target, dependsOn }));
  }

  /** A route in `table` sending the internet to the public NAT gateway serving `zone`. */
  public toInternet(scope: Construct, id: string, table: RouteTable, zone: string): void {
    this.vpc.addRoute(scope, `${id}-internet`, table, { destinationCidrBlock: INTERNET, natGatewayId: this.publicNat(zone).id });
  }

  /** A static route on the hub sending `destination` (a routable range, read at synth) to this VPC. */
  public routeFromHub(scope: Construct, id: string, destination: () => string): void {
    this.vpc.recordHubRoute(scope, this.transit.route(scope, id, later(destination), this.attachment));
  }

  /** The public NAT gateway serving `zone`. */
  private publicNat(zone: string): NatGateway {
    return this.publicNats.get(zone) ?? [...this.publicNats.values()][0];
  }
}
