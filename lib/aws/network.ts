import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayRouteTable } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table';
import { Ec2TransitGatewayRouteTableAssociation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Construct } from 'constructs';
import { Cidr } from '../ipam';
import { planError } from '../model/errors';
import { tagsFor } from './names';
import { AwsFlowLogSettings } from './flow-log-settings';
import { FlowLogs } from './flow-logs';
import { AwsNatGateways } from './nat-gateways';
import { AwsNetworkResources } from './resources';
import { INetwork } from '../model/interfaces';
import { refOf } from '../model/refs';
import { Registry } from './registry';
import { Reached } from './group-rules';

/**
 * A network beyond the transit gateway (across a CloudLink) that this network's VPCs reach
 * through it: its id is stable for the link, its cidr the peer network's routable space.
 */
export type TransitPeer = Reached;

/**
 * A VPC whose IPv6 /56 the hub routes: a flat IPv6 or dual-stack cluster's. In IPv6 every
 * address is unique, so flat clusters reach each other's IPv6 halves directly through the hub.
 * Its id is stable for the cluster (its path), its cidr a reference to
 * `aws_vpc.x.ipv6_cidr_block`, known at deploy only.
 */
export type Ipv6Spoke = Reached;

/**
 * The main network's hub: a transit gateway with one route table of its own. Default
 * association and propagation are off, so nothing is learned: every route is a static
 * route to a routable range, and island pod blocks are never routed (AWS's overlapping-networks pattern).
 */
export class Transit {
  public readonly gateway: Ec2TransitGateway;
  public readonly routeTable: Ec2TransitGatewayRouteTable;
  private readonly peers = new Registry<TransitPeer>();
  private readonly ipv6Spokes = new Registry<Ipv6Spoke>();
  /** The flow logs of every VPC of the network. */
  public readonly flowLogs: FlowLogs;

  constructor(public readonly network: INetwork, public readonly natGateways: AwsNatGateways, flowLogs: AwsFlowLogSettings) {
    if (Cidr.parse(network.cidr).family !== 4) {
      throw planError(network, 'INPUT-002', `cidr ${network.cidr} is IPv6: the AWS layer renders IPv4 networks only — use an IPv4 cidr on Cloud.aws(), with ipv6: true for dual-stack and IPv6 clusters (every VPC gets an IPv6 /56)`);
    }
    this.gateway = new Ec2TransitGateway(network, 'transit-gateway', {
      description: `Hub of the main network ${network.node.path} (${network.cidr})`,
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      autoAcceptSharedAttachments: 'disable',
      dnsSupport: 'enable',
      tags: tagsFor(network, 'tgw'),
    });
    this.flowLogs = new FlowLogs(network, flowLogs);
    this.routeTable = new Ec2TransitGatewayRouteTable(network, 'transit-gateway-routes', {
      transitGatewayId: refOf(this.gateway, 'id'),
      tags: tagsFor(network, 'tgw-routes'),
    });
  }

  /** Attaches `vpc` in `subnetIds` (one per zone), associated with the hub's route table. */
  public attach(scope: Construct, vpc: Vpc, subnetIds: string[]): Ec2TransitGatewayVpcAttachment {
    const attachment = new Ec2TransitGatewayVpcAttachment(scope, 'transit-gateway-attachment', {
      transitGatewayId: refOf(this.gateway, 'id'),
      vpcId: vpc.id,
      subnetIds,
      dnsSupport: 'enable',
      transitGatewayDefaultRouteTableAssociation: false,
      transitGatewayDefaultRouteTablePropagation: false,
      tags: tagsFor(scope),
    });
    new Ec2TransitGatewayRouteTableAssociation(scope, 'transit-gateway-association', {
      transitGatewayAttachmentId: refOf(attachment, 'id'),
      transitGatewayRouteTableId: refOf(this.routeTable, 'id'),
    });
    return attachment;
  }

  /** A static route on the hub: `destination` (a planned range) goes to `attachment`. */
  public route(scope: Construct, id: string, destination: string, attachment: Ec2TransitGatewayVpcAttachment): Ec2TransitGatewayRoute {
    return new Ec2TransitGatewayRoute(scope, id, {
      destinationCidrBlock: destination,
      transitGatewayAttachmentId: refOf(attachment, 'id'),
      transitGatewayRouteTableId: refOf(this.routeTable, 'id'),
    });
  }

  /**
   * Calls `handler` for every peer network, now and as links are added: whatever routes or
   * admits the main network through the hub (a route table, a security group) does the same
   * for the networks beyond it, whichever construct came first.
   */
  public forEachPeer(handler: (peer: TransitPeer) => void): void {
    this.peers.forEach(handler);
  }

  /** Adds a network reached through the hub (a CloudLink's far side). */
  public addPeer(peer: TransitPeer): void {
    this.peers.add(peer);
  }

  /**
   * Calls `handler` for every VPC whose IPv6 block the hub routes, now and as flat IPv6 and
   * dual-stack clusters are added: a flat cluster's route tables and security group take the
   * IPv6 blocks of the others, whichever was written first.
   */
  public forEachIpv6Spoke(handler: (spoke: Ipv6Spoke) => void): void {
    this.ipv6Spokes.forEach(handler);
  }

  /** Adds a VPC whose IPv6 block the hub routes (a flat IPv6 or dual-stack cluster's). */
  public addIpv6Spoke(spoke: Ipv6Spoke): void {
    this.ipv6Spokes.add(spoke);
  }

  public resources(): AwsNetworkResources {
    const { group, role } = this.flowLogs.resources();
    return { transitGateway: this.gateway, transitGatewayRouteTable: this.routeTable, flowLogGroup: group, flowLogRole: role };
  }
}
