import { IConstruct } from 'constructs';
import { ICloud } from './cloud';
import { IArchipelago, ICloudLink, ICluster, INetwork } from './interfaces';
import { CloudLinkPlan } from './link-plan';
import { NetworkModel, NetworkPlan, PlannedRange, PlanSuppression, RangeRole } from './plan';
import { IPolicyRule, PolicyViolation } from './rule';
import { Ipv6SubnetNeed } from './ipv6-subnets';

// What a cloud object brings to the model (the aws-cdk IIpAddresses pattern): the model asks
// it, and never knows which cloud answers. The objects come from Cloud.gcp() / Cloud.aws();
// these interfaces are internal to the library.

/** A routable range a cloud builds for an owner, beyond what the model itself plans. */
export interface RangeNeed {
  /** Short name within the owner, unique there: the plan file's key. */
  readonly name: string;
  /** What it is for. */
  readonly role: RangeRole;
  /** Prefix length to plan. */
  readonly prefix: number;
  /** The zone it is for, when it is one zone's. */
  readonly zone?: string;
  /** True for the subnets of an `Ingress.proxy()` gateway (the cluster's `proxySubnetCidrs`). */
  readonly proxy?: boolean;
}

/** What planning needs to know of a cloud before it places anything. */
export interface CloudProfile {
  /** Routable ranges the cloud builds for `cluster` (gateway subnets, control planes, edge blocks). */
  clusterNeeds(cluster: ICluster): RangeNeed[];
  /** Routable ranges the cloud builds for `archipelago` when it is made. */
  archipelagoNeeds(archipelago: IArchipelago): RangeNeed[];
  /** Routable ranges `archipelago` needs once `member` has joined it (asked once per name). */
  memberNeeds(archipelago: IArchipelago, member: ICluster): RangeNeed[];
  /**
   * Spaces the planner keeps every range of `role` out of, with why (the cloud refuses them
   * there). A pin there is honoured and left to the rules.
   */
  avoid(role: RangeRole): AvoidedSpace[];
  /**
   * Prefix of the smallest subnet the cloud takes when node and pod ranges are split over the
   * zones (AWS /28): the planner sizes them so every zone's subnet is at least that.
   * @default - ranges are not split (GCP subnets are regional)
   */
  readonly smallestZoneSubnet?: number;
  /**
   * Prefix of the smallest pod range the cloud's Kubernetes takes (GKE: a /24, GCP-GKE-003):
   * the planner never plans a smaller one, however few the nodes.
   * @default - no such floor
   */
  readonly largestPodPrefix?: number;
  /**
   * The aligned block a cluster's range of `role` may share with its other ranges, so the
   * cloud needs fewer blocks (AWS: one VPC block for a cluster's nodes, edge and proxies).
   * @returns the group's name and the largest block (as a prefix); undefined for none
   */
  blockGroup(model: NetworkModel, role: RangeRole): { readonly name: string; readonly largest: number } | undefined;
  /**
   * Where island and archipelago service ranges are planned, when they may not share the
   * island space `islandCidr` (EKS takes RFC 1918 service ranges only); undefined to plan them
   * beside the pods. `taken` are ranges it must not overlap: the estate's networks, islandCidr, reserved.
   */
  islandServiceSpace(islandCidr: string, taken: readonly string[]): string | undefined;
  /**
   * IPv6 subnets the cloud carves for `owner` (a cluster, or an archipelago when it is made)
   * from a VPC block it learns only at deploy (AWS: a /64 of each VPC's /56): the network
   * numbers them and the plan file records the numbers. Asked when the network has IPv6.
   * @default - none (GCP assigns each dual-stack subnet's /64 itself)
   */
  ipv6Subnets?(owner: ICluster | IArchipelago): Ipv6SubnetNeed[];
  /**
   * Whether the cloud carries `range` (routable, in the network's own space) across a
   * CloudLink: what its hub actually routes. @default - every such node, pod, service and gateway range
   */
  linkCarries?(range: PlannedRange): boolean;
}

/** A space the planner keeps a role out of. */
export interface AvoidedSpace {
  readonly cidr: string;
  /** Why, for the message when nothing else is free, e.g. `GKE reserves 172.17.0.0/16 for the Docker bridge`. */
  readonly why: string;
}

/** Builds a cloud's resources as the constructs are written; reads planned ranges lazily. */
export interface CloudRenderer {
  /** At the end of the Network's constructor. */
  onNetwork(network: INetwork): void;
  /** At the end of an Archipelago's constructor, before its members. */
  onArchipelago(archipelago: IArchipelago): void;
  /** At the end of every cluster's constructor. */
  onCluster(cluster: ICluster): void;
  /**
   * The default provider of the cloud in `network`'s stack and its region, when the region is a
   * plain string; undefined when there is no such provider or its region is a token (INPUT-004).
   */
  providerRegion(network: INetwork): ProviderRegion | undefined;

  /**
   * A CloudLink's VPN side, first (GCP): the HA VPN gateway. Returns the public address of
   * each of its interfaces (tokens resolved at deploy).
   */
  openLink?(link: ICloudLink): string[];
  /**
   * A CloudLink's transit side (AWS): VPN connections from the transit gateway to
   * `gatewayAddresses`. Returns each tunnel's outside address and pre-shared key, in order.
   */
  answerLink?(link: ICloudLink, gatewayAddresses: string[]): LinkTunnelEnd[];
  /** A CloudLink's VPN side, last (GCP): tunnels to `ends`, BGP sessions, route advertisements. */
  closeLink?(link: ICloudLink, ends: LinkTunnelEnd[]): void;
}

/** A provider construct's region, as a renderer finds it in a stack. */
export interface ProviderRegion {
  /** `GoogleProvider` or `AwsProvider`. */
  readonly kind: string;
  /** The provider's construct path. */
  readonly path: string;
  /** Its region. */
  readonly region: string;
}

/** The far end of one tunnel, as the transit side made it. */
export interface LinkTunnelEnd {
  /** The tunnel's outside (public) address on the transit side. */
  readonly address: string;
  /** Its IKE pre-shared key (sensitive; a token). */
  readonly presharedKey: string;
}

/** Checks resolved plans against the rules (the policy layer's side). */
export interface PlanChecker {
  /** The built-in rules of this cloud: model, Kubernetes, plan file, then the cloud's. */
  readonly rules: readonly IPolicyRule[];
  /** Every violation of `rules` on `plan`; `subjects` are the constructs findings may land on (by path). */
  evaluate(plan: NetworkPlan, rules: readonly IPolicyRule[], subjects: ReadonlyMap<string, IConstruct>): PolicyViolation[];
  /** The suppressions set on `subjects` or their ancestors. */
  suppressions(subjects: readonly IConstruct[]): PlanSuppression[];
  /** Announces the warnings and suppressed findings of `subject` on it (once each). */
  announce(subject: IConstruct, violations: readonly PolicyViolation[]): void;
  /** True when `violation` fails synth. */
  blocks(violation: PolicyViolation): boolean;
  /** The text a blocking violation fails synth with. */
  format(violation: PolicyViolation): string;
  /** Changes whenever a suppression is added in `scope`'s app: results computed before are stale. */
  revision(scope: IConstruct): number;
}

/** Writes what an estate planned, once its plan passed every blocking rule. */
export interface PlanReporter {
  /**
   * Writes the report of every network of the estate `name` (and of the estate, when it has
   * several, with its links); `everyNetwork` is every network of the app, whatever its estate.
   */
  write(name: string, networks: readonly INetwork[], everyNetwork: readonly INetwork[], links?: readonly CloudLinkPlan[]): void;
  /** Writes what needs every stack's Terraform (each estate's reachability matrix), once the whole app synthesized into `outdir`. */
  afterSynth(outdir: string): void;
}

/** Everything a cloud object brings. */
export interface CloudStrategy extends ICloud {
  readonly profile: CloudProfile;
  readonly renderer: CloudRenderer;
  readonly checker: PlanChecker;
  readonly reporter: PlanReporter;
}

/** The services a cloud object is assembled with, beside its own renderer and profile. */
export interface CloudServices {
  readonly checker: PlanChecker;
  readonly reporter: PlanReporter;
}

/** The strategy behind `cloud`, or undefined when it was not made by Cloud.gcp() / Cloud.aws(). */
export function strategyOf(cloud: unknown): CloudStrategy | undefined {
  const candidate = cloud as Partial<CloudStrategy> | undefined;
  const ok = candidate !== null && typeof candidate === 'object'
    && typeof candidate.provider === 'string'
    && typeof candidate.renderer?.onCluster === 'function'
    && typeof candidate.profile?.clusterNeeds === 'function'
    && typeof candidate.checker?.evaluate === 'function'
    && typeof candidate.reporter?.write === 'function' && typeof candidate.reporter?.afterSynth === 'function';
  return ok ? candidate as CloudStrategy : undefined;
}
