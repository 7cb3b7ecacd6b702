import { Construct } from 'constructs';
import { ClusterBase, ClusterProps, givenProps } from './cluster';
import { NetworkModel } from './plan';

/** Props of an {@link IsolatedCluster}. */
export interface IsolatedClusterProps extends ClusterProps {
  /**
   * Expose the API server to the main network through a small routable subnet (/28),
   * the one thing that may cross an isolated cluster's edge.
   * @default false
   */
  readonly exposeApiEndpoint?: boolean;
  /**
   * Ranges of the main network that may reach the exposed API endpoint (TCP 443), rendered as
   * a GCP firewall rule on the main VPC or AWS security-group rules. Each lies inside the
   * Network's `cidr` (the endpoint's routes lead there alone); a public range needs a
   * suppression of MODEL-011 with a reason. Only with `exposeApiEndpoint: true`.
   * @default - the whole main network (the Network's `cidr`)
   */
  readonly apiEndpointSourceRanges?: string[];
}

/**
 * An isolated cluster: its own network, nothing crosses its edge (except an exposed API
 * endpoint), so it may reuse every address — by default it plans inside the main
 * network's cidr, as if the main network were not there.
 */
export class IsolatedCluster extends ClusterBase {
  constructor(scope: Construct, id: string, props: IsolatedClusterProps) {
    super(scope, id, props, {
      model: NetworkModel.ISOLATED,
      space: 'own',
      exposeApiEndpoint: props?.exposeApiEndpoint,
      apiEndpointSourceRanges: props?.apiEndpointSourceRanges,
      misplaced: {
        props: givenProps(props, ['ingress', 'egress']),
        fix: 'an isolated cluster has no gateways: nothing crosses its edge — remove ingress and egress (exposeApiEndpoint exposes the API server)',
      },
    });
    this._complete(this);
  }
}
