import { Construct } from 'constructs';
import { AddressPool, Cidr } from '../ipam';
import { orFail, parseRange, planError, shown } from './errors';
import { checkSameStack } from './placement-checks';
import { Egress, Ingress, IngressKind, isIngress, loadBalancerPorts } from './gateways';
import { IArchipelago, IAskedRange, ICluster } from './interfaces';
import { kubeControllerManagerArgs, serviceIps } from './kube-args';
import { Network } from './network';
import { RangeSlot } from './planner';
import { API_ENDPOINT_RANGE, ClusterPlan, ClusterSketch, GatewayPlan, IpFamily, Ipv6AccessType, NetworkModel, PodRouting, RangeRole } from './plan';
import { checkClusterFamily } from './ip-family';
import { resolveSizing } from './sizing';
import { later } from './tokens';
import { rendering } from './traces';

/** How big a cluster is, in the user's terms, or which ranges it must use. */
export interface ClusterSizeProps {
  /**
   * Most nodes the cluster will have.
   * @default - 250, or what the pinned node and pod ranges hold
   */
  readonly maxNodes?: number;
  /**
   * Most pods per node; sets the per-node pod block (twice as many addresses, GKE's rule).
   * @default - 110 (Kubernetes' default), or what a pinned nodeMaskSize holds
   */
  readonly maxPodsPerNode?: number;
  /**
   * Most Services (ClusterIPs).
   * @default - 4094 (a /20), or what a pinned serviceCidr holds
   */
  readonly maxServices?: number;
  /**
   * Pin the node range.
   * @default - planned from maxNodes
   */
  readonly nodeCidr?: string;
  /**
   * Pin the pod range (the cluster CIDR).
   * @default - planned from maxNodes and maxPodsPerNode
   */
  readonly podCidr?: string;
  /**
   * Pin the service range.
   * @default - planned from maxServices
   */
  readonly serviceCidr?: string;
  /**
   * Pin the per-node pod block's prefix length (`--node-cidr-mask-size`).
   * @default - from maxPodsPerNode: 110 pods -> 24
   */
  readonly nodeMaskSize?: number;
}

/** Props every cluster takes. */
export interface ClusterProps extends ClusterSizeProps {
  /** The main network the cluster lives in. */
  readonly network: Network;
  /**
   * The address families of nodes and pods. `DUAL_STACK` and `IPV6` need `ipv6: true` on the
   * network; `IPV6` (EKS IPv6 pods and services, no IPv4 pod or service range) is AWS only, and
   * only for flat and isolated clusters. The plan file records it: on AWS a change between
   * `IPV6` and the others replaces the EKS cluster, and is refused (AWS-IPV6-002).
   * @default IpFamily.IPV4
   */
  readonly ipFamily?: IpFamily;
  /**
   * GCP dual-stack clusters: who reaches the subnets' IPv6 addresses (`ipv6_access_type`).
   * @default Ipv6AccessType.INTERNAL for a GCP dual-stack cluster
   */
  readonly ipv6AccessType?: Ipv6AccessType;
}

/** Where a model plans a cluster's pod and service ranges (nodes are routable, except an isolated cluster's). */
export type PrivateSpace = 'routable' | 'island' | 'own' | AddressPool;

/** What a concrete cluster class tells the base: its model, where it plans, and its edge. @internal */
export interface ClusterSpec {
  readonly model: NetworkModel;
  readonly space: PrivateSpace;
  readonly ingress?: Ingress[];
  readonly egress?: Egress;
  /** The archipelago the cluster is a member of. */
  readonly archipelago?: IArchipelago;
  /** Where service ranges are planned when not beside the pods (an archipelago's island service pool). */
  readonly servicePool?: AddressPool;
  /** Plan a routable /28 for the API endpoint (isolated clusters). */
  readonly exposeApiEndpoint?: boolean;
  /** Who may reach the exposed API endpoint (isolated clusters); undefined for the whole main network. */
  readonly apiEndpointSourceRanges?: unknown;
  /** How pods are reached (flat clusters). */
  readonly podRouting?: PodRouting;
  /** Props the model does not take that were given anyway, with what to do instead (MODEL-010). */
  readonly misplaced?: { readonly props: string[]; readonly fix: string };
}

/** Refuses gateway values not made by their factories (from JavaScript or another jsii language): they would render wrong. */
export function checkEdge(scope: Construct, edge: { ingress?: unknown; egress?: unknown; podRouting?: unknown }): void {
  const { ingress, egress, podRouting } = edge;
  if (ingress !== undefined && (!Array.isArray(ingress) || ingress.some((g) => !isIngress(g)))) {
    throw planError(scope, 'INPUT-002', `ingress ${shown(ingress)} must be a list of gateways made with Ingress.nodePort(), Ingress.loadBalancer({ ports }) or Ingress.proxy()`);
  }
  if (egress !== undefined && !(egress instanceof Egress)) {
    throw planError(scope, 'INPUT-002', `egress ${shown(egress)} must be Egress.masquerade() or Egress.nat()`);
  }
  if (podRouting !== undefined && !Object.values(PodRouting).includes(podRouting as PodRouting)) {
    throw planError(scope, 'INPUT-002', `podRouting ${shown(podRouting)} is not one of ${Object.values(PodRouting).map((r) => `PodRouting.${r}`).join(', ')}`);
  }
}

/**
 * The sources given for an exposed API endpoint, checked: a non-empty list of ranges inside the
 * main network (the endpoint's routes lead there alone), only with exposeApiEndpoint. Each range
 * once, as NodePort sources are: a repeated one would make two identical security-group rules,
 * which AWS refuses.
 */
function apiEndpointSources(cluster: ClusterBase, spec: ClusterSpec): string[] | undefined {
  const given = spec.apiEndpointSourceRanges;
  const main = cluster.network.cidr;
  if (given !== undefined && !spec.exposeApiEndpoint) {
    throw planError(cluster, 'INPUT-002', `apiEndpointSourceRanges ${shown(given)} is given but the API endpoint is not exposed: add exposeApiEndpoint: true, or remove apiEndpointSourceRanges`);
  }
  if (given === undefined) return undefined;
  if (!Array.isArray(given) || given.length === 0) {
    throw planError(cluster, 'INPUT-002', `apiEndpointSourceRanges ${shown(given)} must be a non-empty list of ranges of the main network, e.g. ['${main}'] — omit it to allow the whole main network`);
  }
  return [...new Set(given.map((text: unknown) => {
    const range = orFail(cluster, 'INPUT-001', () => Cidr.parse(text as string, 'apiEndpointSourceRanges'));
    if (!Cidr.parse(main).contains(range)) {
      throw planError(cluster, 'INPUT-001', `apiEndpointSourceRanges ${range} is outside the main network ${main}: the endpoint's routes lead to the main network alone — give ranges inside ${main}`);
    }
    return range.toString();
  }))];
}

/** Which of `names` were given a value in `props` (props that a model does not take, written anyway from JavaScript or a cast). */
export function givenProps(props: object | undefined, names: string[]): string[] {
  const values = new Map(Object.entries(props ?? {}));
  return names.filter((name) => values.get(name) !== undefined);
}

/**
 * What every cluster decides in its constructor, as plain strings and numbers. Extended
 * by the four models' classes only (a hidden base class: its members appear on each of them);
 * renderers see clusters as {@link ICluster}.
 * @internal
 */
export abstract class ClusterBase extends Construct {
  /** The main network. */
  public readonly network: Network;
  /** The network model the cluster follows. */
  public readonly model: NetworkModel;
  /** Per-node pod block prefix length (`--node-cidr-mask-size`). */
  public readonly nodeMaskSize: number;
  /** Nodes the plan holds. */
  public readonly maxNodes: number;
  /** Pods per node the plan holds. */
  public readonly maxPodsPerNode: number;
  /** Services the plan holds. */
  public readonly maxServices: number;
  /** Gateways into the cluster (islands and archipelago members). */
  public readonly ingress: Ingress[];
  /** How pods leave the cluster (islands and archipelago members). */
  public readonly egress?: Egress;
  /** How the main network reaches the pods: VPC-native, or routes per node (flat clusters may choose). */
  public readonly podRouting: PodRouting;
  /** Ranges that may reach the exposed API endpoint, each once; undefined when it is not exposed. */
  public readonly apiEndpointSourceRanges?: string[];
  /** The address families of nodes and pods. */
  public readonly ipFamily: IpFamily;
  /** Who reaches the subnets' IPv6 addresses (GCP dual-stack clusters); undefined elsewhere. */
  public readonly ipv6AccessType?: Ipv6AccessType;

  private readonly member?: IArchipelago;
  /** Pods and services are absent for an IPv6 cluster: its pods and services take IPv6 addresses the cloud chooses. */
  private readonly slots: { pods?: RangeSlot; services?: RangeSlot; nodes: RangeSlot };
  private readonly apiEndpoint?: RangeSlot;
  /** The sources given for the API endpoint; undefined when omitted (the whole main network). */
  private readonly givenApiSources?: string[];
  private readonly extras: RangeSlot[] = [];
  private proxySlots: RangeSlot[] = [];

  protected constructor(scope: Construct, id: string, props: ClusterProps, spec: ClusterSpec) {
    super(scope, id);
    if (!Network.isNetwork(props?.network)) {
      throw planError(this, 'INPUT-002', 'network is required: pass the Network the cluster lives in (network: myNetwork)');
    }
    checkSameStack(this, props.network, 'cluster');
    if (spec.misplaced && spec.misplaced.props.length > 0) {
      throw planError(this, 'MODEL-010', spec.misplaced.fix);
    }
    checkEdge(this, spec);
    this.network = props.network;
    this.model = spec.model;
    this.member = spec.archipelago;
    const families = checkClusterFamily(this, spec.model, { path: this.network.node.path, ipv6: this.network.ipv6, provider: this.network.cloud.provider }, props);
    this.ipFamily = families.ipFamily;
    this.ipv6AccessType = families.ipv6AccessType;
    const ipv6Only = this.ipFamily === IpFamily.IPV6;
    for (const prop of ipv6Only ? ['podCidr', 'serviceCidr'] as const : []) {
      if (props[prop] !== undefined) {
        throw planError(this, 'INPUT-006', `${prop} ${shown(props[prop])} is given but ipFamily is IPV6: an IPv6 cluster's pods and services take IPv6 addresses the cloud chooses, so no IPv4 ${prop === 'podCidr' ? 'pod' : 'service'} range is planned — remove ${prop}, or use IpFamily.DUAL_STACK`);
      }
    }

    const family = Cidr.parse(this.network.cidr).family;
    const pin = (text: string | undefined, prop: string) => {
      if (text === undefined) return undefined;
      const range = parseRange(this, prop, text);
      if (range.family !== family) {
        throw planError(this, 'INPUT-001', `${prop} ${range} is IPv${range.family} but network ${this.network.node.path} (${this.network.cidr}) is IPv${family}: ` +
          `the address family differs — pin an IPv${family} range (a cluster's ranges share their network's address family)`);
      }
      return range;
    };
    for (const gateway of spec.ingress ?? []) {
      const other = (gateway.sourceRanges ?? []).find((r) => Cidr.parse(r).family !== family);
      if (other !== undefined) {
        throw planError(this, 'INPUT-001', `Ingress.nodePort sourceRanges ${other} is IPv${Cidr.parse(other).family} but network ${this.network.node.path} (${this.network.cidr}) is IPv${family}: ` +
          `NodePorts are admitted to the node range, of the network's family (a firewall rule or security-group rule holds one family) — list IPv${family} sourceRanges`);
      }
    }
    const nodePin = pin(props.nodeCidr, 'nodeCidr');
    const podPin = pin(props.podCidr, 'podCidr');
    const servicePin = pin(props.serviceCidr, 'serviceCidr');
    const sizing = orFail(this, 'INPUT-002', () => resolveSizing({
      maxNodes: props.maxNodes,
      maxPodsPerNode: props.maxPodsPerNode,
      maxServices: props.maxServices,
      nodeMaskSize: props.nodeMaskSize,
      nodeCidr: nodePin,
      podCidr: podPin,
      serviceCidr: servicePin,
      reservedPerSubnet: this.network.cloud.reservedAddressesPerSubnet,
      nodeSubnets: Math.max(1, this.network.cloud.availabilityZones.length),
      family,
      smallestZoneSubnet: this.network._strategy.profile.smallestZoneSubnet,
      largestPodPrefix: this.network._strategy.profile.largestPodPrefix,
    }));

    const planner = this.network._planner;
    const privatePool = (range: string) => planner.privatePool(this.node.path, this.node.path, Cidr.parse(range));
    const pods = spec.space === 'routable' ? planner.routable
      : spec.space === 'island' ? privatePool(this.network.islandCidr)
        : spec.space === 'own' ? privatePool(this.network.cidr)
          : spec.space;
    const nodes = spec.space === 'own' ? pods : planner.routable;
    // Island services come from the network's island service space when it has one (EKS: RFC 1918 only).
    const serviceSpace = this.network.islandServiceCidr;
    const services = spec.space === 'island' && serviceSpace
      ? planner.privatePool(`${this.node.path}:services`, this.node.path, Cidr.parse(serviceSpace))
      : spec.servicePool ?? pods;
    const avoid = (role: RangeRole) => this.network._strategy.profile.avoid(role);
    this.givenApiSources = apiEndpointSources(this, spec);
    this.apiEndpointSourceRanges = spec.exposeApiEndpoint ? this.givenApiSources ?? [this.network.cidr] : undefined;
    if (spec.exposeApiEndpoint) {
      // Asked first, and kept free in the cluster's own pool too: a cloud may make it a block of the cluster's network.
      this.apiEndpoint = planner.request({
        owner: this, name: API_ENDPOINT_RANGE, role: RangeRole.GATEWAY, pool: planner.routable, prefix: 28, alsoFreeIn: nodes, avoid: avoid(RangeRole.GATEWAY),
      });
    }
    const profile = this.network._strategy.profile;
    const ask = (name: string, role: RangeRole, pool: AddressPool, pinned: Cidr | undefined, prefix: number, sizedBy: string) =>
      planner.request({ owner: this, name, role, pool, model: spec.model, pin: pinned, prefix, avoid: avoid(role), group: profile.blockGroup(spec.model, role), sizedBy });
    // Largest first keeps the pools compact; the plan file keeps ranges where they are.
    this.slots = {
      pods: ipv6Only ? undefined : ask('pods', RangeRole.POD, pods, podPin, sizing.podPrefix, `maxNodes ${sizing.maxNodes} x a /${sizing.nodeMaskSize} per node`),
      services: ipv6Only ? undefined : ask('services', RangeRole.SERVICE, services, servicePin, sizing.servicePrefix, `maxServices ${sizing.maxServices}`),
      nodes: ask('nodes', RangeRole.NODE, nodes, nodePin, sizing.nodePrefix, `maxNodes ${sizing.maxNodes}`),
    };

    this.nodeMaskSize = sizing.nodeMaskSize;
    this.maxNodes = sizing.maxNodes;
    this.maxPodsPerNode = sizing.maxPodsPerNode;
    this.maxServices = sizing.maxServices;
    this.ingress = [...(spec.ingress ?? [])];
    this.egress = spec.egress;
    this.podRouting = spec.podRouting ?? PodRouting.VPC_NATIVE;
  }

  /** The routable /28 of an exposed API endpoint (isolated clusters); undefined when not exposed. */
  public get apiEndpointCidr(): string | undefined {
    return this.apiEndpoint && this.read(this.apiEndpoint);
  }

  /** Node range (a token until the plan is made: see `Network.planNow()`). */
  public get nodeCidr(): string {
    return this.read(this.slots.nodes);
  }

  /**
   * Pod range: the cluster CIDR (`--cluster-cidr`); a token until the plan is made (see
   * `Network.planNow()`). Empty for an IPv6 cluster (IpFamily.IPV6), whose pods take IPv6
   * addresses from its node subnets.
   */
  public get podCidr(): string {
    return this.slots.pods ? this.read(this.slots.pods) : '';
  }

  /**
   * Service range (`--service-cluster-ip-range`); a token until the plan is made (see
   * `Network.planNow()`). Empty for an IPv6 cluster, whose service range the cloud chooses.
   */
  public get serviceCidr(): string {
    return this.slots.services ? this.read(this.slots.services) : '';
  }

  /** The `kubernetes` Service's IP: index 1 of the service range (empty when the range is too small, K8S-002, or an IPv6 cluster's). */
  public get apiServerServiceIp(): string {
    const services = this.slots.services;
    if (!services) return '';
    return this.settled ? serviceIps(this.serviceCidr).apiServer : later(() => serviceIps(services.cidr).apiServer);
  }

  /** Cluster DNS IP as kubeadm assigns it: index 10 of the service range (empty when the range is too small, K8S-003, or an IPv6 cluster's). */
  public get dnsServiceIp(): string {
    const services = this.slots.services;
    if (!services) return '';
    return this.settled ? serviceIps(this.serviceCidr).dns : later(() => serviceIps(services.cidr).dns);
  }

  /** kube-controller-manager flags for this plan, ready to paste. */
  public get kubeControllerManagerArgs(): string[] {
    return kubeControllerManagerArgs(this);
  }

  /**
   * Proxy subnets in the main network, when a proxy gateway was asked for. An archipelago member
   * whose cloud asked none of its own (GCP: one proxy-only subnet per network, shared by the
   * members) has the subnets of the member that holds them.
   */
  public get proxySubnetCidrs(): string[] {
    const shared = !this.proxySlots.length && this.member && this.ingress.some((g) => g.kind === IngressKind.PROXY)
      ? this.member.members.find((m): m is ClusterBase => m instanceof ClusterBase && m.proxySlots.length > 0)?.proxySlots
      : undefined;
    return (shared ?? this.proxySlots).map((slot) => this.read(slot));
  }

  /** Every range asked for the cluster: pods, services (none for an IPv6 cluster), nodes, then its API endpoint and what its cloud needs. */
  public get askedRanges(): IAskedRange[] {
    const { pods, services, nodes } = this.slots;
    return [...(pods ? [pods] : []), ...(services ? [services] : []), nodes, ...(this.apiEndpoint ? [this.apiEndpoint] : []), ...this.extras];
  }

  /** A range as read: the planned range once the plan is resolved, a token resolved at synth until then. */
  private read(slot: RangeSlot): string {
    return this.settled ? slot.cidr : later(() => slot.cidr);
  }

  private get settled(): boolean {
    return this.network._planner.settled;
  }

  /** This cluster as plain plan data. @internal */
  public _plan(): ClusterPlan {
    const gateways: GatewayPlan[] = this.ingress.map((g) => ({
      kind: g.kind,
      ports: g.ports,
      sourceRanges: g.sourceRanges,
      subnetCidrs: g.kind === IngressKind.PROXY ? this.proxySubnetCidrs : [],
    }));
    return {
      path: this.node.path,
      model: this.model,
      nodeCidr: this.nodeCidr,
      podCidr: this.podCidr,
      serviceCidr: this.serviceCidr,
      nodeMaskSize: this.nodeMaskSize,
      maxNodes: this.maxNodes,
      maxPodsPerNode: this.maxPodsPerNode,
      maxServices: this.maxServices,
      archipelago: this.member?.node.path,
      ingress: gateways,
      egress: this.egress?.kind,
      podRouting: this.podRouting,
      apiEndpointSourceRanges: this.givenApiSources,
      ...this.familyPlan(),
    };
  }

  /** The families as the plan lists them: nothing for an IPv4 cluster the plan file records as such (IPv4-only plans stay as they were). */
  private familyPlan(): Pick<ClusterPlan, 'ipFamily' | 'ipv6AccessType' | 'recordedIpFamily'> {
    const recorded = this.network._recordedIpFamily(this.node.path);
    return {
      ...(this.ipFamily !== IpFamily.IPV4 ? { ipFamily: this.ipFamily } : {}),
      ...(this.ipv6AccessType ? { ipv6AccessType: this.ipv6AccessType } : {}),
      ...(recorded !== undefined && recorded !== this.ipFamily ? { recordedIpFamily: recorded } : {}),
    };
  }

  /** This cluster as its props decided it, before any range is planned. @internal */
  public _sketch(): ClusterSketch {
    return {
      path: this.node.path,
      model: this.model,
      archipelago: this.member?.node.path,
      ingress: this.ingress.map((g) => g.kind),
      loadBalancerPorts: loadBalancerPorts(this.ingress),
      egress: this.egress?.kind,
      podRouting: this.podRouting,
      exposesApiEndpoint: this.apiEndpoint !== undefined,
      ...(this.ipFamily !== IpFamily.IPV4 ? { ipFamily: this.ipFamily } : {}),
      ...(this.ipv6AccessType ? { ipv6AccessType: this.ipv6AccessType } : {}),
    };
  }

  /**
   * Completes a cluster once its class has set every field: asks the ranges its cloud builds
   * for it, joins the network's plan and renders. Each model's constructor ends with it.
   * @internal
   */
  protected _complete(cluster: ICluster, beforeRender?: () => void): void {
    const strategy = this.network._strategy;
    for (const need of strategy.profile.clusterNeeds(cluster)) {
      const slot = this.network._askNeed(this, need, this.model);
      this.extras.push(slot);
      if (need.proxy) this.proxySlots = [...this.proxySlots, slot];
    }
    if (this.network.ipv6) this.network._askIpv6Subnets(strategy.profile.ipv6Subnets?.(cluster) ?? []);
    beforeRender?.();
    this.network._addCluster(this);
    rendering(() => strategy.renderer.onCluster(cluster));
  }
}
