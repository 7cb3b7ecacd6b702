// Flat and isolated clusters on AWS: a snapshot of each, and the attributes that matter.
import { Testing } from 'cdktf';
import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayRouteTable } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcIpv4CidrBlockAssociation } from '@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Cloud, FlatCluster, IsolatedCluster } from '../../lib';
import { AwsNatConnectivity, AwsNatGateways, AwsResources, AwsRouteTableRole, AwsSubnetRole } from '../../lib/aws';
import { awsEstate, countOf, findings, has, OTHER, resolved, resourcesOf, subnets, valuesOf } from './support';

describe('FlatCluster on AWS', () => {
  const build = () => {
    const e = awsEstate({ reserved: [OTHER] });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 200 });
    return { ...e, prod, synth: Testing.synth(e.stack, true) };
  };
  const built = build();
  const { synth, prod } = built;

  test('snapshot', () => {
    expect(synth).toMatchSnapshot();
  });

  test('the plan: blocks kept out of 10.0.0.0/16 (AWS-VPC-003), services in it; nodes and edge block share one VPC block', () => {
    expect([prod.podCidr, prod.serviceCidr, prod.nodeCidr]).toEqual(['10.1.0.0/16', '10.0.0.0/20', '10.2.0.0/24']);
    // The /24 nodes and the /26 edge block fill a /23 from its start, largest first.
    expect(built.network.plan.ranges.filter((r) => r.owner === 'corp/prod').map((r) => `${r.name} ${r.cidr}`)).toEqual([
      'pods 10.1.0.0/16', 'services 10.0.0.0/20', 'vpc-block 10.2.0.0/23', 'nodes 10.2.0.0/24', 'aws-edge 10.2.1.0/26',
    ]);
  });

  test('one VPC: primary block the pod range, one block for the node range and the edge block, DNS on', () => {
    has(synth, Vpc.tfResourceType, { cidr_block: '10.1.0.0/16', enable_dns_hostnames: true, enable_dns_support: true });
    expect(countOf(synth, Vpc.tfResourceType)).toBe(1);
    expect(valuesOf(synth, VpcIpv4CidrBlockAssociation.tfResourceType, 'cidr_block')).toEqual(['10.2.0.0/23']);
  });

  test('per zone a node, a pod, a /28 transit-gateway and a /28 public subnet', () => {
    expect(subnets(synth, 'corp-prod', 'nodes')).toEqual(['10.2.0.0/25 eu-west-1a', '10.2.0.128/25 eu-west-1b']);
    expect(subnets(synth, 'corp-prod', 'pods')).toEqual(['10.1.0.0/17 eu-west-1a', '10.1.128.0/17 eu-west-1b']);
    expect(subnets(synth, 'corp-prod', 'transit-gateway')).toEqual(['10.2.1.0/28 eu-west-1a', '10.2.1.32/28 eu-west-1b']);
    expect(subnets(synth, 'corp-prod', 'public')).toEqual(['10.2.1.16/28 eu-west-1a', '10.2.1.48/28 eu-west-1b']);
    has(synth, Subnet.tfResourceType, { cidr_block: '10.2.0.0/25', tags: { 'kubernetes.io/role/internal-elb': '1' } });
    has(synth, Subnet.tfResourceType, { cidr_block: '10.2.1.16/28', tags: { 'kubernetes.io/role/elb': '1' } });
  });

  test('the hub: a transit gateway with its own route table, static routes to the node and pod ranges', () => {
    has(synth, Ec2TransitGateway.tfResourceType, { default_route_table_association: 'disable', default_route_table_propagation: 'disable' });
    expect(countOf(synth, Ec2TransitGatewayRouteTable.tfResourceType)).toBe(1);
    const transitSubnets = AwsResources.of(prod).subnets.filter((s) => s.role === AwsSubnetRole.TRANSIT_GATEWAY).map((s) => s.subnet.id);
    has(synth, Ec2TransitGatewayVpcAttachment.tfResourceType, {
      transit_gateway_default_route_table_association: false,
      transit_gateway_default_route_table_propagation: false,
      subnet_ids: resolved(built.stack, transitSubnets),
    });
    expect(valuesOf(synth, Ec2TransitGatewayRoute.tfResourceType, 'destination_cidr_block')).toEqual(['10.1.0.0/16', '10.2.0.0/24']);
  });

  test('internet egress: an internet gateway and a public NAT gateway with an Elastic IP per zone', () => {
    expect(countOf(synth, InternetGateway.tfResourceType)).toBe(1);
    expect(valuesOf(synth, NatGateway.tfResourceType, 'connectivity_type')).toEqual(['public', 'public']);
    expect(countOf(synth, Eip.tfResourceType)).toBe(2);
    // Per zone: the main network to the hub, the internet to the zone's NAT; public: the internet gateway.
    const aws = AwsResources.of(prod);
    const [natA, natB] = aws.natGateways.map((n) => resolved(built.stack, n.natGateway.id));
    has(synth, Route.tfResourceType, { destination_cidr_block: '10.0.0.0/8', transit_gateway_id: resolved(built.stack, AwsResources.ofNetwork(built.network).transitGateway.id) });
    has(synth, Route.tfResourceType, { destination_cidr_block: '0.0.0.0/0', nat_gateway_id: natA });
    has(synth, Route.tfResourceType, { destination_cidr_block: '0.0.0.0/0', nat_gateway_id: natB });
    has(synth, Route.tfResourceType, { destination_cidr_block: '0.0.0.0/0', gateway_id: resolved(built.stack, aws.internetGateway!.id) });
    expect(countOf(synth, RouteTable.tfResourceType)).toBe(3);
  });

  test('flat: the main network reaches nodes and pods directly', () => {
    has(synth, VpcSecurityGroupIngressRule.tfResourceType, { cidr_ipv4: '10.0.0.0/8', ip_protocol: '-1' });
  });

  test('AwsResources: subnets by role and zone, the service range for EKS, the CNI settings', () => {
    const aws = AwsResources.of(prod);
    const roles = aws.subnets.map((s) => `${s.role} ${s.availabilityZone}`);
    expect(roles).toEqual([
      'TRANSIT_GATEWAY eu-west-1a', 'TRANSIT_GATEWAY eu-west-1b', 'PUBLIC eu-west-1a', 'PUBLIC eu-west-1b',
      'NODES eu-west-1a', 'NODES eu-west-1b', 'PODS eu-west-1a', 'PODS eu-west-1b',
    ]);
    expect(resolved(built.stack, aws.serviceIpv4Cidr)).toBe('10.0.0.0/20');
    expect(resolved(built.stack, aws.nodeSubnetIds)).toEqual(resolved(built.stack, aws.subnets.filter((s) => s.role === AwsSubnetRole.NODES).map((s) => s.subnet.id)));
    expect(aws.natGateways.map((n) => n.connectivity)).toEqual([AwsNatConnectivity.PUBLIC, AwsNatConnectivity.PUBLIC]);
    expect(aws.routeTables.map((t) => [t.role, t.availabilityZone])).toEqual([
      [AwsRouteTableRole.PUBLIC, undefined], [AwsRouteTableRole.PRIVATE, 'eu-west-1a'], [AwsRouteTableRole.PRIVATE, 'eu-west-1b'],
    ]);
    expect(aws.cni.externalSnat).toBe(true);
    expect(aws.cni.environment).toEqual({
      AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true',
      ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone',
      AWS_VPC_K8S_CNI_EXTERNALSNAT: 'true',
    });
    expect(aws.cni.eniConfigs.map((c) => c.name)).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect(resolved(built.stack, aws.cni.eniConfigs.map((c) => c.subnetId))).toEqual(resolved(built.stack, aws.subnets.filter((s) => s.role === AwsSubnetRole.PODS).map((s) => s.subnet.id)));
    // Flat pods are reached like the nodes, by design: they share the nodes' group.
    expect(aws.podSecurityGroup).toBe(aws.nodeSecurityGroup);
    const group = resolved(built.stack, aws.nodeSecurityGroup.id);
    expect(aws.cni.eniConfigs.map((c) => resolved(built.stack, c.securityGroupIds))).toEqual([[group], [group]]);
    expect(aws.transitGatewayAttachment).toBeDefined();
    expect(AwsResources.ofNetwork(built.network).transitGateway).toBeInstanceOf(Ec2TransitGateway);
  });

  test('Cloud.aws({ natGateways: SINGLE }): a single NAT gateway serves every zone', () => {
    const e = awsEstate({ cloud: Cloud.aws({ region: 'eu-west-1', natGateways: AwsNatGateways.SINGLE }) });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 200 });
    const single = Testing.synth(e.stack, true);
    expect(countOf(single, NatGateway.tfResourceType)).toBe(1);
    expect(AwsResources.of(prod).natGateways.map((n) => n.availabilityZone)).toEqual(['eu-west-1a']);
    const toNat = Object.values(resourcesOf(single, Route.tfResourceType)).filter((r) => r.nat_gateway_id).map((r) => r.nat_gateway_id);
    const nat = resolved(e.stack, AwsResources.of(prod).natGateways[0].natGateway.id);
    expect(toNat).toEqual([nat, nat]);
    expect(() => Cloud.aws({ region: 'eu-west-1', natGateways: 'TWO' as AwsNatGateways })).toThrow('Cloud.aws: INPUT-002: natGateways "TWO" is not one of ONE_PER_ZONE, SINGLE');
  });

  test('a pod range larger than /16 becomes /16 blocks, each zone getting its own /16 subnets', () => {
    const e = awsEstate();
    const big = new FlatCluster(e.stack, 'big', { network: e.network, maxNodes: 200, podCidr: '10.64.0.0/14' });
    // Five blocks, AWS's default quota: four for the pods, one the nodes and the edge block share.
    const out = Testing.synth(e.stack, true);
    expect(findings(e.network, 'AWS-VPC-004')).toEqual([]);
    has(out, Vpc.tfResourceType, { cidr_block: '10.64.0.0/16' });
    expect(valuesOf(out, VpcIpv4CidrBlockAssociation.tfResourceType, 'cidr_block')).toEqual(['10.1.0.0/23', '10.65.0.0/16', '10.66.0.0/16', '10.67.0.0/16']);
    expect(subnets(out, 'corp-big', 'pods')).toEqual(['10.64.0.0/16 eu-west-1a', '10.65.0.0/16 eu-west-1b', '10.66.0.0/16 eu-west-1a', '10.67.0.0/16 eu-west-1b']);
    expect(AwsResources.of(big).cni.eniConfigs.map((c) => c.name)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1a-2', 'eu-west-1b-2']);
  });
});

describe('IsolatedCluster on AWS', () => {
  const build = () => {
    const e = awsEstate({ reserved: [OTHER] });
    const vault = new IsolatedCluster(e.stack, 'vault', { network: e.network, maxNodes: 200 });
    return { ...e, vault, synth: Testing.synth(e.stack, true) };
  };
  const { synth, vault, stack } = build();

  test('snapshot', () => {
    expect(synth).toMatchSnapshot();
  });

  test('a VPC of private subnets only: no internet gateway, no NAT, no attachment', () => {
    // Its own space, as if the main network were not there; blocks kept out of 10.0.0.0/16, services not.
    expect([vault.podCidr, vault.serviceCidr, vault.nodeCidr]).toEqual(['10.1.0.0/16', '10.0.0.0/20', '10.2.0.0/24']);
    has(synth, Vpc.tfResourceType, { cidr_block: '10.1.0.0/16', enable_dns_hostnames: true });
    expect(valuesOf(synth, VpcIpv4CidrBlockAssociation.tfResourceType, 'cidr_block')).toEqual(['10.2.0.0/24']);
    expect(subnets(synth, 'corp-vault', 'nodes')).toEqual(['10.2.0.0/25 eu-west-1a', '10.2.0.128/25 eu-west-1b']);
    expect(subnets(synth, 'corp-vault', 'pods')).toEqual(['10.1.0.0/17 eu-west-1a', '10.1.128.0/17 eu-west-1b']);
    for (const type of [InternetGateway.tfResourceType, NatGateway.tfResourceType, Ec2TransitGatewayVpcAttachment.tfResourceType, Route.tfResourceType, Ec2TransitGatewayRoute.tfResourceType]) {
      expect(countOf(synth, type)).toBe(0);
    }
    const aws = AwsResources.of(vault);
    expect(aws.routeTables.map((t) => t.role)).toEqual([AwsRouteTableRole.ISOLATED]);
    expect([aws.internetGateway, aws.transitGatewayAttachment]).toEqual([undefined, undefined]);
    expect(aws.cni.externalSnat).toBe(false);
    expect(resolved(stack, aws.serviceIpv4Cidr)).toBe('10.0.0.0/20');
    // No gateway opens an isolated cluster's nodes: its pods share their group.
    expect(aws.podSecurityGroup).toBe(aws.nodeSecurityGroup);
    expect(aws.cni.eniConfigs.map((c) => resolved(stack, c.securityGroupIds))).toEqual([[resolved(stack, aws.nodeSecurityGroup.id)], [resolved(stack, aws.nodeSecurityGroup.id)]]);
  });

  test('an exposed API endpoint: its /28 as a block and subnet, attached to the hub alone, HTTPS from the main network', () => {
    const e = awsEstate();
    // The /28 becomes a block of the cluster's own VPC, so its own ranges keep off it (AWS-VPC-002).
    const vault = new IsolatedCluster(e.stack, 'vault', {
      network: e.network, maxNodes: 200, exposeApiEndpoint: true, podCidr: '10.64.0.0/16', nodeCidr: '10.65.0.0/24', serviceCidr: '10.66.0.0/20',
    });
    const out = Testing.synth(e.stack, true);
    expect(vault.apiEndpointCidr).toBe('10.1.0.0/28');
    has(out, Vpc.tfResourceType, { cidr_block: '10.64.0.0/16' });
    expect(valuesOf(out, VpcIpv4CidrBlockAssociation.tfResourceType, 'cidr_block')).toEqual(['10.1.0.0/28', '10.65.0.0/24']);
    has(out, Subnet.tfResourceType, { cidr_block: '10.1.0.0/28', availability_zone: 'eu-west-1a' });
    const [api] = AwsResources.of(vault).subnets.filter((s) => s.role === AwsSubnetRole.API_ENDPOINT);
    has(out, Ec2TransitGatewayVpcAttachment.tfResourceType, { subnet_ids: [resolved(e.stack, api.subnet.id)] });
    expect(valuesOf(out, Ec2TransitGatewayRoute.tfResourceType, 'destination_cidr_block')).toEqual(['10.1.0.0/28']);
    has(out, VpcSecurityGroupIngressRule.tfResourceType, { cidr_ipv4: '10.0.0.0/8', ip_protocol: 'tcp', from_port: 443, to_port: 443 });
    expect(countOf(out, InternetGateway.tfResourceType)).toBe(0);
    expect(AwsResources.of(vault).subnets.filter((s) => s.role === AwsSubnetRole.API_ENDPOINT).map((s) => s.availabilityZone)).toEqual(['eu-west-1a']);
  });
});
