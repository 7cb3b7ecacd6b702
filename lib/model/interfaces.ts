import { IConstruct } from 'constructs';
import { ICloud } from './cloud';
import { Egress, Ingress } from './gateways';
import { CloudLinkPlan } from './link-plan';
import { IpFamily, Ipv6AccessType, NetworkModel, NetworkPlan, PodRouting, RangeRole } from './plan';
import { PolicyViolation, RuleDescription } from './rule';

// What the other layers see of the constructs: renderers, rules and reports read these
// interfaces, never the classes, so the model's constructs can change without them.

/** A main network as the cloud layers and reports see it. */
export interface INetwork extends IConstruct {
  /** The main network's routable space. */
  readonly cidr: string;
  /** The cloud it is built on. */
  readonly cloud: ICloud;
  /** Where private ranges come from. */
  readonly islandCidr: string;
  /** The estate whose networks share one address plan. */
  readonly estate: string;
  /** True when the network has IPv6. */
  readonly ipv6: boolean;
  /** The IPv6 IPAM pool each AWS VPC's /56 comes from. @default - Amazon-provided blocks */
  readonly ipv6IpamPoolId?: string;
  /** The number of IPv6 subnet `name` in the deploy-time block of the VPC `vpc` owns, as planned. */
  ipv6NetnumOf(vpc: string, name: string): number;
  /** The resolved plan. */
  readonly plan: NetworkPlan;
  /** Every violation of every rule checked on the network. */
  violations(): PolicyViolation[];
  /** The rules checked on the network. */
  checkedRules(): RuleDescription[];
}

/** A range asked of the planner: its shape is known at once, its place once the plan is resolved. */
export interface IAskedRange {
  /** Short name within the owner, e.g. `pods`, `proxy`, `aws-edge`, `private-nat`. */
  readonly name: string;
  /** What it is for. */
  readonly role: RangeRole;
  /** The prefix length asked for: known before the range is placed. */
  readonly prefix: number;
  /** The zone it is for, when it is one zone's. @default - not a zone's */
  readonly zone?: string;
  /** The planned range (reading it places every pending range). */
  readonly cidr: string;
  /**
   * The aligned block the range shares with other ranges of its owner (an AWS VPC block),
   * as its cloud asked. @default - a range of its own
   */
  readonly within?: IAskedRange;
}

/** An archipelago as the cloud layers see it. */
export interface IArchipelago extends IConstruct {
  /** The main network. */
  readonly network: INetwork;
  /** The super-range members' pod and service ranges come from. */
  readonly podCidr: string;
  /** The member clusters, in the order they were added. */
  readonly members: ICluster[];
  /** The ranges asked for the archipelago: its super-range, then what its cloud needs (an AWS edge block, a GCP private NAT subnet). */
  readonly askedRanges: IAskedRange[];
}

/** A cluster of any model, as the cloud layers see it. */
export interface ICluster extends IConstruct {
  /** The main network. */
  readonly network: INetwork;
  /** The network model the cluster follows. */
  readonly model: NetworkModel;
  /** The archipelago the cluster belongs to. @default - not a member */
  readonly archipelago?: IArchipelago;
  /** Node range. */
  readonly nodeCidr: string;
  /** Pod range (empty for an IPv6 cluster). */
  readonly podCidr: string;
  /** Service range (empty for an IPv6 cluster). */
  readonly serviceCidr: string;
  /** The address families of nodes and pods. */
  readonly ipFamily: IpFamily;
  /** Who reaches the subnets' IPv6 addresses (GCP dual-stack clusters). @default - not a GCP dual-stack cluster */
  readonly ipv6AccessType?: Ipv6AccessType;
  /** Gateways into the cluster. */
  readonly ingress: Ingress[];
  /** How pods leave the cluster. @default - none (flat and isolated clusters) */
  readonly egress?: Egress;
  /** How the main network reaches the pods. */
  readonly podRouting: PodRouting;
  /** Proxy subnets in the main network, when a proxy gateway was asked for. */
  readonly proxySubnetCidrs: string[];
  /** The routable /28 of an exposed API endpoint. @default - not exposed */
  readonly apiEndpointCidr?: string;
  /** Ranges that may reach the exposed API endpoint (TCP 443). @default - not exposed */
  readonly apiEndpointSourceRanges?: string[];
  /** Every range asked for the cluster: nodes, pods, services, then gateways and what its cloud needs. */
  readonly askedRanges: IAskedRange[];
}

/** The range `name` asked for `owner`; an error when none was (a cloud layer and its profile disagree). */
/** A GCP network joined to an AWS network of its estate (CloudLink), as the renderers see it. */
export interface ICloudLink extends IConstruct {
  /** The GCP network: its VPC holds the HA VPN gateway and the Cloud Router. */
  readonly gcp: INetwork;
  /** The AWS network: its transit gateway holds the VPN connections. */
  readonly aws: INetwork;
  /** The planned ASNs and tunnel inside ranges. */
  readonly plan: CloudLinkPlan;
}

export function askedRange(owner: IConstruct & { readonly askedRanges: IAskedRange[] }, name: string): IAskedRange {
  const found = owner.askedRanges.find((r) => r.name === name);
  if (!found) throw new Error(`[${owner.node.path}] no ${name} range was asked for: the cloud's profile must ask for every range its renderer builds`);
  return found;
}
