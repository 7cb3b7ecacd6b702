import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeRouter } from '@cdktf/provider-google/lib/compute-router';
import { ComputeRouterNat, ComputeRouterNatSubnetwork } from '@cdktf/provider-google/lib/compute-router-nat';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { NetworkConnectivitySpoke } from '@cdktf/provider-google/lib/network-connectivity-spoke';
import { EgressKind } from '../model/gateways';
import { askedRange, IArchipelago, ICluster } from '../model/interfaces';
import { later, laterList } from '../model/tokens';
import { MainNetwork } from './main-network';
import { gcpName } from './names';
import { PRIVATE_NAT } from './profile';
import { refOf } from '../model/refs';
import { allowIngress } from './firewalls';
import { ulaInternalIpv6 } from './subnet';

/**
 * The VPC network of an island (or of an archipelago): its own network, because GCP
 * forbids overlapping ranges inside one network and islands reuse pod ranges
 * (GCP refuses overlapping ranges in one VPC network). It joins the hub as a spoke that never exports its private ranges,
 * and NATs its members' traffic out.
 */
export class IslandNetwork {
  public readonly vpc: ComputeNetwork;
  public readonly spoke: NetworkConnectivitySpoke;
  public router?: ComputeRouter;
  public nat?: ComputeRouterNat;
  public privateNat?: ComputeRouterNat;
  public privateNatSubnet?: ComputeSubnetwork;
  /** The proxy-only subnet: one per network and region (GCP-LB-001), shared by its members. */
  public proxySubnet?: ComputeSubnetwork;
  /** An archipelago's IPv6 twin of its `members` rule, made when a first dual-stack member joins. */
  public membersIpv6?: ComputeFirewall;
  private readonly natted: ComputeRouterNatSubnetwork[] = [];
  private readonly privatelyNatted: ComputeRouterNatSubnetwork[] = [];
  private readonly ipv6Ranges: string[] = [];

  /**
   * @param owner the island cluster or archipelago
   * @param privateRanges its private ranges, which the spoke must not export
   */
  constructor(private readonly owner: ICluster | IArchipelago, private readonly main: MainNetwork, privateRanges: () => string[]) {
    this.vpc = new ComputeNetwork(owner, 'vpc', {
      name: gcpName(owner),
      autoCreateSubnetworks: false,
      routingMode: 'REGIONAL',
      ...ulaInternalIpv6(owner.network),
    });
    this.spoke = new NetworkConnectivitySpoke(owner, 'spoke', {
      name: gcpName(owner, 'spoke'),
      location: 'global',
      hub: main.hubId(),
      // The hub learns the routable node subnets only: private ranges are reused elsewhere.
      linkedVpcNetwork: { uri: this.vpc.selfLink, excludeExportRanges: laterList(privateRanges) },
    });
  }

  /**
   * Lets a member's pods out. Masquerade: pods leave as their node, so the public NAT
   * translates node addresses only. NAT: the public NAT translates pod addresses for the
   * internet, and a private NAT translates them for the main network (via the hub).
   */
  public addEgress(subnet: ComputeSubnetwork, egress: EgressKind): void {
    const ranges = egress === EgressKind.NAT ? ['ALL_IP_RANGES'] : ['PRIMARY_IP_RANGE'];
    this.natted.push({ name: subnet.id, sourceIpRangesToNat: ranges });
    this.publicNat().putSubnetwork([...this.natted]);
    if (egress === EgressKind.NAT) {
      this.privatelyNatted.push({ name: subnet.id, sourceIpRangesToNat: ['ALL_IP_RANGES'] });
      this.hubNat().putSubnetwork([...this.privatelyNatted]);
    }
  }

  /**
   * Flat inside an archipelago over IPv6 too: the IPv6 ranges of its dual-stack members'
   * subnets (their nodes' and pods' addresses) reach each other, in one twin of the archipelago's
   * `members` rule (a GCP firewall rule holds IPv4 or IPv6 ranges, never both: GCP-IPV6-004).
   */
  public addIpv6Member(archipelago: IArchipelago, range: string): void {
    this.ipv6Ranges.push(range);
    const ranges = this.ipv6Ranges;
    this.membersIpv6 ??= allowIngress(archipelago, this.vpc, {
      id: 'members-ipv6',
      description: `Flat inside archipelago ${archipelago.node.path} over IPv6: dual-stack member nodes and pods reach each other`,
      sources: laterList(() => [...ranges]),
      destinations: laterList(() => [...ranges]),
    });
  }

  private cloudRouter(): ComputeRouter {
    this.router ??= new ComputeRouter(this.owner, 'router', {
      name: gcpName(this.owner, 'router'),
      region: this.main.region,
      network: refOf(this.vpc, 'id'),
    });
    return this.router;
  }

  private publicNat(): ComputeRouterNat {
    this.nat ??= new ComputeRouterNat(this.owner, 'nat', {
      name: gcpName(this.owner, 'nat'),
      router: this.cloudRouter().name,
      region: this.main.region,
      natIpAllocateOption: 'AUTO_ONLY',
      // A list, not ALL_SUBNETWORKS_*: an ALL_* NAT excludes any other NAT of the network, the private one included.
      sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS',
    });
    return this.nat;
  }

  private hubNat(): ComputeRouterNat {
    if (!this.privateNat) {
      const owner = this.owner;
      this.privateNatSubnet = new ComputeSubnetwork(this.owner, 'private-nat-subnet', {
        name: gcpName(this.owner, 'private-nat'),
        network: refOf(this.vpc, 'id'),
        region: this.main.region,
        purpose: 'PRIVATE_NAT',
        ipCidrRange: later(() => askedRange(owner, PRIVATE_NAT).cidr),
      });
      this.privateNat = new ComputeRouterNat(this.owner, 'private-nat', {
        name: gcpName(this.owner, 'private-nat'),
        router: this.cloudRouter().name,
        region: this.main.region,
        type: 'PRIVATE',
        sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS',
        rules: [{
          ruleNumber: 100,
          description: 'Island pods to the main network, through the hub',
          match: `nexthop.hub == '//networkconnectivity.googleapis.com/${this.main.hubId()}'`,
          action: { sourceNatActiveRanges: [this.privateNatSubnet.selfLink] },
        }],
      });
    }
    return this.privateNat;
  }
}
