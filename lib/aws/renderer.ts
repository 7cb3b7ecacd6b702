import { Archipelago } from '../model/archipelago';
import { ClusterBase } from '../model/cluster';
import { Network } from '../model/network';
import { NetworkModel, PodRouting } from '../model/plan';
import { planError } from '../model/errors';
import { CloudRenderer } from '../model/renderer';
import { ArchipelagoVpc, renderArchipelago, renderMember } from './archipelago';
import { renderFlat } from './flat';
import { renderIsland } from './island';
import { renderIsolated } from './isolated';
import { Transit } from './network';
import { recordCluster, recordNetwork } from './resources';

/** Renders the model on AWS as the constructs are written (see CloudRenderer). */
export class AwsRenderer implements CloudRenderer {
  private readonly transits = new WeakMap<Network, Transit>();
  private readonly archipelagos = new WeakMap<Archipelago, ArchipelagoVpc>();

  public onNetwork(network: Network): void {
    const transit = new Transit(network);
    this.transits.set(network, transit);
    recordNetwork(network, () => transit.resources());
  }

  public onArchipelago(archipelago: Archipelago): void {
    this.archipelagos.set(archipelago, renderArchipelago(archipelago, this.transit(archipelago.network)));
  }

  public onCluster(cluster: ClusterBase): void {
    if (cluster.podRouting === PodRouting.ROUTES) {
      throw planError(cluster, 'INPUT-002',
        'podRouting ROUTES is not available on AWS: pods take VPC addresses through the VPC CNI — use PodRouting.VPC_NATIVE');
    }
    const transit = this.transit(cluster.network);
    const resources = (() => {
      switch (cluster.model) {
        case NetworkModel.FLAT: return renderFlat(cluster, transit);
        case NetworkModel.ISOLATED: return renderIsolated(cluster, transit);
        case NetworkModel.ISLAND: return renderIsland(cluster, transit);
        case NetworkModel.ARCHIPELAGO: return renderMember(cluster, this.archipelago(cluster.node.scope as Archipelago));
      }
    })();
    recordCluster(cluster, resources);
  }

  private transit(network: Network): Transit {
    const transit = this.transits.get(network);
    if (!transit) {
      throw new Error(`[${network.node.path}] the AWS layer was loaded after this Network was built: import cdktf-kube-networks before building it`);
    }
    return transit;
  }

  private archipelago(archipelago: Archipelago): ArchipelagoVpc {
    const found = this.archipelagos.get(archipelago);
    if (!found) throw new Error(`[${archipelago.node.path}] the AWS layer was loaded after this Archipelago was built: import cdktf-kube-networks before building it`);
    return found;
  }
}
