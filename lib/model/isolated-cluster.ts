import { Construct } from 'constructs';
import { Cidr } from '../ipam';
import { ClusterBase, ClusterEdge, ClusterPools, ClusterProps } from './cluster';
import { NetworkModel } from './plan';

/** Props of an {@link IsolatedCluster}. */
export interface IsolatedClusterProps extends ClusterProps {
  /**
   * Expose the API server to the main network through a small routable subnet (/28),
   * the one thing that may cross an isolated cluster's edge.
   * @default false
   */
  readonly exposeApiEndpoint?: boolean;
}

/**
 * An isolated cluster: its own network, nothing crosses its edge (except an exposed API
 * endpoint), so it may reuse every address — by default it plans inside the main
 * network's cidr, as if the main network were not there.
 */
export class IsolatedCluster extends ClusterBase {
  constructor(scope: Construct, id: string, props: IsolatedClusterProps) {
    super(scope, id, props, NetworkModel.ISOLATED);
  }

  /** @internal */
  protected _pools(): ClusterPools {
    const own = this.network._privatePool(this, '', Cidr.parse(this.network.cidr));
    return { nodes: own, pods: own, services: own };
  }

  /** @internal */
  protected _edge(props: IsolatedClusterProps): ClusterEdge {
    return { exposeApiEndpoint: props.exposeApiEndpoint };
  }
}
