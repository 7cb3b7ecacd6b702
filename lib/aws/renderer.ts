import { NetworkModel, PodRouting } from '../model/plan';
import { planError } from '../model/errors';
import { CloudRenderer, ProviderRegion } from '../model/strategy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { providerRegionOf } from '../model/provider-region';
import { ArchipelagoVpc, renderArchipelago, renderMember } from './archipelago';
import { renderFlat } from './flat';
import { renderIsland } from './island';
import { renderIsolated } from './isolated';
import { Transit } from './network';
import { AwsFlowLogSettings } from './flow-log-settings';
import { AwsNatGateways } from './nat-gateways';
import { recordCluster, recordNetwork } from './resources';
import { IArchipelago, ICloudLink, ICluster, INetwork } from '../model/interfaces';
import { LinkTunnelEnd } from '../model/strategy';
import { answerLink } from './link';

/** Renders the model on AWS as the constructs are written (see CloudRenderer). */
export class AwsRenderer implements CloudRenderer {
  private readonly transits = new WeakMap<INetwork, Transit>();
  private readonly archipelagos = new WeakMap<IArchipelago, ArchipelagoVpc>();

  constructor(private readonly natGateways: AwsNatGateways, private readonly flowLogs: AwsFlowLogSettings) {}

  public onNetwork(network: INetwork): void {
    const transit = new Transit(network, this.natGateways, this.flowLogs);
    this.transits.set(network, transit);
    recordNetwork(network, () => transit.resources());
  }

  public onArchipelago(archipelago: IArchipelago): void {
    this.archipelagos.set(archipelago, renderArchipelago(archipelago, this.transit(archipelago.network)));
  }

  public providerRegion(network: INetwork): ProviderRegion | undefined {
    return providerRegionOf(network, AwsProvider, 'AwsProvider');
  }

  public onCluster(cluster: ICluster): void {
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
        case NetworkModel.ARCHIPELAGO: return renderMember(cluster, this.archipelago(cluster.archipelago!));
      }
    })();
    recordCluster(cluster, resources);
  }

  public answerLink(link: ICloudLink, gatewayAddresses: string[]): LinkTunnelEnd[] {
    return answerLink(link, this.transit(link.aws), gatewayAddresses);
  }

  private transit(network: INetwork): Transit {
    return this.transits.get(network)!;
  }

  private archipelago(archipelago: IArchipelago): ArchipelagoVpc {
    return this.archipelagos.get(archipelago)!;
  }
}
