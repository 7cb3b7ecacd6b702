import { planError } from '../model/errors';
import { EgressKind, Ingress, IngressKind } from '../model/gateways';
import { IArchipelago, ICluster } from '../model/interfaces';
import { NetworkModel, RangeRole } from '../model/plan';
import { AvoidedSpace, CloudProfile, RangeNeed } from '../model/strategy';

/** Name of the routable /28 a cluster's private GKE control plane gets (GCP-GKE-010). */
export const CONTROL_PLANE = 'control-plane';
/** Name of the routable PRIVATE_NAT subnet an island network gets for `Egress.nat()`. */
export const PRIVATE_NAT = 'private-nat';
/** Name of the proxy-only subnet of `Ingress.proxy()`. */
export const PROXY = 'proxy';

/** Prefix of the PRIVATE_NAT subnet: 32 translation addresses for an island's pods. */
const PRIVATE_NAT_PREFIX = 27;
/** Prefix of a proxy-only subnet when none is asked: GCP's recommended /23 (GCP-LB-001). */
const PROXY_PREFIX = 23;

/** The routable ranges GCP builds beyond each cluster's own three. */
export class GcpProfile implements CloudProfile {
  constructor(private readonly privateControlPlanes: boolean) {}

  public clusterNeeds(cluster: ICluster): RangeNeed[] {
    const needs: RangeNeed[] = [];
    // One regional proxy-only subnet per network (GCP-LB-001): the first proxy gateway's. An
    // archipelago's members share one network, so a later member asks none (it reads the holder's).
    const proxy = cluster.ingress.find((g) => g.kind === IngressKind.PROXY);
    const holder = cluster.archipelago?.members.find((m) => m !== cluster && m.ingress.some((g) => g.kind === IngressKind.PROXY));
    if (proxy && holder) sameProxyMask(cluster, proxy, holder);
    if (proxy && !holder) needs.push({ name: PROXY, role: RangeRole.GATEWAY, prefix: proxy.subnetMaskSize ?? PROXY_PREFIX, proxy: true });
    if (this.privateControlPlanes) needs.push({ name: CONTROL_PLANE, role: RangeRole.GATEWAY, prefix: 28 });
    if (cluster.model === NetworkModel.ISLAND && cluster.egress?.kind === EgressKind.NAT) needs.push(privateNat());
    return needs;
  }

  public archipelagoNeeds(_archipelago: IArchipelago): RangeNeed[] {
    return [];
  }

  public memberNeeds(_archipelago: IArchipelago, member: ICluster): RangeNeed[] {
    // The archipelago's network has one private NAT, made when a first member asks for NAT.
    return member.egress?.kind === EgressKind.NAT ? [privateNat()] : [];
  }

  /** GKE takes no pod range smaller than a /24 (GCP-GKE-003). */
  public readonly largestPodPrefix = 24;

  public avoid(_role: RangeRole): AvoidedSpace[] {
    // GKE refuses a control plane there, and nodes, pods or services there meet the bridge.
    return [DOCKER_BRIDGE];
  }

  public blockGroup(_model: NetworkModel, _role: RangeRole): undefined {
    return undefined; // a GCP subnet's ranges are its own; nothing to share
  }

  public islandServiceSpace(_islandCidr: string, _taken: readonly string[]): string | undefined {
    return undefined; // GKE takes service ranges anywhere the subnet may have a secondary range
  }
}

/** GKE keeps 172.17.0.0/16 for the Docker bridge on nodes (GCP-GKE-010). */
const DOCKER_BRIDGE: AvoidedSpace = { cidr: '172.17.0.0/16', why: 'GKE keeps 172.17.0.0/16 for the Docker bridge (GCP-GKE-010)' };

/** The mask a proxy gateway asks for its proxy-only subnet. */
const maskOf = (proxy: Ingress) => proxy.subnetMaskSize ?? PROXY_PREFIX;

/**
 * A later archipelago member's proxy shares the holder's proxy-only subnet: a different
 * subnetMaskSize would be silently ignored, so it is refused where it is written.
 */
function sameProxyMask(member: ICluster, proxy: Ingress, holder: ICluster): void {
  const held = holder.ingress.find((g) => g.kind === IngressKind.PROXY)!;
  if (maskOf(proxy) === maskOf(held)) return;
  throw planError(member, 'INPUT-002',
    `Ingress.proxy({ subnetMaskSize: ${maskOf(proxy)} }) of ${member.node.path} asks its own proxy-only subnet, but the members of ${member.archipelago!.node.path} share one ` +
    `(GCP takes one per network and region): ${holder.node.path}'s /${maskOf(held)} — give every member's Ingress.proxy() the same subnetMaskSize, or none (a /${PROXY_PREFIX})`);
}

function privateNat(): RangeNeed {
  return { name: PRIVATE_NAT, role: RangeRole.GATEWAY, prefix: PRIVATE_NAT_PREFIX };
}
