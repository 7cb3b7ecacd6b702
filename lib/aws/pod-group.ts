import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { allowIn, openAmongMembers } from './security';
import { AwsVpc } from './vpc';

/**
 * The security group of an island's pods (the ENIConfigs name it), open among the pods and both
 * ways with the cluster's nodes: pods reach the nodes (DNS on hostNetwork pods, the kubelet, the
 * EKS control plane's ENIs when the cluster's `vpc_config` names the nodes' group), and the nodes
 * reach the pods (webhooks from that control plane, and what a node forwards to a pod on another
 * node: kube-proxy DNATs a NodePort or load-balancer packet to the pod and SNATs it to the node's
 * own address). Pods send anywhere the routes lead, as the nodes do.
 */
export function renderPodGroup(cluster: Construct, vpc: AwsVpc, nodeGroup: SecurityGroup): SecurityGroup {
  const path = cluster.node.path;
  const pods = openAmongMembers(cluster, vpc, 'pods-sg', `Pods of ${path}: private, reached from its nodes and load balancers only`);
  allowIn(cluster, 'pods-sg-from-nodes', pods, { group: nodeGroup }, `The nodes of ${path} reach its pods`);
  allowIn(cluster, 'nodes-sg-from-pods', nodeGroup, { group: pods }, `The pods of ${path} reach its nodes`);
  return pods;
}
