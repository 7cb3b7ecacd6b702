// The IPv6 promises (VERIFY-015 to VERIFY-018, VERIFY-008's IPv6 half) on the IPv6 examples and
// on two dual-stack flat clusters of one GCP network: clean as synthesized, and each one thing
// broken is reported with its exact finding. Expected findings are written from what was broken.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { allExamples } from '../../examples/main';
import { cloudStack } from '../../examples/stack';
import { Cloud, FlatCluster, IpFamily, Ipv6AccessType, Network, NetworkVerifier, verifyNetworkModel } from '../../lib';
import { Cidr } from '../../lib/ipam';
import { Ipv6Space } from '../../lib/verify/ipv6';
import { TfStack } from '../../lib/verify/terraform';
import { MUTATIONS } from './mutations';
import { stacksOf, synthExamples } from './support';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON
type Json = any;

/**
 * Two dual-stack flat clusters in one GCP network, stack `name`: the pair VERIFY-015 checks on GCP.
 * With `bAccess` EXTERNAL, b's nodes and pods take global addresses, outside the VPC's ULA /48.
 */
function gcpTwoFlat(app: App, name: string, bAccess = Ipv6AccessType.INTERNAL): void {
  const cloud = Cloud.gcp({ region: 'us-central1' });
  const stack = cloudStack(app, name, cloud);
  const planFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`)), 'cidr-plan.lock.json');
  const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud, ipv6: true, estate: name, planFile });
  new FlatCluster(stack, 'a', { network, ipFamily: IpFamily.DUAL_STACK });
  new FlatCluster(stack, 'b', { network, ipFamily: IpFamily.DUAL_STACK, ipv6AccessType: bAccess });
}

const stacks = stacksOf(synthExamples((app, planFile) => {
  allExamples(app, planFile);
  gcpTwoFlat(app, 'gcp-flat6');
  gcpTwoFlat(app, 'gcp-flat6x', Ipv6AccessType.EXTERNAL);
}));
const stack = (name: string) => stacks.find((s) => s.name === name)!;
const findings = (name: string, tf: Json) => verifyNetworkModel({ synth: JSON.stringify(tf), addressPlans: stack(name).addressPlans }).findings.map((f) => f.message);
/** The findings after `mutate` breaks stack `name`. */
const broken = (name: string, mutate: (tf: Json, plan: Json) => boolean) => {
  const tf = JSON.parse(stack(name).synth);
  expect(mutate(tf, JSON.parse(stack(name).addressPlans[0]))).toBe(true);
  return findings(name, tf);
};
const mutation = (name: string) => MUTATIONS.find((m) => m.name === name)!.apply;
/** `type.name` of the one resource of `type` whose construct path ends with `suffix`. */
const named = (tf: Json, type: string, suffix: string) => {
  const hits = Object.entries<Json>(tf.resource[type]).filter(([, b]) => b['//'].metadata.path.endsWith(suffix));
  expect(hits.length).toBe(1);
  return hits[0][0];
};

test('the IPv6 examples and the GCP pair verify clean', () => {
  for (const name of ['aws-ipv6', 'gcp-dualstack', 'gcp-flat6', 'gcp-flat6x']) expect({ name, findings: findings(name, JSON.parse(stack(name).synth)) }).toEqual({ name, findings: [] });
});

describe('IPv6 blocks are resolved symbolically', () => {
  const tf = TfStack.parse(stack('aws-ipv6').synth, 'aws-ipv6');
  const space = new Ipv6Space(tf);
  const vpcs = tf.ofType('aws_vpc').map((v) => space.vpcBlock(v.address)!);

  test('every AWS VPC with an Amazon-provided block gets a distinct /56 of 2001:db8::/32', () => {
    expect(vpcs.map((v) => v.prefix)).toEqual([56, 56, 56]);
    expect(new Set(vpcs.map(String)).size).toBe(3);
    expect(vpcs.every((v) => v.toString().startsWith('2001:db8:'))).toBe(true);
  });

  test('each subnet is the /64 of its VPC the plan file numbers (cidrsubnet(vpc.ipv6_cidr_block, 8, netnum))', () => {
    const plan = JSON.parse(stack('aws-ipv6').addressPlans[0]);
    expect(plan.ipv6Subnets.length).toBeGreaterThan(0);
    for (const s of plan.ipv6Subnets) {
      const subnet = tf.ofType('aws_subnet').find((x) => x.path === `${s.vpc}/${s.name}`)!;
      const vpc = tf.ofType('aws_vpc').find((x) => x.path === `${s.vpc}/vpc`)!;
      expect(space.subnetBlock(subnet)).toEqual({ kind: 'cidr', cidr: space.vpcBlock(vpc.address)!.subnet(64, s.netnum) });
    }
    expect(space.unknowns()).toEqual([]);
  });

  test('GCP: a /48 per VPC with ULA, a /64 of it per dual-stack subnet, and the firewalls\' attribute references', () => {
    const gcp = TfStack.parse(stack('gcp-dualstack').synth, 'gcp-dualstack');
    const g = new Ipv6Space(gcp);
    const main = gcp.ofType('google_compute_network').find((n) => n.path === 'gcp-dualstack/main/vpc')!;
    const web = gcp.ofType('google_compute_subnetwork').find((n) => n.path === 'gcp-dualstack/web/subnetwork')!;
    const rule = gcp.ofType('google_compute_firewall').find((f) => f.path === 'gcp-dualstack/web/firewall-main-to-pods-ipv6')!;
    expect(g.vpcBlock(main.address)?.prefix).toBe(48);
    expect(g.readAll(rule, 'source_ranges')).toEqual([{ kind: 'cidr', cidr: g.vpcBlock(main.address) }]);
    expect(g.readAll(rule, 'destination_ranges')).toEqual([g.subnetBlock(web)]);
    expect(g.vpcBlock(main.address)!.contains((g.subnetBlock(web) as { cidr: Cidr }).cidr)).toBe(true);
  });

  test('a form it does not read is an unknown, named with its resource and attribute', () => {
    const subnet = tf.ofType('aws_subnet')[0];
    expect(space.value(subnet, 'ipv6_cidr_block', '${cidrsubnet(aws_vpc_ipv6_cidr_block_association.x.ipv6_cidr_block, 8, 1)}')).toEqual({
      kind: 'unknown', text: '${cidrsubnet(aws_vpc_ipv6_cidr_block_association.x.ipv6_cidr_block, 8, 1)}', why: 'cidrsubnet of something other than an aws_vpc\'s ipv6_cidr_block',
    });
    expect(space.value(subnet, 'ipv6_cidr_block', '${cidrsubnet(aws_vpc.nope.ipv6_cidr_block, 8, 1)}')).toMatchObject({ kind: 'unknown', why: 'aws_vpc.nope has no IPv6 block (no assign_generated_ipv6_cidr_block)' });
    expect(space.value(subnet, 'ipv6_cidr_block', '10.0.0.0/8')).toEqual({ kind: 'none' });
  });
});

describe('AWS (aws-ipv6): each break, its exact finding', () => {
  const tf = JSON.parse(stack('aws-ipv6').synth);
  const edgeVpc = `aws_vpc.${named(tf, 'aws_vpc', 'edge/vpc')}`;
  const apiVpc = `aws_vpc.${named(tf, 'aws_vpc', 'api/vpc')}`;
  const shopVpc = `aws_vpc.${named(tf, 'aws_vpc', 'shop/vpc')}`;
  const edgeAttachment = `aws_ec2_transit_gateway_vpc_attachment.${named(tf, 'aws_ec2_transit_gateway_vpc_attachment', 'edge/transit-gateway-attachment')}`;
  const tgw = `aws_ec2_transit_gateway.${named(tf, 'aws_ec2_transit_gateway', 'main/transit-gateway')}`;
  const hubTable = `aws_ec2_transit_gateway_route_table.${named(tf, 'aws_ec2_transit_gateway_route_table', 'main/transit-gateway-routes')}`;
  const apiTable = `aws_route_table.${named(tf, 'aws_route_table', 'api/private-route-table-eu-west-1a')}`;
  const apiNodes = `aws_subnet.${named(tf, 'aws_subnet', 'api/nodes-eu-west-1a')}`;
  const apiInternet6 = `aws_route.${named(tf, 'aws_route', 'api/private-route-table-eu-west-1a-internet-ipv6')}`;
  const apiEigw = `aws_egress_only_internet_gateway.${named(tf, 'aws_egress_only_internet_gateway', 'api/egress-only-internet-gateway')}`;
  const apiIgw = `aws_internet_gateway.${named(tf, 'aws_internet_gateway', 'api/internet-gateway')}`;
  const space = new Ipv6Space(TfStack.parse(stack('aws-ipv6').synth, 'aws-ipv6'));
  const [edge56, api56, shop56] = [edgeVpc, apiVpc, shopVpc].map((v) => space.vpcBlock(v)!);
  const [edge64, api64] = [edge56.subnet(64, 0), api56.subnet(64, 0)];
  const P = 'aws-ipv6/main: ';

  test('VERIFY-015: a flat VPC\'s IPv6 route to the other flat VPC deleted', () => {
    expect(broken('aws-ipv6', mutation('AWS IPv6: delete a flat VPC\'s IPv6 route to another flat VPC\'s /56'))).toEqual([
      `VERIFY-015 ${P}aws-ipv6/edge nodes (IPv6) -> aws-ipv6/api nodes (IPv6): replies to ${edge64} find no route back: route ${apiInternet6} leads ::/0 to ${apiEigw}, not to ${edgeVpc} [${apiInternet6}]`,
      `VERIFY-015 ${P}aws-ipv6/api nodes (IPv6) -> aws-ipv6/edge nodes (IPv6): route ${apiInternet6} leads ::/0 to ${apiEigw}, not to ${edgeVpc} [${apiInternet6}]`,
    ]);
  });

  test('VERIFY-015: ipv6_support dropped from a flat attachment', () => {
    expect(broken('aws-ipv6', mutation('AWS IPv6: drop ipv6_support from a flat cluster\'s transit-gateway attachment'))).toEqual([
      `VERIFY-015 ${P}aws-ipv6/edge nodes (IPv6) -> aws-ipv6/api nodes (IPv6): attachment ${edgeAttachment} does not take IPv6 (ipv6_support is not "enable"): ${edgeVpc}'s IPv6 does not enter ${tgw} [${edgeAttachment}]`,
      `VERIFY-015 ${P}aws-ipv6/api nodes (IPv6) -> aws-ipv6/edge nodes (IPv6): attachment ${edgeAttachment} does not take IPv6 (ipv6_support is not "enable"): ${tgw} cannot deliver IPv6 into ${edgeVpc} [${edgeAttachment}]`,
    ]);
  });

  test('VERIFY-015: the hub route to a flat VPC\'s /56 deleted', () => {
    expect(broken('aws-ipv6', mutation('AWS IPv6: delete the hub route to a flat VPC\'s /56'))).toEqual([
      `VERIFY-015 ${P}aws-ipv6/edge nodes (IPv6) -> aws-ipv6/api nodes (IPv6): transit-gateway table ${hubTable} has no IPv6 route to ${api64} (in ${apiVpc}) [${hubTable}]`,
      `VERIFY-015 ${P}aws-ipv6/api nodes (IPv6) -> aws-ipv6/edge nodes (IPv6): replies to ${api64} find no route back: transit-gateway table ${hubTable} has no IPv6 route to ${api64} (in ${apiVpc}) [${hubTable}]`,
    ]);
  });

  test('VERIFY-015: the security-group rule admitting the other flat VPC\'s /56 deleted', () => {
    expect(broken('aws-ipv6', mutation('AWS IPv6: delete a flat cluster\'s security-group rule for another flat VPC\'s /56'))).toEqual([
      `VERIFY-015 ${P}aws-ipv6/edge nodes (IPv6) -> aws-ipv6/api nodes (IPv6): no firewall or security-group rule in front of aws-ipv6/api's nodes (${api64}) admits ${edge64} [${apiNodes}]`,
    ]);
  });

  test('VERIFY-016: ::/0 to the egress-only gateway deleted, or sent to the internet gateway', () => {
    expect(broken('aws-ipv6', mutation('AWS IPv6: delete a private route table\'s ::/0 to the egress-only gateway'))).toEqual([
      `VERIFY-016 ${P}aws-ipv6/api nodes (IPv6) ${apiNodes} -> internet (IPv6): route table ${apiTable} of ${apiNodes} has no IPv6 route to the internet (::/0) [${apiTable}]`,
    ]);
    expect(broken('aws-ipv6', mutation('AWS IPv6: send a private route table\'s ::/0 to the internet gateway'))).toEqual([
      `VERIFY-016 ${P}aws-ipv6/api nodes (IPv6) ${apiNodes} -> internet (IPv6): ${apiInternet6} sends ::/0 to the internet gateway ${apiIgw}: the internet reaches ${apiNodes}'s IPv6 addresses inbound too — use an egress-only internet gateway [${apiInternet6}]`,
    ]);
  });

  test('VERIFY-016: ::/0 admitted to a flat cluster\'s nodes', () => {
    expect(broken('aws-ipv6', mutation('AWS IPv6: admit ::/0 to a dual-stack cluster\'s nodes'))).toEqual([
      `VERIFY-016 ${P}internet (IPv6) -> aws-ipv6/edge nodes (IPv6): aws_vpc_security_group_ingress_rule.mutant6 admits ::/0 (all protocols): IPv6 from the internet comes in [aws_vpc_security_group_ingress_rule.mutant6]`,
    ]);
  });

  test('VERIFY-017: the island\'s /56 routed to it, or a flat VPC\'s /56 admitted to it', () => {
    expect(broken('aws-ipv6', mutation('AWS IPv6: route a dual-stack island\'s /56 to it from the transit gateway'))).toEqual([
      `VERIFY-017 ${P}outside -> aws-ipv6/shop IPv6 (${shopVpc}): transit-gateway route aws_ec2_transit_gateway_route.mutant6 sends ${shop56} (${shopVpc}'s IPv6 block) to ${shopVpc} [aws_ec2_transit_gateway_route.mutant6]`,
    ]);
    expect(broken('aws-ipv6', mutation('AWS IPv6: admit a flat VPC\'s /56 to a dual-stack island\'s nodes'))).toEqual([
      `VERIFY-017 ${P}${edge56} -> aws-ipv6/shop nodes (IPv6): aws_vpc_security_group_ingress_rule.mutant6 admits ${edge56} (all protocols), outside ${shopVpc}'s IPv6 block [aws_vpc_security_group_ingress_rule.mutant6]`,
    ]);
  });

  test('VERIFY-017: a flat VPC routes the island\'s /56 to the transit gateway', () => {
    expect(broken('aws-ipv6', (t) => {
      const table = named(t, 'aws_route_table', 'api/private-route-table-eu-west-1b');
      t.resource.aws_route.mutant6 = { '//': { metadata: { path: 'aws-ipv6/api/mutant-route-ipv6' } }, destination_ipv6_cidr_block: `\${${shopVpc}.ipv6_cidr_block}`, route_table_id: `\${aws_route_table.${table}.id}`, transit_gateway_id: `\${${tgw}.id}` };
      return true;
    })).toEqual([
      `VERIFY-017 ${P}outside -> aws-ipv6/shop IPv6 (${shopVpc}): route aws_route.mutant6 of ${apiVpc} sends ${shop56} (${shopVpc}'s IPv6 block) out of ${apiVpc} [aws_route.mutant6]`,
    ]);
  });

  test('VERIFY-018: an IPv6 block of a form the verifier does not read', () => {
    const form = '${element(aws_vpc_ipv6_cidr_block_association.extra.*.ipv6_cidr_block, 0)}';
    expect(broken('aws-ipv6', mutation('AWS IPv6: give a subnet an IPv6 block of a form the verifier does not read'))).toEqual([
      `VERIFY-018 ${P}${apiNodes} -> ipv6_cidr_block: ipv6_cidr_block = ${form}: an expression the verifier does not evaluate [${apiNodes}]`,
      `VERIFY-015 ${P}aws-ipv6/api nodes (IPv6) -> other flat IPv6 clusters: the IPv6 block of ${apiNodes} is unknown: ${form} (an expression the verifier does not evaluate) [${apiNodes}]`,
    ]);
  });
});

describe('AWS isolated (aws-isolated): VERIFY-008 holds in IPv6 too', () => {
  const isolated = stack('aws-isolated');

  test('an IPv6 rule admitting ::/0, and an egress-only gateway with ::/0 routed to it', () => {
    const run = (name: string) => {
      const tf = JSON.parse(isolated.synth);
      expect(mutation(name)(tf, JSON.parse(isolated.addressPlans[0]))).toBe(true);
      return verifyNetworkModel({ synth: JSON.stringify(tf), addressPlans: isolated.addressPlans }).findings.map((f) => f.message);
    };
    expect(run('AWS IPv6: admit ::/0 to an isolated cluster\'s nodes')).toEqual([
      'VERIFY-008 aws-isolated/main: ::/0 -> aws-isolated/vault nodes (IPv6): aws_vpc_security_group_ingress_rule.mutant6 admits ::/0 (all protocols) [aws_vpc_security_group_ingress_rule.mutant6]',
    ]);
    const tf = JSON.parse(isolated.synth);
    const table = named(tf, 'aws_route_table', 'build/isolated-route-table');
    const vpc = tf.resource.aws_route_table[table].vpc_id as string;
    expect(run('AWS: give an isolated VPC an egress-only internet gateway and ::/0 to it')).toEqual([
      `VERIFY-008 aws-isolated/main: aws-isolated/build -> outside: egress-only internet gateway aws_egress_only_internet_gateway.mutant in ${vpc.slice(2, -4)} [aws_egress_only_internet_gateway.mutant]`,
      `VERIFY-008 aws-isolated/main: aws-isolated/build -> outside (IPv6): IPv6 route aws_route.mutant of aws_route_table.${table} leads ::/0 to aws_egress_only_internet_gateway.mutant [aws_route.mutant]`,
    ]);
  });
});

describe('GCP: each break, its exact finding', () => {
  const flat6 = JSON.parse(stack('gcp-flat6').synth);
  const a = `google_compute_subnetwork.${named(flat6, 'google_compute_subnetwork', 'a/subnetwork')}`;
  const b = `google_compute_subnetwork.${named(flat6, 'google_compute_subnetwork', 'b/subnetwork')}`;
  const space = new Ipv6Space(TfStack.parse(stack('gcp-flat6').synth, 'gcp-flat6'));
  const block = (address: string) => (space.subnetBlock(TfStack.parse(stack('gcp-flat6').synth, 'x').resources.find((r) => r.address === address)!) as { cidr: { toString(): string } }).cidr.toString();

  test('VERIFY-015: the main network\'s IPv6 rule to a flat cluster deleted', () => {
    expect(broken('gcp-flat6', (tf) => {
      delete tf.resource.google_compute_firewall[named(tf, 'google_compute_firewall', 'b/firewall-main-to-pods-ipv6')];
      return true;
    })).toEqual([
      `VERIFY-015 gcp-flat6/main: gcp-flat6/a nodes (IPv6) -> gcp-flat6/b nodes (IPv6): no firewall or security-group rule in front of gcp-flat6/b's nodes (${block(b)}) admits ${block(a)} [${b}]`,
    ]);
  });

  test('VERIFY-015: a flat cluster\'s subnet made IPv4-only (its rules then name a range that does not exist: VERIFY-018)', () => {
    const found = broken('gcp-flat6', (tf) => {
      tf.resource.google_compute_subnetwork[b.split('.')[1]].stack_type = 'IPV4_ONLY';
      return true;
    });
    expect(found.filter((f) => f.startsWith('VERIFY-015'))).toEqual([
      `VERIFY-015 gcp-flat6/main: gcp-flat6/b nodes (IPv6) -> other flat IPv6 clusters: subnet ${b} is not dual-stack (stack_type IPV4_ONLY) [${b}]`,
    ]);
    expect(found.filter((f) => f.startsWith('VERIFY-018')).length).toBeGreaterThan(0);
    expect(found.filter((f) => !/^VERIFY-01[58]/.test(f))).toEqual([]);
  });

  test('VERIFY-016 and VERIFY-017 on gcp-dualstack', () => {
    const tf = JSON.parse(stack('gcp-dualstack').synth);
    const batchVpc = `google_compute_network.${named(tf, 'google_compute_network', 'batch/vpc')}`;
    const mainVpc = `google_compute_network.${named(tf, 'google_compute_network', 'main/vpc')}`;
    const spoke = `google_network_connectivity_spoke.${named(tf, 'google_network_connectivity_spoke', 'batch/spoke')}`;
    const hub = `google_network_connectivity_hub.${named(tf, 'google_network_connectivity_hub', 'main/hub')}`;
    const main48 = new Ipv6Space(TfStack.parse(stack('gcp-dualstack').synth, 'x')).vpcBlock(mainVpc)!;
    expect(broken('gcp-dualstack', mutation('GCP IPv6: admit ::/0 to a dual-stack flat cluster'))).toEqual([
      'VERIFY-016 gcp-dualstack/main: internet (IPv6) -> gcp-dualstack/web nodes (IPv6): google_compute_firewall.mutant6 admits ::/0 (all protocols): IPv6 from the internet comes in [google_compute_firewall.mutant6]',
    ]);
    expect(broken('gcp-dualstack', mutation('GCP IPv6: admit the main VPC\'s /48 to a dual-stack island'))).toEqual([
      `VERIFY-017 gcp-dualstack/main: ${main48} -> gcp-dualstack/batch nodes (IPv6): google_compute_firewall.mutant6 admits ${main48} (all protocols), outside ${batchVpc}'s IPv6 block [google_compute_firewall.mutant6]`,
    ]);
    expect(broken('gcp-dualstack', mutation('GCP IPv6: export every IPv6 range of a dual-stack island\'s spoke'))).toEqual([
      `VERIFY-017 gcp-dualstack/main: outside -> gcp-dualstack/batch IPv6 (${batchVpc}): spoke ${spoke} exports ${batchVpc}'s IPv6 (ALL_IPV6_RANGES) to hub ${hub} [${spoke}]`,
    ]);
  });
});

test('the README lists every promise id the verifier has, and the IPv6 ones with their statement', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const ids = NetworkVerifier.promises().map((p) => p.split(':')[0]);
  expect(readme).toContain(`(\`VERIFY-001\` ... \`${ids[ids.length - 1]}\`, listed by`);
  for (const id of ['VERIFY-008', 'VERIFY-015', 'VERIFY-016', 'VERIFY-017', 'VERIFY-018']) expect(readme).toContain(`| \`${id}\` |`);
});
