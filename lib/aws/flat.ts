import { cniSettings } from './cni';
import { Edge } from './edge';
import { Transit } from './network';
import { AwsClusterResources } from './resources';
import { allowIn } from './security';
import { edgeOf, sourcesOf, standaloneVpc } from './sources';
import { clusterResources, renderWorkloads } from './workloads';
import { ICluster } from '../model/interfaces';

/**
 * Flat: a VPC whose blocks hold the pod range, the node range and an edge block; per zone a
 * node, a pod, a transit-gateway and a public subnet. The hub routes both the node and the pod
 * range to it, so pods are reached directly from the main network; the internet goes through
 * public NAT. Pods keep their address leaving the VPC (AWS_VPC_K8S_CNI_EXTERNALSNAT=true).
 */
export function renderFlat(cluster: ICluster, transit: Transit): () => AwsClusterResources {
  const network = cluster.network;
  const edgeSource = edgeOf(cluster);
  const sources = { ...sourcesOf(cluster), edge: [edgeSource] };
  const { vpc, associations } = standaloneVpc(cluster, sources, transit.flowLogs);
  const edge = new Edge(vpc, transit, edgeSource, associations.get(edgeSource.id)!, transit.natGateways);
  const w = renderWorkloads(cluster, vpc, sources, associations);
  for (const s of [...w.nodeSubnets, ...w.podSubnets]) vpc.useTable(s, edge.privateTable(s.availabilityZone));
  allowIn(cluster, 'nodes-sg-from-network', w.nodeGroup, { cidr: network.cidr }, 'Flat: the main network reaches nodes and pods directly');
  transit.forEachPeer((peer) => allowIn(cluster, `nodes-sg-from-${peer.id}`, w.nodeGroup, { cidr: peer.cidr }, `Flat: ${peer.description} reaches nodes and pods directly`));
  edge.routeFromHub(cluster, 'hub-route-nodes', () => cluster.nodeCidr);
  edge.routeFromHub(cluster, 'hub-route-pods', () => cluster.podCidr);
  return clusterResources(cluster, vpc, w, cniSettings(w.podSubnets, [w.nodeGroup.id], true), { edge });
}
