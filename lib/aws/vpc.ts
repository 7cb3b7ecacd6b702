import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { Route, RouteConfig } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcIpv4CidrBlockAssociation } from '@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association';
import { Fn, ITerraformDependable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Cidr } from '../ipam';
import { later, laterAny } from '../model/tokens';
import { primaryFirst } from './association';
import { FlowLogs } from './flow-logs';
import { blocksOf, ipv6SubnetsOf, IPV6_SUBNET_NEWBITS, memberSubnetName, shapeOf, VPC_IPV6_PREFIX, ZoneSubnet, zoneSubnetId, zoneSubnets } from './layout';
import { ec2Text, securityGroupName, tagsFor } from './names';
import { AwsNatGateway, AwsRouteTable, AwsRouteTableRole, AwsSubnet, AwsSubnetRole, AwsVpcResources } from './resources';
import { ICluster, INetwork } from '../model/interfaces';
import { refOf } from '../model/refs';

/** A planned range that becomes VPC blocks: its size now, its value at synth. */
export interface BlockSource {
  /** Construct id stem of its resources, e.g. `pods`, `proxy-eu-west-1a`. */
  readonly id: string;
  /** Its prefix length, known when it was asked for. */
  readonly prefix: number;
  /** The planned range; read at synth only. */
  readonly cidr: () => string;
  /** True for node and pod ranges, which become /16 blocks when larger (blocksOf); others are one block. */
  readonly splits: boolean;
  /** The zone its one subnet goes in (proxy subnets). @default - the VPC's first zone */
  readonly zone?: string;
  /** The block it shares with its owner's other ranges, which the VPC associates instead. @default - a block of its own */
  readonly block?: BlockSource;
}

/** The VPC blocks of `source` once planned as `range`. */
function sourceBlocks(source: BlockSource, range: Cidr): Cidr[] {
  return source.splits ? blocksOf(range) : [range];
}

/** A resource and the construct (VPC owner or member cluster) it was made for. */
interface Owned<T> {
  readonly owner: IConstruct;
  readonly item: T;
}

const SUBNET_TAGS: Partial<Record<AwsSubnetRole, Record<string, string>>> = {
  // Where Kubernetes' AWS load balancer controller puts internal and internet-facing load balancers.
  [AwsSubnetRole.NODES]: { 'kubernetes.io/role/internal-elb': '1' },
  [AwsSubnetRole.PUBLIC]: { 'kubernetes.io/role/elb': '1' },
};

/**
 * One VPC and everything in it, recorded by the construct it was made for: a flat, island
 * or isolated cluster owns its VPC; an archipelago owns one its members add to.
 */
export class AwsVpc {
  public readonly vpc: Vpc;
  public readonly zones: readonly string[];
  /** The blocks made with the VPC, after its primary: what every subnet of those sources depends on. */
  public readonly initialAssociations: VpcIpv4CidrBlockAssociation[] = [];
  /** Its flow log; undefined when flow logs are off. */
  public readonly flowLog?: FlowLog;
  private readonly blocks: Array<Owned<VpcIpv4CidrBlockAssociation>> = [];
  private readonly subnets: Array<Owned<AwsSubnet>> = [];
  private readonly tables: Array<Owned<AwsRouteTable>> = [];
  private readonly nats: Array<Owned<AwsNatGateway>> = [];
  private readonly groups: Array<Owned<SecurityGroup>> = [];
  private readonly hubRoutes: Array<Owned<Ec2TransitGatewayRoute>> = [];
  /** Names of the subnets that take a /64 of the VPC's IPv6 block (see ipv6SubnetsOf), and the subnets made, by name. */
  private readonly ipv6Names = new Set<string>();
  private readonly byName = new Map<string, AwsSubnet>();

  /**
   * Makes the VPC over the blocks of `sources` (in order of preference): the primary is the
   * first that AWS lets the others join (primaryFirst, decided at synth), the others are
   * associated as `block-1`, `block-2`, ... in order. Its traffic goes to the network's flow logs.
   */
  constructor(public readonly owner: Construct, public readonly network: INetwork, sources: readonly BlockSource[], flowLogs: FlowLogs) {
    this.zones = network.cloud.availabilityZones;
    const count = sources.reduce((n, source) => n + sourceBlocks(source, shapeOf(source.prefix)).length, 0);
    const ordered = () => primaryFirst(sources.flatMap((source) => sourceBlocks(source, Cidr.parse(source.cidr())).map((cidr) => ({ cidr }))))
      .map((block) => block.cidr.toString());
    this.vpc = new Vpc(owner, 'vpc', {
      cidrBlock: later(() => ordered()[0]),
      enableDnsHostnames: true,
      enableDnsSupport: true,
      // With IPv6, a /56: Amazon-provided, or from the network's IPAM pool. Known at deploy only.
      ...(!network.ipv6 ? {} : network.ipv6IpamPoolId
        ? { ipv6IpamPoolId: network.ipv6IpamPoolId, ipv6NetmaskLength: VPC_IPV6_PREFIX }
        : { assignGeneratedIpv6CidrBlock: true }),
      tags: tagsFor(owner),
    });
    this.flowLog = flowLogs.forVpc(owner, this.vpc);
    for (let i = 1; i < count; i++) {
      const association = new VpcIpv4CidrBlockAssociation(owner, `block-${i}`, { vpcId: refOf(this.vpc, 'id'), cidrBlock: later(() => ordered()[i]) });
      this.blocks.push({ owner, item: association });
      this.initialAssociations.push(association);
    }
  }

  /** Associates the blocks of `source` after those the VPC has (archipelago members), and returns the associations. */
  public addBlocks(scope: Construct, source: BlockSource): VpcIpv4CidrBlockAssociation[] {
    const count = sourceBlocks(source, shapeOf(source.prefix)).length;
    const made: VpcIpv4CidrBlockAssociation[] = [];
    for (let i = 0; i < count; i++) {
      const stem = source.id.endsWith('block') ? source.id : `${source.id}-block`;
      const id = count > 1 ? `${stem}-${i + 1}` : stem;
      const association = new VpcIpv4CidrBlockAssociation(scope, id, { vpcId: refOf(this.vpc, 'id'), cidrBlock: later(() => sourceBlocks(source, Cidr.parse(source.cidr()))[i].toString()) });
      this.blocks.push({ owner: scope, item: association });
      made.push(association);
    }
    return made;
  }

  /** Splits `source` over the zones (see zoneSubnets): one subnet or more per zone. */
  public addZoneSubnets(scope: Construct, role: AwsSubnetRole, source: BlockSource, dependsOn: ITerraformDependable[]): AwsSubnet[] {
    const shape = zoneSubnets(shapeOf(source.prefix), this.zones);
    return shape.map((s: ZoneSubnet, i) => this.addSubnet(scope, {
      id: zoneSubnetId(source.id, s.zone, s.nth),
      role,
      zone: s.zone,
      cidr: later(() => zoneSubnets(Cidr.parse(source.cidr()), this.zones)[i].cidr.toString()),
      dependsOn,
    }));
  }

  /** One subnet. */
  public addSubnet(scope: Construct, props: { id: string; role: AwsSubnetRole; zone: string; cidr: string; dependsOn?: ITerraformDependable[] }): AwsSubnet {
    const subnet = new Subnet(scope, props.id, {
      vpcId: refOf(this.vpc, 'id'),
      cidrBlock: props.cidr,
      availabilityZone: props.zone,
      // Nodes, load balancers and NAT gateways get no public address from the subnet (public NAT gateways take an Elastic IP).
      mapPublicIpOnLaunch: false,
      dependsOn: props.dependsOn?.length ? props.dependsOn : undefined,
      tags: { ...tagsFor(scope, props.id), ...SUBNET_TAGS[props.role] },
    });
    const made: AwsSubnet = { role: props.role, availabilityZone: props.zone, subnet, cidrBlock: props.cidr };
    this.subnets.push({ owner: scope, item: made });
    const name = scope === this.owner ? props.id : memberSubnetName(scope.node.id, props.id);
    this.byName.set(name, made);
    if (this.ipv6Names.has(name)) this.giveIpv6(name, made);
    return made;
  }

  /**
   * Gives the subnets `cluster` has in this VPC (made or still to make) a /64 of the VPC's IPv6
   * block each, numbered by the network (ipv6SubnetsOf, which the AWS profile asked numbers
   * for). Returns true for the VPC's first IPv6 or dual-stack cluster: what the whole VPC
   * needs for IPv6 (an egress-only internet gateway, routes) is made then.
   */
  public useIpv6(cluster: ICluster): boolean {
    const names = ipv6SubnetsOf(cluster, this.zones).filter((n) => n.vpc === this.owner.node.path).map((n) => n.name);
    if (names.length === 0) return false;
    const first = this.ipv6Names.size === 0;
    for (const name of names) {
      if (this.ipv6Names.has(name)) continue;
      this.ipv6Names.add(name);
      const made = this.byName.get(name);
      if (made) this.giveIpv6(name, made);
    }
    return first;
  }

  /** The VPC's IPv6 /56 (a reference resolved at deploy); undefined unless the network has IPv6. */
  public get ipv6CidrBlock(): string | undefined {
    if (!this.network.ipv6) return undefined;
    return refOf(this.vpc, 'ipv6CidrBlock');
  }

  /** `cidrsubnet(vpc.ipv6_cidr_block, 8, netnum)`, the number read from the plan at synth; new ENIs in it get an IPv6 address. */
  private giveIpv6(name: string, made: AwsSubnet): void {
    const vpcPath = this.owner.node.path;
    const netnum = Token.asNumber(laterAny(() => this.network.ipv6NetnumOf(vpcPath, name)));
    const block = Fn.cidrsubnet(this.ipv6CidrBlock!, IPV6_SUBNET_NEWBITS, netnum);
    made.subnet.ipv6CidrBlock = block;
    made.subnet.assignIpv6AddressOnCreation = true;
    (made as { ipv6CidrBlock?: string }).ipv6CidrBlock = block;
  }

  /** A route table for `role` (in `zone`). */
  public addRouteTable(scope: Construct, id: string, role: AwsRouteTableRole, zone?: string): RouteTable {
    const routeTable = new RouteTable(scope, id, { vpcId: refOf(this.vpc, 'id'), tags: tagsFor(scope, id) });
    this.tables.push({ owner: scope, item: { role, availabilityZone: zone, routeTable } });
    return routeTable;
  }

  /** A route in `table`. */
  public addRoute(scope: Construct, id: string, table: RouteTable, route: Omit<RouteConfig, 'routeTableId'>): Route {
    return new Route(scope, id, { ...route, routeTableId: refOf(table, 'id') });
  }

  /** Puts `subnet` on `table` (the association sits beside the subnet). */
  public useTable(subnet: AwsSubnet, table: RouteTable): void {
    const scope = subnet.subnet.node.scope as Construct;
    new RouteTableAssociation(scope, `${subnet.subnet.node.id}-routes`, { subnetId: refOf(subnet.subnet, 'id'), routeTableId: refOf(table, 'id') });
  }

  /** A security group with no rules yet. */
  public addSecurityGroup(scope: Construct, id: string, description: string): SecurityGroup {
    const group = new SecurityGroup(scope, id, {
      name: securityGroupName(scope, id),
      description: ec2Text(description),
      vpcId: refOf(this.vpc, 'id'),
      revokeRulesOnDelete: true,
      tags: tagsFor(scope, id),
    });
    this.groups.push({ owner: scope, item: group });
    return group;
  }

  /** Records a NAT gateway. */
  public recordNat(scope: Construct, nat: AwsNatGateway): void {
    this.nats.push({ owner: scope, item: nat });
  }

  /** Records a static route on the hub to a range of this VPC. */
  public recordHubRoute(scope: Construct, route: Ec2TransitGatewayRoute): void {
    this.hubRoutes.push({ owner: scope, item: route });
  }

  /**
   * Everything made for the VPC's owner and for `member` (an archipelago member): what a
   * cluster sees. Without a member, everything in the VPC (what an archipelago sees).
   */
  public resources(member?: IConstruct): Omit<AwsVpcResources, 'internetGateway' | 'egressOnlyInternetGateway' | 'transitGatewayAttachment'> {
    const mine = <T>(list: Array<Owned<T>>) => list.filter((o) => !member || o.owner === this.owner || o.owner === member).map((o) => o.item);
    return {
      vpc: this.vpc,
      flowLog: this.flowLog,
      cidrBlockAssociations: mine(this.blocks),
      subnets: mine(this.subnets),
      routeTables: mine(this.tables),
      natGateways: mine(this.nats),
      transitGatewayRoutes: mine(this.hubRoutes),
      securityGroups: mine(this.groups),
    };
  }
}
