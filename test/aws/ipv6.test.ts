// IPv6 and dual-stack on AWS: the VPCs' /56s, the subnets' planned /64s, egress-only internet
// gateways and ::/0 routes (never in an isolated VPC), the EKS IP family, the AWS-IPV6-* rules,
// and the subnet numbers kept across synths by the plan file.
import * as fs from 'fs';
import { Testing } from 'cdktf';
import { EgressOnlyInternetGateway } from '@cdktf/provider-aws/lib/egress-only-internet-gateway';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { Route } from '@cdktf/provider-aws/lib/route';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import {
  Archipelago, Cloud, CloudProvider, FlatCluster, Ingress, IpFamily, IslandCluster, IsolatedCluster, NetworkModel, Policy, RuleCatalog,
} from '../../lib';
import { AwsResources } from '../../lib/aws';
import { AWS_RULES } from '../../lib/aws/rules';
import { AWS_REFUSED } from '../../lib/clouds/cloud';
import { Ipv6SubnetPlan } from '../../lib/model/ipv6-subnets';
import { ClusterPlan } from '../../lib/model/plan';
import { awsIpv6Example } from '../../examples/aws-ipv6';
import { synthStack } from '../support';
import { awsEstate, countOf, findings, handPlan, has, HOLE, REGION, resourcesOf, synthError, tempPlanFile } from './support';

const rule = (id: string) => AWS_RULES.find((r) => r.id === id)!;

/** The logical id of the VPC whose Name tag is `name` (e.g. `corp-v6`). */
function vpcId(synth: string, name: string): string {
  return Object.entries(resourcesOf(synth, Vpc.tfResourceType)).find(([, v]) => (v.tags as Record<string, string>).Name === name)![0];
}

/** `name tag -> ipv6_cidr_block` of every subnet whose Name tag starts with `prefix`. */
function ipv6Blocks(synth: string, prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.values(resourcesOf(synth, Subnet.tfResourceType))
    .map((s) => [(s.tags as Record<string, string>).Name, s.ipv6_cidr_block] as const)
    .filter(([name]) => name.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** One cluster of every model on an IPv6 network: an IPv6 flat, a dual-stack island, an IPv6 isolated, an IPv4 flat, an archipelago with a dual-stack and an IPv4 member. */
function build(planFile?: string) {
  const e = awsEstate({ ...HOLE, ipv6: true, ...(planFile ? { planFile } : {}) });
  const v6 = new FlatCluster(e.stack, 'v6', { network: e.network, ipFamily: IpFamily.IPV6 });
  const dual = new IslandCluster(e.stack, 'dual', { network: e.network, ipFamily: IpFamily.DUAL_STACK, ingress: [Ingress.proxy(), Ingress.loadBalancer({ ports: [443] })] });
  const iso = new IsolatedCluster(e.stack, 'iso', { network: e.network, ipFamily: IpFamily.IPV6, exposeApiEndpoint: true });
  const v4 = new FlatCluster(e.stack, 'v4', { network: e.network });
  const arch = new Archipelago(e.stack, 'arch', { network: e.network });
  const blue = arch.addCluster('blue', { ipFamily: IpFamily.DUAL_STACK });
  const green = arch.addCluster('green');
  return { ...e, v6, dual, iso, v4, arch, blue, green };
}

describe('an IPv6 network on AWS', () => {
  const built = build();
  const synth = synthStack(built.stack);
  const ref = (owner: string) => `aws_vpc.${vpcId(synth, `corp-${owner}`)}`;
  const block = (owner: string, netnum: number) => `\${cidrsubnet(${ref(owner)}.ipv6_cidr_block, 8, ${netnum})}`;

  test('no rule is broken', () => {
    expect(built.network.violations().filter((v) => v.severity === 'ERROR')).toEqual([]);
  });

  test('every VPC gets an Amazon-provided /56', () => {
    expect(countOf(synth, Vpc.tfResourceType)).toBe(5);
    for (const vpc of Object.values(resourcesOf(synth, Vpc.tfResourceType))) expect(vpc.assign_generated_ipv6_cidr_block).toBe(true);
  });

  test('with an IPAM pool, each VPC\'s /56 comes from it', () => {
    const e = awsEstate({ ipv6: true, ipv6IpamPoolId: 'ipam-pool-0123456789abcdef0' });
    new FlatCluster(e.stack, 'v6', { network: e.network, ipFamily: IpFamily.IPV6 });
    const s = Testing.synth(e.stack, true);
    has(s, Vpc.tfResourceType, { ipv6_ipam_pool_id: 'ipam-pool-0123456789abcdef0', ipv6_netmask_length: 56 });
    expect(Object.values(resourcesOf(s, Vpc.tfResourceType))[0].assign_generated_ipv6_cidr_block).toBeUndefined();
  });

  test('the IPv6 flat cluster: node and edge subnets take their planned /64s, no pod subnets', () => {
    expect(ipv6Blocks(synth, 'corp-v6-')).toEqual({
      'corp-v6-nodes-eu-west-1a': block('v6', 0),
      'corp-v6-nodes-eu-west-1b': block('v6', 1),
      'corp-v6-public-eu-west-1a': block('v6', 4),
      'corp-v6-public-eu-west-1b': block('v6', 5),
      'corp-v6-transit-gateway-eu-west-1a': block('v6', 2),
      'corp-v6-transit-gateway-eu-west-1b': block('v6', 3),
    });
    has(synth, Subnet.tfResourceType, { tags: { Name: 'corp-v6-nodes-eu-west-1a' }, ipv6_cidr_block: block('v6', 0), assign_ipv6_address_on_creation: true });
    // The numbers come from the plan, as recorded.
    expect(built.network.plan.ipv6Subnets!.filter((s) => s.vpc === 'corp/v6').map((s) => `${s.name} ${s.netnum}`)).toEqual([
      'nodes-eu-west-1a 0', 'nodes-eu-west-1b 1', 'transit-gateway-eu-west-1a 2', 'transit-gateway-eu-west-1b 3', 'public-eu-west-1a 4', 'public-eu-west-1b 5',
    ]);
    expect(built.v6.podCidr).toBe('');
    expect(AwsResources.of(built.v6).subnets.map((s) => s.role)).not.toContain('PODS');
  });

  test('the IPv6 flat cluster: no hub route to a pod range, no custom networking; the VPC CNI in IPv6 mode', () => {
    const routes = Object.keys(resourcesOf(synth, 'aws_ec2_transit_gateway_route'));
    expect(routes.some((r) => r.startsWith('v6_hub-route-nodes'))).toBe(true);
    expect(routes.some((r) => r.startsWith('v6_hub-route-pods'))).toBe(false);
    expect(routes.some((r) => r.startsWith('v4_hub-route-pods'))).toBe(true);
    const aws = AwsResources.of(built.v6);
    expect(aws.cni).toEqual({
      customNetworking: false,
      externalSnat: false,
      environment: { ENABLE_IPv6: 'true', ENABLE_IPv4: 'false', ENABLE_PREFIX_DELEGATION: 'true', AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'false' },
      eniConfigs: [],
    });
    expect(aws.ipFamily).toBe('ipv6');
    expect(aws.serviceIpv4Cidr).toBeUndefined();
  });

  test('the dual-stack island: nodes, edge and ALB subnets dual-stack, pod subnets IPv4 only (EKS has no dual-stack pods)', () => {
    const blocks = ipv6Blocks(synth, 'corp-dual-');
    expect(blocks['corp-dual-nodes-eu-west-1a']).toBe(block('dual', 0));
    expect(blocks['corp-dual-proxy-eu-west-1a']).toBe(block('dual', 6));
    expect(blocks['corp-dual-proxy-eu-west-1b']).toBe(block('dual', 7));
    expect(blocks['corp-dual-pods-eu-west-1a']).toBeUndefined();
    expect(Object.values(resourcesOf(synth, Subnet.tfResourceType)).filter((s) => String((s.tags as Record<string, string>).Name).startsWith('corp-dual-pods-'))
      .map((s) => s.assign_ipv6_address_on_creation)).toEqual([undefined, undefined]);
    const aws = AwsResources.of(built.dual);
    expect(aws.ipFamily).toBe('ipv4');
    expect(aws.cni.customNetworking).toBe(true);
    expect(aws.serviceIpv4Cidr).toBeDefined();
  });

  test('an egress-only internet gateway in each VPC with IPv6 clusters, none in the isolated or the IPv4-only VPC', () => {
    const gateways = resourcesOf(synth, EgressOnlyInternetGateway.tfResourceType);
    expect(Object.values(gateways).map((g) => g.vpc_id).sort()).toEqual([`\${${ref('arch')}.id}`, `\${${ref('dual')}.id}`, `\${${ref('v6')}.id}`]);
    expect(AwsResources.of(built.iso).egressOnlyInternetGateway).toBeUndefined();
    expect(AwsResources.of(built.v4).egressOnlyInternetGateway).toBeUndefined();
    expect(AwsResources.ofArchipelago(built.arch).egressOnlyInternetGateway).toBeDefined();
  });

  test('::/0 from the private route tables to the egress-only gateway, from the public one to the internet gateway; none in the isolated VPC', () => {
    const eigw = Object.keys(resourcesOf(synth, EgressOnlyInternetGateway.tfResourceType)).find((k) => k.startsWith('v6_'))!;
    const igw = Object.keys(resourcesOf(synth, 'aws_internet_gateway')).find((k) => k.startsWith('v6_'))!;
    const table = (id: string) => `\${aws_route_table.${Object.keys(resourcesOf(synth, 'aws_route_table')).find((k) => k.startsWith(`v6_${id}_`))!}.id}`;
    for (const zone of ['eu-west-1a', 'eu-west-1b']) {
      has(synth, Route.tfResourceType, { route_table_id: table(`private-route-table-${zone}`), destination_ipv6_cidr_block: '::/0', egress_only_gateway_id: `\${aws_egress_only_internet_gateway.${eigw}.id}` });
    }
    has(synth, Route.tfResourceType, { route_table_id: table('public-route-table'), destination_ipv6_cidr_block: '::/0', gateway_id: `\${aws_internet_gateway.${igw}.id}` });
    const ipv6Routes = Object.entries(resourcesOf(synth, Route.tfResourceType)).filter(([, r]) => r.destination_ipv6_cidr_block !== undefined).map(([k]) => k.split('_')[0]);
    expect([...new Set(ipv6Routes)].sort()).toEqual(['arch', 'dual', 'v6']);
    expect(ipv6Routes.filter((owner) => owner === 'v6')).toHaveLength(3);
  });

  test('the isolated IPv6 cluster: its subnets dual-stack, no way out in either family', () => {
    expect(ipv6Blocks(synth, 'corp-iso-')).toEqual({
      'corp-iso-api-endpoint': block('iso', 2),
      'corp-iso-nodes-eu-west-1a': block('iso', 0),
      'corp-iso-nodes-eu-west-1b': block('iso', 1),
    });
    const aws = AwsResources.of(built.iso);
    expect(aws.internetGateway).toBeUndefined();
    expect(aws.egressOnlyInternetGateway).toBeUndefined();
    expect(aws.cni.customNetworking).toBe(false);
  });

  test('security groups: ::/0 out where 0.0.0.0/0 is; a flat IPv6 cluster admits its own VPC\'s /56 (an attribute, never a literal)', () => {
    const egress = Object.keys(resourcesOf(synth, VpcSecurityGroupEgressRule.tfResourceType)).filter((k) => k.includes('egress-ipv6')).map((k) => k.replace(/_[0-9A-F]{8}$/, '')).sort();
    expect(egress).toEqual([
      'arch_members-sg-egress-ipv6', 'arch_blue_nodes-sg-egress-ipv6', 'dual_load-balancer-sg-egress-ipv6', 'dual_nodes-sg-egress-ipv6', 'dual_proxy-sg-egress-ipv6',
      'iso_api-endpoint-sg-egress-ipv6', 'iso_nodes-sg-egress-ipv6', 'v6_nodes-sg-egress-ipv6',
    ].sort());
    has(synth, VpcSecurityGroupEgressRule.tfResourceType, { cidr_ipv6: '::/0', ip_protocol: '-1', tags: { Name: 'corp-v6-nodes-sg-egress-ipv6' } });
    const ingress = Object.values(resourcesOf(synth, VpcSecurityGroupIngressRule.tfResourceType)).filter((r) => r.cidr_ipv6 !== undefined);
    expect(ingress.map((r) => r.cidr_ipv6)).toEqual([`\${${ref('v6')}.ipv6_cidr_block}`]);
  });

  test('the archipelago: its edge subnets take IPv6 with the dual-stack member; the IPv4 member keeps IPv4 subnets', () => {
    expect(ipv6Blocks(synth, 'corp-arch-')).toEqual({
      'corp-arch-blue-nodes-eu-west-1a': block('arch', 0),
      'corp-arch-blue-nodes-eu-west-1b': block('arch', 1),
      'corp-arch-blue-pods-eu-west-1a': undefined,
      'corp-arch-blue-pods-eu-west-1b': undefined,
      'corp-arch-green-nodes-eu-west-1a': undefined,
      'corp-arch-green-nodes-eu-west-1b': undefined,
      'corp-arch-green-pods-eu-west-1a': undefined,
      'corp-arch-green-pods-eu-west-1b': undefined,
      'corp-arch-public-eu-west-1a': block('arch', 4),
      'corp-arch-public-eu-west-1b': block('arch', 5),
      'corp-arch-transit-gateway-eu-west-1a': block('arch', 2),
      'corp-arch-transit-gateway-eu-west-1b': block('arch', 3),
    });
    expect(built.network.plan.ipv6Subnets!.filter((s) => s.vpc === 'corp/arch').map((s) => s.name)).toContain('blue/nodes-eu-west-1a');
  });

  test('every IPv6 subnet the plan numbers is built, and every one built was numbered', () => {
    const built6 = Object.values(resourcesOf(synth, Subnet.tfResourceType)).filter((s) => s.ipv6_cidr_block !== undefined).length;
    expect(built.network.plan.ipv6Subnets!.filter((s) => s.claimed)).toHaveLength(built6);
  });
});

test('an IPv4-only network has no IPv6 at all: no /56, no IPv6 subnet, gateway, route or rule', () => {
  const e = awsEstate(HOLE);
  new FlatCluster(e.stack, 'prod', { network: e.network });
  new IslandCluster(e.stack, 'batch', { network: e.network, ingress: [Ingress.proxy()] });
  new IsolatedCluster(e.stack, 'vault', { network: e.network, exposeApiEndpoint: true });
  const synth = Testing.synth(e.stack, true);
  expect(synth).not.toMatch(/ipv6/i);
  expect(countOf(synth, EgressOnlyInternetGateway.tfResourceType)).toBe(0);
  expect(e.network.plan.ipv6Subnets).toBeUndefined();
  expect(AwsResources.of(e.stack.node.findChild('prod')).ipFamily).toBe('ipv4');
});

describe('the subnet numbers across synths (plan file round trip)', () => {
  test('adding clusters and members later never renumbers a recorded subnet', () => {
    const planFile = tempPlanFile();
    const first = build(planFile);
    synthStack(first.stack);
    const before = first.network.plan.ipv6Subnets!.map((s) => `${s.vpc} ${s.name} ${s.netnum}`);
    const recorded = JSON.parse(fs.readFileSync(planFile, 'utf8'));
    expect(recorded.version).toBe(4);
    expect(recorded.networks['corp/main'].families).toEqual({ 'corp/arch/blue': 'DUAL_STACK', 'corp/dual': 'DUAL_STACK', 'corp/iso': 'IPV6', 'corp/v6': 'IPV6' });
    expect(recorded.networks['corp/main'].ipv6Subnets['corp/v6']).toEqual({
      'nodes-eu-west-1a': 0, 'nodes-eu-west-1b': 1, 'public-eu-west-1a': 4, 'public-eu-west-1b': 5, 'transit-gateway-eu-west-1a': 2, 'transit-gateway-eu-west-1b': 3,
    });

    // The next synth: a new dual-stack member made before the recorded one, and a new IPv6 cluster
    // (three members need 7 VPC blocks: a raised quota).
    const e = awsEstate({ ...HOLE, ipv6: true, planFile, cloud: Cloud.aws({ region: REGION, vpcBlockQuota: 10 }) });
    new FlatCluster(e.stack, 'new', { network: e.network, ipFamily: IpFamily.IPV6 });
    new FlatCluster(e.stack, 'v6', { network: e.network, ipFamily: IpFamily.IPV6 });
    new IslandCluster(e.stack, 'dual', { network: e.network, ipFamily: IpFamily.DUAL_STACK, ingress: [Ingress.proxy(), Ingress.loadBalancer({ ports: [443] })] });
    new IsolatedCluster(e.stack, 'iso', { network: e.network, ipFamily: IpFamily.IPV6, exposeApiEndpoint: true });
    new FlatCluster(e.stack, 'v4', { network: e.network });
    const arch = new Archipelago(e.stack, 'arch', { network: e.network });
    arch.addCluster('red', { ipFamily: IpFamily.DUAL_STACK });
    arch.addCluster('blue', { ipFamily: IpFamily.DUAL_STACK });
    arch.addCluster('green');
    const after = e.network.plan.ipv6Subnets!; // before synth writes the plan file: what was recorded until now
    const synth = synthStack(e.stack);
    for (const line of before) expect(after.map((s) => `${s.vpc} ${s.name} ${s.netnum}`)).toContain(line);
    expect(after.filter((s) => s.vpc === 'corp/arch' && s.name.startsWith('red/')).map((s) => `${s.name} ${s.netnum} ${s.recorded}`)).toEqual([
      'red/nodes-eu-west-1a 6 false', 'red/nodes-eu-west-1b 7 false',
    ]);
    expect(after.filter((s) => s.vpc === 'corp/v6').every((s) => s.recorded)).toBe(true);
    expect(after.filter((s) => s.vpc === 'corp/new').map((s) => s.netnum)).toEqual([0, 1, 2, 3, 4, 5]);
    has(synth, Subnet.tfResourceType, { tags: { Name: 'corp-arch-blue-nodes-eu-west-1a' }, ipv6_cidr_block: `\${cidrsubnet(aws_vpc.${vpcId(synth, 'corp-arch')}.ipv6_cidr_block, 8, 0)}` });
    has(synth, Subnet.tfResourceType, { tags: { Name: 'corp-arch-red-nodes-eu-west-1a' }, ipv6_cidr_block: `\${cidrsubnet(aws_vpc.${vpcId(synth, 'corp-arch')}.ipv6_cidr_block, 8, 6)}` });
  });
});

test('the example: an IPv6 flat cluster\'s EKS cluster takes ip_family ipv6 and no service range, the dual-stack flat cluster\'s and island\'s ipv4 and their planned one', () => {
  const stack = awsIpv6Example(Testing.app(), tempPlanFile());
  const synth = Testing.synth(stack, true);
  has(synth, EksCluster.tfResourceType, { name: 'edge', kubernetes_network_config: { ip_family: 'ipv6' } });
  expect(Object.values(resourcesOf(synth, EksCluster.tfResourceType)).find((c) => c.name === 'edge')!.kubernetes_network_config).toEqual({ ip_family: 'ipv6' });
  has(synth, EksCluster.tfResourceType, { name: 'shop', kubernetes_network_config: { ip_family: 'ipv4', service_ipv4_cidr: '172.20.0.0/20' } });
  has(synth, EksCluster.tfResourceType, { name: 'api', kubernetes_network_config: { ip_family: 'ipv4' } });
  expect(countOf(synth, EgressOnlyInternetGateway.tfResourceType)).toBe(3);
  has(synth, Vpc.tfResourceType, { tags: { Name: 'aws-ipv6-edge' }, assign_generated_ipv6_cidr_block: true });
});

describe('AWS-IPV6-001: a VPC\'s IPv6 subnets are its own /64s of its /56', () => {
  const subnet = (name: string, netnum: number, claimed = true): Ipv6SubnetPlan => ({ vpc: 'corp/prod', name, netnum, recorded: true, claimed });

  test('distinct numbers from 0 to 255 pass; a record nothing asked for is not built', () => {
    expect(rule('AWS-IPV6-001').check(handPlan({ ipv6: true, ipv6Subnets: [subnet('nodes-eu-west-1a', 0), subnet('nodes-eu-west-1b', 255), subnet('old', 0, false)] }))).toEqual([]);
  });

  test('a number taken twice, or outside the /56, is refused (the plan file written by hand)', () => {
    const plan = handPlan({ planFile: 'cidr-plan.lock.json', ipv6: true, ipv6Subnets: [subnet('nodes-eu-west-1a', 3), subnet('nodes-eu-west-1b', 3), subnet('public-eu-west-1a', 256)] });
    expect(rule('AWS-IPV6-001').check(plan)).toEqual([
      { path: 'corp/prod', message: 'IPv6 subnets nodes-eu-west-1a and nodes-eu-west-1b of the VPC of corp/prod both have number 3, one /64 of its /56; AWS refuses overlapping subnet blocks — remove the record of nodes-eu-west-1b from cidr-plan.lock.json so it is numbered afresh' },
      { path: 'corp/prod', message: 'IPv6 subnet public-eu-west-1a of the VPC of corp/prod has number 256, outside the 256 /64s (0 to 255) of its /56; cidrsubnet refuses it — remove its record from cidr-plan.lock.json so it is numbered afresh' },
    ]);
  });

  test('more subnets than the /56 holds', () => {
    const many = Array.from({ length: 257 }, (_, i) => subnet(`s${i}`, i % 256));
    expect(rule('AWS-IPV6-001').check(handPlan({ ipv6: true, ipv6Subnets: many }))[0]).toEqual({
      path: 'corp/prod',
      message: 'the VPC of corp/prod needs 257 IPv6 subnets, more than the 256 /64s of its /56 — spread the clusters over more VPCs (fewer archipelago members), or give them fewer zones',
    });
  });

  test('the API refuses it: no suppression applies', () => {
    expect(AWS_REFUSED).toContain('AWS-IPV6-001');
    expect(RuleCatalog.unsuppressible(CloudProvider.AWS).map((r) => r.id)).toContain('AWS-IPV6-001');
  });
});

/** A flat cluster of the hand plans, recorded as `recorded` and now `now`. */
function familyCluster(now: IpFamily, recorded?: IpFamily): ClusterPlan {
  return {
    path: 'corp/prod', model: NetworkModel.FLAT, nodeCidr: '10.2.0.0/24', podCidr: now === IpFamily.IPV6 ? '' : '10.1.0.0/16', serviceCidr: now === IpFamily.IPV6 ? '' : '10.0.0.0/20',
    nodeMaskSize: 24, maxNodes: 200, maxPodsPerNode: 110, maxServices: 4094, ingress: [],
    ...(now !== IpFamily.IPV4 ? { ipFamily: now } : {}), ...(recorded ? { recordedIpFamily: recorded } : {}),
  };
}

describe('AWS-IPV6-002: a cluster\'s EKS IP family never changes once recorded', () => {
  test('IPV4 <-> DUAL_STACK keeps ip_family ipv4: in place', () => {
    expect(rule('AWS-IPV6-002').check(handPlan({ clusters: [familyCluster(IpFamily.DUAL_STACK, IpFamily.IPV4)] }))).toEqual([]);
    expect(rule('AWS-IPV6-002').check(handPlan({ clusters: [familyCluster(IpFamily.IPV4, IpFamily.DUAL_STACK)] }))).toEqual([]);
    expect(rule('AWS-IPV6-002').check(handPlan({ clusters: [familyCluster(IpFamily.IPV6)] }))).toEqual([]);
  });

  test('IPV4 -> IPV6 would replace the EKS cluster', () => {
    expect(rule('AWS-IPV6-002').check(handPlan({ clusters: [familyCluster(IpFamily.IPV6, IpFamily.IPV4)] }))).toEqual([{
      path: 'corp/prod',
      message: 'corp/prod was recorded as IpFamily.IPV4 (EKS ip_family "ipv4") and is now IpFamily.IPV6 (ip_family "ipv6"); EKS cannot change a cluster\'s IP family, so Terraform would replace the EKS cluster — ' +
        'set ipFamily back to IpFamily.IPV4, or build a new cluster (a new construct id) in the new family and move the workloads; suppress AWS-IPV6-002 on corp/prod to replace it knowingly',
    }]);
  });

  test('a real synth: a recorded IPv4 flat cluster made IPv6 fails, until suppressed with a reason', () => {
    const planFile = tempPlanFile();
    const first = awsEstate({ ipv6: true, planFile });
    new FlatCluster(first.stack, 'prod', { network: first.network });
    synthStack(first.stack);
    const e = awsEstate({ ipv6: true, planFile });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, ipFamily: IpFamily.IPV6 });
    expect(findings(e.network, 'AWS-IPV6-002')).toEqual([
      '[corp/prod] corp/prod was recorded as IpFamily.IPV4 (EKS ip_family "ipv4") and is now IpFamily.IPV6 (ip_family "ipv6"); EKS cannot change a cluster\'s IP family, so Terraform would replace the EKS cluster — ' +
        'set ipFamily back to IpFamily.IPV4, or build a new cluster (a new construct id) in the new family and move the workloads; suppress AWS-IPV6-002 on corp/prod to replace it knowingly',
    ]);
    expect(synthError(e.stack)).toContain('[corp/prod] AWS-IPV6-002: corp/prod was recorded as IpFamily.IPV4');
    Policy.suppress(prod, 'AWS-IPV6-002', 'the cluster is empty: replacing it is fine');
    expect(e.network.violations().filter((v) => v.ruleId === 'AWS-IPV6-002').map((v) => v.suppressedReason)).toEqual(['the cluster is empty: replacing it is fine']);
  });
});

describe('AWS-IPV6-003: a dual-stack cluster\'s subnets keep their IPv6', () => {
  test('DUAL_STACK -> IPV4 would replace the subnets; other changes are not its', () => {
    expect(rule('AWS-IPV6-003').check(handPlan({ clusters: [familyCluster(IpFamily.IPV4, IpFamily.DUAL_STACK)] }))).toEqual([{
      path: 'corp/prod',
      message: 'corp/prod was recorded as IpFamily.DUAL_STACK and is now IpFamily.IPV4: its subnets would drop their IPv6 /64s, and the AWS provider replaces a subnet whose IPv6 block changes while it assigns IPv6 addresses on creation ' +
        '(nodes and load balancers in it block the delete) — keep ipFamily: IpFamily.DUAL_STACK, or suppress AWS-IPV6-003 on corp/prod once the subnets are empty',
    }]);
    expect(rule('AWS-IPV6-003').check(handPlan({ clusters: [familyCluster(IpFamily.DUAL_STACK, IpFamily.IPV4)] }))).toEqual([]);
    expect(rule('AWS-IPV6-003').check(handPlan({ clusters: [familyCluster(IpFamily.IPV4, IpFamily.IPV6)] }))).toEqual([]);
  });
});
