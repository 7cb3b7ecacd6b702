import { cniSettings, ipv6CniSettings } from './cni';
import { Edge } from './edge';
import { Transit } from './network';
import { AwsClusterResources } from './resources';
import { makeReachRules } from './security';
import { edgeOf, sourcesOf, standaloneVpc } from './sources';
import { clusterResources, renderWorkloads } from './workloads';
import { ICluster } from '../model/interfaces';
import { hasIpv4Pods } from '../model/plan';

/**
 * Flat: a VPC whose blocks hold the pod range, the node range and an edge block; per zone a
 * node, a pod, a transit-gateway and a public subnet. The hub routes both the node and the pod
 * range to it, so pods are reached directly from the main network; the internet goes through
 * public NAT. Pods keep their address leaving the VPC (AWS_VPC_K8S_CNI_EXTERNALSNAT=true).
 * An IPv6 or dual-stack cluster's node and edge subnets take /64s of the VPC's IPv6 block, and
 * IPv6 leaves through an egress-only internet gateway; an IPv6 cluster has no pod subnets (its
 * pods take IPv6 addresses in the node subnets, no custom networking) and no hub route to pods.
 * The hub routes the VPC's IPv6 /56 too, and every flat IPv6 or dual-stack VPC reaches the
 * others' over IPv6 (Edge.routeIpv6AcrossHub); islands, archipelagos and isolated clusters do not.
 */
export function renderFlat(cluster: ICluster, transit: Transit): () => AwsClusterResources {
  const edgeSource = edgeOf(cluster);
  const sources = { ...sourcesOf(cluster), edge: [edgeSource] };
  const { vpc, associations, ipv6 } = standaloneVpc(cluster, sources, transit.flowLogs);
  const edge = new Edge(vpc, transit, edgeSource, associations.get(edgeSource.id)!);
  if (ipv6) edge.enableIpv6();
  const w = renderWorkloads(cluster, vpc, sources, associations);
  for (const s of [...w.nodeSubnets, ...w.podSubnets]) vpc.useTable(s, edge.privateTable(s.availabilityZone));
  // Its own VPC goes on the hub first: its nodes admit every other flat IPv6 VPC but their own (clusterGroups lists the rest).
  const own = ipv6 ? edge.routeIpv6AcrossHub(`the VPC of ${cluster.node.path}`) : undefined;
  makeReachRules(cluster, w.nodeGroup, w.groupPlans.find((g) => g.id === 'nodes-sg')!, transit, own);
  edge.routeFromHub(cluster, 'hub-route-nodes', () => cluster.nodeCidr);
  if (hasIpv4Pods(cluster)) edge.routeFromHub(cluster, 'hub-route-pods', () => cluster.podCidr);
  const cni = hasIpv4Pods(cluster) ? cniSettings(w.podSubnets, [w.nodeGroup.id], true) : ipv6CniSettings();
  return clusterResources(cluster, vpc, w, cni, { edge });
}
