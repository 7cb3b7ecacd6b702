// Which models' pods hold a security group apart from their nodes': pure, so the AWS rules
// (AWS-NAME-001) read it without loading the provider classes the renderer builds with.
import { NetworkModel } from '../model/plan';

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
