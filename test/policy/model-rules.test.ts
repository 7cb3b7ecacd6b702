// The model rules (MODEL-001 to MODEL-009), each on a plan that keeps it and one that
// breaks it, with the talk's addresses: Network 10.0.0.0/8, Other 10.128.1.1,
// nodes 10.240.0.x, flat clusters 10.0.0.0/16 and 10.1.0.0/16, islands in the hole 10.0.0.0/14.
import { Testing } from 'cdktf';
import { Archipelago, Cloud, FlatCluster, Ingress, IslandCluster, IsolatedCluster, Policy, Severity } from '../../lib';
import {
  estate, expectErrors, expectNoViolation, expectSynthPasses, OTHER, tempPlanFile, violationsOf, warningsOf,
} from './support';

describe('MODEL-001: routable ranges are unique in the main network', () => {
  test('passes: flat clusters on 10.0.0.0/16 and 10.1.0.0/16 beside Other 10.128.1.1', () => {
    const e = estate({ reserved: [OTHER] });
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', serviceCidr: '10.2.0.0/20' });
    new FlatCluster(e.stack, 'test', { network: e.network, podCidr: '10.1.0.0/16', nodeCidr: '10.240.1.0/24', serviceCidr: '10.2.16.0/20' });
    expectNoViolation(e, 'MODEL-001');
    expectSynthPasses(e);
  });

  test('passes: ranges allocated for one cluster avoid pins of a cluster declared after it', () => {
    const e = estate({ reserved: [OTHER] });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/16' });
    const test = new FlatCluster(e.stack, 'test', { network: e.network, podCidr: '10.1.0.0/16', nodeCidr: '10.240.0.0/24' });
    for (const cidr of [prod.nodeCidr, prod.serviceCidr, test.serviceCidr]) expect(cidr.startsWith('10.1.')).toBe(false);
    expectNoViolation(e, 'MODEL-001');
    expectSynthPasses(e);
  });

  test('passes: allocated ranges of several flat clusters never overlap', () => {
    const e = estate({ reserved: [OTHER] });
    for (const id of ['a', 'b', 'c']) new FlatCluster(e.stack, id, { network: e.network, maxNodes: 100 });
    expectNoViolation(e, 'MODEL-001');
    expectSynthPasses(e);
  });

  test('fails: a flat pod range over Other is reported on the cluster, never on the reserved range', () => {
    const e = estate({ reserved: [OTHER] });
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.128.0.0/16' });
    expectErrors(e, 'MODEL-001', [{
      path: 'corp/prod',
      message: 'pod range 10.128.0.0/16 of corp/prod overlaps reserved range 10.128.1.1/32 (other); flat pod ranges must be unique in the main network — pin podCidr elsewhere or shrink it',
    }]);
  });

  test('fails: two flat clusters on 10.0.0.0/16 — reported on the one declared later', () => {
    const e = estate({ reserved: [OTHER] });
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', serviceCidr: '10.2.0.0/20' });
    new FlatCluster(e.stack, 'test', { network: e.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.1.0/24', serviceCidr: '10.2.16.0/20' });
    expectErrors(e, 'MODEL-001', [{
      path: 'corp/test',
      message: 'pod range 10.0.0.0/16 of corp/test overlaps pod range 10.0.0.0/16 of corp/prod; flat pod ranges must be unique in the main network — pin podCidr elsewhere or shrink it',
    }]);
  });

  test('fails: a node subnet on another cluster\'s node subnet says "routable ranges"', () => {
    const e = estate();
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', serviceCidr: '10.2.0.0/20' });
    new IslandCluster(e.stack, 'batch', { network: e.network, nodeCidr: '10.240.0.0/25' });
    expectErrors(e, 'MODEL-001', [{
      path: 'corp/batch',
      message: 'node range 10.240.0.0/25 of corp/batch overlaps node range 10.240.0.0/24 of corp/prod; routable ranges must be unique in the main network — pin nodeCidr elsewhere or shrink it',
    }]);
  });
});

describe('MODEL-002: private ranges never overlap routable ones', () => {
  test('passes: islands reuse pods 10.0.0.0/16 inside the hole 10.0.0.0/14', () => {
    const e = estate({ reserved: [OTHER], islandCidr: '10.0.0.0/14' });
    const blue = new IslandCluster(e.stack, 'blue', { network: e.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
    const green = new IslandCluster(e.stack, 'green', { network: e.network, podCidr: '10.0.0.0/16' });
    e.network.planNow();
    expect(green.serviceCidr).toBe(blue.serviceCidr);
    expectNoViolation(e, 'MODEL-002');
    expectSynthPasses(e);
  });

  test('passes: islands on the default islandCidr 100.64.0.0/10 outside the network', () => {
    const e = estate({ reserved: [OTHER] });
    const blue = new IslandCluster(e.stack, 'blue', { network: e.network, maxNodes: 100 });
    new IslandCluster(e.stack, 'green', { network: e.network, maxNodes: 100 });
    e.network.planNow();
    expect(blue.podCidr.startsWith('100.64.')).toBe(true);
    expectNoViolation(e, 'MODEL-002');
    expectSynthPasses(e);
  });

  test('fails: island pods in the main network outside the hole', () => {
    const e = estate({ islandCidr: '10.0.0.0/14' });
    new IslandCluster(e.stack, 'batch', { network: e.network, podCidr: '10.8.0.0/16' });
    expectErrors(e, 'MODEL-002', [{
      path: 'corp/batch',
      message: 'pod range 10.8.0.0/16 of corp/batch overlaps the main network 10.0.0.0/8 outside its hole 10.0.0.0/14; a pod could not tell an Other host from its neighbour — pin it inside the hole 10.0.0.0/14 (islandCidr)',
    }]);
  });

  test('fails: island pods over Other, with no hole, are reported against Other and the network', () => {
    const e = estate({ reserved: [OTHER] });
    new IslandCluster(e.stack, 'batch', { network: e.network, podCidr: '10.128.0.0/16' });
    expectErrors(e, 'MODEL-002', [
      {
        path: 'corp/batch',
        message: 'pod range 10.128.0.0/16 of corp/batch overlaps routable reserved range 10.128.1.1/32 (other); a pod could not tell that host from its neighbour — pin podCidr elsewhere',
      },
      {
        path: 'corp/batch',
        message: 'pod range 10.128.0.0/16 of corp/batch overlaps the main network 10.0.0.0/8; a pod could not tell an Other host from its neighbour — pin it outside 10.0.0.0/8, e.g. in 100.64.0.0/10',
      },
    ]);
  });

  test('fails: an archipelago super-range in the main network is reported on the archipelago', () => {
    const e = estate();
    new Archipelago(e.stack, 'east', { network: e.network, podCidr: '10.64.0.0/14' });
    const message = 'archipelago super-range 10.64.0.0/14 of corp/east overlaps the main network 10.0.0.0/8; a pod could not tell an Other host from its neighbour — pin it outside 10.0.0.0/8, e.g. in 100.64.0.0/10';
    expect(violationsOf(e.network, 'MODEL-002')).toEqual([{ ruleId: 'MODEL-002', severity: Severity.ERROR, path: 'corp/east', message }]);
    // The archipelago is not a cluster, so the network's validation lists it.
    expect(() => Testing.synth(e.stack, true)).toThrow(`MODEL-002: ${message}`);
  });
});

describe('MODEL-003: reuse across clusters, but one cluster\'s own ranges are disjoint', () => {
  test('passes: an isolated cluster reuses 10.0.0.0/16 of a flat cluster', () => {
    const e = estate({ reserved: [OTHER] });
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', serviceCidr: '10.2.0.0/20' });
    new IsolatedCluster(e.stack, 'vault', { network: e.network, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16' });
    new IsolatedCluster(e.stack, 'lab', { network: e.network, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16' });
    expectNoViolation(e, 'MODEL-003');
    expectSynthPasses(e);
  });

  test('fails: an isolated cluster whose nodes and pods share 10.0.0.0/16', () => {
    const e = estate();
    new IsolatedCluster(e.stack, 'vault', { network: e.network, nodeCidr: '10.0.0.0/16', podCidr: '10.0.0.0/16' });
    expectErrors(e, 'MODEL-003', [{
      path: 'corp/vault',
      message: 'node range 10.0.0.0/16 of corp/vault overlaps its own pod range 10.0.0.0/16 of corp/vault; a cluster\'s node, pod and service ranges must be disjoint — pin nodeCidr elsewhere',
    }]);
  });

  test('fails: an island whose service range lies in its own pod range', () => {
    const e = estate();
    new IslandCluster(e.stack, 'batch', { network: e.network, podCidr: '100.64.0.0/16', serviceCidr: '100.64.16.0/20' });
    expectErrors(e, 'MODEL-003', [{
      path: 'corp/batch',
      message: 'service range 100.64.16.0/20 of corp/batch overlaps its own pod range 100.64.0.0/16 of corp/batch; a cluster\'s node, pod and service ranges must be disjoint — pin serviceCidr elsewhere',
    }]);
  });
});

describe('MODEL-004: archipelago members are disjoint and inside the super-range', () => {
  test('passes: members of east are disjoint; west reuses the same super-range 100.64.0.0/14', () => {
    const e = estate({ reserved: [OTHER] });
    const east = new Archipelago(e.stack, 'east', { network: e.network, podCidr: '100.64.0.0/14' });
    east.addCluster('a', { maxNodes: 50 });
    east.addCluster('b', { maxNodes: 50 });
    const west = new Archipelago(e.stack, 'west', { network: e.network, podCidr: '100.64.0.0/14' });
    west.addCluster('a', { maxNodes: 50 });
    e.network.planNow();
    expect(west.clusters[0].podCidr).toBe(east.clusters[0].podCidr);
    expectNoViolation(e, 'MODEL-004');
    expectSynthPasses(e);
  });

  test('fails: two members of one archipelago pinned on the same pod range', () => {
    const e = estate();
    const east = new Archipelago(e.stack, 'east', { network: e.network, podCidr: '100.64.0.0/14' });
    east.addCluster('a', { podCidr: '100.64.0.0/16' });
    east.addCluster('b', { podCidr: '100.64.0.0/16' });
    expectErrors(e, 'MODEL-004', [{
      path: 'corp/east/b',
      message: 'pod range 100.64.0.0/16 of corp/east/b overlaps pod range 100.64.0.0/16 of corp/east/a inside archipelago corp/east; members are flat among themselves, so their ranges must be disjoint — pin podCidr elsewhere in 100.64.0.0/14',
    }]);
  });

  test('fails: a member pinned outside the super-range', () => {
    const e = estate();
    const east = new Archipelago(e.stack, 'east', { network: e.network, podCidr: '100.64.0.0/14' });
    east.addCluster('a', { podCidr: '100.68.0.0/16' });
    expectErrors(e, 'MODEL-004', [{
      path: 'corp/east/a',
      message: 'pod range 100.68.0.0/16 of corp/east/a lies outside the super-range 100.64.0.0/14 of archipelago corp/east — pin podCidr inside 100.64.0.0/14',
    }]);
  });
});

describe('MODEL-005: the hole is never used for routable ranges', () => {
  test('passes: flat ranges are planned outside the hole 10.0.0.0/14', () => {
    const e = estate({ reserved: [OTHER], islandCidr: '10.0.0.0/14' });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 100 });
    new FlatCluster(e.stack, 'test', { network: e.network, podCidr: '10.4.0.0/16', nodeCidr: '10.240.0.0/24', serviceCidr: '10.5.0.0/20' });
    expect(prod.podCidr.startsWith('10.0.')).toBe(false);
    expectNoViolation(e, 'MODEL-005');
    expectSynthPasses(e);
  });

  test('fails: a flat pod range pinned in the hole', () => {
    const e = estate({ islandCidr: '10.0.0.0/14' });
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.1.0.0/16' });
    expectErrors(e, 'MODEL-005', [{
      path: 'corp/prod',
      message: 'pod range 10.1.0.0/16 of corp/prod overlaps the island hole 10.0.0.0/14 of corp/main; routable ranges never use the hole — pin podCidr outside 10.0.0.0/14',
    }]);
  });

  test('fails: a reserved range in the hole is reported on the network, with the fix "move islandCidr"', () => {
    const e = estate({ islandCidr: '10.0.0.0/14', reserved: [{ cidr: '10.2.0.0/16', name: 'legacy' }] });
    expectErrors(e, 'MODEL-005', [{
      path: 'corp/main',
      message: 'reserved range 10.2.0.0/16 (legacy) overlaps the island hole 10.0.0.0/14 of corp/main; routable ranges never use the hole — move islandCidr off it',
    }]);
  });
});

describe('MODEL-006: capacity of the pinned ranges', () => {
  test('passes: every range holds exactly what was asked (GCP keeps 4 node addresses)', () => {
    const e = estate();
    new FlatCluster(e.stack, 'prod', {
      network: e.network,
      podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', serviceCidr: '10.2.0.0/20', nodeMaskSize: 24,
      maxNodes: 252, maxPodsPerNode: 110, maxServices: 4094,
    });
    expectNoViolation(e, 'MODEL-006');
    expectSynthPasses(e);
  });

  test.each([
    {
      what: 'pod range holds too few node blocks',
      props: { podCidr: '10.0.0.0/16', nodeMaskSize: 24, maxNodes: 300 },
      message: 'pod range 10.0.0.0/16 of corp/prod holds 256 node blocks of /24, fewer than maxNodes 300 — widen podCidr or lower maxNodes',
    },
    {
      what: 'node block holds too few pods',
      props: { podCidr: '10.0.0.0/16', nodeMaskSize: 25, maxPodsPerNode: 200 },
      message: 'a /25 node block of corp/prod holds 128 addresses, fewer than maxPodsPerNode 200 — shorten nodeMaskSize or lower maxPodsPerNode',
    },
    {
      what: 'node subnet holds too few nodes',
      props: { nodeCidr: '10.240.0.0/24', maxNodes: 253 },
      message: 'node range 10.240.0.0/24 of corp/prod holds 252 nodes (4 addresses are the cloud\'s), fewer than maxNodes 253 — widen nodeCidr or lower maxNodes',
    },
    {
      what: 'service range holds too few services',
      props: { serviceCidr: '10.2.0.0/24', maxServices: 300 },
      message: 'service range 10.2.0.0/24 of corp/prod holds 254 services, fewer than maxServices 300 — widen serviceCidr or lower maxServices',
    },
  ])('fails: $what', ({ props, message }) => {
    const e = estate();
    new FlatCluster(e.stack, 'prod', { network: e.network, ...props });
    expectErrors(e, 'MODEL-006', [{ path: 'corp/prod', message }]);
  });

  test('one cause, one finding: on AWS a /24 split over two zones (5 addresses lost in each) is AWS-SUBNET-001\'s alone', () => {
    const e = estate({ cloud: Cloud.aws({ region: 'eu-west-1' }) });
    new FlatCluster(e.stack, 'prod', { network: e.network, nodeCidr: '10.240.0.0/24', maxNodes: 252 });
    expectNoViolation(e, 'MODEL-006');
    expect(violationsOf(e.network, 'AWS-SUBNET-001').map((v) => v.message)).toEqual([
      'node range 10.240.0.0/24 of corp/prod splits into 2 subnets of /25 over 2 availability zones (eu-west-1a, eu-west-1b); AWS keeps 5 addresses in each, leaving 246 for nodes, fewer than maxNodes 252 — widen nodeCidr to a /23 or lower maxNodes to 246',
    ]);
  });
});

describe('MODEL-007: networks of one app never overlap', () => {
  /** One app, a GCP network in stack `gcp` and an AWS network in stack `aws`, sharing one plan file. */
  function twoClouds(gcpCidr: string, awsCidr: string) {
    const app = Testing.app();
    const planFile = tempPlanFile();
    const gcp = estate({ cidr: gcpCidr, cloud: Cloud.gcp({ region: 'us-central1' }), planFile }, 'gcp', app);
    const aws = estate({ cidr: awsCidr, cloud: Cloud.aws({ region: 'eu-west-1' }), planFile }, 'aws', app);
    return { gcp, aws };
  }

  test('passes: GCP on 10.0.0.0/9 and AWS on 10.128.0.0/9', () => {
    const { gcp, aws } = twoClouds('10.0.0.0/9', '10.128.0.0/9');
    new FlatCluster(gcp.stack, 'prod', { network: gcp.network, maxNodes: 100 });
    new FlatCluster(aws.stack, 'prod', { network: aws.network, maxNodes: 100 });
    expectNoViolation(gcp, 'MODEL-007');
    expectNoViolation(aws, 'MODEL-007');
    expectSynthPasses(gcp);
    expectSynthPasses(aws);
  });

  test('fails: both clouds pin pods 10.0.0.0/16 — reported once, on the network whose path sorts later', () => {
    const { gcp, aws } = twoClouds('10.0.0.0/8', '10.0.0.0/8');
    new FlatCluster(gcp.stack, 'prod', { network: gcp.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', serviceCidr: '10.2.0.0/20' });
    new FlatCluster(aws.stack, 'prod', { network: aws.network, podCidr: '10.0.0.0/16', nodeCidr: '10.241.0.0/24', serviceCidr: '10.2.16.0/20' });
    expectErrors(gcp, 'MODEL-007', [{
      path: 'gcp/prod',
      message: 'pod range 10.0.0.0/16 of gcp/prod overlaps pod range 10.0.0.0/16 of aws/prod of network aws/main; networks of one app share one address plan — give the networks disjoint cidrs',
    }]);
    expectNoViolation(aws, 'MODEL-007');
    expectSynthPasses(aws);
  });
});

describe('MODEL-008: routable cluster ranges lie inside the main network', () => {
  test('passes: pods, nodes and services pinned inside 10.0.0.0/8', () => {
    const e = estate();
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', serviceCidr: '10.2.0.0/20' });
    expectNoViolation(e, 'MODEL-008');
    expectSynthPasses(e);
  });

  test('fails: a flat pod range pinned in 172.16.0.0/16', () => {
    const e = estate();
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '172.16.0.0/16' });
    expectErrors(e, 'MODEL-008', [{
      path: 'corp/prod',
      message: 'pod range 172.16.0.0/16 of corp/prod lies outside the main network 10.0.0.0/8, so it is not routable there — pin podCidr inside 10.0.0.0/8 or widen the network\'s cidr',
    }]);
  });
});

describe('MODEL-009 (warning): a NodePort gateway open to the whole main network', () => {
  test('passes: NodePort narrowed to Other 10.128.1.1/32', () => {
    const e = estate({ reserved: [OTHER] });
    const batch = new IslandCluster(e.stack, 'batch', {
      network: e.network, ingress: [Ingress.nodePort({ sourceRanges: ['10.128.1.1/32'] }), Ingress.loadBalancer({ ports: [443] })],
    });
    expectNoViolation(e, 'MODEL-009');
    expectSynthPasses(e);
    expect(warningsOf(batch)).toEqual([]);
  });

  test('fails: Ingress.nodePort() with no source ranges warns on the island; synth goes on', () => {
    const e = estate({ reserved: [OTHER] });
    const batch = new IslandCluster(e.stack, 'batch', { network: e.network, ingress: [Ingress.nodePort()] });
    const message = 'NodePort ingress of corp/batch is open to the whole main network 10.0.0.0/8 on 30000-32767 — pass Ingress.nodePort({ sourceRanges: [...] }) to narrow it';
    expect(violationsOf(e.network, 'MODEL-009')).toEqual([{ ruleId: 'MODEL-009', severity: Severity.WARNING, path: 'corp/batch', message }]);
    expectSynthPasses(e);
    expect(warningsOf(batch)).toEqual([`MODEL-009: ${message}`]);
  });

  test('a suppressed warning becomes an info with its reason', () => {
    const e = estate();
    const batch = new IslandCluster(e.stack, 'batch', { network: e.network, ingress: [Ingress.nodePort()] });
    Policy.suppress(batch, 'MODEL-009', 'a firewall in front of the VPC narrows it (NET-7)');
    expectSynthPasses(e);
    expect(warningsOf(batch)).toEqual([]);
    expect(violationsOf(e.network, 'MODEL-009')[0].suppressedReason).toBe('a firewall in front of the VPC narrows it (NET-7)');
  });
});

describe('one cause, one finding', () => {
  test('a routable range pinned in the hole is MODEL-005\'s; the island ranges it then overlaps are not reported again (MODEL-002)', () => {
    const e = estate({ reserved: [OTHER], islandCidr: '10.0.0.0/14' });
    new IslandCluster(e.stack, 'batch', { network: e.network });
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/16' });
    expect(violationsOf(e.network, 'MODEL-005').map((v) => v.path)).toEqual(['corp/prod']);
    expect(violationsOf(e.network, 'MODEL-002')).toEqual([]);
  });
});
