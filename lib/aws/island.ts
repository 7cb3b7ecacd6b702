import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { EgressKind } from '../model/gateways';
import { cniSettings } from './cni';
import { Edge } from './edge';
import { renderIngress, renderPrivateNat } from './gateways';
import { Transit } from './network';
import { AwsClusterResources } from './resources';
import { edgeOf, sourcesOf, standaloneVpc } from './sources';
import { AwsVpc } from './vpc';
import { clusterResources, renderWorkloads, Workloads } from './workloads';
import { ICluster } from '../model/interfaces';

/**
 * Island: a VPC whose primary block is the node range (routable), with the pod range
 * associated (private, reused by every island) and an edge block. The hub routes the node
 * range (and any proxy subnets) here, never the pod block.
 */
export function renderIsland(cluster: ICluster, transit: Transit): () => AwsClusterResources {
  const edgeSource = edgeOf(cluster);
  const sources = { ...sourcesOf(cluster), edge: [edgeSource] };
  const { vpc, associations, ipv6 } = standaloneVpc(cluster, sources, transit.flowLogs);
  const edge = new Edge(vpc, transit, edgeSource, associations.get(edgeSource.id)!);
  if (ipv6) edge.enableIpv6(); // a dual-stack island: IPv6 subnets and nodes, IPv4 pods (islands are never IPV6)
  return renderIslandEdge(cluster, vpc, edge, renderWorkloads(cluster, vpc, sources, associations), []);
}

/**
 * What an island (or archipelago member) does at its edge: nodes and proxies on the private
 * route tables; pods too with `Egress.masquerade()` (the node SNATs them:
 * AWS_VPC_K8S_CNI_EXTERNALSNAT=false), or through a private NAT gateway with `Egress.nat()`
 * (AWS_VPC_K8S_CNI_EXTERNALSNAT=true); hub routes to the node range and proxy subnets; gateways.
 * Pod ENIs hold the pods' own group, and `sharedPodGroups` (an archipelago's members group).
 */
export function renderIslandEdge(cluster: ICluster, vpc: AwsVpc, edge: Edge, w: Workloads, sharedPodGroups: SecurityGroup[]): () => AwsClusterResources {
  for (const s of [...w.nodeSubnets, ...w.proxySubnets]) vpc.useTable(s, edge.privateTable(s.availabilityZone));
  const nat = cluster.egress?.kind === EgressKind.NAT;
  if (nat) renderPrivateNat(cluster, vpc, edge, w);
  else for (const s of w.podSubnets) vpc.useTable(s, edge.privateTable(s.availabilityZone));
  edge.routeFromHub(cluster, 'hub-route-nodes', () => cluster.nodeCidr);
  w.proxySubnets.forEach((s) => edge.routeFromHub(cluster, `hub-route-${s.subnet.node.id}`, () => s.cidrBlock));
  const gateways = renderIngress(cluster, vpc, w);
  // The pods' own group, not the nodes': the nodes' NodePort rules admit the main network.
  const cni = cniSettings(w.podSubnets, [w.podGroup.id, ...sharedPodGroups.map((g) => g.id)], nat);
  return clusterResources(cluster, vpc, w, cni, { edge, gateways });
}
