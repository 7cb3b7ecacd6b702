import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Edge } from './edge';
import { shortName, tagsFor } from './names';
import { AwsNatGateways } from './nat-gateways';
import { AwsNatConnectivity, AwsRouteTableRole } from './resources';
import { AwsVpc } from './vpc';
import { GatewayResources, Workloads } from './workloads';
import { loadBalancerPorts } from '../model/gateways';
import { ICluster } from '../model/interfaces';
import { refOf } from '../model/refs';

/**
 * The ways into an island (or archipelago member): NodePorts open to the main network (or the
 * given sources) on the nodes' security group alone (the pods hold their own); an internal
 * network load balancer in the node subnets, a target group and listener per port; an internal
 * application load balancer in the proxy subnets (AWS-LB-001). Load balancers reach nodes and
 * pods through their own group.
 */
export function renderIngress(cluster: ICluster, vpc: AwsVpc, w: Workloads): GatewayResources {
  const out: { -readonly [K in keyof GatewayResources]: GatewayResources[K] } = { targetGroups: [], listeners: [] };
  // The security groups and their rules were made with the cluster's (clusterGroups): NodePorts, each load balancer's group
  // and its way into the nodes and pods.
  const ports = loadBalancerPorts(cluster.ingress);
  if (ports.length > 0) {
    const group = w.groups.get('load-balancer-sg')!;
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

  const proxyGroup = w.groups.get('proxy-sg');
  if (proxyGroup) {
    const alb = new Lb(cluster, 'proxy', {
      name: shortName(cluster, 'alb'),
      loadBalancerType: 'application',
      internal: true,
      subnets: w.proxySubnets.map((s) => s.subnet.id),
      securityGroups: [refOf(proxyGroup, 'id')],
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
 * `Egress.nat()`: a private NAT gateway in the zone's first node subnet (routable), and pod
 * subnets routing the main network through it (pods leave from its address: AWS's overlapping-networks pattern) and
 * the internet through the public NAT gateway.
 */
export function renderPrivateNat(cluster: ICluster, vpc: AwsVpc, edge: Edge, w: Workloads): void {
  const zones = edge.natGateways === AwsNatGateways.SINGLE ? vpc.zones.slice(0, 1) : vpc.zones;
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
    edge.toInternet(cluster, `pod-route-table-${zone}`, table, zone);
    for (const s of w.podSubnets.filter((p) => p.availabilityZone === zone)) vpc.useTable(s, table);
  }
}
