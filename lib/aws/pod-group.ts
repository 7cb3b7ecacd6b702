import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { NetworkModel } from '../model/plan';
import { allowIn, openAmongMembers } from './security';
import { AwsVpc } from './vpc';

/**
 * True when a model's pods hold a security group apart from their nodes'. Island and archipelago
 * pods are private (never routed outside their VPC) and reached through gateways on the nodes, so
 * a gateway's rule on the nodes (NodePorts from the main network) must not reach a pod address.
 * Flat pods are meant to be reached like the nodes, and isolated clusters have no gateway: their
 * pods keep the nodes' group.
 */
export function podsHoldOwnGroup(model: NetworkModel): boolean {
  return model === NetworkModel.ISLAND || model === NetworkModel.ARCHIPELAGO;
}

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
