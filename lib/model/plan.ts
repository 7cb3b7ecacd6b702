import { CloudProvider } from './cloud';
import { EgressKind, IngressKind } from './gateways';
import { Ipv6SubnetPlan } from './ipv6-subnets';

/** The Kubernetes network model a cluster follows (the models of Hockin's talk, docs/ARCHITECTURE.md). */
export enum NetworkModel {
  /** Nodes and pods routable in the main network; nothing reused. */
  FLAT = 'FLAT',
  /** Its own network; nothing crosses except an exposed API endpoint; everything reusable. */
  ISOLATED = 'ISOLATED',
  /** Routable nodes, private pods and services reused between islands; gateways at the edge. */
  ISLAND = 'ISLAND',
  /** Flat among its member clusters, an island to the rest. */
  ARCHIPELAGO = 'ARCHIPELAGO',
}

/** How the main network reaches a flat cluster's pods. */
export enum PodRouting {
  /** Pod ranges are part of the subnet (GCP alias IPs, AWS VPC CNI): no routes per node. */
  VPC_NATIVE = 'VPC_NATIVE',
  /** A route per node to its pod block, made by the cloud controller (GKE routes-based, self-managed on GCE). */
  ROUTES = 'ROUTES',
}

/** The address families a cluster's nodes and pods use. */
export enum IpFamily {
  /** IPv4 only: every range of the plan. */
  IPV4 = 'IPV4',
  /**
   * IPv4 and IPv6: the IPv4 ranges of the plan, and IPv6 addresses from the subnets' IPv6
   * ranges (GKE dual-stack pods and services; on AWS dual-stack subnets and nodes, IPv4 pods,
   * since EKS has no dual-stack pods).
   */
  DUAL_STACK = 'DUAL_STACK',
  /**
   * IPv6 pods and services (EKS `ip_family = "ipv6"`): nodes keep their IPv4 range in
   * dual-stack subnets; no IPv4 pod or service range is planned. AWS only.
   */
  IPV6 = 'IPV6',
}

/** Who reaches a GCP dual-stack subnet's IPv6 addresses. */
export enum Ipv6AccessType {
  /** Internal IPv6 (ULA) from the VPC's /48: reachable inside the VPC only. */
  INTERNAL = 'INTERNAL',
  /** External IPv6 (GUA): reachable from the internet where firewalls allow. */
  EXTERNAL = 'EXTERNAL',
}

/** What a planned range is for. */
export enum RangeRole {
  /** Node addresses (a subnet's primary range). */
  NODE = 'NODE',
  /** Pod addresses (the cluster CIDR). */
  POD = 'POD',
  /** Service ClusterIPs. */
  SERVICE = 'SERVICE',
  /** A gateway subnet in the main network: proxy, NAT or an exposed API endpoint. */
  GATEWAY = 'GATEWAY',
  /** An existing range of "Other" hosts that planning must avoid. */
  RESERVED = 'RESERVED',
  /** Island space inside the main network that routable planning never touches. */
  HOLE = 'HOLE',
  /** An archipelago's private super-range, split between its members. */
  SUPER_RANGE = 'SUPER_RANGE',
  /**
   * One aligned block holding several ranges of one owner, so the cloud needs one block for
   * them (an AWS VPC block for a cluster's nodes, edge and proxy subnets).
   */
  BLOCK = 'BLOCK',
}

/** How a planned range was decided. */
export enum RangeSource {
  /** Given by the user (a pin or a reserved range). */
  PINNED = 'PINNED',
  /** Placed by the planner in this synth. */
  ALLOCATED = 'ALLOCATED',
  /** Taken from the plan file, as recorded by an earlier synth. */
  RECORDED = 'RECORDED',
}

/** Name of the routable /28 an isolated cluster's exposed API endpoint gets. */
export const API_ENDPOINT_RANGE = 'api-endpoint';

/** True when `cluster` has IPv4 pod and service ranges (every family but IpFamily.IPV6). */
export function hasIpv4Pods(cluster: { readonly ipFamily?: IpFamily }): boolean {
  return cluster.ipFamily !== IpFamily.IPV6;
}

/** True when `cluster` has IPv6 addresses (IpFamily.IPV6 or DUAL_STACK; undefined is IPV4). */
export function hasIpv6(cluster: { readonly ipFamily?: IpFamily }): boolean {
  return (cluster.ipFamily ?? IpFamily.IPV4) !== IpFamily.IPV4;
}

/** One range of the resolved plan. */
export interface PlannedRange {
  /** Construct path of the owner, e.g. `corp/prod`. */
  readonly owner: string;
  /** Short name of the range within its owner, e.g. `pods`, `nodes`, `proxy`, `other`. */
  readonly name: string;
  /** What the range is for. */
  readonly role: RangeRole;
  /** The range, in canonical CIDR notation. */
  readonly cidr: string;
  /** True when any host of the main network can reach it; false for private (island, isolated) ranges. */
  readonly routable: boolean;
  /**
   * The address space the range was planned in: the network's path for routable ranges,
   * the island's, archipelago's or isolated cluster's path for private ones. Ranges of
   * different private spaces may overlap (MODEL-003).
   */
  readonly space: string;
  /** How the range was decided. */
  readonly source: RangeSource;
  /** The model of the owning cluster, if the owner is a cluster. @default - not a cluster range */
  readonly model?: NetworkModel;
  /** The availability zone the range is for, when it is one zone's (AWS proxy subnets). @default - not a zone's */
  readonly zone?: string;
  /**
   * For a range the plan file records for an owner that asked for nothing in this synth
   * (PLAN-003): that owner's record key, e.g. `corp/gone:pods`. It stays reserved.
   * @default - a range of an owner in this synth
   */
  readonly recordOf?: string;
}

/** A gateway of a cluster, as planned. */
export interface GatewayPlan {
  /** Which gateway. */
  readonly kind: IngressKind;
  /** Forwarded ports (load balancer). */
  readonly ports: number[];
  /** Allowed sources (NodePort). @default - the whole main network */
  readonly sourceRanges?: string[];
  /** Subnets of the gateway in the main network (proxy). */
  readonly subnetCidrs: string[];
}

/** One cluster, as planned. */
export interface ClusterPlan {
  /** Construct path of the cluster. */
  readonly path: string;
  /** Its network model. */
  readonly model: NetworkModel;
  /** Node range. */
  readonly nodeCidr: string;
  /** Pod range (the cluster CIDR). */
  readonly podCidr: string;
  /** Service range. */
  readonly serviceCidr: string;
  /** Per-node pod block prefix length. */
  readonly nodeMaskSize: number;
  /** Nodes the plan must hold. */
  readonly maxNodes: number;
  /** Pods per node the plan must hold. */
  readonly maxPodsPerNode: number;
  /** Services the plan must hold. */
  readonly maxServices: number;
  /** Path of the archipelago the cluster belongs to. @default - not in an archipelago */
  readonly archipelago?: string;
  /** Gateways into the cluster. */
  readonly ingress: GatewayPlan[];
  /** How pods leave the cluster. @default - none (flat and isolated clusters) */
  readonly egress?: EgressKind;
  /** How pod ranges are reached: VPC-native or routes per node. @default PodRouting.VPC_NATIVE */
  readonly podRouting?: PodRouting;
  /** Ranges that may reach the exposed API endpoint (TCP 443), as given. @default - the whole main network, when the endpoint is exposed */
  readonly apiEndpointSourceRanges?: string[];
  /** Its address families. @default IpFamily.IPV4 */
  readonly ipFamily?: IpFamily;
  /** Who reaches its IPv6 addresses (GCP dual-stack subnets). @default - not a GCP dual-stack cluster */
  readonly ipv6AccessType?: Ipv6AccessType;
  /** The address families the plan file records for it, when they differ from `ipFamily`. @default - the same as `ipFamily`, or nothing recorded yet */
  readonly recordedIpFamily?: IpFamily;
}

/** The resolved plan of one `Network`: what the policy rules check and the renderers build. */
export interface NetworkPlan {
  /** Construct path of the network. */
  readonly path: string;
  /** The cloud it is built on. */
  readonly cloud: CloudProvider;
  /** Availability zones subnets are spread over (AWS); empty where subnets are regional (GCP). */
  readonly availabilityZones: string[];
  /** The main network's routable space. */
  readonly cidr: string;
  /** Where private ranges come from. */
  readonly islandCidr: string;
  /** The part of `islandCidr` inside `cidr`, carved out of routable planning. @default - no hole */
  readonly holeCidr?: string;
  /** Where island and archipelago service ranges come from, when not from `islandCidr`. @default - from islandCidr, beside the pods */
  readonly islandServiceCidr?: string;
  /** Every planned range. */
  readonly ranges: PlannedRange[];
  /** Every cluster. */
  readonly clusters: ClusterPlan[];
  /** Routable ranges of the other networks of the same estate (MODEL-007). */
  readonly otherNetworksRanges: PlannedRange[];
  /** Path of the plan file the ranges are recorded in. */
  readonly planFile: string;
  /** True when the plan file may not gain new ranges (PLAN-002). */
  readonly frozen: boolean;
  /** Ranges recorded in the plan file whose owner no longer asks for them (PLAN-003); they stay reserved. */
  readonly unclaimedRecords: PlannedRange[];
  /** Rules switched off on the network, its clusters or their ancestors, with the written reasons. */
  readonly suppressions: PlanSuppression[];
  /**
   * Every network of the app (any estate, stack or cloud; this one included), as its
   * constructs decided it: what the cloud layers check generated names against
   * (GCP-SUBNET-008, AWS-NAME-001).
   * @default - none (a plan written by hand)
   */
  readonly appNetworks?: NetworkSketch[];
  /** True when the network has IPv6 (`ipv6: true`). @default false */
  readonly ipv6?: boolean;
  /**
   * IPv6 subnets carved from a VPC block the cloud assigns at deploy (AWS: a /64 of each VPC's
   * /56), numbered and recorded in the plan file. @default - none
   */
  readonly ipv6Subnets?: Ipv6SubnetPlan[];
}

/** A rule switched off on a construct, as the plan lists it. */
export interface PlanSuppression {
  /** Path of the construct the suppression was set on. */
  readonly path: string;
  /** The suppressed rule. */
  readonly ruleId: string;
  /** Why it is acceptable there. */
  readonly reason: string;
}

// What each construct decided in its constructor, before any range is planned: enough for a
// cloud layer to list every name it makes for the network (GCP-SUBNET-008, AWS-NAME-001),
// so names are checked across every network of the app before anything is written.

/** A cluster as its props decided it (no ranges). */
export interface ClusterSketch {
  /** Construct path of the cluster. */
  readonly path: string;
  /** Its network model. */
  readonly model: NetworkModel;
  /** Path of the archipelago it belongs to. @default - not in an archipelago */
  readonly archipelago?: string;
  /** Its gateways' kinds, in the order they were given. */
  readonly ingress: IngressKind[];
  /** The ports its load balancers forward, each once, ascending. */
  readonly loadBalancerPorts: number[];
  /** How pods leave the cluster. @default - none (flat and isolated clusters) */
  readonly egress?: EgressKind;
  /** How pod ranges are reached. @default PodRouting.VPC_NATIVE */
  readonly podRouting?: PodRouting;
  /** True when an isolated cluster exposes its API endpoint. */
  readonly exposesApiEndpoint: boolean;
  /** Its address families. @default IpFamily.IPV4 */
  readonly ipFamily?: IpFamily;
  /** Who reaches its subnet's IPv6 addresses (GCP dual-stack clusters). @default - not a GCP dual-stack cluster */
  readonly ipv6AccessType?: Ipv6AccessType;
}

/** A network of the app as its constructs decided it: what its cloud names after it. */
export interface NetworkSketch {
  /** Construct path of the network. */
  readonly path: string;
  /** The cloud it is built on. */
  readonly cloud: CloudProvider;
  /** The cloud region. */
  readonly region: string;
  /** Its clusters, in the order they were made. */
  readonly clusters: ClusterSketch[];
  /** Paths of its archipelagos, in the order they were made. */
  readonly archipelagos: string[];
  /** The CloudLinks whose GCP side it is, in the order they were made. @default - none */
  readonly links?: LinkSketch[];
  /** True when the network has IPv6. @default false */
  readonly ipv6?: boolean;
}

/** A CloudLink, as its GCP side names what it makes after it. */
export interface LinkSketch {
  /** Construct path of the link. */
  readonly path: string;
  /** How many tunnels it has. */
  readonly tunnels: number;
  /**
   * Construct path of the AWS network it joins: that network's flat clusters admit the GCP
   * network in their nodes' security group (AWS-SG-001 counts those rules).
   * @default - not known (a sketch written by hand)
   */
  readonly aws?: string;
}
