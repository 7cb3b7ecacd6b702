// The rules of every security group the AWS layer makes, as plain data. The renderer makes one
// rule resource per entry (security.ts), and AWS-SG-001 counts the same entries per group,
// direction and family (group-quota-rule.ts): what is counted is what is built. No provider classes.
import { IngressKind, loadBalancerPorts, NODE_PORT_RANGE } from '../model/gateways';
import { hasIpv6, IpFamily, NetworkModel } from '../model/plan';

/** A security group the layer makes, by its construct id beside its owner's other resources. */
export type GroupId = 'nodes-sg' | 'pods-sg' | 'members-sg' | 'load-balancer-sg' | 'proxy-sg' | 'api-endpoint-sg';

/** Every IPv4 destination. */
const ALL_IPV4 = '0.0.0.0/0';
/** Every IPv6 destination. */
const ALL_IPV6 = '::/0';
/** Ports an L7 proxy (an ALB) listens on. */
const PROXY_PORTS: readonly number[] = [80, 443];
/** Every TCP port: what a load balancer may forward to a pod. */
const ALL_TCP: TcpPorts = { from: 0, to: 65535 };

/** TCP ports from `from` to `to`. */
export interface TcpPorts {
  readonly from: number;
  readonly to: number;
}

/** What a rule admits (ingress) or reaches (egress): an IPv4 range, an IPv6 range, or the members of a group of the same owner. */
export type RuleEnd = { readonly cidr: string } | { readonly cidrIpv6: string } | { readonly group: GroupId };

/** Why a rule is there: what AWS-SG-001 counts it under, and so what the user changes to need fewer. */
export type RuleCause = 'members' | 'pods' | 'egress' | 'network' | 'link' | 'vpc-ipv6' | 'ipv6-spoke' | 'node-port' | 'load-balancer' | 'proxy' | 'api-endpoint';

/** One rule of a security group. */
export interface GroupRule {
  /** Construct id of the rule, beside the group. */
  readonly id: string;
  /** True for an outbound rule. */
  readonly egress: boolean;
  readonly end: RuleEnd;
  readonly description: string;
  /** TCP ports; undefined allows every protocol and port. */
  readonly ports?: TcpPorts;
  readonly cause: RuleCause;
}

/** A network beyond the transit gateway (a CloudLink's far side), or another flat IPv6 VPC: what a flat cluster's nodes admit. */
export interface Reached {
  /** A construct-id-safe name, stable for it. */
  readonly id: string;
  /** Its range (a /56 reference for a VPC). */
  readonly cidr: string;
  /** Where it is, for descriptions. */
  readonly description: string;
}

/** The rules of one group; the renderer adds one rule per network it reaches as it learns of them. */
export interface GroupPlan {
  readonly id: GroupId;
  /** The group's description. */
  readonly description: string;
  /** Its rules, known when the owner is written. */
  readonly rules: GroupRule[];
  /** One more (flatLinkRule) per network joined to this one by a CloudLink. */
  readonly perLink: boolean;
  /** One more (flatSpokeRule) per other flat IPv6 or dual-stack cluster's VPC across the transit gateway. */
  readonly perOtherIpv6Spoke: boolean;
}

/** A cluster's gateways: its Ingress objects, or its GatewayPlans. */
export type Gateways = ReadonlyArray<{ readonly kind: IngressKind; readonly ports: readonly number[]; readonly sourceRanges?: readonly string[] }>;

/** A cluster as its security groups read it: an ICluster, or a ClusterPlan with its exposed endpoint's sources resolved. */
export interface GroupSubject {
  /** Construct path, for descriptions. */
  readonly path: string;
  readonly model: NetworkModel;
  readonly ipFamily?: IpFamily;
  readonly ingress: Gateways;
  /** Who reaches the exposed API endpoint; undefined when it is not exposed. */
  readonly apiEndpointSourceRanges?: readonly string[];
}

/** An IPv6 or dual-stack flat cluster: its VPC's /56 crosses the transit gateway to every other one's (Edge.routeIpv6AcrossHub). */
export function isIpv6Spoke(c: { readonly model: NetworkModel; readonly ipFamily?: IpFamily }): boolean {
  return c.model === NetworkModel.FLAT && hasIpv6(c);
}

const inbound = (id: string, end: RuleEnd, description: string, cause: RuleCause, ports?: TcpPorts): GroupRule => ({ id, egress: false, end, description, ports, cause });

/** Members of `group` reach each other freely, and send anywhere over IPv4 (routes decide what is reachable). */
function openGroupRules(group: GroupId): GroupRule[] {
  return [inbound(`${group}-self`, { group }, 'Members of this group reach each other', 'members'), allOut(group)];
}

/** `group` sends anywhere over IPv4. */
function allOut(group: GroupId): GroupRule {
  return { id: `${group}-egress`, egress: true, end: { cidr: ALL_IPV4 }, description: 'Anywhere the routes lead', cause: 'egress' };
}

/** `group` sends anywhere over IPv6 too (an IPv6 or dual-stack cluster's groups). */
export function allOutIpv6(group: GroupId): GroupRule {
  return { id: `${group}-egress-ipv6`, egress: true, end: { cidrIpv6: ALL_IPV6 }, description: 'Anywhere the routes lead, over IPv6', cause: 'egress' };
}

/** A flat cluster's nodes admit a network across a CloudLink. */
export function flatLinkRule(peer: Reached): GroupRule {
  return inbound(`nodes-sg-from-${peer.id}`, { cidr: peer.cidr }, `Flat: ${peer.description} reaches nodes and pods directly`, 'link');
}

/** A flat IPv6 cluster's nodes admit another flat IPv6 VPC's /56 across the transit gateway. */
export function flatSpokeRule(spoke: Reached): GroupRule {
  return inbound(`nodes-sg-from-${spoke.id}`, { cidrIpv6: spoke.cidr }, `Flat: ${spoke.description} reaches nodes and pods directly over IPv6`, 'ipv6-spoke');
}

/** The sources NodePorts are open to: every gateway's sourceRanges, each once, or the main network. */
function nodePortSources(ingress: Gateways, main: string): string[] {
  return [...new Set(ingress.filter((g) => g.kind === IngressKind.NODE_PORT).flatMap((g) => g.sourceRanges ?? [main]))];
}

/**
 * Every security group `c` makes, with its rules, in the order the renderer makes them: the nodes'
 * group (nodes and pods reach each other; a flat cluster's admit the main network, the networks
 * across CloudLinks and, over IPv6, its VPC's /56 and every other flat IPv6 VPC's; an island's
 * or member's admit its pods' group, its NodePort sources and its load balancers' groups), an
 * island's or member's pods' group (podGroup: itself, its nodes and its load balancers alone),
 * then a group per load balancer kind (the main network on each port) and an exposed API
 * endpoint's (HTTPS from its sources). Every group sends anywhere, over IPv6 too in an IPv6 or
 * dual-stack cluster (but the pods' group: island pods are IPv4 only).
 * `vpcIpv6` is the VPC's /56 (a reference the renderer gives; any text where only which rules
 * there are counts: AWS-SG-001, AWS-NAME-001).
 */
export function clusterGroups(c: GroupSubject, main: string, vpcIpv6: string): GroupPlan[] {
  const ipv6 = hasIpv6(c);
  const out = (group: GroupId) => (ipv6 ? [allOut(group), allOutIpv6(group)] : [allOut(group)]);
  const nodes: GroupRule[] = [...openGroupRules('nodes-sg'), ...(ipv6 ? [allOutIpv6('nodes-sg')] : [])];
  const plan = (id: GroupId, description: string, rules: GroupRule[], flat: boolean = false): GroupPlan =>
    ({ id, description, rules, perLink: flat, perOtherIpv6Spoke: flat && isIpv6Spoke(c) });
  // The nodes' description stays as first written, island pods now apart: AWS cannot change a
  // group's description, so Terraform would replace the group every node holds.
  const nodesPlan = (flat?: boolean) => plan('nodes-sg', `Nodes and pods of ${c.path}`, nodes, flat);
  switch (c.model) {
    case NetworkModel.FLAT:
      nodes.push(inbound('nodes-sg-from-network', { cidr: main }, 'Flat: the main network reaches nodes and pods directly', 'network'));
      if (ipv6) nodes.push(inbound('nodes-sg-from-vpc-ipv6', { cidrIpv6: vpcIpv6 }, 'Flat: the IPv6 block of its own VPC reaches nodes and pods directly', 'vpc-ipv6'));
      return [nodesPlan(true)];
    case NetworkModel.ISOLATED: {
      const api = c.apiEndpointSourceRanges;
      if (!api) return [nodesPlan()];
      // HTTPS from the given ranges of the main network alone (the whole main network by default).
      return [nodesPlan(), plan('api-endpoint-sg', `Exposed API endpoint of ${c.path}`, [
        ...api.map((cidr, i) => inbound(i === 0 ? 'api-endpoint-sg-https' : `api-endpoint-sg-https-${i + 1}`, { cidr },
          cidr === main ? 'The Kubernetes API from the main network' : `The Kubernetes API from ${cidr}`, 'api-endpoint', { from: 443, to: 443 })),
        ...out('api-endpoint-sg'),
      ])];
    }
    case NetworkModel.ISLAND:
    case NetworkModel.ARCHIPELAGO: {
      // Island pods are private (never routed outside their VPC) and reached through gateways on
      // the nodes: they hold a group of their own, so a gateway's rule on the nodes (NodePorts from
      // the main network) never reaches a pod address. Flat pods are reached like their nodes, and
      // isolated clusters have no gateway: their pods hold the nodes' group.
      const pods = podGroup(c.path);
      const groups: GroupPlan[] = [pods];
      nodes.push(inbound('nodes-sg-from-pods', { group: 'pods-sg' }, `The pods of ${c.path} reach its nodes`, 'pods'));
      // A load balancer reaches the nodes and the pods: its targets are pod addresses (target type `ip`), or nodes for hostNetwork pods.
      const reachWorkloads = (id: 'load-balancer' | 'proxy', what: string) => {
        const group = `${id}-sg` as const;
        nodes.push(inbound(`nodes-sg-from-${id}`, { group }, `${what} reaches the pods`, id, ALL_TCP));
        pods.rules.push(inbound(`pods-sg-from-${id}`, { group }, `${what} reaches the pods`, id, ALL_TCP));
      };
      nodePortSources(c.ingress, main).forEach((cidr, i) => nodes.push(inbound(`node-ports-${i + 1}`, { cidr },
        `NodePorts of ${c.path} from ${cidr}`, 'node-port', { from: NODE_PORT_RANGE.from, to: NODE_PORT_RANGE.to })));
      const ports = loadBalancerPorts(c.ingress);
      if (ports.length > 0) {
        groups.push(plan('load-balancer-sg', `Network load balancer of ${c.path}`, [
          ...ports.map((port) => inbound(`load-balancer-sg-${port}`, { cidr: main }, `Port ${port} from the main network`, 'load-balancer', { from: port, to: port })),
          ...out('load-balancer-sg'),
        ]));
        reachWorkloads('load-balancer', 'The network load balancer');
      }
      if (c.ingress.some((g) => g.kind === IngressKind.PROXY)) {
        groups.push(plan('proxy-sg', `Application load balancer (proxy) of ${c.path}`, [
          ...PROXY_PORTS.map((port) => inbound(`proxy-sg-${port}`, { cidr: main }, `Port ${port} from the main network`, 'proxy', { from: port, to: port })),
          ...out('proxy-sg'),
        ]));
        reachWorkloads('proxy', 'The proxy');
      }
      return [nodesPlan(), ...groups];
    }
  }
}

/**
 * The security group of an island's or archipelago member's pods (the ENIConfigs name it), open
 * among the pods and both ways with the cluster's nodes (the nodes' group admits it: clusterGroups):
 * pods reach the nodes (DNS on hostNetwork pods, the kubelet, the EKS control plane's ENIs when
 * the cluster's `vpc_config` names the nodes' group), and the nodes reach the pods (webhooks from
 * that control plane, and what a node forwards to a pod on another node: kube-proxy DNATs a
 * NodePort or load-balancer packet to the pod and SNATs it to the node's own address). Pods send
 * anywhere the routes lead over IPv4 alone: island pods are IPv4 only (their subnets have no
 * IPv6 block). The load balancers' rules are added with their groups (clusterGroups).
 */
function podGroup(path: string): GroupPlan {
  return {
    id: 'pods-sg',
    description: `Pods of ${path}: private, reached from its nodes and load balancers only`,
    rules: [...openGroupRules('pods-sg'), inbound('pods-sg-from-nodes', { group: 'nodes-sg' }, `The nodes of ${path} reach its pods`, 'pods')],
    perLink: false,
    perOtherIpv6Spoke: false,
  };
}

/** An archipelago's members' group: flat among themselves, out anywhere, over IPv6 too once a member is dual-stack. */
export function membersGroup(path: string, dualStack: boolean): GroupPlan {
  return {
    id: 'members-sg',
    description: `Members of archipelago ${path}: flat among themselves`,
    rules: [...openGroupRules('members-sg'), ...(dualStack ? [allOutIpv6('members-sg')] : [])],
    perLink: false,
    perOtherIpv6Spoke: false,
  };
}
