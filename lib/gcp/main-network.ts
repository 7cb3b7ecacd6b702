import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeRouter } from '@cdktf/provider-google/lib/compute-router';
import { ComputeRouterNat, ComputeRouterNatSubnetwork } from '@cdktf/provider-google/lib/compute-router-nat';
import { NetworkConnectivityHub } from '@cdktf/provider-google/lib/network-connectivity-hub';
import { NetworkConnectivitySpoke } from '@cdktf/provider-google/lib/network-connectivity-spoke';
import { gcpName } from './names';
import { GcpNetworkResources, recordNetwork } from './resources';
import { INetwork } from '../model/interfaces';
import { refOf } from '../model/refs';
import { ulaInternalIpv6 } from './subnet';

/**
 * The main network on GCP: a custom-mode VPC for flat clusters, one Cloud NAT for them,
 * and the NCC hub that islands and archipelagos join (made when the first one comes).
 */
export class MainNetwork {
  public readonly vpc: ComputeNetwork;
  private hub?: NetworkConnectivityHub;
  private spoke?: NetworkConnectivitySpoke;
  private router?: ComputeRouter;
  private nat?: ComputeRouterNat;
  private readonly natted: ComputeRouterNatSubnetwork[] = [];
  private readonly hubHandlers: Array<(hubId: string) => void> = [];
  private readonly externalIpv6: string[] = [];

  constructor(public readonly network: INetwork) {
    this.vpc = new ComputeNetwork(network, 'vpc', {
      name: gcpName(network),
      autoCreateSubnetworks: false,
      routingMode: 'REGIONAL',
      ...ulaInternalIpv6(network),
    });
    recordNetwork(network, () => this.resources());
  }

  /** The region everything regional goes in. */
  public get region(): string {
    return this.network.cloud.region;
  }

  /** The NCC hub, with the main VPC as a spoke; made on first call. */
  public hubId(): string {
    if (!this.hub) {
      this.hub = new NetworkConnectivityHub(this.network, 'hub', {
        name: gcpName(this.network, 'hub'),
        description: `Hub of ${this.network.node.path}: islands and archipelagos reach the main network through it`,
      });
      this.spoke = new NetworkConnectivitySpoke(this.network, 'spoke', {
        name: gcpName(this.network, 'spoke'),
        location: 'global',
        hub: this.hub.id,
        linkedVpcNetwork: { uri: this.vpc.selfLink },
      });
      this.hubHandlers.forEach((handler) => handler(this.hub!.id));
    }
    return this.hub.id;
  }

  /** Calls `handler` with the hub's id once the hub exists (now, or when the first island comes). */
  public whenHub(handler: (hubId: string) => void): void {
    this.hubHandlers.push(handler);
    if (this.hub) handler(this.hub.id);
  }

  /** Adds a flat cluster's subnet to the Cloud NAT: its node and pod ranges reach the internet. */
  public natFlatSubnet(subnet: ComputeRouterNatSubnetwork): void {
    if (!this.router) {
      this.router = new ComputeRouter(this.network, 'router', {
        name: gcpName(this.network, 'router'),
        region: this.region,
        network: refOf(this.vpc, 'id'),
      });
      this.nat = new ComputeRouterNat(this.network, 'nat', {
        name: gcpName(this.network, 'nat'),
        router: this.router.name,
        region: this.region,
        natIpAllocateOption: 'AUTO_ONLY',
        // Only the flat subnets (not gateway subnets), and of them nodes and pods: services are virtual.
        sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS',
      });
    }
    this.natted.push(subnet);
    this.nat!.putSubnetwork([...this.natted]);
  }

  /** Adds the global /64 of an EXTERNAL dual-stack flat cluster's subnet (a reference) to the main network's IPv6. */
  public addExternalIpv6(prefix: string): void {
    this.externalIpv6.push(prefix);
  }

  /**
   * Where the main network's IPv6 traffic comes from, read at synth: the VPC's internal ULA /48
   * (`internal_ipv6_range`), and the global /64s of its EXTERNAL flat subnets, which lie outside it.
   */
  public ipv6Sources(): string[] {
    return [refOf(this.vpc, 'internalIpv6Range'), ...this.externalIpv6];
  }

  /** What the network made so far. */
  public resources(): GcpNetworkResources {
    return { network: this.vpc, hub: this.hub, spoke: this.spoke, router: this.router, nat: this.nat };
  }
}
