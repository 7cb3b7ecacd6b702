import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { EgressKind } from '../model/gateways';
import { API_ENDPOINT_RANGE, IpFamily, Ipv6AccessType, NetworkModel, PodRouting } from '../model/plan';
import { CloudRenderer, ProviderRegion } from '../model/strategy';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { providerRegionOf } from '../model/provider-region';
import { later, laterList } from '../model/tokens';
import { allowIngress } from './firewalls';
import { HEALTH_CHECK_RANGES, HEALTH_CHECK_RANGES_IPV6 } from './health-checks';
import { renderIngress } from './gateways';
import { IslandNetwork } from './island-network';
import { Cidr } from '../ipam';
import { planError } from '../model/errors';
import { MainNetwork } from './main-network';
import { privateGoogleAccess } from './private-google-access';
import { gcpName } from './names';
import { gkeClusterName } from './gke';
import { GcpClusterResources, recordCluster } from './resources';
import { CONTROL_PLANE } from './profile';
import { clusterSubnet, FLOW_LOGS, ipv6RangeOf, POD_RANGE_NAME, SERVICE_RANGE_NAME, stackTypeOf, ulaInternalIpv6 } from './subnet';
import { linksOf } from '../model/cloud-link';
import { IArchipelago, ICloudLink, ICluster, INetwork } from '../model/interfaces';
import { LinkTunnelEnd } from '../model/strategy';
import { GcpLinkSide } from './link';

/** Renders the model on GCP as the constructs are written (see CloudRenderer). */
export class GcpRenderer implements CloudRenderer {
  private readonly mains = new WeakMap<INetwork, MainNetwork>();
  private readonly archipelagos = new WeakMap<IArchipelago, IslandNetwork>();
  private readonly links = new WeakMap<ICloudLink, GcpLinkSide>();

  /** @param flowLogs VPC flow logs on every subnet that hosts VMs (Cloud.gcp({ flowLogs })) */
  constructor(private readonly flowLogs: boolean) {}

  public onNetwork(network: INetwork): void {
    if (Cidr.parse(network.cidr).family !== 4) {
      throw planError(network, 'INPUT-002', `cidr ${network.cidr} is IPv6: the GCP layer renders IPv4 networks only (dual-stack is planned) — use an IPv4 cidr on Cloud.gcp()`);
    }
    this.mains.set(network, new MainNetwork(network));
  }

  public onArchipelago(archipelago: IArchipelago): void {
    const main = this.main(archipelago.network);
    const island = new IslandNetwork(archipelago, main, () => [archipelago.podCidr]);
    this.archipelagos.set(archipelago, island);
    // Flat inside: members reach each other's nodes and pods directly.
    allowIngress(archipelago, island.vpc, {
      id: 'members',
      description: `Flat inside archipelago ${archipelago.node.path}: member nodes and pods reach each other`,
      sources: laterList(() => [archipelago.podCidr, ...archipelago.members.map((c) => c.nodeCidr)]),
    });
  }

  public providerRegion(network: INetwork): ProviderRegion | undefined {
    return providerRegionOf(network, GoogleProvider, 'GoogleProvider');
  }

  public onCluster(cluster: ICluster): void {
    const main = this.main(cluster.network);
    const controlPlane = this.controlPlane(cluster);
    const resources = (() => {
      switch (cluster.model) {
        case NetworkModel.FLAT: return this.flat(cluster, main);
        case NetworkModel.ISOLATED: return this.isolated(cluster, main);
        case NetworkModel.ISLAND: return this.island(cluster, new IslandNetwork(cluster, main, () => [cluster.podCidr, cluster.serviceCidr]));
        case NetworkModel.ARCHIPELAGO: return this.island(cluster, this.archipelagos.get(cluster.archipelago!)!);
      }
    })();
    recordCluster(cluster, () => ({ ...resources(), masterIpv4CidrBlock: controlPlane }));
  }

  public openLink(link: ICloudLink): string[] {
    const side = new GcpLinkSide(link, this.main(link.gcp));
    this.links.set(link, side);
    return side.addresses();
  }

  public closeLink(link: ICloudLink, ends: LinkTunnelEnd[]): void {
    this.links.get(link)!.close(ends);
  }

  /** A routable /28 for a private GKE control plane, when the cloud asks for them. */
  private controlPlane(cluster: ICluster): string | undefined {
    const range = cluster.askedRanges.find((r) => r.name === CONTROL_PLANE);
    return range ? later(() => range.cidr) : undefined;
  }

  /** Flat: a subnet of the main VPC, NATed to the internet; pods reachable from the whole main network. */
  private flat(cluster: ICluster, main: MainNetwork): () => GcpClusterResources {
    const subnet = clusterSubnet(cluster, main.vpc, this.flowLogs);
    const vpcNative = cluster.podRouting === PodRouting.VPC_NATIVE;
    // Routes-based pods have no alias range to NAT: they leave as their node (ip-masq-agent).
    main.natFlatSubnet(vpcNative
      ? { name: subnet.id, sourceIpRangesToNat: ['PRIMARY_IP_RANGE', 'LIST_OF_SECONDARY_IP_RANGES'], secondaryIpRangeNames: [POD_RANGE_NAME] }
      : { name: subnet.id, sourceIpRangesToNat: ['PRIMARY_IP_RANGE'] });
    const firewalls = [
      ...withinCluster(cluster, main.vpc, subnet),
      allowIngress(cluster, main.vpc, {
        id: 'main-to-pods',
        description: `Flat: the main network reaches the pods of ${cluster.node.path} directly`,
        // Networks across a CloudLink too, whenever the link is made.
        sources: laterList(() => [cluster.network.cidr, ...linksOf(cluster.network).map((l) => l.aws.cidr)]),
        destinations: [later(() => cluster.podCidr)],
      }),
      allowIngress(cluster, main.vpc, {
        id: 'health-checks',
        description: `Google health checks to the nodes of ${cluster.node.path}`,
        sources: HEALTH_CHECK_RANGES,
        destinations: [later(() => cluster.nodeCidr)],
        tcpPorts: ['0-65535'],
      }),
      ...flatIpv6(cluster, main, subnet),
    ];
    // Flat pods keep their address across the main network; the Cloud NAT translates them to the internet.
    return () => {
      const { router, nat } = main.resources();
      const ranges = vpcNative ? {} : { podRangeName: '', serviceRangeName: '' };
      return { ...base(cluster, main.vpc, subnet, firewalls), ...ranges, router, nat, ipMasqAgentNonMasqueradeCidrs: [cluster.network.cidr, ...linksOf(cluster.network).map((l) => l.aws.cidr)] };
    };
  }

  /** Isolated: its own network with no route out; nothing crosses but an exposed API endpoint. */
  private isolated(cluster: ICluster, main: MainNetwork): () => GcpClusterResources {
    const vpc = new ComputeNetwork(cluster, 'vpc', {
      name: gcpName(cluster),
      autoCreateSubnetworks: false,
      deleteDefaultRoutesOnCreate: true,
      routingMode: 'REGIONAL',
      ...ulaInternalIpv6(cluster.network),
    });
    const subnet = clusterSubnet(cluster, vpc, this.flowLogs);
    const firewalls = withinCluster(cluster, vpc, subnet);
    // No default route, yet nodes pull images and call the APIs: Private Google Access, and only it.
    const googleAccess = privateGoogleAccess(cluster, vpc);
    const exposed = cluster.askedRanges.some((r) => r.name === API_ENDPOINT_RANGE);
    const apiEndpointSubnetwork = !exposed ? undefined : new ComputeSubnetwork(cluster, 'api-endpoint-subnetwork', {
      name: gcpName(cluster, 'api'),
      network: main.vpc.id,
      region: cluster.network.cloud.region,
      ipCidrRange: later(() => cluster.apiEndpointCidr!),
      privateIpGoogleAccess: true,
      logConfig: this.flowLogs ? FLOW_LOGS : undefined,
    });
    // The endpoint takes HTTPS from the given ranges of the main network alone (GCP denies other ingress).
    const apiEndpointFirewall = !exposed ? undefined : allowIngress(cluster, main.vpc, {
      id: 'api',
      description: `The Kubernetes API of ${cluster.node.path} from ${cluster.apiEndpointSourceRanges!.join(', ')}`,
      sources: cluster.apiEndpointSourceRanges!,
      destinations: [later(() => cluster.apiEndpointCidr!)],
      tcpPorts: ['443'],
    });
    return () => ({ ...base(cluster, vpc, subnet, firewalls), apiEndpointSubnetwork, apiEndpointFirewall, privateGoogleAccess: googleAccess, ipMasqAgentNonMasqueradeCidrs: ['0.0.0.0/0'] });
  }

  /** Island, or archipelago member: a subnet in the island network, its egress, and its gateways. */
  private island(cluster: ICluster, island: IslandNetwork): () => GcpClusterResources {
    const subnet = clusterSubnet(cluster, island.vpc, this.flowLogs);
    if (cluster.archipelago && dualStack(cluster)) island.addIpv6Member(cluster.archipelago, ipv6RangeOf(cluster, subnet));
    const egress = cluster.egress?.kind ?? EgressKind.MASQUERADE;
    island.addEgress(subnet, egress);
    const standalone = cluster.model === NetworkModel.ISLAND;
    const gateways = renderIngress(cluster, island, subnet);
    const firewalls = [...(standalone ? withinCluster(cluster, island.vpc, subnet) : []), ...gateways.firewalls];
    // Masquerade: pods keep their address only towards their own island (archipelago); NAT: never masquerade.
    const archipelago = cluster.archipelago;
    return () => ({
      ...base(cluster, island.vpc, subnet, firewalls),
      router: island.router,
      nat: island.nat,
      privateNat: island.privateNat,
      privateNatSubnetwork: island.privateNatSubnet,
      spoke: island.spoke,
      proxySubnetwork: gateways.proxySubnet,
      // Read when asked for, as plain strings for the ip-masq-agent ConfigMap.
      ipMasqAgentNonMasqueradeCidrs: egress === EgressKind.NAT ? ['0.0.0.0/0'] : [standalone || !archipelago ? cluster.podCidr : archipelago.podCidr],
    });
  }

  private main(network: INetwork): MainNetwork {
    return this.mains.get(network)!;
  }
}

const dualStack = (cluster: ICluster) => cluster.ipFamily === IpFamily.DUAL_STACK;

/**
 * Nodes and pods of one cluster reach each other; a dual-stack cluster's over IPv6 too, in a
 * twin (a GCP firewall rule holds IPv4 or IPv6 ranges, never both: GCP-IPV6-004) between the
 * addresses of its subnet's IPv6 range, which GKE gives its nodes and pods.
 */
function withinCluster(cluster: ICluster, vpc: ComputeNetwork, subnet: ComputeSubnetwork): ComputeFirewall[] {
  const ranges = laterList(() => [cluster.nodeCidr, cluster.podCidr]);
  const ipv6 = dualStack(cluster) ? [ipv6RangeOf(cluster, subnet)] : [];
  return [
    allowIngress(cluster, vpc, {
      id: 'intra',
      description: `Nodes and pods of ${cluster.node.path} reach each other`,
      sources: ranges,
      destinations: ranges,
    }),
    ...dualStack(cluster) ? [allowIngress(cluster, vpc, {
      id: 'intra-ipv6',
      description: `Nodes and pods of ${cluster.node.path} reach each other over IPv6`,
      sources: ipv6,
      destinations: ipv6,
    })] : [],
  ];
}

/**
 * A dual-stack flat cluster's IPv6 twins of what admits the main network and Google's health
 * checks: the main network's IPv6 reaches its nodes and pods — the VPC's internal /48
 * (`internal_ipv6_range`, which Google picks at deploy) and the global /64 of every EXTERNAL flat
 * cluster, whichever was written first — and Google's IPv6 probes reach its nodes.
 */
function flatIpv6(cluster: ICluster, main: MainNetwork, subnet: ComputeSubnetwork): ComputeFirewall[] {
  if (!dualStack(cluster)) return [];
  const mine = [ipv6RangeOf(cluster, subnet)];
  if (cluster.ipv6AccessType === Ipv6AccessType.EXTERNAL) main.addExternalIpv6(mine[0]);
  return [
    allowIngress(cluster, main.vpc, {
      id: 'main-to-pods-ipv6',
      description: `Flat: the main network's IPv6 reaches the nodes and pods of ${cluster.node.path} directly`,
      sources: laterList(() => main.ipv6Sources()),
      destinations: mine,
    }),
    allowIngress(cluster, main.vpc, {
      id: 'health-checks-ipv6',
      description: `Google's IPv6 health checks to the nodes of ${cluster.node.path}`,
      sources: HEALTH_CHECK_RANGES_IPV6,
      destinations: mine,
      tcpPorts: ['0-65535'],
    }),
  ];
}

function base(cluster: ICluster, network: ComputeNetwork, subnetwork: ComputeSubnetwork, firewalls: ComputeFirewall[]): Omit<GcpClusterResources, 'ipMasqAgentNonMasqueradeCidrs'> {
  return {
    gkeClusterName: gkeClusterName(cluster.node.path), network, subnetwork, podRangeName: POD_RANGE_NAME, serviceRangeName: SERVICE_RANGE_NAME, firewalls,
    stackType: stackTypeOf(cluster).gke,
    ...(dualStack(cluster) ? { ipv6AccessType: cluster.ipv6AccessType } : {}),
  };
}
