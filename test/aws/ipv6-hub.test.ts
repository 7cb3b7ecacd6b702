// The IPv6 halves of flat clusters across the hub: in IPv6 every address is unique and flat is the
// natural model, so every flat IPv6 or dual-stack cluster's VPC attaches with IPv6 support, the
// transit gateway routes its /56, its private route tables reach every other such VPC's /56
// through the hub, and its nodes admit them. Islands, archipelagos and isolated clusters keep
// their IPv6 within their VPC. The blocks are Terraform references, never literals; AWS-IPV6-004
// warns before a route table outgrows AWS's quota.
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Archipelago, Cloud, FlatCluster, IpFamily, IslandCluster, IsolatedCluster, NetworkModel } from '../../lib';
import { AwsResources } from '../../lib/aws';
import { DEFAULT_QUOTAS, ROUTES_PER_TABLE } from '../../lib/aws/quotas';
import { awsRules, AWS_RULES } from '../../lib/aws/rules';
import { AWS_REFUSED } from '../../lib/clouds/cloud';
import { ClusterPlan } from '../../lib/model/plan';
import { synthStack } from '../support';
import { awsEstate, countOf, handPlan, has, HOLE, resourcesOf } from './support';

const ZONES = ['eu-west-1a', 'eu-west-1b'];

/** `aws_vpc.<id>` of the VPC whose Name tag is `corp-<owner>`. */
function vpcOf(synth: string, owner: string): string {
  return `aws_vpc.${Object.entries(resourcesOf(synth, Vpc.tfResourceType)).find(([, v]) => (v.tags as Record<string, string>).Name === `corp-${owner}`)![0]}`;
}

/** `${aws_vpc.<id>.ipv6_cidr_block}` of `owner`'s VPC: a reference, resolved at deploy. */
function blockOf(synth: string, owner: string): string {
  return `\${${vpcOf(synth, owner)}.ipv6_cidr_block}`;
}

/** `${aws_route_table.<id>.id}` of `owner`'s route table `id` (e.g. `private-route-table-eu-west-1a`). */
function tableOf(synth: string, owner: string, id: string): string {
  const key = Object.keys(resourcesOf(synth, RouteTable.tfResourceType)).find((k) => k.startsWith(`${owner}_${id}_`))!;
  return `\${aws_route_table.${key}.id}`;
}

/** `owner -> destination` of every route through the transit gateway to an IPv6 block, sorted. */
function crossRoutes(synth: string): string[] {
  return Object.entries(resourcesOf(synth, Route.tfResourceType))
    .filter(([, r]) => r.destination_ipv6_cidr_block !== undefined && r.transit_gateway_id !== undefined)
    .map(([k, r]) => `${k.split('_')[0]} ${r.route_table_id} -> ${r.destination_ipv6_cidr_block}`)
    .sort();
}

/** Every model on an IPv6 network: two flat IPv6 clusters (IPV6, DUAL_STACK), an IPv4 flat one, a dual-stack island, an IPv6 isolated one exposing its API, an archipelago with a dual-stack member. */
function build() {
  const e = awsEstate({ ...HOLE, ipv6: true });
  const a = new FlatCluster(e.stack, 'a', { network: e.network, ipFamily: IpFamily.IPV6 });
  const island = new IslandCluster(e.stack, 'isl', { network: e.network, ipFamily: IpFamily.DUAL_STACK });
  const v4 = new FlatCluster(e.stack, 'v4', { network: e.network });
  const iso = new IsolatedCluster(e.stack, 'iso', { network: e.network, ipFamily: IpFamily.IPV6, exposeApiEndpoint: true });
  const arch = new Archipelago(e.stack, 'arch', { network: e.network });
  arch.addCluster('blue', { ipFamily: IpFamily.DUAL_STACK });
  const b = new FlatCluster(e.stack, 'b', { network: e.network, ipFamily: IpFamily.DUAL_STACK });
  return { ...e, a, b, island, v4, iso, arch };
}

describe('flat IPv6 and dual-stack clusters across the hub', () => {
  const built = build();
  const synth = synthStack(built.stack);
  const tgw = `\${aws_ec2_transit_gateway.${Object.keys(resourcesOf(synth, 'aws_ec2_transit_gateway'))[0]}.id}`;
  const attachment = (owner: string) => `aws_ec2_transit_gateway_vpc_attachment.${Object.keys(resourcesOf(synth, Ec2TransitGatewayVpcAttachment.tfResourceType)).find((k) => k.startsWith(`${owner}_`))!}`;
  const attachmentOf = (owner: string) => `\${${attachment(owner)}.id}`;

  test('no rule is broken, none warns', () => {
    expect(built.network.violations().filter((v) => !v.suppressedReason && v.ruleId.startsWith('AWS-IPV6'))).toEqual([]);
    expect(built.network.violations().filter((v) => v.severity === 'ERROR')).toEqual([]);
  });

  test('the flat IPv6 VPCs attach with IPv6 support, in transit-gateway subnets that hold /64s; no other attachment does', () => {
    const support = Object.entries(resourcesOf(synth, Ec2TransitGatewayVpcAttachment.tfResourceType)).map(([k, r]) => `${k.split('_')[0]} ${r.ipv6_support ?? '-'}`).sort();
    expect(support).toEqual(['a enable', 'arch -', 'b enable', 'isl -', 'iso -', 'v4 -']);
    has(synth, Ec2TransitGatewayVpcAttachment.tfResourceType, { vpc_id: `\${${vpcOf(synth, 'a')}.id}`, ipv6_support: 'enable', dns_support: 'enable' });
    // AWS gives the attachment's network interfaces IPv6 addresses from its subnets' /64s.
    const transitSubnets = Object.values(resourcesOf(synth, 'aws_subnet')).filter((s) => /^corp-[ab]-transit-gateway-/.test((s.tags as Record<string, string>).Name));
    expect(transitSubnets.map((s) => [(s.tags as Record<string, string>).Name, String(s.ipv6_cidr_block).startsWith('${cidrsubnet(')])).toEqual(
      ['a', 'b'].flatMap((o) => ZONES.map((z) => [`corp-${o}-transit-gateway-${z}`, true])));
  });

  test('a static hub route to each flat IPv6 VPC\'s /56 (its attribute, never a literal), through its attachment; none to another VPC\'s', () => {
    for (const owner of ['a', 'b']) {
      has(synth, Ec2TransitGatewayRoute.tfResourceType, { destination_cidr_block: blockOf(synth, owner), transit_gateway_attachment_id: attachmentOf(owner) });
    }
    const ipv6 = Object.keys(resourcesOf(synth, Ec2TransitGatewayRoute.tfResourceType)).filter((k) => k.includes('hub-route-ipv6')).map((k) => k.split('_')[0]).sort();
    expect(ipv6).toEqual(['a', 'b']);
    expect(AwsResources.of(built.a).transitGatewayRoutes.map((r) => r.node.id)).toContain('hub-route-ipv6');
  });

  test('each private route table of a flat IPv6 VPC routes every other one\'s /56 through the hub: none to itself, none in the island, archipelago, isolated or IPv4 VPCs', () => {
    expect(crossRoutes(synth)).toEqual([
      ...ZONES.map((z) => `a ${tableOf(synth, 'a', `private-route-table-${z}`)} -> ${blockOf(synth, 'b')}`),
      ...ZONES.map((z) => `b ${tableOf(synth, 'b', `private-route-table-${z}`)} -> ${blockOf(synth, 'a')}`),
    ].sort());
    for (const z of ZONES) {
      has(synth, Route.tfResourceType, { route_table_id: tableOf(synth, 'a', `private-route-table-${z}`), destination_ipv6_cidr_block: blockOf(synth, 'b'), transit_gateway_id: tgw });
    }
    // What the tables had stays: the main network to the hub, ::/0 to the egress-only gateway.
    has(synth, Route.tfResourceType, { route_table_id: tableOf(synth, 'b', 'private-route-table-eu-west-1a'), destination_cidr_block: '10.0.0.0/8', transit_gateway_id: tgw });
    has(synth, Route.tfResourceType, { route_table_id: tableOf(synth, 'b', 'private-route-table-eu-west-1a'), destination_ipv6_cidr_block: '::/0' });
  });

  test('a cross route waits for its own VPC\'s attachment, as the IPv4 route to the hub does', () => {
    const route = Object.entries(resourcesOf(synth, Route.tfResourceType)).find(([k, r]) => k.startsWith('a_') && r.destination_ipv6_cidr_block === blockOf(synth, 'b'))![1];
    expect(route.depends_on).toEqual([attachment('a')]);
  });

  test('security groups: a flat IPv6 cluster\'s nodes admit the other flat IPv6 VPCs\' /56s; the island, archipelago and isolated groups admit no other VPC over IPv6', () => {
    const ingress = Object.entries(resourcesOf(synth, VpcSecurityGroupIngressRule.tfResourceType)).filter(([, r]) => r.cidr_ipv6 !== undefined)
      .map(([k, r]) => `${k.split('_')[0]} ${r.cidr_ipv6}`).sort();
    expect(ingress).toEqual([
      `a ${blockOf(synth, 'a')}`, `a ${blockOf(synth, 'b')}`,
      `b ${blockOf(synth, 'a')}`, `b ${blockOf(synth, 'b')}`,
    ].sort());
    has(synth, VpcSecurityGroupIngressRule.tfResourceType, {
      cidr_ipv6: blockOf(synth, 'a'), ip_protocol: '-1', description: 'Flat: the VPC of corp/a reaches nodes and pods directly over IPv6', tags: { Name: 'corp-b-nodes-sg-from-ipv6-corp--a' },
    });
  });
});

describe('order independence: a flat IPv6 cluster written later still adds its routes to the earlier VPCs', () => {
  /** Cross routes and IPv6 ingress of three flat IPv6 clusters written in `order`, named by owner. */
  function render(order: string[]) {
    const e = awsEstate({ ipv6: true });
    for (const id of order) new FlatCluster(e.stack, id, { network: e.network, ipFamily: id === 'x' ? IpFamily.DUAL_STACK : IpFamily.IPV6 });
    const synth = synthStack(e.stack);
    const owners = new Map(['x', 'y', 'z'].map((o) => [blockOf(synth, o), o]));
    const routes = Object.entries(resourcesOf(synth, Route.tfResourceType)).filter(([, r]) => r.transit_gateway_id !== undefined && r.destination_ipv6_cidr_block !== undefined)
      .map(([k, r]) => `${k.split('_')[0]} ${k.split('_')[1].replace(/-ipv6-.*/, '')} -> ${owners.get(r.destination_ipv6_cidr_block as string)}`).sort();
    const ingress = Object.entries(resourcesOf(synth, VpcSecurityGroupIngressRule.tfResourceType)).filter(([, r]) => r.cidr_ipv6 !== undefined)
      .map(([k, r]) => `${k.split('_')[0]} <- ${owners.get(r.cidr_ipv6 as string)}`).sort();
    return { routes, ingress, hub: countOf(synth, Ec2TransitGatewayRoute.tfResourceType) };
  }

  test('written x, y, z or z, y, x, or the second last: the same routes and rules', () => {
    const first = render(['x', 'y', 'z']);
    expect(first.routes).toEqual(['x', 'y', 'z'].flatMap((from) => ['x', 'y', 'z'].filter((to) => to !== from)
      .flatMap((to) => ZONES.map((zone) => `${from} private-route-table-${zone} -> ${to}`))).sort());
    expect(first.ingress).toEqual(['x', 'y', 'z'].flatMap((to) => ['x', 'y', 'z'].map((from) => `${to} <- ${from}`)).sort());
    expect(render(['z', 'y', 'x'])).toEqual(first);
    expect(render(['x', 'z', 'y'])).toEqual(first);
  });
});

test('one flat IPv6 cluster: its attachment takes IPv6 and the hub routes its /56, with no other VPC to reach', () => {
  const e = awsEstate({ ...HOLE, ipv6: true });
  new FlatCluster(e.stack, 'solo', { network: e.network, ipFamily: IpFamily.DUAL_STACK });
  new IslandCluster(e.stack, 'isl', { network: e.network, ipFamily: IpFamily.DUAL_STACK });
  const synth = synthStack(e.stack);
  has(synth, Ec2TransitGatewayVpcAttachment.tfResourceType, { ipv6_support: 'enable' });
  has(synth, Ec2TransitGatewayRoute.tfResourceType, { destination_cidr_block: blockOf(synth, 'solo') });
  expect(crossRoutes(synth)).toEqual([]);
  expect(Object.values(resourcesOf(synth, VpcSecurityGroupIngressRule.tfResourceType)).filter((r) => r.cidr_ipv6 !== undefined).map((r) => r.cidr_ipv6)).toEqual([blockOf(synth, 'solo')]);
});

test('clusters corp/a-b and corp/a/b (one id if "/" and "-" both became "-"): a third VPC routes to and admits each, under ids of their own', () => {
  const e = awsEstate({ ipv6: true });
  new FlatCluster(e.stack, 'x', { network: e.network, ipFamily: IpFamily.IPV6 });
  new FlatCluster(e.stack, 'a-b', { network: e.network, ipFamily: IpFamily.IPV6 });
  new FlatCluster(new Construct(e.stack, 'a'), 'b', { network: e.network, ipFamily: IpFamily.IPV6 });
  const synth = synthStack(e.stack);
  const fromX = Object.entries(resourcesOf(synth, Route.tfResourceType))
    .filter(([k, r]) => k.startsWith('x_') && r.destination_ipv6_cidr_block !== undefined && r.transit_gateway_id !== undefined)
    .map(([, r]) => r.destination_ipv6_cidr_block).sort();
  // Both VPCs are Named corp-a-b (a tag, which AWS lets repeat); the owner tag tells them apart.
  const blockOfVpc = (owner: string) => `\${aws_vpc.${Object.entries(resourcesOf(synth, Vpc.tfResourceType)).find(([, v]) => (v.tags as Record<string, string>)['kube-networks:owner'] === owner)![0]}.ipv6_cidr_block}`;
  const [ab, aSlashB] = [blockOfVpc('corp/a-b'), blockOfVpc('corp/a/b')];
  expect(ab).not.toEqual(aSlashB);
  expect(fromX).toEqual(ZONES.flatMap(() => [ab, aSlashB]).sort());
  const names = Object.values(resourcesOf(synth, VpcSecurityGroupIngressRule.tfResourceType)).filter((r) => r.cidr_ipv6 !== undefined)
    .map((r) => (r.tags as Record<string, string>).Name).filter((n) => n.startsWith('corp-x-'));
  expect(new Set(names).size).toBe(names.length);
  expect(names).toHaveLength(3); // its own, and one for each of the two
});

test('an IPv4-only network: no attachment takes IPv6, nothing routes an IPv6 block', () => {
  const e = awsEstate();
  new FlatCluster(e.stack, 'a', { network: e.network });
  new FlatCluster(e.stack, 'b', { network: e.network });
  const synth = Testing.synth(e.stack, true);
  expect(synth).not.toMatch(/ipv6/i);
});

describe('AWS-IPV6-004: a flat IPv6 VPC\'s private route tables stay within AWS\'s routes-per-table quota', () => {
  const rule = AWS_RULES.find((r) => r.id === 'AWS-IPV6-004')!;
  const flat = (i: number, ipFamily: IpFamily = IpFamily.IPV6): ClusterPlan => ({
    path: `corp/f${i}`, model: NetworkModel.FLAT, nodeCidr: `10.${i}.0.0/24`, podCidr: '', serviceCidr: '',
    nodeMaskSize: 64, maxNodes: 100, maxPodsPerNode: 110, maxServices: 4094, ingress: [], ipFamily,
  });
  const island = (i: number): ClusterPlan => ({ ...flat(i, IpFamily.DUAL_STACK), path: `corp/i${i}`, model: NetworkModel.ISLAND });
  const flats = (n: number) => Array.from({ length: n }, (_, i) => flat(i, i % 2 === 0 ? IpFamily.IPV6 : IpFamily.DUAL_STACK));

  test(`${ROUTES_PER_TABLE} flat IPv6 clusters fit (each table: ::/0 and ${ROUTES_PER_TABLE - 1} others); islands, IPv4 flat clusters and IPv4 networks do not count`, () => {
    expect(ROUTES_PER_TABLE).toBe(50);
    expect(rule.check(handPlan({ ipv6: true, clusters: [...flats(50), island(60), island(61), flat(62, IpFamily.IPV4)] }))).toEqual([]);
    expect(rule.check(handPlan({ clusters: flats(60).map((c) => ({ ...c, ipFamily: undefined })) }))).toEqual([]);
  });

  test('51 would put 51 IPv6 routes in every private table: an error naming the quota to ask for and the setting that declares it', () => {
    expect(rule.severity).toBe('ERROR');
    expect(rule.check(handPlan({ ipv6: true, clusters: flats(51) }))).toEqual([{
      path: 'corp/main',
      message: 'the 51 flat IPv6 and dual-stack clusters of corp/main (corp/f0, corp/f1, corp/f2 and 48 more) each route the others\' IPv6 /56s through the transit gateway: ' +
        'every private route table of their VPCs holds 51 IPv6 routes (50 to the other VPCs, ::/0 to the egress-only internet gateway), ' +
        'more than AWS\'s default quota of 50 routes per route table (IPv6 routes are counted apart from IPv4 ones) — ' +
        'ask AWS to raise "Routes per route table" to 51 or more (up to 1,000) and set Cloud.aws({ routeQuota: 51 }), or put fewer flat IPv6 or dual-stack clusters in corp/main',
    }]);
  });

  test('with Cloud.aws({ routeQuota: 60 }) 51 fit, 61 do not', () => {
    const raised = awsRules({ ...DEFAULT_QUOTAS, routesPerTable: 60 }).find((r) => r.id === 'AWS-IPV6-004')!;
    expect(raised.check(handPlan({ ipv6: true, clusters: flats(51) }))).toEqual([]);
    expect(raised.check(handPlan({ ipv6: true, clusters: flats(61) }))[0].message).toContain('more than the 60 routes per route table Cloud.aws({ routeQuota }) says the account has');
    expect(Cloud.aws({ region: 'eu-west-1', routeQuota: 60 })).toBeDefined();
  });

  test('a quota AWS raises on request: it can be suppressed, as the other quota rules can', () => {
    expect(AWS_REFUSED).not.toContain('AWS-IPV6-004');
  });
});
