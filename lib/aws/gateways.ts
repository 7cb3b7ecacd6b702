import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { IngressKind, NODE_PORT_RANGE } from '../model/gateways';
import { Edge } from './edge';
import { shortName, tagsFor } from './names';
import { AwsNatGateways } from './nat-gateways';
import { AwsNatConnectivity, AwsRouteTableRole } from './resources';
import { allowAllOut, allowAllOutIpv6, allowIn } from './security';
import { AwsVpc } from './vpc';
import { GatewayResources, Workloads } from './workloads';
import { ICluster } from '../model/interfaces';
import { IpFamily } from '../model/plan';
import { refOf } from '../model/refs';

/** Ports an L7 proxy listens on. */
const PROXY_PORTS = [80, 443];
/** Every TCP port: what a load balancer may forward to a pod. */
const ALL_TCP = { from: 0, to: 65535 };

/**
 * The ways into an island (or archipelago member): NodePorts open to the main network (or the
 * given sources) on the nodes' security group alone (the pods hold their own); an internal
 * network load balancer in the node subnets, a target group and listener per port; an internal
 * application load balancer in the proxy subnets (AWS-LB-001). Load balancers reach nodes and
 * pods through their own group.
 */
export function renderIngress(cluster: ICluster, vpc: AwsVpc, w: Workloads): GatewayResources {
  const main = cluster.network.cidr;
  const of = (kind: IngressKind) => cluster.ingress.filter((g) => g.kind === kind);
  const out: { -readonly [K in keyof GatewayResources]: GatewayResources[K] } = { targetGroups: [], listeners: [] };
  const ipv6 = cluster.ipFamily !== IpFamily.IPV4;

  const nodePortSources = [...new Set(of(IngressKind.NODE_PORT).flatMap((g) => g.sourceRanges ?? [main]))];
  nodePortSources.forEach((cidr, i) => allowIn(cluster, `node-ports-${i + 1}`, w.nodeGroup, { cidr },
    `NodePorts of ${cluster.node.path} from ${cidr}`, { from: NODE_PORT_RANGE.from, to: NODE_PORT_RANGE.to }));

  const ports = [...new Set(of(IngressKind.LOAD_BALANCER).flatMap((g) => g.ports))].sort((a, b) => a - b);
  if (ports.length > 0) {
    const group = vpc.addSecurityGroup(cluster, 'load-balancer-sg', `Network load balancer of ${cluster.node.path}`);
    for (const port of ports) allowIn(cluster, `load-balancer-sg-${port}`, group, { cidr: main }, `Port ${port} from the main network`, { from: port, to: port });
    allowAllOut(cluster, 'load-balancer-sg', group);
    if (ipv6) allowAllOutIpv6(cluster, 'load-balancer-sg', group);
    reachWorkloads(cluster, w, 'load-balancer', group, 'The network load balancer');
    // An NLB takes one subnet per zone: the zone's first node subnet.
    const subnets = vpc.zones.map((zone) => w.nodeSubnets.find((s) => s.availabilityZone === zone)!.subnet.id);
    const nlb = new Lb(cluster, 'load-balancer', {
      name: shortName(cluster, 'nlb'),
      loadBalancerType: 'network',
      internal: true,
      subnets,
      securityGroups: [refOf(group, 'id')],
      tags: tagsFor(cluster, 'nlb'),
    });
    out.networkLoadBalancer = nlb;
    for (const port of ports) {
      const targets = new LbTargetGroup(cluster, `load-balancer-targets-${port}`, {
        name: shortName(cluster, `nlb-${port}`),
        port,
        protocol: 'TCP',
        targetType: 'ip',
        vpcId: refOf(vpc.vpc, 'id'),
        tags: tagsFor(cluster, 'nlb', String(port)),
      });
      out.targetGroups.push(targets);
      out.listeners.push(new LbListener(cluster, `load-balancer-listener-${port}`, {
        loadBalancerArn: nlb.arn,
        port,
        protocol: 'TCP',
        defaultAction: [{ type: 'forward', targetGroupArn: targets.arn }],
      }));
    }
  }

  if (of(IngressKind.PROXY).length > 0) {
    const group = vpc.addSecurityGroup(cluster, 'proxy-sg', `Application load balancer (proxy) of ${cluster.node.path}`);
    for (const port of PROXY_PORTS) allowIn(cluster, `proxy-sg-${port}`, group, { cidr: main }, `Port ${port} from the main network`, { from: port, to: port });
    allowAllOut(cluster, 'proxy-sg', group);
    if (ipv6) allowAllOutIpv6(cluster, 'proxy-sg', group);
    reachWorkloads(cluster, w, 'proxy', group, 'The proxy');
    const alb = new Lb(cluster, 'proxy', {
      name: shortName(cluster, 'alb'),
      loadBalancerType: 'application',
      internal: true,
      subnets: w.proxySubnets.map((s) => s.subnet.id),
      securityGroups: [refOf(group, 'id')],
      tags: tagsFor(cluster, 'alb'),
    });
    out.applicationLoadBalancer = alb;
    // Routes come from the cluster (an Ingress controller adds listener rules); until then, 404.
    out.listeners.push(new LbListener(cluster, 'proxy-listener-http', {
      loadBalancerArn: alb.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [{ type: 'fixed-response', fixedResponse: { contentType: 'text/plain', statusCode: '404', messageBody: 'no route' } }],
    }));
  }
  return out;
}

/**
 * Lets a load balancer's group into the nodes' group and, where island pods hold their own, the
 * pods': its targets are pod addresses (target type `ip`), or nodes for hostNetwork pods.
 */
function reachWorkloads(cluster: ICluster, w: Workloads, id: 'load-balancer' | 'proxy', group: SecurityGroup, what: string): void {
  allowIn(cluster, `nodes-sg-from-${id}`, w.nodeGroup, { group }, `${what} reaches the pods`, ALL_TCP);
  if (w.podGroup !== w.nodeGroup) allowIn(cluster, `pods-sg-from-${id}`, w.podGroup, { group }, `${what} reaches the pods`, ALL_TCP);
}

/**
 * `Egress.nat()`: a private NAT gateway in the zone's first node subnet (routable), and pod
 * subnets routing the main network through it (pods leave from its address: AWS's overlapping-networks pattern) and
 * the internet through the public NAT gateway.
 */
export function renderPrivateNat(cluster: ICluster, vpc: AwsVpc, edge: Edge, w: Workloads, mode: AwsNatGateways): void {
  const zones = mode === AwsNatGateways.SINGLE ? vpc.zones.slice(0, 1) : vpc.zones;
  const nats = new Map<string, NatGateway>();
  for (const zone of zones) {
    const natGateway = new NatGateway(cluster, `private-nat-${zone}`, {
      connectivityType: 'private',
      subnetId: w.nodeSubnets.find((s) => s.availabilityZone === zone)!.subnet.id,
      tags: tagsFor(cluster, 'private-nat', zone),
    });
    nats.set(zone, natGateway);
    vpc.recordNat(cluster, { connectivity: AwsNatConnectivity.PRIVATE, availabilityZone: zone, natGateway });
  }
  for (const zone of vpc.zones) {
    const table = vpc.addRouteTable(cluster, `pod-route-table-${zone}`, AwsRouteTableRole.PODS, zone);
    edge.toNetwork(cluster, `pod-route-table-${zone}`, table, { natGatewayId: (nats.get(zone) ?? nats.get(zones[0])!).id });
    vpc.addRoute(cluster, `pod-route-table-${zone}-internet`, table, { destinationCidrBlock: '0.0.0.0/0', natGatewayId: edge.publicNat(zone).id });
    for (const s of w.podSubnets.filter((p) => p.availabilityZone === zone)) vpc.useTable(s, table);
  }
}
