import { Construct } from 'constructs';
import { ClusterBase, ClusterPools, ClusterProps } from './cluster';
import { NetworkModel } from './plan';

/** Props of a {@link FlatCluster}. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- its own name, so flat-only props can be added without breaking users
export interface FlatClusterProps extends ClusterProps {}

/**
 * A flat ("fully integrated") cluster: nodes and pods routable in the main network,
 * one pod range per cluster, unique in the main network. No gateway, no NAT between
 * pods and the rest.
 */
export class FlatCluster extends ClusterBase {
  constructor(scope: Construct, id: string, props: FlatClusterProps) {
    super(scope, id, props, NetworkModel.FLAT);
  }

  /** @internal */
  protected _pools(): ClusterPools {
    const routable = this.network._routablePool;
    return { nodes: routable, pods: routable, services: routable };
  }
}
