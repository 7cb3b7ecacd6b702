import { Construct } from 'constructs';
import { Cidr } from '../ipam';
import { ClusterBase, ClusterPools, ClusterProps } from './cluster';
import { RangeSlot } from './network';
import { NetworkModel, RangeRole } from './plan';

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
  private readonly apiEndpoint?: RangeSlot;

  constructor(scope: Construct, id: string, props: IsolatedClusterProps) {
    super(scope, id, props, NetworkModel.ISOLATED);
    if (props.exposeApiEndpoint) {
      this.apiEndpoint = this.network._request({
        owner: this, name: 'api-endpoint', role: RangeRole.GATEWAY, pool: this.network._routablePool, prefix: 28,
      });
    }
  }

  /** The routable subnet of the exposed API endpoint; undefined when not exposed. */
  public get apiEndpointCidr(): string | undefined {
    return this.apiEndpoint?.cidr;
  }

  /** @internal */
  protected _pools(): ClusterPools {
    const own = this.network._privatePool(this, '', Cidr.parse(this.network.cidr));
    return { nodes: own, pods: own, services: own };
  }
}
