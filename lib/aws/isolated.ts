import { cniSettings, ipv6CniSettings } from './cni';
import { Transit } from './network';
import { AwsClusterResources, AwsRouteTableRole } from './resources';
import { sourcesOf, standaloneVpc } from './sources';
import { clusterResources, renderWorkloads } from './workloads';
import { ICluster } from '../model/interfaces';
import { hasIpv4Pods } from '../model/plan';
import { refOf } from '../model/refs';

/**
 * Isolated: a VPC of private subnets only, on a route table with nothing but the VPC — no
 * internet gateway, no NAT, no transit-gateway attachment. An exposed API endpoint is the one
 * exception: its routable /28 becomes a block and subnet of its own, attached to the hub in
 * that subnet only, with a hub route to the /28 alone and HTTPS in from apiEndpointSourceRanges (the main network by default).
 * An IPv6 or dual-stack isolated cluster's subnets take /64s of the VPC's IPv6 block, but no
 * egress-only internet gateway and no `::/0` route: it has no way out in either family.
 */
export function renderIsolated(cluster: ICluster, transit: Transit): () => AwsClusterResources {
  const network = cluster.network;
  const sources = sourcesOf(cluster);
  const { vpc, associations } = standaloneVpc(cluster, sources, transit.flowLogs);
  const w = renderWorkloads(cluster, vpc, sources, associations);
  const table = vpc.addRouteTable(cluster, 'isolated-route-table', AwsRouteTableRole.ISOLATED);
  for (const s of [...w.nodeSubnets, ...w.podSubnets]) vpc.useTable(s, table);
  const cni = hasIpv4Pods(cluster) ? cniSettings(w.podSubnets, [w.nodeGroup.id], false) : ipv6CniSettings();

  const [api] = w.apiSubnets;
  if (!api) return clusterResources(cluster, vpc, w, cni, {});
  const attachment = transit.attach(cluster, vpc.vpc, [api.subnet.id]);
  const apiTable = vpc.addRouteTable(cluster, 'api-endpoint-route-table', AwsRouteTableRole.API_ENDPOINT, api.availabilityZone);
  vpc.addRoute(cluster, 'api-endpoint-route-table-network', apiTable, { destinationCidrBlock: network.cidr, transitGatewayId: refOf(transit.gateway, 'id'), dependsOn: [attachment] });
  transit.forEachPeer((peer) => vpc.addRoute(cluster, `api-endpoint-route-table-${peer.id}`, apiTable, { destinationCidrBlock: peer.cidr, transitGatewayId: refOf(transit.gateway, 'id'), dependsOn: [attachment] }));
  vpc.useTable(api, apiTable);
  vpc.recordHubRoute(cluster, transit.route(cluster, 'hub-route-api-endpoint', api.cidrBlock, attachment));
  // Its security group (api-endpoint-sg: HTTPS from apiEndpointSourceRanges) was made with the cluster's (clusterGroups).
  return clusterResources(cluster, vpc, w, cni, { attachment });
}
