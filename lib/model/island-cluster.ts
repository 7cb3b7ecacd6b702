import { Construct } from 'constructs';
import { Cidr } from '../ipam';
import { ClusterBase, ClusterEdge, ClusterPools, ClusterProps } from './cluster';
import { Egress, Ingress } from './gateways';
import { NetworkModel } from './plan';

/** Gateways of an island or archipelago member. */
export interface GatewayProps {
  /**
   * How traffic gets in: `Ingress.nodePort()`, `Ingress.loadBalancer({ ports })`, `Ingress.proxy()`.
   * @default - no ingress
   */
  readonly ingress?: Ingress[];
  /**
   * How pods get out: `Egress.masquerade()` (SNAT on the node) or `Egress.nat()`.
   * @default Egress.masquerade()
   */
  readonly egress?: Egress;
}

/** Props of an {@link IslandCluster}. */
export interface IslandClusterProps extends ClusterProps, GatewayProps {}

/**
 * An island: nodes with one leg in the main network (routable), pods and services in a
 * private range reused by every island (by default the same first block of `islandCidr`).
 * Traffic crosses the edge only through gateways.
 */
export class IslandCluster extends ClusterBase {
  constructor(scope: Construct, id: string, props: IslandClusterProps) {
    super(scope, id, props, NetworkModel.ISLAND);
  }

  /** @internal */
  protected _pools(): ClusterPools {
    const island = this.network._privatePool(this, '', Cidr.parse(this.network.islandCidr));
    return { nodes: this.network._routablePool, pods: island, services: island };
  }

  /** @internal */
  protected _edge(props: IslandClusterProps): ClusterEdge {
    return { ingress: props.ingress, egress: props.egress ?? Egress.masquerade() };
  }
}
