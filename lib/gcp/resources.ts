import { ComputeExternalVpnGateway } from '@cdktf/provider-google/lib/compute-external-vpn-gateway';
import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeHaVpnGateway } from '@cdktf/provider-google/lib/compute-ha-vpn-gateway';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeRoute } from '@cdktf/provider-google/lib/compute-route';
import { ComputeRouter } from '@cdktf/provider-google/lib/compute-router';
import { ComputeRouterNat } from '@cdktf/provider-google/lib/compute-router-nat';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { ComputeVpnTunnel } from '@cdktf/provider-google/lib/compute-vpn-tunnel';
import { DnsManagedZone } from '@cdktf/provider-google/lib/dns-managed-zone';
import { DnsRecordSet } from '@cdktf/provider-google/lib/dns-record-set';
import { NetworkConnectivityHub } from '@cdktf/provider-google/lib/network-connectivity-hub';
import { NetworkConnectivitySpoke } from '@cdktf/provider-google/lib/network-connectivity-spoke';
import { IConstruct } from 'constructs';
import { attach, attached } from '../model/attached';

/** The GCP resources of a main network. */
export interface GcpNetworkResources {
  /** The main VPC network: custom mode, hosts flat clusters. */
  readonly network: ComputeNetwork;
  /** The NCC hub, once an island or archipelago exists. @default - no islands, no hub */
  readonly hub?: NetworkConnectivityHub;
  /** The main network's VPC spoke on the hub. @default - no hub */
  readonly spoke?: NetworkConnectivitySpoke;
  /** Cloud Router of the flat clusters' NAT. @default - no flat cluster */
  readonly router?: ComputeRouter;
  /** Cloud NAT of the flat clusters (nodes and pods to the internet). @default - no flat cluster */
  readonly nat?: ComputeRouterNat;
}

/** The GCP side of a CloudLink. */
export interface GcpLinkResources {
  /** The HA VPN gateway in the main VPC (two interfaces). */
  readonly haVpnGateway: ComputeHaVpnGateway;
  /** The Cloud Router speaking BGP over every tunnel; it advertises the main network's routable ranges only (custom mode). */
  readonly router: ComputeRouter;
  /** The AWS tunnel addresses, as an external VPN gateway. */
  readonly externalVpnGateway: ComputeExternalVpnGateway;
  /** The tunnels, in plan order (IKEv2). */
  readonly tunnels: ComputeVpnTunnel[];
  /** The tunnels as a hybrid spoke of the main network's NCC hub, so islands and archipelagos learn the AWS routes. @default - no hub, no spoke */
  readonly spoke?: NetworkConnectivitySpoke;
}

/** What Private Google Access needs in a network with no default route. */
export interface GcpPrivateGoogleAccess {
  /** The route to private.googleapis.com through Google's own gateway. */
  readonly route: ComputeRoute;
  /** Private zones for googleapis.com, gcr.io and pkg.dev. */
  readonly zones: DnsManagedZone[];
  /** Their A and CNAME records, all to private.googleapis.com. */
  readonly records: DnsRecordSet[];
}

/** The GCP resources of one cluster: what a GKE cluster or node pool is attached to. */
export interface GcpClusterResources {
  /** The VPC network the cluster's subnet is in (main, island, archipelago or isolated). */
  readonly network: ComputeNetwork;
  /** The subnet: primary range = nodes, secondary ranges = pods and services. */
  readonly subnetwork: ComputeSubnetwork;
  /**
   * A name for the GKE cluster (`google_container_cluster.name`): its construct path as GCP
   * names are made, at most 40 characters (a hash keeps longer paths apart; GCP-GKE-011), as
   * unique in its region as the cluster's subnet name (GCP-SUBNET-008).
   */
  readonly gkeClusterName: string;
  /** Name of the pods secondary range (GKE `cluster_secondary_range_name`); empty when routes-based. */
  readonly podRangeName: string;
  /** Name of the services secondary range (GKE `services_secondary_range_name`); empty when routes-based. */
  readonly serviceRangeName: string;
  /**
   * GKE's `ip_allocation_policy.stack_type`: `IPV4_IPV6` for a dual-stack cluster
   * (`ipFamily: IpFamily.DUAL_STACK`), whose subnet is dual-stack, else `IPV4`. GKE takes the
   * IPv6 addresses of nodes, pods and services from what Google assigns; nothing IPv6 is planned.
   */
  readonly stackType: string;
  /**
   * Who reaches the subnet's IPv6 addresses (its `ipv6_access_type`): `INTERNAL` (a /64 of the
   * VPC's ULA /48) or `EXTERNAL` (global unicast, reachable from the internet where firewalls allow).
   * @default - none (an IPv4-only cluster)
   */
  readonly ipv6AccessType?: string;
  /** Firewall rules made for the cluster. */
  readonly firewalls: ComputeFirewall[];
  /** Cloud Router of the cluster's NAT. @default - none (flat clusters use the network's) */
  readonly router?: ComputeRouter;
  /** Public Cloud NAT (internet egress). @default - the network's, for flat clusters; none for isolated */
  readonly nat?: ComputeRouterNat;
  /** Private NAT towards the NCC hub (Egress.nat()). @default - none */
  readonly privateNat?: ComputeRouterNat;
  /** The PRIVATE_NAT subnet whose addresses island pods leave through (Egress.nat()). @default - none */
  readonly privateNatSubnetwork?: ComputeSubnetwork;
  /** The NCC spoke of the cluster's network (islands, archipelagos). @default - none */
  readonly spoke?: NetworkConnectivitySpoke;
  /** The proxy-only subnet (Ingress.proxy()). @default - none */
  readonly proxySubnetwork?: ComputeSubnetwork;
  /**
   * Private Google Access of an isolated cluster's network, which has no default route: a
   * route to private.googleapis.com alone and private DNS zones for googleapis.com, gcr.io and
   * pkg.dev. @default - none (other networks reach Google through their NAT)
   */
  readonly privateGoogleAccess?: GcpPrivateGoogleAccess;
  /**
   * The subnet of the exposed API endpoint in the main network (isolated clusters): where what
   * fronts the control plane goes (for example the internal load balancer of a self-managed API
   * server). The library makes the subnet and its firewall, not the front itself.
   * @default - none
   */
  readonly apiEndpointSubnetwork?: ComputeSubnetwork;
  /** The firewall rule on the main VPC that lets `apiEndpointSourceRanges` reach the endpoint on TCP 443. @default - none */
  readonly apiEndpointFirewall?: ComputeFirewall;
  /**
   * The routable /28 planned for a private GKE control plane (`master_ipv4_cidr_block`),
   * with Cloud.gcp({ privateControlPlanes: true }); a token resolved at synth, for resources.
   * @default - none planned
   */
  readonly masterIpv4CidrBlock?: string;
  /**
   * ip-masq-agent `nonMasqueradeCIDRs`: destinations pods reach with their own address.
   * Island pods masquerade as their node everywhere else. Reading it plans the ranges.
   */
  readonly ipMasqAgentNonMasqueradeCidrs: string[];
}

// Getters, not snapshots: a network gains its hub and NAT as clusters are added.
const NETWORK_RESOURCES = Symbol('cdktf-kube-networks.gcp.network');
const CLUSTER_RESOURCES = Symbol('cdktf-kube-networks.gcp.cluster');
const LINK_RESOURCES = Symbol('cdktf-kube-networks.gcp.link');

/** Where to find the GCP resources a network or cluster made. */
export class GcpResources {
  /** The resources of a cluster. */
  public static of(cluster: IConstruct): GcpClusterResources {
    const found = attached<() => GcpClusterResources>(cluster, CLUSTER_RESOURCES);
    if (!found) throw new Error(`${cluster.node.path} has no GCP resources: it is not a cluster of a network on Cloud.gcp()`);
    return found();
  }

  /** The resources of a main network. */
  public static ofNetwork(network: IConstruct): GcpNetworkResources {
    const found = attached<() => GcpNetworkResources>(network, NETWORK_RESOURCES);
    if (!found) throw new Error(`${network.node.path} has no GCP resources: it is not a Network on Cloud.gcp()`);
    return found();
  }

  /** The GCP side of a CloudLink. */
  public static ofLink(link: IConstruct): GcpLinkResources {
    const found = attached<() => GcpLinkResources>(link, LINK_RESOURCES);
    if (!found) throw new Error(`${link.node.path} has no GCP resources: it is not a CloudLink`);
    return found();
  }

  private constructor() {}
}

/** Records what a network made (the renderer's side of GcpResources). */
export function recordNetwork(network: IConstruct, resources: () => GcpNetworkResources): void {
  attach(network, NETWORK_RESOURCES, resources);
}

/** Records what a cluster made (the renderer's side of GcpResources). */
export function recordCluster(cluster: IConstruct, resources: () => GcpClusterResources): void {
  attach(cluster, CLUSTER_RESOURCES, resources);
}

/** Records what a link's GCP side made. */
export function recordLink(link: IConstruct, resources: () => GcpLinkResources): void {
  attach(link, LINK_RESOURCES, resources);
}
