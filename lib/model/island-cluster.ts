import { Construct } from 'constructs';
import { ClusterBase, ClusterProps } from './cluster';
import { Egress, GatewayProps } from './gateways';
import { NetworkModel } from './plan';

/** Props of an {@link IslandCluster}. */
export interface IslandClusterProps extends ClusterProps, GatewayProps {}

/**
 * An island: nodes with one leg in the main network (routable), pods and services in a
 * private range reused by every island (by default the same first block of `islandCidr`).
 * Traffic crosses the edge only through gateways.
 */
export class IslandCluster extends ClusterBase {
  constructor(scope: Construct, id: string, props: IslandClusterProps) {
    super(scope, id, props, {
      model: NetworkModel.ISLAND,
      space: 'island',
      ingress: props?.ingress,
      egress: props?.egress ?? Egress.masquerade(),
    });
    this._complete(this);
  }
}
