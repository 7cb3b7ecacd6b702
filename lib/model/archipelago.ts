import { Construct } from 'constructs';
import { AddressPool, Cidr } from '../ipam';
import { ClusterBase, ClusterEdge, ClusterPools, ClusterSizeProps } from './cluster';
import { orFail, planError } from './errors';
import { Egress } from './gateways';
import { GatewayProps } from './island-cluster';
import { Network } from './network';
import { NetworkModel, RangeRole } from './plan';
import { rendererFor } from './renderer';

/** Props of an {@link Archipelago}. */
export interface ArchipelagoProps extends GatewayProps {
  /** The main network. */
  readonly network: Network;
  /**
   * The archipelago's private super-range, split between its member clusters and reused
   * by other archipelagos.
   * @default - the first /14 of the network's islandCidr (or all of it, when smaller)
   */
  readonly podCidr?: string;
}

/** Props of a member cluster of an archipelago. */
export interface ArchipelagoClusterProps extends ClusterSizeProps, GatewayProps {}

/** Prefix of the default super-range: a /14 holds four default-sized (/16) member pod ranges. */
const DEFAULT_SUPER_RANGE_PREFIX = 14;

/**
 * An archipelago ("bigger islands"): member clusters flat among themselves inside one
 * private super-range, an island to the rest of the main network. The super-range is
 * reused between archipelagos, never inside one.
 */
export class Archipelago extends Construct {
  /** The main network. */
  public readonly network: Network;
  /** The super-range the members' pod and service ranges are planned in. */
  public readonly podCidr: string;
  /** The members, in the order they were added. */
  public readonly clusters: ArchipelagoCluster[] = [];

  private readonly defaults: GatewayProps;
  private readonly memberPool: AddressPool;

  constructor(scope: Construct, id: string, props: ArchipelagoProps) {
    super(scope, id);
    if (!Network.isNetwork(props?.network)) {
      throw planError(this, 'INPUT-002', 'network is required: pass the Network the archipelago lives in (network: myNetwork)');
    }
    this.network = props.network;
    this.defaults = { ingress: props.ingress, egress: props.egress };
    const islands = Cidr.parse(this.network.islandCidr);
    const pin = props.podCidr === undefined ? undefined : orFail(this, 'INPUT-001', () => Cidr.parse(props.podCidr!, 'podCidr'));
    this.podCidr = this.network._place({
      owner: this,
      name: 'pods',
      role: RangeRole.SUPER_RANGE,
      pool: this.network._privatePool(this, '', islands),
      model: NetworkModel.ARCHIPELAGO,
      pin,
      prefix: Math.max(islands.prefix, DEFAULT_SUPER_RANGE_PREFIX),
    });
    this.memberPool = this.network._privatePool(this, 'members', Cidr.parse(this.podCidr));
    this.network._addSubject(this);
    rendererFor(this.network.cloud.provider)?.onArchipelago(this);
  }

  /** Adds a member cluster; its pod and service ranges come from the super-range. */
  public addCluster(id: string, props: ArchipelagoClusterProps = {}): ArchipelagoCluster {
    const cluster = new ArchipelagoCluster(this, id, props);
    this.clusters.push(cluster);
    return cluster;
  }

  /** The pool members plan pod and service ranges in. @internal */
  public get _memberPool(): AddressPool {
    return this.memberPool;
  }

  /** Gateways members get when they name none. @internal */
  public get _defaults(): GatewayProps {
    return this.defaults;
  }
}

/**
 * A member cluster of an {@link Archipelago}: routable nodes, pods and services from the
 * archipelago's super-range. Created with `archipelago.addCluster()`.
 */
export class ArchipelagoCluster extends ClusterBase {
  /** The archipelago the cluster belongs to. */
  public readonly archipelago: Archipelago;

  /** Use `archipelago.addCluster()`. */
  constructor(archipelago: Archipelago, id: string, props: ArchipelagoClusterProps) {
    if (!(archipelago instanceof Archipelago)) {
      throw new Error(`ArchipelagoCluster ${id}: create members with archipelago.addCluster('${id}', props)`);
    }
    super(archipelago, id, { ...props, network: archipelago.network }, NetworkModel.ARCHIPELAGO);
    this.archipelago = archipelago;
  }

  /** @internal */
  protected _pools(): ClusterPools {
    const members = (this.node.scope as Archipelago)._memberPool;
    return { nodes: this.network._routablePool, pods: members, services: members };
  }

  /** @internal */
  protected _edge(props: ArchipelagoClusterProps): ClusterEdge {
    const defaults = (this.node.scope as Archipelago)._defaults;
    return {
      ingress: props.ingress ?? defaults.ingress,
      egress: props.egress ?? defaults.egress ?? Egress.masquerade(),
      archipelago: this.node.scope as Archipelago,
    };
  }
}
