import { Construct } from 'constructs';
import { AddressPool, Cidr } from '../ipam';
import { CloudProvider } from './cloud';
import { orFail, planError } from './errors';
import { Egress, Ingress, IngressKind } from './gateways';
import { Network, RangeSlot } from './network';
import { ClusterPlan, GatewayPlan, NetworkModel, PodRouting, RangeRole } from './plan';
import { kubeControllerManagerArgs, serviceIps } from './kube-args';
import { rendererFor } from './renderer';
import { resolveSizing } from './sizing';

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
}

/** Where a cluster's three ranges are planned. */
export interface ClusterPools {
  readonly nodes: AddressPool;
  readonly pods: AddressPool;
  readonly services: AddressPool;
}

/** Gateways a cluster was given, and the archipelago it belongs to. */
export interface ClusterEdge {
  readonly ingress?: Ingress[];
  readonly egress?: Egress;
  readonly archipelago?: Construct;
  /** Plan a routable /28 for the API endpoint (isolated clusters). */
  readonly exposeApiEndpoint?: boolean;
  /** How pods are reached (flat clusters). */
  readonly podRouting?: PodRouting;
}

/**
 * What every cluster decides in its constructor, as plain strings and numbers.
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

  private readonly archipelagoPath?: string;
  private readonly edge: ClusterEdge;
  private readonly slots: Record<'pods' | 'services' | 'nodes', RangeSlot>;
  private readonly proxySlots: RangeSlot[];
  private readonly apiEndpoint?: RangeSlot;

  protected constructor(scope: Construct, id: string, props: ClusterProps, model: NetworkModel) {
    super(scope, id);
    if (!Network.isNetwork(props?.network)) {
      throw planError(this, 'INPUT-002', 'network is required: pass the Network the cluster lives in (network: myNetwork)');
    }
    this.network = props.network;
    this.model = model;
    const edge = this._edge(props);
    this.edge = edge;
    if ((model === NetworkModel.FLAT || model === NetworkModel.ISOLATED)) {
      const extra = props as { ingress?: unknown; egress?: unknown };
      if (extra.ingress !== undefined || extra.egress !== undefined) {
        throw planError(this, 'MODEL-010', model === NetworkModel.FLAT
          ? 'a flat cluster needs no gateway: its pods are routable in the main network — remove ingress and egress, or use IslandCluster'
          : 'an isolated cluster has no gateways: nothing crosses its edge — remove ingress and egress (exposeApiEndpoint exposes the API server)');
      }
    }

    const pin = (text: string | undefined, prop: string) =>
      text === undefined ? undefined : orFail(this, 'INPUT-001', () => Cidr.parse(text, prop));
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
      family: Cidr.parse(this.network.cidr).family,
    }));

    const pools = this._pools();
    if (edge.exposeApiEndpoint) {
      // Asked first, and kept free in the cluster's own pool too: a cloud may make it a block of the cluster's network.
      this.apiEndpoint = this.network._request({
        owner: this, name: 'api-endpoint', role: RangeRole.GATEWAY, pool: this.network._routablePool, prefix: 28, alsoFreeIn: pools.nodes,
      });
    }
    const ask = (name: string, role: RangeRole, pool: AddressPool, pinned: Cidr | undefined, prefix: number) =>
      this.network._request({ owner: this, name, role, pool, model, pin: pinned, prefix });
    // Largest first keeps the pools compact; the plan file keeps ranges where they are.
    this.slots = {
      pods: ask('pods', RangeRole.POD, pools.pods, podPin, sizing.podPrefix),
      services: ask('services', RangeRole.SERVICE, pools.services, servicePin, sizing.servicePrefix),
      nodes: ask('nodes', RangeRole.NODE, pools.nodes, nodePin, sizing.nodePrefix),
    };

    this.nodeMaskSize = sizing.nodeMaskSize;
    this.maxNodes = sizing.maxNodes;
    this.maxPodsPerNode = sizing.maxPodsPerNode;
    this.maxServices = sizing.maxServices;
    this.ingress = [...(edge.ingress ?? [])];
    this.egress = edge.egress;
    this.archipelagoPath = edge.archipelago?.node.path;
    this.proxySlots = this.ingress
      .filter((g) => g.kind === IngressKind.PROXY)
      .slice(0, 1)
      .flatMap((g) => this.askProxySubnets(g.subnetMaskSize));

    this.network._addCluster(this);
    rendererFor(this.network.cloud.provider)?.onCluster(this);
  }

  /** The routable /28 of an exposed API endpoint (isolated clusters); undefined when not exposed. */
  public get apiEndpointCidr(): string | undefined {
    return this.apiEndpoint?.cidr;
  }

  /** True when an API endpoint subnet was asked for; reading apiEndpointCidr would plan it. @internal */
  public get _exposesApiEndpoint(): boolean {
    return this.apiEndpoint !== undefined;
  }

  /** Path of the archipelago the cluster belongs to, if any. @internal */
  public get _archipelagoPath(): string | undefined {
    return this.archipelagoPath;
  }

  /** Node range. */
  public get nodeCidr(): string {
    return this.slots.nodes.cidr;
  }

  /** Pod range: the cluster CIDR (`--cluster-cidr`). */
  public get podCidr(): string {
    return this.slots.pods.cidr;
  }

  /** Service range (`--service-cluster-ip-range`). */
  public get serviceCidr(): string {
    return this.slots.services.cidr;
  }

  /** The `kubernetes` Service's IP: index 1 of the service range (empty when the range is too small, K8S-002). */
  public get apiServerServiceIp(): string {
    return serviceIps(this.serviceCidr).apiServer;
  }

  /** Cluster DNS IP as kubeadm assigns it: index 10 of the service range (empty when the range is too small, K8S-003). */
  public get dnsServiceIp(): string {
    return serviceIps(this.serviceCidr).dns;
  }

  /** kube-controller-manager flags for this plan, ready to paste. */
  public get kubeControllerManagerArgs(): string[] {
    return kubeControllerManagerArgs(this);
  }

  /** How the main network reaches the pods: VPC-native, or routes per node (flat clusters may choose). */
  public get podRouting(): PodRouting {
    return this.edge.podRouting ?? PodRouting.VPC_NATIVE;
  }

  /** Proxy subnets in the main network, when a proxy gateway was asked for. */
  public get proxySubnetCidrs(): string[] {
    return this.proxySlots.map((slot) => slot.cidr);
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
      archipelago: this.archipelagoPath,
      ingress: gateways,
      egress: this.egress?.kind,
      podRouting: this.podRouting,
    };
  }

  /** The pools this model plans its ranges in. @internal */
  protected abstract _pools(): ClusterPools;

  /** The gateways and archipelago given in `props`. @internal */
  protected _edge(_props: ClusterProps): ClusterEdge {
    return {};
  }

  private askProxySubnets(mask: number | undefined): RangeSlot[] {
    const pool = this.network._routablePool;
    const place = (name: string, prefix: number) =>
      this.network._request({ owner: this, name, role: RangeRole.GATEWAY, pool, prefix });
    if (this.network.cloud.provider === CloudProvider.AWS) {
      return this.network.cloud.availabilityZones.map((zone) => place(`proxy-${zone}`, mask ?? 27));
    }
    return [place('proxy', mask ?? 23)];
  }
}
