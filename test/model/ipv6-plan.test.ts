// IPv6 in the plan: NetworkPlan and ClusterPlan carry address families (and nothing new for
// IPv4-only estates), an IPV6 cluster plans no IPv4 pod or service range, and plan file
// version 4 records families and IPv6 subnet numbers, written only when needed.
import * as fs from 'fs';
import { Cloud, FlatCluster, IpFamily, Ipv6AccessType, IslandCluster, IsolatedCluster, NetworkModel, RangeRole } from '../../lib';
import { PlanFile, parsePlanFile, serializePlanFile } from '../../lib/model/plan-file';
import { CORE_RULES } from '../../lib/policy/catalog';
import { buildReport } from '../../lib/report/data';
import { renderMarkdown } from '../../lib/report/markdown';
import { estate, synthError, synthStack, tempPlanFile } from '../support';

const aws = () => Cloud.aws({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
const NOTE = 'Written by cdktf-kube-networks at synth. Commit it: synth reuses every range recorded here, so no subnet moves.';
const RECOVER = 'repair it from version control, or delete it to plan afresh';

/** A plan file's text as synth writes it: sorted keys, two-space indents. */
function planText(content: object): string {
  return JSON.stringify(JSON.parse(serializePlanFile(content as never)), null, 2) + '\n';
}

describe('IPv4-only estates are planned and recorded as before', () => {
  test.each(['gcp', 'aws'] as const)('%s: no IPv6 keys in the plan, its clusters or the report', (cloud) => {
    const e = estate(cloud === 'aws' ? { cloud: aws() } : {});
    new FlatCluster(e.stack, 'prod', { network: e.network });
    new IslandCluster(e.stack, 'batch', { network: e.network });
    const plan = e.network.plan;
    for (const key of ['ipv6', 'ipv6Subnets']) expect(Object.keys(plan)).not.toContain(key);
    for (const c of plan.clusters) {
      for (const key of ['ipFamily', 'ipv6AccessType', 'recordedIpFamily']) expect(Object.keys(c)).not.toContain(key);
    }
    expect(e.network._sketch().ipv6).toBeUndefined();
    const report = buildReport(plan, e.network.violations(), e.network.checkedRules());
    expect(Object.keys(report)).not.toContain('ipv6');
    expect(Object.keys(report)).not.toContain('ipv6Subnets');
    for (const c of report.clusters) expect(Object.keys(c)).not.toContain('ipFamily');
    expect(synthError(e.stack)).toBe('');
    const written = JSON.parse(fs.readFileSync(e.planFile, 'utf8'));
    expect(written.version).toBe(1);
    expect(Object.keys(written.networks['corp/main']).sort()).toEqual(['cidr', 'pools']);
  });

  test('version 1: a file synth wrote stays byte for byte', () => {
    const planFile = tempPlanFile();
    const expected = planText({
      '//': NOTE,
      version: 1,
      networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: { 'corp/main': { 'corp/prod:nodes': '10.1.16.0/24', 'corp/prod:pods': '10.0.0.0/16', 'corp/prod:services': '10.1.0.0/20' } } } },
    });
    const first = estate({ planFile });
    new FlatCluster(first.stack, 'prod', { network: first.network });
    expect(synthError(first.stack)).toBe('');
    expect(fs.readFileSync(planFile, 'utf8')).toBe(expected);
    const again = estate({ planFile });
    new FlatCluster(again.stack, 'prod', { network: again.network });
    expect(synthError(again.stack)).toBe('');
    expect(fs.readFileSync(planFile, 'utf8')).toBe(expected);
  });

  test('version 2 (an imported range) and version 3 (a link\'s records) stay byte for byte', () => {
    const pools = { 'corp/main': { 'corp/prod:nodes': '10.1.16.0/24', 'corp/prod:pods': '10.0.0.0/16', 'corp/prod:services': '10.1.0.0/20' } };
    // The imported range is held (and recorded) in the routable pool, as it always was.
    const imported = { 'corp/main': { ...pools['corp/main'], 'corp/main:legacy': '10.200.0.0/16' } };
    const reserved = { legacy: { cidr: '10.200.0.0/16', from: 'aws_vpc.legacy (state.json)' } };
    const link = { gcp: 'corp/main', aws: 'corp/aws', asn: { gcp: 65010, aws: 64512 }, tunnels: { 'tunnel-0': '169.254.10.0/30', 'tunnel-1': '169.254.10.4/30' } };
    for (const content of [
      { '//': NOTE, version: 2, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: imported, reserved } } },
      { '//': NOTE, version: 3, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools } }, links: { 'corp/link': link } },
    ]) {
      const planFile = tempPlanFile();
      const text = planText(content);
      fs.writeFileSync(planFile, text);
      const e = estate({ planFile });
      new FlatCluster(e.stack, 'prod', { network: e.network });
      synthStack(e.stack);
      expect(fs.readFileSync(planFile, 'utf8')).toBe(text);
    }
  });

  test('an IPv6 network whose clusters are all IPv4 records nothing new', () => {
    const e = estate({ ipv6: true });
    new FlatCluster(e.stack, 'prod', { network: e.network });
    expect(e.network.plan.ipv6).toBe(true);
    expect(e.network.plan.clusters[0].ipFamily).toBeUndefined();
    expect(synthError(e.stack)).toBe('');
    const written = JSON.parse(fs.readFileSync(e.planFile, 'utf8'));
    expect(written.version).toBe(1);
    expect(Object.keys(written.networks['corp/main']).sort()).toEqual(['cidr', 'pools']);
  });
});

describe('the plan of IPv6 clusters', () => {
  test('an IPV6 AWS flat cluster plans nodes only: no pod or service range, no Kubernetes flags', () => {
    const e = estate({ cloud: aws(), ipv6: true });
    const v6 = new FlatCluster(e.stack, 'v6', { network: e.network, ipFamily: IpFamily.IPV6 });
    expect(v6.ipFamily).toBe(IpFamily.IPV6);
    expect(v6.ipv6AccessType).toBeUndefined();
    const plan = e.network.plan;
    const own = plan.ranges.filter((r) => r.owner === 'corp/v6');
    expect(own.map((r) => r.role)).toContain(RangeRole.NODE);
    expect(own.filter((r) => r.role === RangeRole.POD || r.role === RangeRole.SERVICE)).toEqual([]);
    expect(v6.askedRanges.map((r) => r.name)).not.toEqual(expect.arrayContaining(['pods']));
    const [cluster] = plan.clusters;
    expect(cluster).toMatchObject({ path: 'corp/v6', model: NetworkModel.FLAT, podCidr: '', serviceCidr: '', ipFamily: IpFamily.IPV6 });
    expect(cluster.nodeCidr).toMatch(/^10\./);
    expect([v6.podCidr, v6.serviceCidr, v6.apiServerServiceIp, v6.dnsServiceIp]).toEqual(['', '', '', '']);
    expect(v6.kubeControllerManagerArgs).toEqual([]);
    expect(e.network._sketch().clusters[0].ipFamily).toBe(IpFamily.IPV6);
  });

  test('an IPV6 cluster\'s getters read empty before the plan is made too', () => {
    const e = estate({ cloud: aws(), ipv6: true });
    const v6 = new IsolatedCluster(e.stack, 'v6', { network: e.network, ipFamily: IpFamily.IPV6 });
    expect([v6.podCidr, v6.serviceCidr, v6.apiServerServiceIp, v6.dnsServiceIp]).toEqual(['', '', '', '']);
    expect(v6.kubeControllerManagerArgs).toEqual([]);
  });

  test('the model, Kubernetes and plan rules check an IPV6 cluster\'s nodes and skip its missing pods and services', () => {
    const e = estate({ cloud: aws(), ipv6: true });
    new FlatCluster(e.stack, 'v6', { network: e.network, ipFamily: IpFamily.IPV6, nodeMaskSize: 26, maxServices: 1_000_000 });
    new IsolatedCluster(e.stack, 'iso', { network: e.network, ipFamily: IpFamily.IPV6 });
    const plan = e.network.plan;
    expect(CORE_RULES.flatMap((rule) => rule.check(plan).map((f) => `${rule.id} ${f.message}`))).toEqual([]);
    // Its nodes are still checked: a node range outside the main network.
    const outside = estate({ cloud: aws(), ipv6: true });
    new FlatCluster(outside.stack, 'v6', { network: outside.network, ipFamily: IpFamily.IPV6, nodeCidr: '172.16.0.0/24' });
    expect(CORE_RULES.flatMap((rule) => rule.check(outside.network.plan).map((f) => `${rule.id} ${f.message}`))).toEqual([
      expect.stringMatching(/^MODEL-008 node range 172\.16\.0\.0\/24 of corp\/v6 .*lies outside the main network 10\.0\.0\.0\/8/),
    ]);
  });

  test('a GCP dual-stack cluster keeps its IPv4 ranges and gets the access type, INTERNAL unless given', () => {
    const e = estate({ ipv6: true });
    const ds = new FlatCluster(e.stack, 'ds', { network: e.network, ipFamily: IpFamily.DUAL_STACK });
    const ext = new IslandCluster(e.stack, 'ext', { network: e.network, ipFamily: IpFamily.DUAL_STACK, ipv6AccessType: Ipv6AccessType.EXTERNAL });
    expect([ds.ipv6AccessType, ext.ipv6AccessType]).toEqual([Ipv6AccessType.INTERNAL, Ipv6AccessType.EXTERNAL]);
    const plan = e.network.plan;
    expect(plan.clusters.map((c) => [c.path, c.ipFamily, c.ipv6AccessType])).toEqual([
      ['corp/ds', IpFamily.DUAL_STACK, Ipv6AccessType.INTERNAL],
      ['corp/ext', IpFamily.DUAL_STACK, Ipv6AccessType.EXTERNAL],
    ]);
    expect(plan.clusters.every((c) => c.podCidr !== '' && c.serviceCidr !== '')).toBe(true);
    expect(plan.ipv6).toBe(true);
    expect(plan.ipv6Subnets).toBeUndefined(); // GCP assigns each dual-stack subnet its /64 itself
  });

  test('an AWS dual-stack cluster gets no access type', () => {
    const e = estate({ cloud: aws(), ipv6: true });
    const ds = new FlatCluster(e.stack, 'ds', { network: e.network, ipFamily: IpFamily.DUAL_STACK });
    expect(ds.ipv6AccessType).toBeUndefined();
    expect(Object.keys(e.network.plan.clusters[0])).not.toContain('ipv6AccessType');
  });
});

describe('recordedIpFamily: what the plan file says a cluster was', () => {
  const pools = { 'corp/main': { 'corp/ds:nodes': '10.1.16.0/24', 'corp/ds:pods': '10.0.0.0/16', 'corp/ds:services': '10.1.0.0/20' } };
  const file = (content: object) => {
    const planFile = tempPlanFile();
    fs.writeFileSync(planFile, JSON.stringify(content));
    return planFile;
  };
  const recorded = (planFile: string, ipFamily?: IpFamily) => {
    const e = estate({ planFile, ipv6: true });
    new FlatCluster(e.stack, 'ds', { network: e.network, ipFamily });
    return e.network.plan.clusters[0];
  };

  test('a cluster recorded as IPv4 (ranges, no family) made dual-stack', () => {
    const planFile = file({ version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools } } });
    expect(recorded(planFile, IpFamily.DUAL_STACK)).toMatchObject({ ipFamily: IpFamily.DUAL_STACK, recordedIpFamily: IpFamily.IPV4 });
    expect(recorded(planFile).recordedIpFamily).toBeUndefined();
  });

  test('a cluster recorded as dual-stack made IPv4 again', () => {
    const planFile = file({ version: 4, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools, families: { 'corp/ds': 'DUAL_STACK' } } } });
    const plan = recorded(planFile);
    expect(plan.ipFamily).toBeUndefined();
    expect(plan.recordedIpFamily).toBe(IpFamily.DUAL_STACK);
    expect(recorded(planFile, IpFamily.DUAL_STACK).recordedIpFamily).toBeUndefined();
  });

  test('an AWS cluster recorded as IPV6 made IPv4', () => {
    const planFile = file({ version: 4, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: {}, families: { 'corp/v6': 'IPV6' } } } });
    const e = estate({ planFile, cloud: aws(), ipv6: true });
    new FlatCluster(e.stack, 'v6', { network: e.network });
    expect(e.network.plan.clusters[0]).toMatchObject({ podCidr: expect.stringMatching(/^10\./), recordedIpFamily: IpFamily.IPV6 });
  });

  test('a new cluster, or one whose path is only a prefix of a recorded one, has none', () => {
    const planFile = file({ version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: { 'corp/main': { 'corp/dsx:nodes': '10.1.16.0/24' } } } } });
    expect(recorded(planFile, IpFamily.DUAL_STACK).recordedIpFamily).toBeUndefined();
  });

  test('a dual-stack cluster taken out of the app and put back keeps its family (its records stayed)', () => {
    const planFile = tempPlanFile();
    const build = (withDs: boolean) => {
      const e = estate({ planFile, ipv6: true });
      new FlatCluster(e.stack, 'keep', { network: e.network });
      if (withDs) new FlatCluster(e.stack, 'ds', { network: e.network, ipFamily: IpFamily.DUAL_STACK });
      return e;
    };
    expect(synthError(build(true).stack)).toBe('');
    const ranges = JSON.parse(fs.readFileSync(planFile, 'utf8')).networks['corp/main'];
    expect(ranges.families).toEqual({ 'corp/ds': 'DUAL_STACK' });
    const without = build(false);
    expect(synthError(without.stack)).toBe('');
    // Its ranges stay recorded (unclaimed), and so does its family.
    const kept = JSON.parse(fs.readFileSync(planFile, 'utf8')).networks['corp/main'];
    expect(kept.pools).toEqual(ranges.pools);
    expect(kept.families).toEqual({ 'corp/ds': 'DUAL_STACK' });
    const back = build(true);
    expect(back.network.plan.clusters.find((c) => c.path === 'corp/ds')!.recordedIpFamily).toBeUndefined();
  });

  test('the family of a cluster the plan file no longer records anything of is dropped', () => {
    const planFile = file({ version: 4, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools, families: { 'corp/gone': 'DUAL_STACK', 'corp/ds': 'DUAL_STACK' } } } });
    const e = estate({ planFile, ipv6: true });
    new FlatCluster(e.stack, 'ds', { network: e.network });
    expect(synthError(e.stack)).toBe('');
    const written = JSON.parse(fs.readFileSync(planFile, 'utf8'));
    expect(written.version).toBe(1);
    expect(written.networks['corp/main'].families).toBeUndefined();
  });
});

describe('plan file version 4', () => {
  const pools = { 'corp/main': { 'corp/v6:nodes': '10.1.0.0/23' } };
  const families = { 'corp/v6': 'IPV6', 'corp/ds': 'DUAL_STACK' };
  const ipv6Subnets = { 'corp/v6': { 'nodes-eu-west-1a': 0, 'nodes-eu-west-1b': 1 }, 'corp/ds': { 'nodes-eu-west-1a': 3 } };

  test('save then load keeps families and ipv6Subnets', () => {
    const planFile = tempPlanFile();
    PlanFile.load(planFile).save('corp/main', '10.0.0.0/8', pools, { families, ipv6Subnets });
    const loaded = PlanFile.load(planFile);
    expect(loaded.families('corp/main')).toEqual(families);
    expect(loaded.ipv6Subnets('corp/main')).toEqual(ipv6Subnets);
    expect(loaded.families('corp/other')).toEqual({});
    expect(loaded.ipv6Subnets('corp/other')).toEqual({});
    const text = fs.readFileSync(planFile, 'utf8');
    expect(JSON.parse(text)).toEqual({ '//': NOTE, version: 4, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools, families, ipv6Subnets } } });
    expect(serializePlanFile(parsePlanFile(text, planFile))).toBe(text);
    // What it hands out are copies.
    loaded.ipv6Subnets('corp/main')['corp/v6']['nodes-eu-west-1a'] = 9;
    loaded.families('corp/main')['corp/v6'] = 'IPV4';
    expect(loaded.ipv6Subnets('corp/main')['corp/v6']['nodes-eu-west-1a']).toBe(0);
    expect(loaded.families('corp/main')['corp/v6']).toBe('IPV6');
  });

  test('serialize picks version 4 only when a network records a family or a subnet number', () => {
    const version = (entry: object) => JSON.parse(serializePlanFile({ version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools, ...entry } } })).version;
    expect(version({})).toBe(1);
    expect(version({ families: {}, ipv6Subnets: {} })).toBe(1);
    expect(version({ reserved: { legacy: { cidr: '10.200.0.0/16' } }, families: {} })).toBe(2);
    expect(version({ families: { 'corp/v6': 'IPV6' } })).toBe(4);
    expect(version({ ipv6Subnets: { 'corp/v6': { a: 0 } } })).toBe(4);
    const text = serializePlanFile({ version: 4, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools, families: {}, ipv6Subnets: {} } } });
    expect(JSON.parse(text).networks['corp/main']).toEqual({ cidr: '10.0.0.0/8', pools });
  });

  test('saving without IPv6 records drops them and the version falls back', () => {
    const planFile = tempPlanFile();
    const plans = PlanFile.load(planFile);
    plans.save('corp/main', '10.0.0.0/8', pools, { families });
    expect(JSON.parse(fs.readFileSync(planFile, 'utf8')).version).toBe(4);
    plans.save('corp/main', '10.0.0.0/8', pools);
    expect(JSON.parse(fs.readFileSync(planFile, 'utf8'))).toEqual({ '//': NOTE, version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools } } });
  });

  test('synth writes a dual-stack cluster\'s family, and reads it back unchanged', () => {
    const planFile = tempPlanFile();
    const build = () => {
      const e = estate({ planFile, ipv6: true });
      new FlatCluster(e.stack, 'ds', { network: e.network, ipFamily: IpFamily.DUAL_STACK });
      new FlatCluster(e.stack, 'v4', { network: e.network });
      return e;
    };
    expect(synthError(build().stack)).toBe('');
    const text = fs.readFileSync(planFile, 'utf8');
    const written = JSON.parse(text);
    expect(written.version).toBe(4);
    expect(written.networks['corp/main'].families).toEqual({ 'corp/ds': 'DUAL_STACK' });
    expect(written.networks['corp/main'].ipv6Subnets).toBeUndefined();
    const again = build();
    expect(again.network.plan.clusters.map((c) => c.recordedIpFamily)).toEqual([undefined, undefined]);
    expect(synthError(again.stack)).toBe('');
    expect(fs.readFileSync(planFile, 'utf8')).toBe(text);
  });

  test('IPv6 subnet numbers asked by a cloud are planned, recorded, and kept when more are asked first', () => {
    const planFile = tempPlanFile();
    const first = estate({ planFile, ipv6: true });
    new FlatCluster(first.stack, 'ds', { network: first.network, ipFamily: IpFamily.DUAL_STACK });
    // What an AWS profile asks for a dual-stack cluster's VPC (the renderer's subnets).
    first.network._askIpv6Subnets([{ vpc: 'corp/ds', name: 'nodes-a' }, { vpc: 'corp/ds', name: 'nodes-b' }]);
    expect(first.network.ipv6NetnumOf('corp/ds', 'nodes-b')).toBe(1);
    expect(synthError(first.stack)).toBe('');
    expect(JSON.parse(fs.readFileSync(planFile, 'utf8')).networks['corp/main'].ipv6Subnets).toEqual({ 'corp/ds': { 'nodes-a': 0, 'nodes-b': 1 } });
    const second = estate({ planFile, ipv6: true });
    new FlatCluster(second.stack, 'ds', { network: second.network, ipFamily: IpFamily.DUAL_STACK });
    second.network._askIpv6Subnets([{ vpc: 'corp/ds', name: 'nodes-c' }, { vpc: 'corp/ds', name: 'nodes-b' }, { vpc: 'corp/ds', name: 'nodes-a' }]);
    expect(second.network.plan.ipv6Subnets).toEqual([
      { vpc: 'corp/ds', name: 'nodes-a', netnum: 0, recorded: true, claimed: true },
      { vpc: 'corp/ds', name: 'nodes-b', netnum: 1, recorded: true, claimed: true },
      { vpc: 'corp/ds', name: 'nodes-c', netnum: 2, recorded: false, claimed: true },
    ]);
  });

  test('recorded subnet numbers nothing asks for stay in the plan (claimed: false) and in the file', () => {
    const planFile = tempPlanFile();
    fs.writeFileSync(planFile, JSON.stringify({ version: 4, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: {}, ipv6Subnets: { 'corp/gone': { 'nodes-a': 4 } } } } }));
    const e = estate({ planFile, ipv6: true });
    new FlatCluster(e.stack, 'prod', { network: e.network });
    expect(e.network.plan.ipv6Subnets).toEqual([{ vpc: 'corp/gone', name: 'nodes-a', netnum: 4, recorded: true, claimed: false }]);
    expect(synthError(e.stack)).toBe('');
    expect(JSON.parse(fs.readFileSync(planFile, 'utf8')).networks['corp/main'].ipv6Subnets).toEqual({ 'corp/gone': { 'nodes-a': 4 } });
  });

  test('a VPC asking more subnets than its block holds fails the plan (PLAN-001)', () => {
    const e = estate({ ipv6: true });
    new FlatCluster(e.stack, 'ds', { network: e.network, ipFamily: IpFamily.DUAL_STACK });
    e.network._askIpv6Subnets(Array.from({ length: 257 }, (_, i) => ({ vpc: 'corp/ds', name: `s${i}` })));
    expect(() => e.network.planNow()).toThrow('[corp/main] PLAN-001: VPC of corp/ds needs 257 IPv6 subnets, more than the 256 its block holds: spread the clusters over more VPCs, or give them fewer zones');
  });
});

describe('corrupt version 4 content is refused, naming where and what', () => {
  const network = (entry: object, version = 4) => JSON.stringify({ version, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: {}, ...entry } } });
  test.each([
    ['a family not an IP family', network({ families: { 'corp/v6': 'IPV5' } }), 'networks["corp/main"].families["corp/v6"] is string "IPV5", not one of IPV4, DUAL_STACK, IPV6'],
    ['a family a number', network({ families: { 'corp/v6': 6 } }), 'networks["corp/main"].families["corp/v6"] is number 6, not one of IPV4, DUAL_STACK, IPV6'],
    ['families an array', network({ families: ['IPV6'] }), 'networks["corp/main"].families is an array, not an object of cluster path -> IP family'],
    ['families for an empty cluster path', network({ families: { '': 'IPV6' } }), 'networks["corp/main"].families[""] has an empty cluster path'],
    ['netnum 256', network({ ipv6Subnets: { 'corp/v6': { a: 256 } } }), 'networks["corp/main"].ipv6Subnets["corp/v6"]["a"] is number 256, not a subnet number from 0 to 255'],
    ['netnum -1', network({ ipv6Subnets: { 'corp/v6': { a: -1 } } }), 'networks["corp/main"].ipv6Subnets["corp/v6"]["a"] is number -1, not a subnet number from 0 to 255'],
    ['netnum 1.5', network({ ipv6Subnets: { 'corp/v6': { a: 1.5 } } }), 'networks["corp/main"].ipv6Subnets["corp/v6"]["a"] is number 1.5, not a subnet number from 0 to 255'],
    ['netnum a string', network({ ipv6Subnets: { 'corp/v6': { a: '1' } } }), 'networks["corp/main"].ipv6Subnets["corp/v6"]["a"] is string "1", not a subnet number from 0 to 255'],
    ['a netnum twice in a VPC', network({ ipv6Subnets: { 'corp/v6': { a: 3, b: 3 } } }), 'networks["corp/main"].ipv6Subnets["corp/v6"]["b"] has number 3, which a has too'],
    ['a VPC not an object', network({ ipv6Subnets: { 'corp/v6': [0] } }), 'networks["corp/main"].ipv6Subnets["corp/v6"] is an array, not an object of subnet -> netnum'],
    ['an empty VPC path', network({ ipv6Subnets: { '': { a: 0 } } }), 'networks["corp/main"].ipv6Subnets[""] has an empty VPC owner path'],
    ['an empty subnet name', network({ ipv6Subnets: { 'corp/v6': { '': 0 } } }), 'networks["corp/main"].ipv6Subnets["corp/v6"] has an empty subnet name'],
    ['ipv6Subnets null', network({ ipv6Subnets: null }), 'networks["corp/main"].ipv6Subnets is null, not an object of VPC owner path -> subnet -> netnum'],
    ['families in a version 3 file', network({ families: { 'corp/v6': 'IPV6' } }, 3), 'networks["corp/main"] field "families" is unknown in a version 3 plan file (known: cidr, pools, reserved)'],
    ['ipv6Subnets in a version 1 file', network({ ipv6Subnets: {} }, 1), 'networks["corp/main"] field "ipv6Subnets" is unknown in a version 1 plan file (known: cidr, pools)'],
  ])('%s', (_title, text, what) => {
    const planFile = tempPlanFile();
    fs.writeFileSync(planFile, text);
    expect(() => estate({ planFile })).toThrow(`[corp/main] PLAN-004: plan file ${planFile}: ${what}: ${RECOVER}`);
    expect(fs.readFileSync(planFile, 'utf8')).toBe(text);
  });

  test('two subnets may share a number in different VPCs', () => {
    expect(() => parsePlanFile(network({ ipv6Subnets: { 'corp/a': { x: 0 }, 'corp/b': { x: 0 } } }), 'f')).not.toThrow();
  });
});

describe('the report of IPv6 clusters', () => {
  test('an IPV6 AWS cluster: its family in the heading and the JSON, no pod or service range, its IPv6 subnets listed', () => {
    const e = estate({ cloud: aws(), ipv6: true });
    new FlatCluster(e.stack, 'v6', { network: e.network, ipFamily: IpFamily.IPV6 });
    new FlatCluster(e.stack, 'v4', { network: e.network });
    // The AWS profile asks the v6 VPC's node, transit-gateway and public subnets, zone by zone; the IPv4 cluster's VPC nothing.
    const report = buildReport(e.network.plan, [], e.network.checkedRules());
    const nodes = e.network.plan.clusters[0].nodeCidr;
    expect(report.ipv6).toBe(true);
    expect(report.ipv6Subnets).toEqual(['nodes', 'transit-gateway', 'public'].flatMap((kind) => ['a', 'b'].map((zone) => `${kind}-eu-west-1${zone}`))
      .map((name, netnum) => ({ vpc: 'corp/v6', name, netnum, claimed: true })));
    const [v6, v4] = report.clusters;
    expect(v6).toMatchObject({ path: 'corp/v6', ipFamily: 'IPV6', podCidr: '', serviceCidr: '', apiServerServiceIp: '', dnsServiceIp: '', kubeControllerManagerArgs: [] });
    expect(Object.keys(v4)).not.toContain('ipFamily');
    const md = renderMarkdown(report);
    expect(md).toContain(`### corp/v6 (flat, IPv6)\n\nnodes \`${nodes}\`; IPv6 pods from the node subnets' /64s, IPv6 services from a range the cloud chooses\n\n### corp/v4 (flat)\n`);
    expect(md).toContain('## IPv6 subnets\n\nEach VPC\'s IPv6 block is assigned at deploy; the plan numbers its /64s: `cidrsubnet(block, 8, netnum)`.\n\n' +
      '| VPC of | subnet | netnum |\n|---|---|---:|\n| corp/v6 | nodes-eu-west-1a | 0 |\n| corp/v6 | nodes-eu-west-1b | 1 |\n| corp/v6 | transit-gateway-eu-west-1a | 2 |\n');
    expect(md).not.toContain('--cluster-cidr=\n');
  });

  test('a GCP dual-stack cluster: its family and access type, its IPv4 ranges as before, and nothing to number', () => {
    const e = estate({ ipv6: true });
    new FlatCluster(e.stack, 'ds', { network: e.network, ipFamily: IpFamily.DUAL_STACK, ipv6AccessType: Ipv6AccessType.EXTERNAL });
    const report = buildReport(e.network.plan, [], e.network.checkedRules());
    expect(report.clusters[0]).toMatchObject({ ipFamily: 'DUAL_STACK', ipv6AccessType: 'EXTERNAL' });
    expect(report.ipv6Subnets).toBeUndefined();
    const md = renderMarkdown(report);
    expect(md).toContain('### corp/ds (flat, dual-stack)\n\nnodes `');
    expect(md).toContain('--cluster-cidr=');
    expect(md).toContain('## IPv6\n\nThe cloud assigns each dual-stack subnet its IPv6 range: nothing to plan.\n');
  });

  test('recorded subnet numbers nothing uses are marked in the report', () => {
    const planFile = tempPlanFile();
    fs.writeFileSync(planFile, JSON.stringify({ version: 4, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: {}, ipv6Subnets: { 'corp/gone': { 'nodes-a': 4 } } } } }));
    const e = estate({ planFile, cloud: aws(), ipv6: true });
    new FlatCluster(e.stack, 'prod', { network: e.network });
    expect(renderMarkdown(buildReport(e.network.plan, [], []))).toContain('| corp/gone | nodes-a (recorded, unused) | 4 |');
  });
});
