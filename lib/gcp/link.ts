import { ComputeExternalVpnGateway } from '@cdktf/provider-google/lib/compute-external-vpn-gateway';
import { ComputeHaVpnGateway } from '@cdktf/provider-google/lib/compute-ha-vpn-gateway';
import { ComputeRouter } from '@cdktf/provider-google/lib/compute-router';
import { ComputeRouterInterface } from '@cdktf/provider-google/lib/compute-router-interface';
import { ComputeRouterPeer } from '@cdktf/provider-google/lib/compute-router-peer';
import { ComputeVpnTunnel } from '@cdktf/provider-google/lib/compute-vpn-tunnel';
import { NetworkConnectivitySpoke } from '@cdktf/provider-google/lib/network-connectivity-spoke';
import { ICloudLink } from '../model/interfaces';
import { advertisedBy } from '../model/cloud-link';
import { LinkTunnelEnd } from '../model/strategy';
import { laterAny } from '../model/tokens';
import { MainNetwork } from './main-network';
import { gcpName } from './names';
import { recordLink } from './resources';

/**
 * A CloudLink's GCP side, opened: the HA VPN gateway in the main VPC and the Cloud Router that
 * speaks BGP for it. The router advertises custom ranges only — the main network's routable
 * ranges, read from the plan at synth — so island and archipelago private ranges never cross.
 */
export class GcpLinkSide {
  public readonly gateway: ComputeHaVpnGateway;
  public readonly router: ComputeRouter;

  constructor(private readonly link: ICloudLink, private readonly main: MainNetwork) {
    const region = main.region;
    this.gateway = new ComputeHaVpnGateway(link, 'ha-vpn-gateway', {
      name: gcpName(link, 'vpn'),
      region,
      network: main.vpc.id,
    });
    this.router = new ComputeRouter(link, 'router', {
      name: gcpName(link, 'router'),
      region,
      network: main.vpc.id,
      bgp: {
        asn: link.plan.asn.gcp,
        advertiseMode: 'CUSTOM',
        advertisedIpRanges: laterAny(() => advertisedBy(link.gcp).map((r) => ({ range: r.cidr, description: `${r.owner} ${r.name}` }))),
      },
    });
  }

  /** The public address of each HA VPN interface (two). */
  public addresses(): string[] {
    return [0, 1].map((i) => this.gateway.vpnInterfaces.get(i).ipAddress);
  }

  /**
   * Closes the link: the external gateway of AWS's tunnel addresses, a tunnel per address
   * (first connection's pair on interface 0, second's on interface 1), and per tunnel a router
   * interface on its /30's GCP address and a BGP peer on its AWS address. When the main
   * network has an NCC hub, the tunnels join it as a hybrid spoke, so islands and
   * archipelagos (VPC spokes) learn the AWS network too.
   */
  public close(ends: LinkTunnelEnd[]): void {
    const { link, main, router, gateway } = this;
    const plan = link.plan;
    const region = main.region;
    const external = new ComputeExternalVpnGateway(link, 'external-vpn-gateway', {
      name: gcpName(link, 'aws'),
      description: `The AWS side of ${link.node.path}: the tunnel addresses of ${link.aws.node.path}'s VPN connections`,
      redundancyType: ends.length === 4 ? 'FOUR_IPS_REDUNDANCY' : 'TWO_IPS_REDUNDANCY',
      interface: ends.map((end, id) => ({ id, ipAddress: end.address })),
    });
    const tunnels = plan.tunnels.map((tunnel, i) => {
      const vpnTunnel = new ComputeVpnTunnel(link, tunnel.name, {
        name: gcpName(link, tunnel.name),
        region,
        vpnGateway: gateway.id,
        // Each AWS VPN connection (a pair of tunnels) ends on one HA VPN interface.
        vpnGatewayInterface: ends.length === 4 ? Math.floor(i / 2) : 0,
        peerExternalGateway: external.id,
        peerExternalGatewayInterface: i,
        sharedSecret: ends[i].presharedKey,
        router: router.name,
        ikeVersion: 2,
      });
      const routerInterface = new ComputeRouterInterface(link, `${tunnel.name}-interface`, {
        name: gcpName(link, `${tunnel.name}-interface`),
        region,
        router: router.name,
        ipRange: `${tunnel.gcpAddress}/30`,
        vpnTunnel: vpnTunnel.name,
      });
      new ComputeRouterPeer(link, `${tunnel.name}-peer`, {
        name: gcpName(link, `${tunnel.name}-peer`),
        region,
        router: router.name,
        interface: routerInterface.name,
        peerIpAddress: tunnel.awsAddress,
        peerAsn: plan.asn.aws,
      });
      return vpnTunnel;
    });
    let spoke: NetworkConnectivitySpoke | undefined;
    main.whenHub((hub) => {
      spoke = new NetworkConnectivitySpoke(link, 'spoke', {
        name: gcpName(link, 'spoke'),
        location: region,
        hub,
        linkedVpnTunnels: { uris: tunnels.map((t) => t.selfLink), siteToSiteDataTransfer: false, includeImportRanges: ['ALL_IPV4_RANGES'] },
      });
    });
    recordLink(link, () => ({ haVpnGateway: gateway, router, externalVpnGateway: external, tunnels, spoke }));
  }
}
