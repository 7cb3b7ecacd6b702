import { Construct } from 'constructs';
import { ClusterBase, ClusterProps, givenProps } from './cluster';
import { NetworkModel, PodRouting } from './plan';

/** Props of a {@link FlatCluster}. */
export interface FlatClusterProps extends ClusterProps {
  /**
   * How the main network reaches the pods: VPC-native pod ranges (alias IPs on GCP, the VPC
   * CNI on AWS), or a route per node to its pod block, made by the cloud controller
   * (GKE routes-based clusters, self-managed clusters on GCE; not on AWS).
   * @default PodRouting.VPC_NATIVE
   */
  readonly podRouting?: PodRouting;
}

/**
 * A flat ("fully integrated") cluster: nodes and pods routable in the main network,
 * one pod range per cluster, unique in the main network. No gateway, no NAT between
 * pods and the rest.
 */
export class FlatCluster extends ClusterBase {
  constructor(scope: Construct, id: string, props: FlatClusterProps) {
    super(scope, id, props, {
      model: NetworkModel.FLAT,
      space: 'routable',
      podRouting: props?.podRouting,
      misplaced: {
        props: givenProps(props, ['ingress', 'egress']),
        fix: 'a flat cluster needs no gateway: its pods are routable in the main network — remove ingress and egress, or use IslandCluster',
      },
    });
    this._complete(this);
  }
}
