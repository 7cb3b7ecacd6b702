import { CustomerGateway } from '@cdktf/provider-aws/lib/customer-gateway';
import { Ec2TransitGatewayRouteTableAssociation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association';
import { Ec2TransitGatewayRouteTablePropagation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation';
import { VpnConnection } from '@cdktf/provider-aws/lib/vpn-connection';
import { ICloudLink } from '../model/interfaces';
import { AWS_DEFAULT_ASN } from '../model/link-plan';
import { LinkTunnelEnd } from '../model/strategy';
import { pathId, tagsFor } from './names';
import { Transit } from './network';
import { recordLink } from './resources';

/** The highest ASN the customer gateway's `bgp_asn` takes; above it, `bgp_asn_extended`. */
const BGP_ASN_MAX = 2147483647;

/**
 * A CloudLink's AWS side: per pair of tunnels a customer gateway (one HA VPN interface of GCP)
 * and a VPN connection to the transit gateway, dynamic (BGP), IKEv2, with the planned inside
 * /30s. The VPN attachment is associated with the hub's route table — so BGP advertises
 * exactly its static routes: routable ranges, never island pods — and propagates what GCP
 * advertises into it, so every attached VPC learns the GCP network. The VPCs' route tables
 * and flat clusters' security groups take the GCP network's space beside their own.
 */
export function answerLink(link: ICloudLink, transit: Transit, gatewayAddresses: string[]): LinkTunnelEnd[] {
  const plan = link.plan;
  // A transit gateway has one ASN; the default is left unwritten so existing gateways do not change.
  if (plan.asn.aws !== AWS_DEFAULT_ASN) transit.gateway.amazonSideAsn = plan.asn.aws;
  const gcpAsn = String(plan.asn.gcp);
  const ends: LinkTunnelEnd[] = [];
  const customerGateways: CustomerGateway[] = [];
  const vpnConnections: VpnConnection[] = [];
  for (let i = 0; i < plan.tunnels.length / 2; i++) {
    const n = i + 1;
    const [first, second] = plan.tunnels.slice(2 * i, 2 * i + 2);
    const customerGateway = new CustomerGateway(link, `customer-gateway-${n}`, {
      type: 'ipsec.1',
      ipAddress: gatewayAddresses[i],
      ...(plan.asn.gcp > BGP_ASN_MAX ? { bgpAsnExtended: gcpAsn } : { bgpAsn: gcpAsn }),
      tags: tagsFor(link, 'cgw', String(n)),
    });
    const vpn = new VpnConnection(link, `vpn-connection-${n}`, {
      type: 'ipsec.1',
      customerGatewayId: customerGateway.id,
      transitGatewayId: transit.gateway.id,
      staticRoutesOnly: false,
      tunnel1InsideCidr: first.insideCidr,
      tunnel2InsideCidr: second.insideCidr,
      tunnel1IkeVersions: ['ikev2'],
      tunnel2IkeVersions: ['ikev2'],
      tags: tagsFor(link, 'vpn', String(n)),
    });
    new Ec2TransitGatewayRouteTableAssociation(link, `vpn-connection-${n}-association`, {
      transitGatewayAttachmentId: vpn.transitGatewayAttachmentId,
      transitGatewayRouteTableId: transit.routeTable.id,
    });
    new Ec2TransitGatewayRouteTablePropagation(link, `vpn-connection-${n}-propagation`, {
      transitGatewayAttachmentId: vpn.transitGatewayAttachmentId,
      transitGatewayRouteTableId: transit.routeTable.id,
    });
    customerGateways.push(customerGateway);
    vpnConnections.push(vpn);
    ends.push({ address: vpn.tunnel1Address, presharedKey: vpn.tunnel1PresharedKey }, { address: vpn.tunnel2Address, presharedKey: vpn.tunnel2PresharedKey });
  }
  transit.addPeer({ id: peerId(link), cidr: link.gcp.cidr, description: `the GCP network ${link.gcp.node.path}` });
  recordLink(link, () => ({ customerGateways, vpnConnections }));
  return ends;
}

/** `enterprise/link` -> `link-enterprise-link`: construct ids of what a link adds to the network's VPCs (see pathId). */
function peerId(link: ICloudLink): string {
  return `link-${pathId(link)}`;
}
