// Every AWS-* rule: plans that keep it and plans that break it, with the exact message, and
// synth failing on it. Violations the constructs cannot produce use plans written by hand.
import { Testing } from 'cdktf';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import {
  Archipelago, Cloud, CloudProvider, EgressKind, FlatCluster, Ingress, IngressKind, IslandCluster, IsolatedCluster, NetworkModel,
  PodRouting, Policy, RangeRole, RangeSource, RuleCatalog, Severity,
} from '../../lib';
import { AWS_REFUSED } from '../../lib/clouds/cloud';
import { AWS_RULES } from '../../lib/aws/rules';
import { awsEstate, expectErrors, findings, handPlan, has, HOLE, REGION, subnets, synthError } from './support';

const ONE_ZONE = Cloud.aws({ region: REGION, availabilityZones: ['eu-west-1a'] });
const rule = (id: string) => AWS_RULES.find((r) => r.id === id)!;


describe('the catalog', () => {
  test('lists the AWS rules on AWS only, each an error (but AWS-LOG-001) with a one-line statement', () => {
    const warnings = ['AWS-LOG-001'];
    const aws = RuleCatalog.rules(CloudProvider.AWS).filter((r) => r.id.startsWith('AWS-') && !warnings.includes(r.id));
    expect(aws.map((r) => r.id)).toEqual([
      'AWS-EKS-001', 'AWS-EKS-002', 'AWS-IPV6-001', 'AWS-IPV6-002', 'AWS-IPV6-003', 'AWS-IPV6-004', 'AWS-LB-001', 'AWS-LB-002', 'AWS-NAME-001', 'AWS-SG-001', 'AWS-SUBNET-001', 'AWS-SUBNET-002',
      'AWS-VPC-001', 'AWS-VPC-002', 'AWS-VPC-003', 'AWS-VPC-004',
    ]);
    // The warning: flow logs turned off (a secure default).
    for (const id of warnings) {
      const r = RuleCatalog.rules(CloudProvider.AWS).find((x) => x.id === id)!;
      expect(r.severity).toBe(Severity.WARNING);
      expect(r.statement).toMatch(/^[A-Z].*\.$/);
    }
    for (const r of aws) {
      expect(r.severity).toBe(Severity.ERROR);
      expect(r.statement).toMatch(/^[A-Z].*\.$/);
      expect(r.statement).not.toContain('\n');
    }
    expect(RuleCatalog.rules(CloudProvider.GCP).some((r) => r.id.startsWith('AWS-'))).toBe(false);
  });
});

describe('AWS-VPC-001: VPC blocks are /16 to /28', () => {
  test('passes: a flat cluster\'s /16 pods, /24 nodes and /26 edge block', () => {
    const e = awsEstate();
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 200 });
    expect(findings(e.network, 'AWS-VPC-001')).toEqual([]);
    expect(synthError(e.stack)).toBe('');
  });

  test('fails: a /29 node range', () => {
    const e = awsEstate();
    new FlatCluster(e.stack, 'prod', { network: e.network, nodeCidr: '10.240.0.0/29' });
    expectErrors(e, 'AWS-VPC-001', [
      '[corp/prod] node range 10.240.0.0/29 of corp/prod would be a /29 block of the VPC of corp/prod, smaller than the /28 AWS accepts — widen nodeCidr to a /28 or larger',
    ]);
  });

  test('fails: /15 proxy subnets', () => {
    const e = awsEstate(HOLE);
    new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 100, ingress: [Ingress.proxy({ subnetMaskSize: 15 })] });
    expectErrors(e, 'AWS-VPC-001', [
      '[corp/batch] ALB subnet 10.6.0.0/15 (proxy-eu-west-1a) of corp/batch would be a /15 block of the VPC of corp/batch, larger than the /16 AWS accepts — pass Ingress.proxy({ subnetMaskSize: 16 }) or a longer mask',
      '[corp/batch] ALB subnet 10.8.0.0/15 (proxy-eu-west-1b) of corp/batch would be a /15 block of the VPC of corp/batch, larger than the /16 AWS accepts — pass Ingress.proxy({ subnetMaskSize: 16 }) or a longer mask',
    ]);
  });
});

describe('AWS-VPC-002: the blocks of one VPC never overlap', () => {
  test('passes: an isolated cluster without an exposed endpoint reuses the main network\'s ranges freely', () => {
    const e = awsEstate();
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 200 });
    new IsolatedCluster(e.stack, 'vault', { network: e.network, maxNodes: 200 });
    expect(findings(e.network, 'AWS-VPC-002')).toEqual([]);
    expect(synthError(e.stack)).toBe('');
  });

  test('passes: the planner keeps an exposed API endpoint off the cluster\'s own ranges', () => {
    const e = awsEstate();
    const vault = new IsolatedCluster(e.stack, 'vault', { network: e.network, maxNodes: 200, exposeApiEndpoint: true });
    // Both kept out of 10.0.0.0/16, which AWS refuses beside another block of 10.0.0.0/15 (AWS-VPC-003).
    e.network.planNow();
    expect([vault.podCidr, vault.apiEndpointCidr]).toEqual(['10.2.0.0/16', '10.1.0.0/28']);
    expect(findings(e.network, 'AWS-VPC-002')).toEqual([]);
  });

  test('fails: an API endpoint inside the cluster\'s own pod range (a plan the planner never makes)', () => {
    const e = awsEstate();
    new IsolatedCluster(e.stack, 'vault', { network: e.network, maxNodes: 200, exposeApiEndpoint: true });
    const plan = e.network.plan;
    const moved = { ...plan, ranges: plan.ranges.map((r) => (r.name === 'api-endpoint' ? { ...r, cidr: '10.2.0.0/28' } : r)) };
    expect(rule('AWS-VPC-002').check(moved).map((f) => `[${f.path}] ${f.message}`)).toEqual([
      '[corp/vault] pod range 10.2.0.0/16 of corp/vault overlaps api-endpoint subnet 10.2.0.0/28 of corp/vault, both blocks of the VPC of corp/vault; AWS refuses overlapping blocks in one VPC — pin podCidr elsewhere',
    ]);
  });

});

describe('AWS-VPC-003: AWS\'s association table', () => {
  test('passes: the planner keeps every block of a flat cluster out of 10.0.0.0/16 (its services may use it)', () => {
    const e = awsEstate();
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 200 });
    expect(findings(e.network, 'AWS-VPC-003')).toEqual([]);
    expect([prod.podCidr, prod.nodeCidr, prod.serviceCidr]).toEqual(['10.1.0.0/16', '10.2.0.0/24', '10.0.0.0/20']);
  });

  test('passes: the primary is the block the others may join (nodes 10.0.0.0/16 before pods 10.1.0.0/16)', () => {
    const e = awsEstate();
    new IsolatedCluster(e.stack, 'vault', { network: e.network, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16' });
    expect(findings(e.network, 'AWS-VPC-003')).toEqual([]);
    has(Testing.synth(e.stack, true), Vpc.tfResourceType, { cidr_block: '10.0.0.0/16' });
  });

  test('fails: a small flat cluster pinned with two blocks in 10.0.0.0/16, its primary in 10.0.0.0/15', () => {
    const e = awsEstate();
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 100, podCidr: '10.0.0.0/17', nodeCidr: '10.0.144.0/25' });
    expectErrors(e, 'AWS-VPC-003', [
      '[corp/prod] node range 10.0.144.0/25 of corp/prod cannot join the VPC of corp/prod, whose primary block is pod range 10.0.0.0/17 of corp/prod: a VPC whose primary block lies in 10.0.0.0/15 takes no block from 10.0.0.0/16 — pin nodeCidr outside 10.0.0.0/16',
    ]);
  });

  test('passes: the same cluster once 10.0.0.0/16 is reserved', () => {
    const e = awsEstate({ reserved: [{ cidr: '10.0.0.0/16', name: 'aws-restricted' }] });
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 100 });
    expect(findings(e.network, 'AWS-VPC-003')).toEqual([]);
    expect(synthError(e.stack)).toBe('');
  });

  test('fails: archipelago pods from 172.16.0.0/12 in a VPC whose primary is in 10.0.0.0/8', () => {
    const e = awsEstate({ cidr: '10.16.0.0/12' });
    new Archipelago(e.stack, 'east', { network: e.network, podCidr: '172.16.0.0/14' }).addCluster('a', { maxNodes: 50 });
    expectErrors(e, 'AWS-VPC-003', [
      '[corp/east/a] pod range 172.16.0.0/18 of corp/east/a cannot join the VPC of corp/east, whose primary block is aws-edge block 10.16.0.0/26 of corp/east: a VPC whose primary block is in 10.0.0.0/8 takes no block from 172.16.0.0/12 — pin podCidr of archipelago corp/east in 10.0.0.0/8 or in 100.64.0.0/10',
    ]);
  });

  test('the planner refuses island pods from an islandCidr of 198.19.0.0/16, with the one constraint it cannot meet', () => {
    const e = awsEstate({ cidr: '10.16.0.0/12', islandCidr: '198.19.0.0/16' });
    new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 50 });
    expect(() => e.network.plan).toThrow(
      '[corp/batch] PLAN-001: pool corp/batch (198.19.0.0/16) has no free /18 for corp/batch:pods: the pool is full; give it more space or release a range (kept out of 198.19.0.0/16: AWS never associates a VPC block from 198.19.0.0/16 (AWS-VPC-003)) — lower maxNodes or maxPodsPerNode, or pin podCidr',
    );
  });

  test('fails: island pods pinned in 198.19.0.0/16', () => {
    const e = awsEstate({ cidr: '10.16.0.0/12', islandCidr: '198.19.0.0/16' });
    new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 50, podCidr: '198.19.0.0/18' });
    expectErrors(e, 'AWS-VPC-003', [
      '[corp/batch] pod range 198.19.0.0/18 of corp/batch cannot join the VPC of corp/batch, whose primary block is vpc-block 10.16.0.0/25 of corp/batch: AWS never associates a block from 198.19.0.0/16 — pin podCidr outside 198.19.0.0/16',
    ]);
  });

  test('fails: 172.31.0.0/16 beside a primary in 172.16.0.0/12', () => {
    const e = awsEstate({ cidr: '172.16.0.0/12' });
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 100, podCidr: '172.31.0.0/17', nodeCidr: '172.31.128.0/25' });
    expectErrors(e, 'AWS-VPC-003', [
      '[corp/prod] node range 172.31.128.0/25 of corp/prod cannot join the VPC of corp/prod, whose primary block is pod range 172.31.0.0/17 of corp/prod: a VPC whose primary block is in 172.16.0.0/12 takes no block from 172.31.0.0/16 — pin nodeCidr outside 172.31.0.0/16',
    ]);
  });

  test('deploy defect (plan by hand): two archipelago members\' pod blocks 10.0.0.0/17 and 10.1.0.0/17, the primary elsewhere', () => {
    // AWS refuses 10.0.0.0/17 whenever 10.1.0.0/17 (in 10.0.0.0/15) was associated first; Terraform gives no order.
    const member = (path: string, nodeCidr: string, podCidr: string) => ({
      path, model: NetworkModel.ARCHIPELAGO, nodeCidr, podCidr, serviceCidr: '10.2.0.0/20', archipelago: 'corp/east',
      nodeMaskSize: 24, maxNodes: 100, maxPodsPerNode: 110, maxServices: 4094, ingress: [], egress: EgressKind.MASQUERADE,
    });
    const plan = handPlan({
      ranges: [
        { owner: 'corp/east', name: 'pods', role: RangeRole.SUPER_RANGE, cidr: '10.0.0.0/14', routable: false, space: 'corp/east', source: RangeSource.ALLOCATED },
        { owner: 'corp/east', name: 'aws-edge', role: RangeRole.GATEWAY, cidr: '10.4.0.0/26', routable: true, space: 'corp/main', source: RangeSource.ALLOCATED },
      ],
      clusters: [member('corp/east/a', '10.4.0.128/25', '10.0.0.0/17'), member('corp/east/b', '10.4.1.0/25', '10.1.0.0/17')],
    });
    expect(rule('AWS-VPC-003').check(plan)).toEqual([{
      path: 'corp/east/a',
      message: 'pod range 10.0.0.0/17 of corp/east/a cannot join the VPC of corp/east beside pod range 10.1.0.0/17 of corp/east/b: AWS refuses a block from 10.0.0.0/16 once any block of the VPC lies in 10.0.0.0/15, and Terraform associates them in parallel — pin podCidr of archipelago corp/east outside 10.0.0.0/16',
    }]);
  });

  test('fails (plan by hand): RFC 1918 blocks beside a primary outside RFC 1918, when no block can be primary', () => {
    const plan = handPlan({
      ranges: [{ owner: 'corp/prod', name: 'aws-edge', role: RangeRole.GATEWAY, cidr: '172.20.0.0/26', routable: true, space: 'corp/main', source: RangeSource.ALLOCATED }],
      clusters: [{
        path: 'corp/prod', model: NetworkModel.FLAT, nodeCidr: '10.0.1.0/24', podCidr: '100.64.0.0/16', serviceCidr: '10.1.0.0/20',
        nodeMaskSize: 24, maxNodes: 200, maxPodsPerNode: 110, maxServices: 4094, ingress: [],
      }],
    });
    expect(rule('AWS-VPC-003').check(plan)).toEqual([
      { path: 'corp/prod', message: 'node range 10.0.1.0/24 of corp/prod cannot join the VPC of corp/prod, whose primary block is pod range 100.64.0.0/16 of corp/prod: a VPC whose primary block is outside RFC 1918 takes no block from 10.0.0.0/8 — pin nodeCidr in 100.64.0.0/10 or a public range' },
      { path: 'corp/prod', message: 'aws-edge block 172.20.0.0/26 of corp/prod cannot join the VPC of corp/prod, whose primary block is pod range 100.64.0.0/16 of corp/prod: a VPC whose primary block is outside RFC 1918 takes no block from 172.16.0.0/12 — reserve 172.16.0.0/12 on the Network (reserved: [{ cidr: \'172.16.0.0/12\', name: \'aws-restricted\' }]) so the planner places it elsewhere' },
    ]);
  });
});

describe('AWS-VPC-004: at most the quota of blocks per VPC (5 unless raised)', () => {
  const archipelago = (members: number) => {
    const e = awsEstate(HOLE);
    const east = new Archipelago(e.stack, 'east', { network: e.network });
    for (let i = 0; i < members; i++) east.addCluster(`m${i}`, { maxNodes: 50 });
    return { ...e, east };
  };

  test('passes: an archipelago of two members (edge, then nodes and pods of each)', () => {
    const e = archipelago(2);
    expect(findings(e.network, 'AWS-VPC-004')).toEqual([]);
    expect(synthError(e.stack)).toBe('');
  });

  test('fails: three members need seven blocks, until the raised quota is given', () => {
    const e = archipelago(3);
    expectErrors(e, 'AWS-VPC-004', [
      '[corp/east] the VPC of corp/east needs 7 IPv4 blocks (10.4.0.0/26, 10.4.0.64/26, 10.1.0.0/18, 10.4.0.128/26, 10.1.64.0/18, 10.4.0.192/26, 10.1.128.0/18), more than the 5 of the quota — ask AWS to raise "IPv4 CIDR blocks per VPC" to 7 or more (up to 50) and set Cloud.aws({ vpcBlockQuota: 7 }), or need fewer blocks: pod ranges of /16 or smaller, fewer archipelago members',
    ]);
    const raised = awsEstate({ ...HOLE, cloud: Cloud.aws({ region: REGION, vpcBlockQuota: 10 }) });
    const east = new Archipelago(raised.stack, 'east', { network: raised.network });
    for (let i = 0; i < 3; i++) east.addCluster(`m${i}`, { maxNodes: 50 });
    expect(synthError(raised.stack)).toBe('');
    expect(() => Cloud.aws({ region: REGION, vpcBlockQuota: 51 })).toThrow('Cloud.aws: INPUT-002: vpcBlockQuota 51 must be a whole number from 1 to 50');
  });
});

describe('AWS-SUBNET-001: per-zone subnets, with AWS\'s 5 addresses each, hold the cluster', () => {
  test('passes: 200 nodes in a /24 over two zones (246 usable)', () => {
    const e = awsEstate();
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 200 });
    expect(findings(e.network, 'AWS-SUBNET-001')).toEqual([]);
  });

  test('passes: over three zones a range splits in four, the first zone getting the fourth', () => {
    const e = awsEstate({ cloud: Cloud.aws({ region: REGION, availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] }) });
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 200 });
    expect(findings(e.network, 'AWS-SUBNET-001')).toEqual([]);
    expect(subnets(Testing.synth(e.stack, true), 'corp-prod', 'nodes')).toEqual([
      '10.2.0.0/25 eu-west-1a', '10.2.0.128/25 eu-west-1b', '10.2.1.0/25 eu-west-1c', '10.2.1.128/25 eu-west-1a',
    ]);
  });

  test('fails: 250 nodes pinned in a /24 over two zones (the planner gives them a /23)', () => {
    const e = awsEstate();
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 250, nodeCidr: '10.1.16.0/24' });
    expectErrors(e, 'AWS-SUBNET-001', [
      '[corp/prod] node range 10.1.16.0/24 of corp/prod splits into 2 subnets of /25 over 2 availability zones (eu-west-1a, eu-west-1b); AWS keeps 5 addresses in each, leaving 246 for nodes, fewer than maxNodes 250 — widen nodeCidr to a /23 or lower maxNodes to 246',
    ]);
  });

  test('fails: a /28 node range splits into subnets smaller than a /28', () => {
    const e = awsEstate();
    new FlatCluster(e.stack, 'prod', { network: e.network, nodeCidr: '10.240.0.0/28' });
    expectErrors(e, 'AWS-SUBNET-001', [
      '[corp/prod] node range 10.240.0.0/28 of corp/prod splits into /29 subnets over 2 availability zones (eu-west-1a, eu-west-1b), smaller than the /28 AWS accepts — widen nodeCidr to a /27 or larger',
    ]);
  });

  test('fails: pod subnets short of maxNodes × maxPodsPerNode', () => {
    const e = awsEstate();
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 16, maxPodsPerNode: 16, nodeMaskSize: 28 });
    expectErrors(e, 'AWS-SUBNET-001', [
      '[corp/prod] pod range 10.1.0.0/24 of corp/prod splits into 2 subnets of /25 over 2 availability zones (eu-west-1a, eu-west-1b); AWS keeps 5 addresses in each, leaving 246 pod addresses, fewer than maxNodes × maxPodsPerNode = 256 — widen podCidr to a /23 or lower maxNodes or maxPodsPerNode',
    ]);
  });

  test('a plan without zones (subnets not per zone) is not checked', () => {
    const plan = handPlan({
      availabilityZones: [],
      clusters: [{
        path: 'corp/prod', model: NetworkModel.FLAT, nodeCidr: '10.1.16.0/24', podCidr: '10.0.0.0/16', serviceCidr: '10.1.0.0/20',
        nodeMaskSize: 24, maxNodes: 250, maxPodsPerNode: 110, maxServices: 4094, ingress: [],
      }],
    });
    expect(rule('AWS-SUBNET-001').check(plan)).toEqual([]);
    expect(rule('AWS-SUBNET-001').check({ ...plan, availabilityZones: ['eu-west-1a', 'eu-west-1b'] })).toHaveLength(1);
  });

});

describe('AWS-EKS-001: two availability zones', () => {
  test('passes: eu-west-1a and eu-west-1b', () => {
    const e = awsEstate();
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 200 });
    expect(findings(e.network, 'AWS-EKS-001')).toEqual([]);
  });

  test('fails: one zone', () => {
    const e = awsEstate({ cloud: ONE_ZONE });
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 100 });
    expectErrors(e, 'AWS-EKS-001', [
      '[corp/prod] corp/prod has its subnets in 1 availability zone (eu-west-1a); EKS needs subnets in at least 2 — list two or more zones in Cloud.aws({ region, availabilityZones })',
    ]);
  });
});

describe('AWS-EKS-002: service_ipv4_cidr is a /12 to /24 in RFC 1918, off the VPC', () => {
  test('passes: island services from the hole 10.0.0.0/14, flat services in the main network', () => {
    const e = awsEstate(HOLE);
    new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 100 });
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 200 });
    expect(findings(e.network, 'AWS-EKS-002')).toEqual([]);
    expect(synthError(e.stack)).toBe('');
  });

  test('passes: with the default islandCidr 100.64.0.0/10, island services come from 172.20.0.0/16, EKS\'s own default', () => {
    const e = awsEstate({ cidr: '10.16.0.0/12' });
    const batch = new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 100 });
    expect(e.network.islandServiceCidr).toBe('172.20.0.0/16');
    e.network.planNow();
    expect(batch.serviceCidr).toBe('172.20.0.0/20');
    expect(findings(e.network, 'AWS-EKS-002')).toEqual([]);
  });

  test('fails: island services pinned in 100.64.0.0/10', () => {
    const e = awsEstate({ cidr: '10.16.0.0/12' });
    new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 100, serviceCidr: '100.64.128.0/20' });
    expectErrors(e, 'AWS-EKS-002', [
      '[corp/batch] service range 100.64.128.0/20 of corp/batch is outside 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16, so EKS refuses it as service_ipv4_cidr — pin serviceCidr, or set islandServiceCidr on corp/main, to an RFC 1918 range no VPC block uses (e.g. 172.20.0.0/16, EKS\'s own default); suppress AWS-EKS-002 on corp/batch if it does not run on EKS',
    ]);
  });

  test('passes: the same island with serviceCidr pinned to EKS\'s default 172.20.0.0/16', () => {
    const e = awsEstate({ cidr: '10.16.0.0/12' });
    new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 100, serviceCidr: '172.20.0.0/16' });
    expect(findings(e.network, 'AWS-EKS-002')).toEqual([]);
    expect(synthError(e.stack)).toBe('');
  });

  test('fails: archipelago members\' services from an islandServiceCidr in 100.64.0.0/10', () => {
    const e = awsEstate({ cidr: '10.16.0.0/12', islandServiceCidr: '100.127.0.0/16' });
    new Archipelago(e.stack, 'east', { network: e.network }).addCluster('a', { maxNodes: 50 });
    expectErrors(e, 'AWS-EKS-002', [
      '[corp/east/a] service range 100.127.0.0/20 of corp/east/a is outside 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16, so EKS refuses it as service_ipv4_cidr — set islandServiceCidr on corp/main to an RFC 1918 range no VPC block uses (e.g. 172.20.0.0/16, EKS\'s own default): members\' service ranges come from it; suppress AWS-EKS-002 on corp/east/a if it does not run on EKS',
    ]);
  });

  test('fails: a /25 service range', () => {
    const e = awsEstate();
    new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 200, maxServices: 100 });
    expectErrors(e, 'AWS-EKS-002', [
      '[corp/prod] service range 10.0.0.0/25 of corp/prod is a /25; EKS takes service_ipv4_cidr from /12 to /24 — raise maxServices to 254 or more, or pin a /24 or larger serviceCidr',
    ]);
  });

  test('fails: a service range over a block of the cluster\'s VPC', () => {
    const e = awsEstate();
    new IsolatedCluster(e.stack, 'vault', {
      network: e.network, maxNodes: 200, podCidr: '10.2.0.0/16', nodeCidr: '10.3.0.0/24', serviceCidr: '10.2.0.0/24',
    });
    expectErrors(e, 'AWS-EKS-002', [
      '[corp/vault] service range 10.2.0.0/24 of corp/vault overlaps pod range 10.2.0.0/16 of corp/vault, a block of the VPC of corp/vault; EKS refuses a service_ipv4_cidr that overlaps its VPC — pin serviceCidr elsewhere',
    ]);
  });
});

describe('AWS-LB-001: an ALB has /27 or larger subnets in two zones', () => {
  test('passes: Ingress.proxy() gets a /27 per zone', () => {
    const e = awsEstate(HOLE);
    new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 100, ingress: [Ingress.proxy()] });
    expect(findings(e.network, 'AWS-LB-001')).toEqual([]);
    expect(synthError(e.stack)).toBe('');
  });

  test('fails: one zone', () => {
    const e = awsEstate({ ...HOLE, cloud: ONE_ZONE });
    new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 50, ingress: [Ingress.proxy()] });
    expectErrors(e, 'AWS-LB-001', [
      '[corp/batch] the ALB of corp/batch has subnets in 1 availability zone (eu-west-1a); an application load balancer needs at least 2 — list two or more zones in Cloud.aws({ region, availabilityZones })',
    ]);
  });

  test('fails (plan by hand): /28 ALB subnets', () => {
    const proxy = (zone: string, cidr: string) => ({
      owner: 'corp/batch', name: `proxy-${zone}`, role: RangeRole.GATEWAY, cidr, routable: true, space: 'corp/main', source: RangeSource.ALLOCATED, zone,
    });
    const plan = handPlan({
      ranges: [proxy('eu-west-1a', '10.4.1.0/28'), proxy('eu-west-1b', '10.4.1.16/28')],
      clusters: [{
        path: 'corp/batch', model: NetworkModel.ISLAND, nodeCidr: '10.4.0.0/25', podCidr: '10.0.0.0/17', serviceCidr: '10.0.128.0/20',
        nodeMaskSize: 24, maxNodes: 100, maxPodsPerNode: 110, maxServices: 4094, egress: EgressKind.MASQUERADE,
        ingress: [{ kind: IngressKind.PROXY, ports: [], subnetCidrs: ['10.4.1.0/28', '10.4.1.16/28'] }],
      }],
    });
    expect(rule('AWS-LB-001').check(plan)).toEqual([
      { path: 'corp/batch', message: 'ALB subnet 10.4.1.0/28 (proxy-eu-west-1a) of corp/batch is a /28, smaller than the /27 an application load balancer needs (8 free addresses to scale) — use Ingress.proxy({ subnetMaskSize: 27 }) or a shorter mask' },
      { path: 'corp/batch', message: 'ALB subnet 10.4.1.16/28 (proxy-eu-west-1b) of corp/batch is a /28, smaller than the /27 an application load balancer needs (8 free addresses to scale) — use Ingress.proxy({ subnetMaskSize: 27 }) or a shorter mask' },
    ]);
  });
});

describe('AWS-LB-002: a network load balancer forwards at most 50 ports (listeners per NLB, not adjustable)', () => {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => 8000 + from + i);

  test('passes: 50 distinct ports over two gateways (one NLB, a listener each)', () => {
    const e = awsEstate(HOLE);
    new IslandCluster(e.stack, 'batch', { network: e.network, ingress: [Ingress.loadBalancer({ ports: range(1, 30) }), Ingress.loadBalancer({ ports: range(21, 50) })] });
    expect(findings(e.network, 'AWS-LB-002')).toEqual([]);
    expect(synthError(e.stack)).toBe('');
  });

  test('fails: 51, with no way to suppress it', () => {
    const e = awsEstate(HOLE);
    const batch = new IslandCluster(e.stack, 'batch', { network: e.network, ingress: [Ingress.loadBalancer({ ports: range(1, 51) })] });
    expectErrors(e, 'AWS-LB-002', [
      '[corp/batch] the network load balancer of corp/batch would forward 51 ports (8001, 8002, 8003, 8004, 8005, ...), one listener each, more than the 50 listeners ' +
      'AWS lets a network load balancer have (not adjustable) — forward fewer ports through Ingress.loadBalancer (an Ingress.proxy() serves many HTTP services on one port, Ingress.nodePort() every NodePort)',
    ]);
    expect(AWS_REFUSED).toContain('AWS-LB-002');
    Policy.suppress(batch, 'AWS-LB-002', 'we asked nicely');
    const error = synthError(e.stack);
    expect(error).toContain('[corp/batch] INPUT-002: Policy.suppress: AWS-LB-002 cannot be suppressed');
    expect(error).toContain('[corp/batch] AWS-LB-002: the network load balancer of corp/batch would forward 51 ports');
  });
});

describe('routes-based pods on AWS', () => {
  test('are refused where they are written: the VPC CNI gives pods VPC addresses', () => {
    const e = awsEstate();
    expect(() => new FlatCluster(e.stack, 'prod', { network: e.network, podRouting: PodRouting.ROUTES })).toThrow(
      '[corp/prod] INPUT-002: podRouting ROUTES is not available on AWS: pods take VPC addresses through the VPC CNI — use PodRouting.VPC_NATIVE',
    );
  });
});
