import { Construct } from 'constructs';
import { attach, attached } from './attached';
import { CloudProvider } from './cloud';
import { planError } from './errors';
import { Estate, EstateMember } from './estate';
import { ICloudLink, INetwork } from './interfaces';
import { advertisedRanges, CloudLinkPlan, GCP_ROUTERS_PER_REGION, LINK_TUNNEL_COUNTS, LinkPlanError, linkRecord } from './link-plan';
import { PlannedRange } from './plan';
import { strategyOf } from './strategy';
import { rendering } from './traces';

/** The BGP ASNs of a CloudLink, when not planned. */
export interface CloudLinkAsns {
  /**
   * The GCP side: the Cloud Router's ASN (the AWS customer gateways carry it too).
   * @default - the recorded one, else the first private ASN from 65000 no link of the estate uses
   */
  readonly gcp?: number;
  /**
   * The AWS side: the transit gateway's `amazon_side_asn`, one for all links of the network.
   * Set it only for a network whose transit gateway is not built yet: changing it replaces the gateway (LINK-004).
   * @default - the recorded one, else 64512 (a transit gateway's own default)
   */
  readonly aws?: number;
}

/** Props of a {@link CloudLink}. */
export interface CloudLinkProps {
  /** The GCP network (a `Network` on `Cloud.gcp()`): its VPC gets the HA VPN gateway and a Cloud Router. */
  readonly gcp: INetwork;
  /** The AWS network (a `Network` on `Cloud.aws()` of the same estate): its transit gateway gets the VPN connections. */
  readonly aws: INetwork;
  /**
   * How many IPsec tunnels: 4 (two AWS VPN connections, one per HA VPN interface: GCP's 99.99%
   * topology) or 2 (one VPN connection, both tunnels from the first interface).
   * @default 4
   */
  readonly tunnels?: number;
  /**
   * The BGP ASNs of the two sides.
   * @default - planned: see CloudLinkAsns
   */
  readonly bgpAsn?: CloudLinkAsns;
}

const LINKS = Symbol('cdktf-kube-networks.links');

/** What `network` advertises over its links: its routable ranges, of them what its cloud's hub carries (the profile's `linkCarries`). */
export function advertisedBy(network: INetwork): PlannedRange[] {
  const profile = strategyOf(network.cloud)?.profile;
  return advertisedRanges(network.plan, (r) => profile?.linkCarries?.(r) ?? true);
}

/** The links that end in `network`, in the order they were made. */
export function linksOf(network: INetwork): ICloudLink[] {
  return attached<ICloudLink[]>(network, LINKS) ?? [];
}

/**
 * Joins a GCP network and an AWS network of one estate: an HA VPN gateway and a Cloud Router
 * on GCP, VPN connections to the transit gateway on AWS, and BGP over every tunnel. What each
 * side advertises follows the models: node ranges, flat pod and service ranges, gateway
 * subnets — never island or archipelago private ranges. Tunnel inside ranges and ASNs are
 * planned for the whole estate and recorded in the GCP network's plan file.
 *
 * Put it in its own stack or in either network's stack; that stack needs both the google and
 * the aws provider.
 */
export class CloudLink extends Construct implements ICloudLink {
  /** The GCP network. */
  public readonly gcp: INetwork;
  /** The AWS network. */
  public readonly aws: INetwork;
  /** The planned ASNs and tunnel inside ranges. */
  public readonly plan: CloudLinkPlan;

  constructor(scope: Construct, id: string, props: CloudLinkProps) {
    super(scope, id);
    const gcp = this.member(props?.gcp, 'gcp', CloudProvider.GCP);
    const aws = this.member(props?.aws, 'aws', CloudProvider.AWS);
    if (gcp.estate !== aws.estate) {
      throw planError(this, 'LINK-001', `gcp ${gcp.node.path} is in estate "${gcp.estate}" and aws ${aws.node.path} in "${aws.estate}": only networks of one estate share an address plan, so only they can be joined — give both Networks the same estate`);
    }
    const tunnels = props.tunnels ?? 4;
    if (!LINK_TUNNEL_COUNTS.includes(tunnels)) {
      throw planError(this, 'LINK-001', `tunnels ${JSON.stringify(tunnels)} is not ${LINK_TUNNEL_COUNTS.join(' or ')}: 4 gives GCP's 99.99% HA VPN topology (two AWS VPN connections), 2 one VPN connection`);
    }
    const twin = linksOf(gcp).find((l) => l.aws === aws);
    if (twin) {
      throw planError(this, 'LINK-001', `${gcp.node.path} and ${aws.node.path} are joined already by ${twin.node.path}: one link carries every route between two networks — give it more tunnels instead`);
    }
    const routers = linksOf(gcp).length + 2; // the links', this one's, the Cloud NAT's
    if (routers > GCP_ROUTERS_PER_REGION) {
      throw planError(this, 'LINK-005', `${gcp.node.path} has ${linksOf(gcp).length} links already: with this one and its Cloud NAT it would need ${routers} Cloud Routers in ${gcp.cloud.region}, and GCP allows ${GCP_ROUTERS_PER_REGION} per network and region — join the AWS networks to one transit gateway network, or link from another GCP network`);
    }
    for (const side of ['gcp', 'aws'] as const) {
      const asn = props.bgpAsn?.[side];
      if (asn !== undefined && typeof asn !== 'number') {
        throw planError(this, 'LINK-002', `bgpAsn.${side} ${JSON.stringify(asn)} is not a number: give an ASN such as 65010`);
      }
    }
    this.gcp = gcp;
    this.aws = aws;
    const estate = Estate.of(this, gcp.estate);
    try {
      this.plan = estate.planLink({
        path: this.node.path,
        gcp: gcp.node.path,
        aws: aws.node.path,
        awsRegion: aws.cloud.region,
        tunnels,
        asn: props.bgpAsn,
        awsNetworkRecorded: aws._planFile.networks().includes(aws.node.path),
      });
    } catch (e) {
      if (e instanceof LinkPlanError) throw planError(this, e.ruleId, e.message);
      throw e;
    }
    for (const network of [gcp, aws]) {
      attach(network, LINKS, [...linksOf(network), this]);
      network._linked();
    }
    estate.joinLink(this);

    // The VPN side opens, the transit side answers, the VPN side closes: each reads the other's tokens.
    rendering(() => {
      const addresses = gcp._strategy.renderer.openLink!(this);
      const ends = aws._strategy.renderer.answerLink!(this, addresses);
      gcp._strategy.renderer.closeLink!(this, ends);
    });
  }

  /** Stages the link's record in the GCP network's plan file. @internal */
  public _record(): void {
    (this.gcp as EstateMember)._planFile.saveLink(this.node.path, linkRecord(this.plan));
  }

  private member(network: INetwork | undefined, prop: 'gcp' | 'aws', provider: CloudProvider): EstateMember {
    const member = network as Partial<EstateMember> | undefined;
    const renders = provider === CloudProvider.GCP ? member?._strategy?.renderer.openLink : member?._strategy?.renderer.answerLink;
    if (!member || typeof member !== 'object' || !member._strategy || member.cloud?.provider !== provider || !renders) {
      const what = member?.node ? `${member.node.path}${member.cloud?.provider ? ` (on ${member.cloud.provider})` : ''}` : JSON.stringify(network);
      throw planError(this, 'LINK-001', `${prop} ${what} is not a Network on Cloud.${provider === CloudProvider.GCP ? 'gcp' : 'aws'}(): pass the ${provider} Network to ${prop}`);
    }
    return member as EstateMember;
  }
}
