import { Construct } from 'constructs';
import { AddressPool, Cidr } from '../ipam';
import { checkEdge, ClusterBase, ClusterSizeProps } from './cluster';
import { parseRange, planError } from './errors';
import { checkSameStack } from './placement-checks';
import { Egress, GatewayProps } from './gateways';
import { IAskedRange, ICluster } from './interfaces';
import { Network } from './network';
import { IpFamily, Ipv6AccessType, NetworkModel, RangeRole } from './plan';
import { RangeSlot } from './planner';
import { RangeNeed } from './strategy';
import { rendering } from './traces';

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
export interface ArchipelagoClusterProps extends ClusterSizeProps, GatewayProps {
  /**
   * The address families of the member's nodes and pods: `DUAL_STACK` needs `ipv6: true` on the
   * network; `IPV6` is refused for a member (INPUT-006: IPv6 pods are unique, nothing to reuse).
   * @default IpFamily.IPV4
   */
  readonly ipFamily?: IpFamily;
  /**
   * GCP dual-stack members: who reaches the subnet's IPv6 addresses (`ipv6_access_type`).
   * @default Ipv6AccessType.INTERNAL for a GCP dual-stack member
   */
  readonly ipv6AccessType?: Ipv6AccessType;
}

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
  private readonly servicePool: AddressPool;
  private readonly extras: RangeSlot[] = [];

  constructor(scope: Construct, id: string, props: ArchipelagoProps) {
    super(scope, id);
    if (!Network.isNetwork(props?.network)) {
      throw planError(this, 'INPUT-002', 'network is required: pass the Network the archipelago lives in (network: myNetwork)');
    }
    checkSameStack(this, props.network, 'archipelago');
    this.network = props.network;
    checkEdge(this, { ingress: props.ingress, egress: props.egress });
    this.defaults = { ingress: props.ingress, egress: props.egress };
    const planner = this.network._planner;
    const islands = Cidr.parse(this.network.islandCidr);
    const pin = props.podCidr === undefined ? undefined : parseRange(this, 'podCidr', props.podCidr);
    this.podCidr = planner.placeNow({
      owner: this,
      name: 'pods',
      role: RangeRole.SUPER_RANGE,
      pool: planner.privatePool(this.node.path, this.node.path, islands),
      model: NetworkModel.ARCHIPELAGO,
      pin,
      prefix: Math.max(islands.prefix, DEFAULT_SUPER_RANGE_PREFIX),
      avoid: this.network._strategy.profile.avoid(RangeRole.SUPER_RANGE),
    });
    this.memberPool = planner.privatePool(`${this.node.path}:members`, this.node.path, Cidr.parse(this.podCidr));
    // Members' service ranges come from the network's island service space when it has one (on AWS), disjoint among them.
    const services = this.network.islandServiceCidr;
    this.servicePool = services ? planner.privatePool(`${this.node.path}:services`, this.node.path, Cidr.parse(services)) : this.memberPool;
    this.network._addSubject(this);
    const strategy = this.network._strategy;
    this.ask(strategy.profile.archipelagoNeeds(this));
    if (this.network.ipv6) this.network._askIpv6Subnets(strategy.profile.ipv6Subnets?.(this) ?? []);
    rendering(() => strategy.renderer.onArchipelago(this));
  }

  /** Adds a member cluster; its pod and service ranges come from the super-range. */
  public addCluster(id: string, props: ArchipelagoClusterProps = {}): ArchipelagoCluster {
    const cluster = new ArchipelagoCluster(this, id, props);
    this.clusters.push(cluster);
    return cluster;
  }

  /** The members, as the cloud layers see them. */
  public get members(): ICluster[] {
    return [...this.clusters];
  }

  /** The ranges its cloud asked for the archipelago (an AWS edge block, a GCP private NAT subnet). */
  public get askedRanges(): IAskedRange[] {
    return [...this.extras];
  }

  /** The pool members plan pod and service ranges in. @internal */
  public get _memberPool(): AddressPool {
    return this.memberPool;
  }

  /** The pool members plan service ranges in. @internal */
  public get _servicePool(): AddressPool {
    return this.servicePool;
  }

  /** Gateways members get when they name none. @internal */
  public get _defaults(): GatewayProps {
    return this.defaults;
  }

  /** Asks for the routable ranges a member needs of the archipelago (each name once). @internal */
  public _join(member: ICluster): void {
    this.ask(this.network._strategy.profile.memberNeeds(this, member));
  }

  private ask(needs: RangeNeed[]): void {
    for (const need of needs) {
      if (!this.extras.some((slot) => slot.name === need.name)) this.extras.push(this.network._askNeed(this, need));
    }
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
    const defaults = archipelago._defaults;
    super(archipelago, id, { ...props, network: archipelago.network }, {
      model: NetworkModel.ARCHIPELAGO,
      space: archipelago._memberPool,
      servicePool: archipelago._servicePool,
      ingress: props?.ingress ?? defaults.ingress,
      egress: props?.egress ?? defaults.egress ?? Egress.masquerade(),
      archipelago,
    });
    this.archipelago = archipelago;
    this._complete(this, () => archipelago._join(this));
  }
}
