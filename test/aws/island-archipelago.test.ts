// Islands (every ingress and egress) and archipelagos on AWS: a snapshot of each, and the
// attributes that matter. Island ranges come from the talk's hole, 10.0.0.0/14 in 10.0.0.0/8.
import { Testing } from 'cdktf';
import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcIpv4CidrBlockAssociation } from '@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Archipelago, Egress, Ingress, IslandCluster } from '../../lib';
import { AwsNatConnectivity, AwsResources, AwsRouteTableRole, AwsSubnetRole } from '../../lib/aws';
import { awsEstate, countOf, has, HOLE, OTHER, resolved, resourcesOf, subnets, valuesOf } from './support';

/** The ingress rules of the security group `group` (its resolved id). */
function ingressOf(synth: string, group: unknown): Array<Record<string, unknown>> {
  return Object.values(resourcesOf(synth, VpcSecurityGroupIngressRule.tfResourceType)).filter((r) => r.security_group_id === group);
}

/** The security group `cluster` made under construct id `id`. */
function groupOf(cluster: IslandCluster, id: string): SecurityGroup {
  return AwsResources.of(cluster).securityGroups.find((g) => g.node.scope === cluster && g.node.id === id)!;
}

/** Destinations of the hub's static routes to one VPC's attachment. */
function hubRoutes(synth: string, attachmentId: unknown): unknown[] {
  return Object.values(resourcesOf(synth, Ec2TransitGatewayRoute.tfResourceType))
    .filter((r) => r.transit_gateway_attachment_id === attachmentId)
    .map((r) => r.destination_cidr_block)
    .sort();
}

describe('IslandCluster on AWS: every ingress, NAT egress', () => {
  const build = () => {
    const e = awsEstate({ reserved: [OTHER], ...HOLE });
    const batch = new IslandCluster(e.stack, 'batch', {
      network: e.network,
      maxNodes: 100,
      ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16'] }), Ingress.loadBalancer({ ports: [443, 8443] }), Ingress.proxy()],
      egress: Egress.nat(),
    });
    const quiet = new IslandCluster(e.stack, 'quiet', { network: e.network, maxNodes: 50 });
    return { ...e, batch, quiet, synth: Testing.synth(e.stack, true) };
  };
  const { synth, batch, quiet, stack } = build();
  const ref = (value: unknown) => resolved(stack, value);

  test('snapshot', () => {
    expect(synth).toMatchSnapshot();
  });

  test('the plan: private pods (out of 10.0.0.0/16, AWS-VPC-003) and services from the hole, reused; routable nodes, proxy subnets and edge blocks', () => {
    expect([batch.podCidr, batch.serviceCidr, batch.nodeCidr, ...batch.proxySubnetCidrs]).toEqual(['10.1.0.0/17', '10.0.0.0/20', '10.4.0.0/25', '10.4.0.192/27', '10.4.0.224/27']);
    expect([quiet.podCidr, quiet.serviceCidr, quiet.nodeCidr]).toEqual(['10.1.0.0/18', '10.0.0.0/20', '10.4.1.0/26']);
  });

  test('two blocks: the primary holds the node range, edge block and ALB subnets; the pod range is associated', () => {
    // /25 nodes, /26 edge and two /27 ALB subnets fill one /24, largest first.
    has(synth, Vpc.tfResourceType, { cidr_block: '10.4.0.0/24', enable_dns_hostnames: true, enable_dns_support: true });
    const blocks = Object.values(resourcesOf(synth, VpcIpv4CidrBlockAssociation.tfResourceType))
      .filter((b) => b.vpc_id === ref(AwsResources.of(batch).vpc.id)).map((b) => b.cidr_block).sort();
    expect(blocks).toEqual(['10.1.0.0/17']);
    expect(subnets(synth, 'corp-batch', 'nodes')).toEqual(['10.4.0.0/26 eu-west-1a', '10.4.0.64/26 eu-west-1b']);
    expect(subnets(synth, 'corp-batch', 'pods')).toEqual(['10.1.0.0/18 eu-west-1a', '10.1.64.0/18 eu-west-1b']);
    expect(subnets(synth, 'corp-batch', 'proxy')).toEqual(['10.4.0.192/27 eu-west-1a', '10.4.0.224/27 eu-west-1b']);
  });

  test('the hub routes the node range and ALB subnets to the island, never its pod block', () => {
    expect(hubRoutes(synth, ref(AwsResources.of(batch).transitGatewayAttachment!.id))).toEqual(['10.4.0.0/25', '10.4.0.192/27', '10.4.0.224/27']);
    expect(hubRoutes(synth, ref(AwsResources.of(quiet).transitGatewayAttachment!.id))).toEqual(['10.4.1.0/26']);
    expect(valuesOf(synth, Ec2TransitGatewayRoute.tfResourceType, 'destination_cidr_block')).not.toContain('10.1.0.0/17');
    has(synth, Ec2TransitGatewayVpcAttachment.tfResourceType, { transit_gateway_default_route_table_propagation: false });
  });

  test('Egress.nat(): a private NAT gateway per zone in the node subnets; pods reach the main network through it', () => {
    const aws = AwsResources.of(batch);
    const [natA] = aws.natGateways.filter((n) => n.connectivity === AwsNatConnectivity.PRIVATE);
    const [nodesA] = aws.subnets.filter((s) => s.role === AwsSubnetRole.NODES);
    has(synth, NatGateway.tfResourceType, { connectivity_type: 'private', subnet_id: ref(nodesA.subnet.id) });
    expect(aws.natGateways.map((n) => `${n.connectivity} ${n.availabilityZone} ${n.elasticIp ? 'eip' : 'no-eip'}`)).toEqual([
      'PUBLIC eu-west-1a eip', 'PUBLIC eu-west-1b eip', 'PRIVATE eu-west-1a no-eip', 'PRIVATE eu-west-1b no-eip',
    ]);
    const [podsA] = aws.routeTables.filter((t) => t.role === AwsRouteTableRole.PODS);
    has(synth, Route.tfResourceType, { route_table_id: ref(podsA.routeTable.id), destination_cidr_block: '10.0.0.0/8', nat_gateway_id: ref(natA.natGateway.id) });
    has(synth, Route.tfResourceType, { route_table_id: ref(podsA.routeTable.id), destination_cidr_block: '0.0.0.0/0', nat_gateway_id: ref(aws.natGateways[0].natGateway.id) });
    expect(aws.cni.externalSnat).toBe(true);
    expect(aws.cni.environment.AWS_VPC_K8S_CNI_EXTERNALSNAT).toBe('true');
  });

  test('Egress.masquerade(): no private NAT; pods on the private route tables; the node SNATs them', () => {
    const aws = AwsResources.of(quiet);
    expect(aws.natGateways.map((n) => n.connectivity)).toEqual([AwsNatConnectivity.PUBLIC, AwsNatConnectivity.PUBLIC]);
    expect(aws.routeTables.map((t) => t.role)).toEqual([AwsRouteTableRole.PUBLIC, AwsRouteTableRole.PRIVATE, AwsRouteTableRole.PRIVATE]);
    expect(aws.cni.externalSnat).toBe(false);
    expect(aws.cni.environment.AWS_VPC_K8S_CNI_EXTERNALSNAT).toBe('false');
    expect(aws.networkLoadBalancer).toBeUndefined();
  });

  test('Ingress.nodePort(): the node security group takes 30000-32767 from the given sources; the pods\' group does not', () => {
    const aws = AwsResources.of(batch);
    has(synth, VpcSecurityGroupIngressRule.tfResourceType, {
      security_group_id: ref(aws.nodeSecurityGroup.id),
      cidr_ipv4: '10.128.0.0/16', ip_protocol: 'tcp', from_port: 30000, to_port: 32767,
    });
    expect(ingressOf(synth, ref(aws.podSecurityGroup.id)).filter((r) => r.cidr_ipv4 !== undefined || r.cidr_ipv6 !== undefined)).toEqual([]);
  });

  test('the pods hold a group of their own: among themselves and both ways with the nodes, the load balancers in, no range', () => {
    const aws = AwsResources.of(batch);
    const [pods, nodes] = [ref(aws.podSecurityGroup.id), ref(aws.nodeSecurityGroup.id)];
    const [nlb, alb] = ['load-balancer-sg', 'proxy-sg'].map((id) => ref(groupOf(batch, id).id));
    expect(pods).not.toEqual(nodes);
    expect(ref(aws.cni.eniConfigs.map((c) => c.securityGroupIds))).toEqual([[pods], [pods]]);
    const admitted = (group: unknown) => ingressOf(synth, group).map((r) => `${r.referenced_security_group_id} ${r.ip_protocol} ${r.from_port ?? ''}-${r.to_port ?? ''}`).sort();
    expect(admitted(pods)).toEqual([`${pods} -1 -`, `${nodes} -1 -`, `${nlb} tcp 0-65535`, `${alb} tcp 0-65535`].sort());
    has(synth, VpcSecurityGroupIngressRule.tfResourceType, { security_group_id: nodes, referenced_security_group_id: pods, ip_protocol: '-1' });
    has(synth, VpcSecurityGroupEgressRule.tfResourceType, { security_group_id: pods, cidr_ipv4: '0.0.0.0/0', ip_protocol: '-1' });
    expect(aws.securityGroups).toContain(aws.podSecurityGroup);
    // Without gateways: the pods and the nodes alone.
    const q = AwsResources.of(quiet);
    expect(admitted(ref(q.podSecurityGroup.id))).toEqual([`${ref(q.nodeSecurityGroup.id)} -1 -`, `${ref(q.podSecurityGroup.id)} -1 -`].sort());
  });

  test('Ingress.loadBalancer(): an internal network load balancer in the node subnets, a target group and listener per port', () => {
    const aws = AwsResources.of(batch);
    has(synth, Lb.tfResourceType, {
      name: 'corp-batch-nlb', load_balancer_type: 'network', internal: true,
      subnets: ref(aws.subnets.filter((s) => s.role === AwsSubnetRole.NODES).map((s) => s.subnet.id)),
    });
    expect(valuesOf(synth, LbTargetGroup.tfResourceType, 'port')).toEqual([443, 8443]);
    has(synth, LbTargetGroup.tfResourceType, { port: 8443, protocol: 'TCP', target_type: 'ip', name: 'corp-batch-nlb-8443' });
    has(synth, LbListener.tfResourceType, { port: 443, protocol: 'TCP', default_action: [{ type: 'forward', target_group_arn: ref(aws.targetGroups[0].arn) }] });
    for (const port of [443, 8443]) has(synth, VpcSecurityGroupIngressRule.tfResourceType, { cidr_ipv4: '10.0.0.0/8', ip_protocol: 'tcp', from_port: port, to_port: port });
  });

  test('Ingress.proxy(): an internal application load balancer in its own /27s in two zones', () => {
    const aws = AwsResources.of(batch);
    has(synth, Lb.tfResourceType, {
      name: 'corp-batch-alb', load_balancer_type: 'application', internal: true,
      subnets: ref(aws.subnets.filter((s) => s.role === AwsSubnetRole.PROXY).map((s) => s.subnet.id)),
    });
    has(synth, LbListener.tfResourceType, { port: 80, protocol: 'HTTP', load_balancer_arn: ref(aws.applicationLoadBalancer!.arn) });
    has(synth, VpcSecurityGroupIngressRule.tfResourceType, { cidr_ipv4: '10.0.0.0/8', from_port: 80, to_port: 80 });
    expect(countOf(synth, Lb.tfResourceType)).toBe(2);
  });
});

describe('Archipelago on AWS', () => {
  const build = () => {
    const e = awsEstate(HOLE);
    const east = new Archipelago(e.stack, 'east', { network: e.network });
    const a = east.addCluster('a', { maxNodes: 50 });
    const b = east.addCluster('b', { maxNodes: 100, egress: Egress.nat(), ingress: [Ingress.loadBalancer({ ports: [443] })] });
    return { ...e, east, a, b, synth: Testing.synth(e.stack, true) };
  };
  const { synth, east, a, b, stack } = build();
  const ref = (value: unknown) => resolved(stack, value);

  test('snapshot', () => {
    expect(synth).toMatchSnapshot();
  });

  test('one VPC: the edge block primary, then each member\'s node range and pod range from the super-range', () => {
    expect(east.podCidr).toBe('10.0.0.0/14');
    // Member pod blocks keep out of 10.0.0.0/16: AWS refuses one there beside another block of 10.0.0.0/15 (AWS-VPC-003).
    expect([a.podCidr, a.nodeCidr, b.podCidr, b.nodeCidr]).toEqual(['10.1.0.0/18', '10.4.0.64/26', '10.1.128.0/17', '10.4.0.128/25']);
    expect(countOf(synth, Vpc.tfResourceType)).toBe(1);
    has(synth, Vpc.tfResourceType, { cidr_block: '10.4.0.0/26' });
    expect(valuesOf(synth, VpcIpv4CidrBlockAssociation.tfResourceType, 'cidr_block')).toEqual(['10.1.0.0/18', '10.1.128.0/17', '10.4.0.128/25', '10.4.0.64/26']);
    expect(subnets(synth, 'corp-east-a', 'pods')).toEqual(['10.1.0.0/19 eu-west-1a', '10.1.32.0/19 eu-west-1b']);
    expect(subnets(synth, 'corp-east-b', 'nodes')).toEqual(['10.4.0.128/26 eu-west-1a', '10.4.0.192/26 eu-west-1b']);
    expect(AwsResources.of(a).vpc).toBe(AwsResources.ofArchipelago(east).vpc);
    // The archipelago sees everything in its VPC; a member sees the VPC's shared resources and its own.
    expect(AwsResources.ofArchipelago(east).cidrBlockAssociations).toHaveLength(4);
    expect(AwsResources.ofArchipelago(east).transitGatewayRoutes).toHaveLength(2);
    expect(AwsResources.of(a).cidrBlockAssociations).toHaveLength(2);
    expect(AwsResources.of(a).subnets.map((s) => s.role)).toEqual([
      AwsSubnetRole.TRANSIT_GATEWAY, AwsSubnetRole.TRANSIT_GATEWAY, AwsSubnetRole.PUBLIC, AwsSubnetRole.PUBLIC,
      AwsSubnetRole.NODES, AwsSubnetRole.NODES, AwsSubnetRole.PODS, AwsSubnetRole.PODS,
    ]);
  });

  test('flat inside: one security group on every member\'s nodes and pods, open among its members; each member\'s pods also their own group', () => {
    const members = AwsResources.ofArchipelago(east).membersSecurityGroup;
    has(synth, VpcSecurityGroupIngressRule.tfResourceType, { security_group_id: ref(members.id), referenced_security_group_id: ref(members.id), ip_protocol: '-1' });
    for (const member of [a, b]) {
      const aws = AwsResources.of(member);
      expect(ref(aws.cni.eniConfigs.map((c) => c.securityGroupIds))).toEqual(ref([[aws.podSecurityGroup.id, members.id], [aws.podSecurityGroup.id, members.id]]));
      expect(ref(aws.podSecurityGroup.id)).not.toEqual(ref(aws.nodeSecurityGroup.id));
      expect(aws.securityGroups).toContain(members);
    }
    // b's load balancer reaches b's pods (its targets) through the pods' group; a's pods admit no range.
    const bAws = AwsResources.of(b);
    has(synth, VpcSecurityGroupIngressRule.tfResourceType, {
      security_group_id: ref(bAws.podSecurityGroup.id), referenced_security_group_id: ref(groupOf(b, 'load-balancer-sg').id), from_port: 0, to_port: 65535,
    });
    const aAws = AwsResources.of(a);
    expect(ingressOf(synth, ref(aAws.podSecurityGroup.id)).map((r) => [r.referenced_security_group_id, r.cidr_ipv4]).sort()).toEqual([
      [ref(aAws.nodeSecurityGroup.id), undefined], [ref(aAws.podSecurityGroup.id), undefined],
    ].sort());
  });

  test('island to the rest: one attachment, hub routes to member node ranges only; each member its own egress and gateways', () => {
    expect(countOf(synth, Ec2TransitGatewayVpcAttachment.tfResourceType)).toBe(1);
    expect(hubRoutes(synth, ref(AwsResources.ofArchipelago(east).transitGatewayAttachment!.id))).toEqual(['10.4.0.128/25', '10.4.0.64/26']);
    expect(AwsResources.of(a).cni.externalSnat).toBe(false);
    expect(AwsResources.of(b).cni.externalSnat).toBe(true);
    expect(AwsResources.of(b).natGateways.filter((n) => n.connectivity === AwsNatConnectivity.PRIVATE).length).toBe(2);
    expect(AwsResources.of(a).natGateways.filter((n) => n.connectivity === AwsNatConnectivity.PRIVATE).length).toBe(0);
    has(synth, Lb.tfResourceType, { name: 'corp-east-b-nlb', load_balancer_type: 'network', internal: true });
    expect(AwsResources.of(a).networkLoadBalancer).toBeUndefined();
  });
});
