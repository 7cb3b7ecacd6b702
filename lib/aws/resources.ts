import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayRouteTable } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table';
import { CustomerGateway } from '@cdktf/provider-aws/lib/customer-gateway';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { EgressOnlyInternetGateway } from '@cdktf/provider-aws/lib/egress-only-internet-gateway';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpnConnection } from '@cdktf/provider-aws/lib/vpn-connection';
import { VpcIpv4CidrBlockAssociation } from '@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association';
import { IConstruct } from 'constructs';
import { attach, attached } from '../model/attached';


/** What a subnet is for. */
export enum AwsSubnetRole {
  /** Node ENIs (the primary ENI of each instance); routable. */
  NODES = 'NODES',
  /** Pod ENIs, through the VPC CNI's custom networking (one ENIConfig per zone). */
  PODS = 'PODS',
  /** The /28 the transit-gateway attachment puts its ENI in (one small dedicated subnet per zone, as AWS advises). */
  TRANSIT_GATEWAY = 'TRANSIT_GATEWAY',
  /** Routes to the internet gateway; holds the public NAT gateways. */
  PUBLIC = 'PUBLIC',
  /** The internal application load balancer of a proxy gateway (AWS-LB-001). */
  PROXY = 'PROXY',
  /** The routable /28 of an isolated cluster's exposed API endpoint. */
  API_ENDPOINT = 'API_ENDPOINT',
}

/** One subnet, with what it is for and where. */
export interface AwsSubnet {
  /** What the subnet is for. */
  readonly role: AwsSubnetRole;
  /** Its availability zone. */
  readonly availabilityZone: string;
  /** The subnet. */
  readonly subnet: Subnet;
  /** Its CIDR block, as planned (a token resolved at synth). */
  readonly cidrBlock: string;
  /**
   * Its IPv6 /64: `cidrsubnet(<the VPC's ipv6_cidr_block>, 8, <netnum>)`, the number planned
   * and recorded in the plan file (a token resolved at deploy).
   * @default - none: the subnet is IPv4 only (an IPv4 cluster's, or a pod subnet)
   */
  readonly ipv6CidrBlock?: string;
}

/** Whether a NAT gateway faces the internet or the main network. */
export enum AwsNatConnectivity {
  /** In a public subnet with an Elastic IP: internet egress. */
  PUBLIC = 'PUBLIC',
  /** In a routable subnet, no Elastic IP: island pods reach the main network from its address (an AWS private NAT gateway). */
  PRIVATE = 'PRIVATE',
}

/** One NAT gateway. */
export interface AwsNatGateway {
  /** Public or private. */
  readonly connectivity: AwsNatConnectivity;
  /** The zone it serves. */
  readonly availabilityZone: string;
  /** The NAT gateway. */
  readonly natGateway: NatGateway;
  /** Its Elastic IP. @default - none: a private NAT gateway has none */
  readonly elasticIp?: Eip;
}

/** What a route table is for. */
export enum AwsRouteTableRole {
  /** Public subnets: the internet through the internet gateway. */
  PUBLIC = 'PUBLIC',
  /** Node, transit-gateway and proxy subnets (and pod subnets, unless pods leave through a private NAT gateway): the main network through the transit gateway, the internet through a public NAT gateway. */
  PRIVATE = 'PRIVATE',
  /** Pod subnets of `Egress.nat()`: the main network through the private NAT gateway. */
  PODS = 'PODS',
  /** An isolated cluster's subnets: nothing but the VPC. */
  ISOLATED = 'ISOLATED',
  /** An isolated cluster's API-endpoint subnet: the main network through the transit gateway. */
  API_ENDPOINT = 'API_ENDPOINT',
}

/** One route table. */
export interface AwsRouteTable {
  /** What it is for. */
  readonly role: AwsRouteTableRole;
  /** The zone its subnets are in. @default - every zone */
  readonly availabilityZone?: string;
  /** The route table. */
  readonly routeTable: RouteTable;
}

/** One ENIConfig of the VPC CNI's custom networking: which subnet pod ENIs of a zone use (custom networking). */
export interface AwsEniConfig {
  /** The ENIConfig's name: the zone, as `ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone` selects it (`<zone>-<n>` for a zone's further pod subnets). */
  readonly name: string;
  /** The zone of the subnet. */
  readonly availabilityZone: string;
  /** `spec.subnet`: the pod subnet (a token resolved at synth). */
  readonly subnetId: string;
  /** `spec.securityGroups`: the security groups of pod ENIs. */
  readonly securityGroupIds: string[];
}

/** How the Amazon VPC CNI must be set for the cluster's model. */
export interface AwsCniSettings {
  /** Pods take addresses from their own subnets (`AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG`). */
  readonly customNetworking: boolean;
  /**
   * `AWS_VPC_K8S_CNI_EXTERNALSNAT`: false when the node SNATs pods leaving the
   * VPC (island masquerade, isolated); true when pods keep their address (flat) or a NAT
   * gateway translates them (`Egress.nat()`).
   */
  readonly externalSnat: boolean;
  /** The aws-node DaemonSet's environment, ready to set. */
  readonly environment: { [name: string]: string };
  /** One ENIConfig per pod subnet (per zone), named by zone. */
  readonly eniConfigs: AwsEniConfig[];
}

/** The AWS resources of a main network. */
export interface AwsNetworkResources {
  /** The hub every connected VPC attaches to; default association and propagation are off. */
  readonly transitGateway: Ec2TransitGateway;
  /** Its route table: static routes to routable ranges only, never to island pods. */
  readonly transitGatewayRouteTable: Ec2TransitGatewayRouteTable;
  /** The CloudWatch Logs group the network's VPC flow logs go to. @default - none: flow logs off, or sent to the S3 bucket `flowLogDestinationArn` names */
  readonly flowLogGroup?: CloudwatchLogGroup;
  /** The IAM role the flow-logs service writes to `flowLogGroup` with. @default - none, as for flowLogGroup */
  readonly flowLogRole?: IamRole;
}

/** The resources of one VPC and what it connects through. */
export interface AwsVpcResources {
  /** The VPC: DNS hostnames and resolution on (AWS-EKS-001). */
  readonly vpc: Vpc;
  /** Its associated (secondary) IPv4 blocks. */
  readonly cidrBlockAssociations: VpcIpv4CidrBlockAssociation[];
  /** Its subnets, by role and zone. */
  readonly subnets: AwsSubnet[];
  /** Its route tables, by role and zone. */
  readonly routeTables: AwsRouteTable[];
  /** Its NAT gateways, public and private. */
  readonly natGateways: AwsNatGateway[];
  /** Its VPC flow log (AWS-LOG-001). @default - none: `Cloud.aws({ flowLogs: false })` */
  readonly flowLog?: FlowLog;
  /** The internet gateway. @default - none: an isolated VPC has none */
  readonly internetGateway?: InternetGateway;
  /**
   * The egress-only internet gateway `::/0` leaves through from the private route tables, made
   * with the VPC's first IPv6 or dual-stack cluster. @default - none: an IPv4-only VPC, or an isolated one
   */
  readonly egressOnlyInternetGateway?: EgressOnlyInternetGateway;
  /** The attachment to the network's transit gateway. @default - none: an isolated VPC has none (unless it exposes its API endpoint) */
  readonly transitGatewayAttachment?: Ec2TransitGatewayVpcAttachment;
  /** Static routes on the transit gateway's route table to this VPC's routable ranges. */
  readonly transitGatewayRoutes: Ec2TransitGatewayRoute[];
  /** Its security groups. */
  readonly securityGroups: SecurityGroup[];
}

/** The resources of an archipelago: one VPC for all its members. */
export interface AwsArchipelagoResources extends AwsVpcResources {
  /** Attached to every member's nodes and pods: members reach each other freely (flat inside). */
  readonly membersSecurityGroup: SecurityGroup;
}

/** The AWS resources of one cluster: what an EKS cluster and its node groups attach to. */
export interface AwsClusterResources extends AwsVpcResources {
  /** The node subnets' ids, one or more per zone: `aws_eks_cluster.vpc_config.subnet_ids`. */
  readonly nodeSubnetIds: string[];
  /**
   * Attached to the cluster's nodes; in a flat or isolated cluster the pods hold it too (through
   * the ENIConfigs, or an IPv6 cluster's on the nodes' own ENIs). An island's NodePort rules are
   * on it. In an archipelago, attach the archipelago's `membersSecurityGroup` to the nodes too
   * (it is in `securityGroups`). Name it in the EKS cluster's `vpc_config.security_group_ids`:
   * the control plane's ENIs then hold it, so they reach the pods (webhooks) and the pods reach them.
   */
  readonly nodeSecurityGroup: SecurityGroup;
  /**
   * The security group of the cluster's pods, which the ENIConfigs name. An island's or
   * archipelago member's pods hold one of their own: open among them, both ways with
   * `nodeSecurityGroup`, and to the cluster's load balancers (their targets are pods), never to
   * a range, so the nodes' NodePort rules stay off pod addresses. A flat or isolated cluster's
   * pods hold `nodeSecurityGroup` itself.
   */
  readonly podSecurityGroup: SecurityGroup;
  /** The internal network load balancer of `Ingress.loadBalancer()`. @default - none */
  readonly networkLoadBalancer?: Lb;
  /** Its target groups, one per port (target type `ip`: bind pods to them). */
  readonly targetGroups: LbTargetGroup[];
  /** Listeners of the load balancers. */
  readonly listeners: LbListener[];
  /** The internal application load balancer of `Ingress.proxy()`. @default - none */
  readonly applicationLoadBalancer?: Lb;
  /**
   * `aws_eks_cluster.kubernetes_network_config.ip_family`: `ipv6` for an IpFamily.IPV6 cluster,
   * `ipv4` otherwise (EKS has no dual-stack pods: a DUAL_STACK cluster's pods are IPv4). EKS
   * cannot change it in place (AWS-IPV6-002).
   */
  readonly ipFamily: string;
  /**
   * `aws_eks_cluster.kubernetes_network_config.service_ipv4_cidr`: the planned service range (a token resolved at synth; AWS-EKS-002).
   * @default - none for an IpFamily.IPV6 cluster: EKS picks its IPv6 service range itself, from fc00::/7
   */
  readonly serviceIpv4Cidr?: string;
  /** The VPC CNI's settings for the model. */
  readonly cni: AwsCniSettings;
}

/** The AWS side of a CloudLink. */
export interface AwsLinkResources {
  /** One per HA VPN interface of the GCP side: its address and the GCP side's ASN. */
  readonly customerGateways: CustomerGateway[];
  /** One per customer gateway, two tunnels each, to the network's transit gateway (associated with and propagating into its route table). */
  readonly vpnConnections: VpnConnection[];
}

// Getters, not snapshots: an archipelago's VPC gains blocks and routes as members are added.
const NETWORK_RESOURCES = Symbol('cdktf-kube-networks.aws.network');
const ARCHIPELAGO_RESOURCES = Symbol('cdktf-kube-networks.aws.archipelago');
const CLUSTER_RESOURCES = Symbol('cdktf-kube-networks.aws.cluster');
const LINK_RESOURCES = Symbol('cdktf-kube-networks.aws.link');

/** Where to find the AWS resources a network, archipelago or cluster made. */
export class AwsResources {
  /** The resources of a cluster (for an archipelago member, its VPC is the archipelago's). */
  public static of(cluster: IConstruct): AwsClusterResources {
    return find(CLUSTER_RESOURCES, cluster, 'it is not a cluster of a network on Cloud.aws()');
  }

  /** The resources of an archipelago. */
  public static ofArchipelago(archipelago: IConstruct): AwsArchipelagoResources {
    return find(ARCHIPELAGO_RESOURCES, archipelago, 'it is not an Archipelago of a network on Cloud.aws()');
  }

  /** The AWS side of a CloudLink. */
  public static ofLink(link: IConstruct): AwsLinkResources {
    return find(LINK_RESOURCES, link, 'it is not a CloudLink');
  }

  /** The resources of a main network. */
  public static ofNetwork(network: IConstruct): AwsNetworkResources {
    return find(NETWORK_RESOURCES, network, 'it is not a Network on Cloud.aws()');
  }

  private constructor() {}
}

function find<T>(key: symbol, construct: IConstruct, why: string): T {
  const found = attached<() => T>(construct, key);
  if (!found) throw new Error(`${construct.node.path} has no AWS resources: ${why}`);
  return found();
}

/** Records what a network made (the renderer's side of AwsResources). */
export function recordNetwork(network: IConstruct, resources: () => AwsNetworkResources): void {
  attach(network, NETWORK_RESOURCES, resources);
}

/** Records what an archipelago made. */
export function recordArchipelago(archipelago: IConstruct, resources: () => AwsArchipelagoResources): void {
  attach(archipelago, ARCHIPELAGO_RESOURCES, resources);
}

/** Records what a cluster made. */
export function recordCluster(cluster: IConstruct, resources: () => AwsClusterResources): void {
  attach(cluster, CLUSTER_RESOURCES, resources);
}

/** Records what a link's AWS side made. */
export function recordLink(link: IConstruct, resources: () => AwsLinkResources): void {
  attach(link, LINK_RESOURCES, resources);
}
