import { IngressKind } from '../model/gateways';
import { IArchipelago, ICluster } from '../model/interfaces';
import { NetworkModel, RangeRole } from '../model/plan';
import { CloudProfile, RangeNeed } from '../model/strategy';
import { EDGE_RANGE, edgePrefix, PROXY_RANGE_PREFIX } from './layout';

/** Prefix of an ALB subnet when none is asked: AWS's smallest for an ALB (AWS-LB-001). */
const PROXY_PREFIX = 27;

/** The routable ranges AWS builds beyond each cluster's own three. */
export class AwsProfile implements CloudProfile {
  constructor(private readonly zones: readonly string[]) {}

  public clusterNeeds(cluster: ICluster): RangeNeed[] {
    const needs: RangeNeed[] = [];
    // An ALB needs a subnet in each zone (AWS-LB-001): one per zone for the first proxy gateway.
    const proxy = cluster.ingress.find((g) => g.kind === IngressKind.PROXY);
    if (proxy) {
      for (const zone of this.zones) {
        needs.push({ name: `${PROXY_RANGE_PREFIX}${zone}`, role: RangeRole.GATEWAY, prefix: proxy.subnetMaskSize ?? PROXY_PREFIX, zone, proxy: true });
      }
    }
    // A VPC joined to the hub gets a routable edge block; an isolated VPC joins nothing.
    if (cluster.model === NetworkModel.FLAT || cluster.model === NetworkModel.ISLAND) needs.push(this.edge());
    return needs;
  }

  public archipelagoNeeds(_archipelago: IArchipelago): RangeNeed[] {
    return [this.edge()];
  }

  public memberNeeds(_archipelago: IArchipelago, _member: ICluster): RangeNeed[] {
    return [];
  }

  private edge(): RangeNeed {
    return { name: EDGE_RANGE, role: RangeRole.GATEWAY, prefix: edgePrefix(this.zones.length) };
  }
}
