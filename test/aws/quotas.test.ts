// AWS-SG-001 and AWS-SUBNET-002: what AWS refuses past its quotas of rules per security group and
// of subnets per VPC, said at synth with the numbers and the fix. The rules count the lists the
// renderer builds from (group-rules.ts, subnetsOf); the oracle at the end counts what a
// synthesized estate with every kind of group and subnet holds, and finds the same.
import { Testing } from 'cdktf';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Archipelago, Cloud, CloudLink, FlatCluster, Ingress, IpFamily, IslandCluster, IsolatedCluster } from '../../lib';
import { plannedGroups } from '../../lib/aws/group-quota-rule';
import { vpcsOf } from '../../lib/aws/layout';
import { ec2Text, nameTag } from '../../lib/aws/names';
import { RULES_PER_GROUP, SUBNETS_PER_VPC } from '../../lib/aws/quotas';
import { vpcSubnets } from '../../lib/aws/subnet-quota-rule';
import { twoClouds } from '../link/support';
import { awsEstate, expectErrors, findings, HOLE, REGION, resourcesOf, synthError } from './support';


/** `n` different /24s of 192.168.0.0/16. */
const sources = (n: number) => Array.from({ length: n }, (_, i) => `192.168.${i}.0/24`);

describe('AWS-SG-001: every security group holds at most 60 inbound and 60 outbound rules of each family (unless raised)', () => {
  /** `n` flat clusters, IPv6 and dual-stack in turn: each one's nodes admit the others' VPCs over IPv6. */
  const flats = (n: number) => {
    const e = awsEstate({ ...HOLE, ipv6: true });
    for (let i = 0; i < n; i++) new FlatCluster(e.stack, `f${i}`, { network: e.network, maxNodes: 20, ipFamily: i % 2 ? IpFamily.DUAL_STACK : IpFamily.IPV6 });
    return e;
  };
  const island = (n: number, cloud = Cloud.aws({ region: REGION })) => {
    const e = awsEstate({ ...HOLE, cloud });
    new IslandCluster(e.stack, 'shop', { network: e.network, maxNodes: 50, ingress: [Ingress.nodePort({ sourceRanges: sources(n) })] });
    return e;
  };

  test(`passes: ${RULES_PER_GROUP - 1} flat IPv6 and dual-stack clusters (each nodes group admits ${RULES_PER_GROUP} over IPv6: its members, its VPC, the other ${RULES_PER_GROUP - 2}), an island with ${RULES_PER_GROUP - 2} NodePort sources (its nodes group admits its members, its pods and each source)`, () => {
    expect(RULES_PER_GROUP).toBe(60);
    expect(findings(flats(RULES_PER_GROUP - 1).network, 'AWS-SG-001')).toEqual([]);
    const e = island(RULES_PER_GROUP - 2);
    expect(findings(e.network, 'AWS-SG-001')).toEqual([]);
    expect(synthError(e.stack)).toBe('');
  });

  test('fails: 60 flat IPv6 and dual-stack clusters — each one\'s nodes group would hold 61 inbound IPv6 rules', () => {
    const found = findings(flats(60).network, 'AWS-SG-001');
    expect(found).toHaveLength(60);
    expect(found[0]).toBe('[corp/f0] security group nodes-sg of corp/f0 would hold 61 inbound IPv6 rules (1 letting its members reach each other, 1 from its VPC\'s IPv6 /56, ' +
      '59 from the other flat IPv6 and dual-stack clusters\' VPCs across the transit gateway), more than the 60 of the quota of rules per security group, which AWS counts apart for IPv4 and IPv6 — ' +
      'ask AWS to raise "Inbound or outbound rules per security group" to 61 or more and set Cloud.aws({ securityGroupRuleQuota: 61 }), ' +
      'or put fewer flat IPv6 or dual-stack clusters in corp/main (an island\'s or archipelago\'s IPv6 stays in its VPC)');
  });

  test('fails: an island with 59 NodePort sources, until the raised quota is given', () => {
    expectErrors(island(59), 'AWS-SG-001', [
      '[corp/shop] security group nodes-sg of corp/shop would hold 61 inbound IPv4 rules (1 letting its members reach each other, 1 between its nodes and pods, 59 from NodePort sourceRanges), ' +
      'more than the 60 of the quota of rules per security group, which AWS counts apart for IPv4 and IPv6 — ' +
      'ask AWS to raise "Inbound or outbound rules per security group" to 61 or more and set Cloud.aws({ securityGroupRuleQuota: 61 }), or give Ingress.nodePort() of corp/shop fewer, wider sourceRanges',
    ]);
    expect(synthError(island(59, Cloud.aws({ region: REGION, securityGroupRuleQuota: 61 })).stack)).toBe('');
  });
});

describe('AWS-SUBNET-002: a VPC holds at most 200 subnets (unless raised)', () => {
  const ZONES6 = ['a', 'b', 'c', 'd', 'e', 'f'].map((z) => `us-east-1${z}`);
  /** An archipelago over six zones, its blocks quota raised, with `n` members behind a proxy: per member 8 node, 8 pod and 6 ALB subnets. */
  const archipelago = (n: number, subnetQuota?: number) => {
    const e = awsEstate({ ...HOLE, cloud: Cloud.aws({ region: 'us-east-1', availabilityZones: ZONES6, vpcBlockQuota: 50, subnetQuota }) });
    const east = new Archipelago(e.stack, 'east', { network: e.network, ingress: [Ingress.proxy()] });
    for (let i = 0; i < n; i++) east.addCluster(`m${i}`, { maxNodes: 50 });
    return e;
  };

  test('passes: eight members (12 edge subnets, 22 per member: 188)', () => {
    expect(SUBNETS_PER_VPC).toBe(200);
    const e = archipelago(8);
    const plan = e.network.plan;
    expect(vpcSubnets(plan, vpcsOf(plan)[0])).toHaveLength(188);
    expect(findings(e.network, 'AWS-SUBNET-002')).toEqual([]);
  });

  test('fails: nine members need 210, until the raised quota is given', () => {
    expectErrors(archipelago(9), 'AWS-SUBNET-002', [
      '[corp/east] the VPC of corp/east would hold 210 subnets (72 node, 72 pod, 6 transit-gateway, 6 public, 54 ALB) over 6 availability zones, more than the 200 of the quota of subnets per VPC — ' +
      'ask AWS to raise "Subnets per VPC" to 210 or more and set Cloud.aws({ subnetQuota: 210 }), ' +
      'or need fewer: fewer availability zones (over 6 a node or pod range splits into 8 subnets or more), fewer members in the archipelago',
    ]);
    expect(synthError(archipelago(9, 210).stack)).toBe('');
  });
});

describe('the quotas Cloud.aws() is told', () => {
  test('are whole numbers within what AWS grants', () => {
    expect(() => Cloud.aws({ region: REGION, securityGroupRuleQuota: 1001 })).toThrow(
      'Cloud.aws: INPUT-002: securityGroupRuleQuota 1001 must be a whole number from 1 to 1000 (AWS\'s default is 60; times the security groups per network interface it stays within 1,000)');
    expect(() => Cloud.aws({ region: REGION, subnetQuota: 0 })).toThrow('Cloud.aws: INPUT-002: subnetQuota 0 must be a whole number of at least 1 (AWS\'s default is 200)');
    expect(() => Cloud.aws({ region: REGION, subnetQuota: 1000, securityGroupRuleQuota: 200 })).not.toThrow();
  });
});

describe('the oracle: what a synthesized estate holds is what the rules count', () => {
  // Every kind of group and subnet: flat IPv6, dual-stack and IPv4 clusters (one reached across a
  // CloudLink), islands with every gateway, isolated clusters exposing their API endpoint, an
  // archipelago with a dual-stack member, over three zones.
  const e = twoClouds({ aws: { ipv6: true, cloud: Cloud.aws({ region: REGION, availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] }) } });
  const aws = e.aws;
  new FlatCluster(e.awsStack, 'x', { network: aws, maxNodes: 20, ipFamily: IpFamily.IPV6 });
  new FlatCluster(e.awsStack, 'y', { network: aws, maxNodes: 20, ipFamily: IpFamily.DUAL_STACK });
  new FlatCluster(e.awsStack, 'z', { network: aws, maxNodes: 20, podCidr: '10.160.0.0/14' });
  new IslandCluster(e.awsStack, 'shop', {
    network: aws, maxNodes: 50, ipFamily: IpFamily.DUAL_STACK,
    ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16', '10.129.0.0/16'] }), Ingress.nodePort(), Ingress.loadBalancer({ ports: [443, 8443] }), Ingress.proxy()],
  });
  new IslandCluster(e.awsStack, 'plain', { network: aws, maxNodes: 50, ingress: [Ingress.nodePort()] });
  new IsolatedCluster(e.awsStack, 'vault', { network: aws, maxNodes: 20, exposeApiEndpoint: true, apiEndpointSourceRanges: ['10.128.0.0/16', '10.140.0.0/16'] });
  new IsolatedCluster(e.awsStack, 'keys', { network: aws, maxNodes: 20, ipFamily: IpFamily.IPV6, exposeApiEndpoint: true });
  const east = new Archipelago(e.awsStack, 'east', { network: aws });
  east.addCluster('a', { maxNodes: 20, ipFamily: IpFamily.DUAL_STACK, ingress: [Ingress.proxy()] });
  east.addCluster('b', { maxNodes: 20 });
  new FlatCluster(e.gcpStack, 'web', { network: e.gcp, maxNodes: 20 });
  new CloudLink(e.linkStack, 'gcp-aws', { gcp: e.gcp, aws });
  const synth = Testing.synth(e.awsStack, true);

  test('every security group: its inbound and outbound rules of each family, as AWS counts them', () => {
    const groups = new Map(Object.entries(resourcesOf(synth, SecurityGroup.tfResourceType)).map(([id, g]) => [`\${aws_security_group.${id}.id}`, (g.tags as Record<string, string>).Name]));
    const held = new Map<string, Record<string, number>>([...groups.values()].map((name) => [name, {}]));
    for (const [type, way] of [[VpcSecurityGroupIngressRule.tfResourceType, 'in'], [VpcSecurityGroupEgressRule.tfResourceType, 'out']]) {
      for (const r of Object.values(resourcesOf(synth, type))) {
        const counts = held.get(groups.get(r.security_group_id as string)!)!;
        // A rule naming a security group counts in both families.
        const families = r.cidr_ipv4 ? ['IPv4'] : r.cidr_ipv6 ? ['IPv6'] : ['IPv4', 'IPv6'];
        for (const family of families) counts[`${way} ${family}`] = (counts[`${way} ${family}`] ?? 0) + 1;
      }
    }
    const counted = new Map(plannedGroups(aws.plan).map((g) => {
      const counts: Record<string, number> = {};
      for (const r of g.rules) {
        const families = 'cidr' in r.end ? ['IPv4'] : 'cidrIpv6' in r.end ? ['IPv6'] : ['IPv4', 'IPv6'];
        for (const family of families) counts[`${r.egress ? 'out' : 'in'} ${family}`] = (counts[`${r.egress ? 'out' : 'in'} ${family}`] ?? 0) + 1;
      }
      return [nameTag({ node: { path: g.owner } } as never, g.id), counts];
    }));
    expect(counted).toEqual(held);
    // The estate has every kind of rule the layer makes: links, IPv6 spokes, NodePorts, load balancers, API endpoints, members, pods.
    expect(held.get('enterprise-aws-x-nodes-sg')).toEqual({ 'in IPv4': 3, 'in IPv6': 3, 'out IPv4': 1, 'out IPv6': 1 });
    // An island's and a member's pods: themselves, the nodes and each load balancer, named groups counting in both families; out over IPv4 alone, dual-stack or not.
    expect(held.get('enterprise-aws-shop-pods-sg')).toEqual({ 'in IPv4': 4, 'in IPv6': 4, 'out IPv4': 1 });
    expect(held.get('enterprise-aws-plain-pods-sg')).toEqual({ 'in IPv4': 2, 'in IPv6': 2, 'out IPv4': 1 });
    expect(held.get('enterprise-aws-east-a-pods-sg')).toEqual({ 'in IPv4': 3, 'in IPv6': 3, 'out IPv4': 1 });
    expect(held.get('enterprise-aws-east-b-pods-sg')).toEqual({ 'in IPv4': 2, 'in IPv6': 2, 'out IPv4': 1 });
    // 9 nodes groups, 4 pods' (2 islands, 2 members), a load balancer's, 2 proxies', 2 API endpoints', the archipelago's members'
    expect(held.size).toBe(19);
  });

  test('islands\' and archipelago members\' pods groups, and their nodes groups: each rule as planned, by name, end, ports and description', () => {
    const groupName = (owner: string, id: string) => nameTag({ node: { path: owner } } as never, id);
    const groups = new Map(Object.entries(resourcesOf(synth, SecurityGroup.tfResourceType)).map(([id, g]) => [`\${aws_security_group.${id}.id}`, (g.tags as Record<string, string>).Name]));
    const held = new Map<string, string[]>();
    for (const [type, way] of [[VpcSecurityGroupIngressRule.tfResourceType, 'in'], [VpcSecurityGroupEgressRule.tfResourceType, 'out']]) {
      for (const r of Object.values(resourcesOf(synth, type))) {
        const group = groups.get(r.security_group_id as string)!;
        const end = r.cidr_ipv4 ?? r.cidr_ipv6 ?? `group ${groups.get(r.referenced_security_group_id as string)}`;
        const ports = r.ip_protocol === 'tcp' ? `tcp ${r.from_port}-${r.to_port}` : 'all';
        held.set(group, [...held.get(group) ?? [], `${(r.tags as Record<string, string>).Name}: ${way} ${end} ${ports} "${r.description}"`].sort());
      }
    }
    const podOwners = plannedGroups(aws.plan).filter((g) => g.id === 'pods-sg').map((g) => g.owner);
    expect(podOwners).toEqual(['enterprise-aws/shop', 'enterprise-aws/plain', 'enterprise-aws/east/a', 'enterprise-aws/east/b']);
    const planned = plannedGroups(aws.plan).filter((g) => podOwners.includes(g.owner) && (g.id === 'pods-sg' || g.id === 'nodes-sg'));
    expect(planned).toHaveLength(8);
    for (const g of planned) {
      const rules = g.rules.map((r) => {
        const end = 'cidr' in r.end ? r.end.cidr : 'cidrIpv6' in r.end ? r.end.cidrIpv6 : `group ${groupName(g.owner, r.end.group)}`;
        const ports = r.ports ? `tcp ${r.ports.from}-${r.ports.to}` : 'all';
        return `${groupName(g.owner, r.id)}: ${r.egress ? 'out' : 'in'} ${end} ${ports} "${ec2Text(r.description)}"`;
      }).sort();
      expect(rules).toEqual(held.get(groupName(g.owner, g.id)));
    }
    expect(held.get('enterprise-aws-shop-pods-sg')).toEqual([
      'enterprise-aws-shop-pods-sg-egress: out 0.0.0.0/0 all "Anywhere the routes lead"',
      'enterprise-aws-shop-pods-sg-from-load-balancer: in group enterprise-aws-shop-load-balancer-sg tcp 0-65535 "The network load balancer reaches the pods"',
      'enterprise-aws-shop-pods-sg-from-nodes: in group enterprise-aws-shop-nodes-sg all "The nodes of enterprise-aws/shop reach its pods"',
      'enterprise-aws-shop-pods-sg-from-proxy: in group enterprise-aws-shop-proxy-sg tcp 0-65535 "The proxy reaches the pods"',
      'enterprise-aws-shop-pods-sg-self: in group enterprise-aws-shop-pods-sg all "Members of this group reach each other"',
    ]);
  });

  test('every VPC: its subnets, by name', () => {
    const vpcs = new Map(Object.entries(resourcesOf(synth, Vpc.tfResourceType)).map(([id, v]) => [`\${aws_vpc.${id}.id}`, (v.tags as Record<string, string>).Name]));
    const held = new Map<string, string[]>();
    for (const s of Object.values(resourcesOf(synth, Subnet.tfResourceType))) {
      const vpc = vpcs.get(s.vpc_id as string)!;
      held.set(vpc, [...held.get(vpc) ?? [], (s.tags as Record<string, string>).Name].sort());
    }
    const plan = aws.plan;
    const counted = new Map(vpcsOf(plan).map((vpc) => [
      nameTag({ node: { path: vpc.path } } as never),
      vpcSubnets(plan, vpc).map((s) => nameTag({ node: { path: s.owner } } as never, s.name)).sort(),
    ]));
    expect(counted).toEqual(held);
    expect(held.get('enterprise-aws-z')).toHaveLength(4 + 4 + 6); // nodes and the /14 pod range in four subnets each over three zones, 2 edge subnets per zone
  });
});
