// The policy engine as users meet it: the catalog, suppressions with a reason, their own
// rules, and one synth error that lists every broken rule.
import { Testing } from 'cdktf';
import {
  Archipelago, Cloud, CloudProvider, FlatCluster, Ingress, IPolicyRule, IslandCluster, IsolatedCluster, Policy, RuleCatalog, Severity,
} from '../../lib';
import {
  estate, expectNoViolation, expectSynthPasses, infosOf, OTHER, synthErrorLines, tempPlanFile, violationsOf, warningsOf,
} from './support';

const OVER_OTHER = 'pod range 10.128.0.0/16 of corp/prod overlaps reserved range 10.128.1.1/32 (other); flat pod ranges must be unique in the main network — pin podCidr elsewhere or shrink it';
const REASON = 'Other 10.128.1.1 is switched off before prod takes traffic (NET-42)';

describe('RuleCatalog', () => {
  const BUILT_IN: Array<[string, Severity]> = [
    ['K8S-001', Severity.ERROR], ['K8S-002', Severity.ERROR], ['K8S-003', Severity.ERROR], ['K8S-004', Severity.WARNING],
    ['K8S-005', Severity.ERROR],
    ['MODEL-001', Severity.ERROR], ['MODEL-002', Severity.ERROR], ['MODEL-003', Severity.ERROR], ['MODEL-004', Severity.ERROR],
    ['MODEL-005', Severity.ERROR], ['MODEL-006', Severity.ERROR], ['MODEL-007', Severity.ERROR], ['MODEL-008', Severity.ERROR],
    ['MODEL-009', Severity.WARNING], ['MODEL-011', Severity.ERROR],
    ['PLAN-002', Severity.ERROR], ['PLAN-003', Severity.WARNING],
  ];

  test.each([CloudProvider.GCP, CloudProvider.AWS])('lists the model, Kubernetes and plan-file rules on %s, in id order, with severities', (provider) => {
    const rules = RuleCatalog.rules(provider).filter((r) => /^(MODEL|K8S|PLAN)-/.test(r.id));
    expect(rules.map((r) => [r.id, r.severity])).toEqual(BUILT_IN);
  });

  test('every rule has a one-line statement', () => {
    for (const rule of RuleCatalog.rules(CloudProvider.GCP)) {
      expect(rule.statement).toMatch(/^[A-Z].*\.$/);
      expect(rule.statement).not.toContain('\n');
    }
  });
});

describe('Policy.suppress', () => {
  test('a suppressed ERROR lets synth pass, keeps its reason, and shows as info', () => {
    const e = estate({ reserved: [OTHER] });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.128.0.0/16' });
    Policy.suppress(prod, 'MODEL-001', REASON);
    expect(violationsOf(e.network, 'MODEL-001')).toEqual([
      { ruleId: 'MODEL-001', severity: Severity.ERROR, path: 'corp/prod', message: OVER_OTHER, suppressedReason: REASON },
    ]);
    expectSynthPasses(e);
    expect(infosOf(prod)).toEqual([`MODEL-001: ${OVER_OTHER} [suppressed: ${REASON}]`]);
    expect(warningsOf(prod)).toEqual([]);
    expect(e.network.plan.suppressions).toEqual([{ path: 'corp/prod', ruleId: 'MODEL-001', reason: REASON }]);
  });

  test('the same plan without the suppression fails synth', () => {
    const e = estate({ reserved: [OTHER] });
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.128.0.0/16' });
    expect(() => Testing.synth(e.stack, true)).toThrow(`[corp/prod] MODEL-001: ${OVER_OTHER}`);
  });

  test('a suppression on the stack covers every construct beneath it', () => {
    const e = estate({ reserved: [OTHER] });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.128.0.0/16' });
    Policy.suppress(e.stack, 'MODEL-001', REASON);
    expectSynthPasses(e);
    expect(infosOf(prod)).toEqual([`MODEL-001: ${OVER_OTHER} [suppressed: ${REASON}]`]);
  });

  test('suppressing one rule leaves the others of the same construct failing', () => {
    const e = estate({ reserved: [OTHER] });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.128.0.0/16', serviceCidr: '10.32.0.0/11' });
    Policy.suppress(prod, 'MODEL-001', REASON);
    expect(synthErrorLines(e.stack)).toEqual([
      '[corp/prod] K8S-001: service range 10.32.0.0/11 is larger than the /12 kube-apiserver accepts for IPv4: use a /12 or smaller range (serviceCidr of corp/prod)',
    ]);
  });

  test('a suppression on another cluster does not apply', () => {
    const e = estate({ reserved: [OTHER] });
    const test = new FlatCluster(e.stack, 'test', { network: e.network, podCidr: '10.1.0.0/16', nodeCidr: '10.240.1.0/24', serviceCidr: '10.2.16.0/20' });
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.128.0.0/16' });
    Policy.suppress(test, 'MODEL-001', REASON);
    expect(() => Testing.synth(e.stack, true)).toThrow(`[corp/prod] MODEL-001: ${OVER_OTHER}`);
  });

  test('the reason is kept trimmed, and listed by Policy.suppressionsOf', () => {
    const e = estate({ reserved: [OTHER] });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.128.0.0/16' });
    Policy.suppress(prod, 'MODEL-001', `   ${REASON}\n`);
    expect(Policy.suppressionsOf(prod)).toEqual([{ ruleId: 'MODEL-001', reason: REASON }]);
    expect(violationsOf(e.network, 'MODEL-001')[0].suppressedReason).toBe(REASON);
  });

  const NO_REASON = 'a written reason is required (10 characters or more), e.g. "pods never talk to Other; reviewed in NET-42"';

  test.each([
    ['no reason', undefined],
    ['an empty reason', ''],
    ['a short reason', 'ok'],
    ['nine characters padded with spaces', '   123456789   '],
  ])('throws without a written reason: %s', (_what, reason) => {
    const e = estate();
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network });
    expect(() => Policy.suppress(prod, 'MODEL-001', reason as string)).toThrow(NO_REASON);
    expect(() => Policy.suppress(prod, 'MODEL-001', reason as string)).toThrow('[corp/prod] INPUT-002: Policy.suppress(MODEL-001): reason ');
    expect(Policy.suppressionsOf(prod)).toEqual([]);
  });

  test('accepts a reason of exactly 10 characters', () => {
    const e = estate();
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network });
    expect(() => Policy.suppress(prod, 'MODEL-001', '1234567890')).not.toThrow();
  });

  test('throws on something that is not a rule id', () => {
    const e = estate();
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network });
    expect(() => Policy.suppress(prod, 'model-001', REASON)).toThrow(
      new Error('[corp/prod] INPUT-002: Policy.suppress: rule id "model-001" is not a rule id: use one like "MODEL-001"'));
  });
});

describe('user rules: network.addRule', () => {
  /** ACME routes at most a /16 per cluster. */
  const acme001: IPolicyRule = {
    id: 'ACME-001',
    statement: 'No cluster pod range is larger than a /16.',
    severity: Severity.ERROR,
    check: (plan) => plan.clusters
      .filter((c) => Number(c.podCidr.split('/')[1]) < 16)
      .map((c) => ({ path: c.path, message: `pod range ${c.podCidr} of ${c.path} is larger than a /16: pin a /16 or smaller podCidr` })),
  };

  test('passes: a /16 pod range', () => {
    const e = estate();
    e.network.addRule(acme001);
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/16' });
    expectNoViolation(e, 'ACME-001');
    expectSynthPasses(e);
  });

  test('fails: a /14 pod range fails synth with the rule id and the path', () => {
    const e = estate();
    e.network.addRule(acme001);
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/14' });
    const message = 'pod range 10.0.0.0/14 of corp/prod is larger than a /16: pin a /16 or smaller podCidr';
    expect(violationsOf(e.network, 'ACME-001')).toEqual([{ ruleId: 'ACME-001', severity: Severity.ERROR, path: 'corp/prod', message }]);
    expect(() => Testing.synth(e.stack, true)).toThrow(`[corp/prod] ACME-001: ${message}`);
  });

  test('a rule added after the violations were read is checked too', () => {
    const e = estate();
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/14' });
    expectNoViolation(e, 'ACME-001');
    e.network.addRule(acme001);
    expect(violationsOf(e.network, 'ACME-001')).toHaveLength(1);
  });

  test('a user WARNING rule warns on the construct and synth goes on', () => {
    const e = estate();
    e.network.addRule({
      id: 'ACME-002',
      statement: 'Clusters say how many nodes they need.',
      severity: Severity.WARNING,
      check: (plan) => plan.clusters.filter((c) => c.maxNodes === 250).map((c) => ({ path: c.path, message: `${c.path} uses the default 250 nodes: set maxNodes` })),
    });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network });
    expectSynthPasses(e);
    expect(warningsOf(prod)).toEqual(['ACME-002: corp/prod uses the default 250 nodes: set maxNodes']);
  });

  test('a user rule can be suppressed like a built-in one', () => {
    const e = estate();
    e.network.addRule(acme001);
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/14' });
    Policy.suppress(prod, 'ACME-001', 'prod is the one cluster allowed a /14 (ARCH-9)');
    expectSynthPasses(e);
    expect(infosOf(prod)).toHaveLength(1);
  });

  test('a duplicate rule id is rejected, and the first rule stays', () => {
    const e = estate();
    e.network.addRule(acme001);
    expect(() => e.network.addRule({ ...acme001, statement: 'Another rule.' })).toThrow(
      new Error('[corp/main] INPUT-002: rule id ACME-001 is already taken by another rule added to this network ("No cluster pod range is larger than a /16."): give your rule its own id, e.g. ACME-001'));
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/14' });
    expect(violationsOf(e.network, 'ACME-001')).toHaveLength(1);
  });

  test('a built-in rule id is rejected', () => {
    const e = estate();
    expect(() => e.network.addRule({ ...acme001, id: 'MODEL-001' })).toThrow(
      new Error('[corp/main] INPUT-002: rule id MODEL-001 is already taken by a built-in rule ("Every routable range (node subnets, flat pod and service ranges, reserved ranges, gateway subnets) is unique in the main network."): give your rule its own id, e.g. ACME-001'));
  });

  test('the same rule may be added to two networks', () => {
    const a = estate();
    const b = estate();
    a.network.addRule(acme001);
    expect(() => b.network.addRule(acme001)).not.toThrow();
  });
});

describe('synth reports every rule at once', () => {
  test('violations of several rules on several constructs are ALL listed in one synth error', () => {
    const e = estate({ reserved: [OTHER], islandCidr: '10.0.0.0/14' });
    e.network.addRule({
      id: 'ACME-001',
      statement: 'No cluster pod range is larger than a /16.',
      severity: Severity.ERROR,
      check: (plan) => plan.clusters.filter((c) => c.podCidr === '10.128.0.0/15')
        .map((c) => ({ path: c.path, message: `pod range ${c.podCidr} of ${c.path} is larger than a /16` })),
    });
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.128.0.0/15' });
    new FlatCluster(e.stack, 'hole', { network: e.network, podCidr: '10.3.0.0/16' });
    new FlatCluster(e.stack, 'svc', { network: e.network, serviceCidr: '10.32.0.0/11' });
    new IsolatedCluster(e.stack, 'vault', { network: e.network, nodeCidr: '10.0.0.0/16', podCidr: '10.0.0.0/16' });
    const batch = new IslandCluster(e.stack, 'batch', { network: e.network, podCidr: '10.0.0.0/16', ingress: [Ingress.nodePort()] });

    expect(() => Testing.synth(e.stack, true)).toThrow('Validation failed with the following errors');
    expect(synthErrorLines(e.stack).sort()).toEqual([
      '[corp/hole] MODEL-005: pod range 10.3.0.0/16 of corp/hole overlaps the island hole 10.0.0.0/14 of corp/main; routable ranges never use the hole — pin podCidr outside 10.0.0.0/14',
      '[corp/prod] ACME-001: pod range 10.128.0.0/15 of corp/prod is larger than a /16',
      '[corp/prod] MODEL-001: pod range 10.128.0.0/15 of corp/prod overlaps reserved range 10.128.1.1/32 (other); flat pod ranges must be unique in the main network — pin podCidr elsewhere or shrink it',
      '[corp/svc] K8S-001: service range 10.32.0.0/11 is larger than the /12 kube-apiserver accepts for IPv4: use a /12 or smaller range (serviceCidr of corp/svc)',
      '[corp/vault] MODEL-003: node range 10.0.0.0/16 of corp/vault overlaps its own pod range 10.0.0.0/16 of corp/vault; a cluster\'s node, pod and service ranges must be disjoint — pin nodeCidr elsewhere',
    ]);
    // The warning is not an error; it is announced once however often synth runs.
    expect(warningsOf(batch)).toEqual([
      'MODEL-009: NodePort ingress of corp/batch is open to the whole main network 10.0.0.0/8 on 30000-32767 — pass Ingress.nodePort({ sourceRanges: [...] }) to narrow it',
    ]);
  });

  test('network.violations() come sorted by path, then rule id', () => {
    const e = estate({ reserved: [OTHER] });
    new FlatCluster(e.stack, 'zeta', { network: e.network, podCidr: '10.128.0.0/16', serviceCidr: '10.32.0.0/11' });
    new FlatCluster(e.stack, 'alpha', { network: e.network, nodeMaskSize: 25, serviceCidr: '10.2.0.0/29' });
    expect(e.network.violations().map((v) => `${v.path} ${v.ruleId}`)).toEqual([
      'corp/alpha K8S-003',
      'corp/alpha K8S-004',
      'corp/zeta K8S-001',
      'corp/zeta MODEL-001',
    ]);
  });

  test('a clean plan has no violations at all', () => {
    const e = estate({ reserved: [OTHER] });
    new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', serviceCidr: '10.2.0.0/20' });
    expect(e.network.violations()).toEqual([]);
    expectSynthPasses(e);
  });
});

describe('results stay current', () => {
  test('a suppression added after violations() were read applies at synth', () => {
    const e = estate({ reserved: [{ cidr: '10.128.1.1/32', name: 'other' }] });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.128.0.0/16' });
    expect(violationsOf(e.network, 'MODEL-001')).toHaveLength(1);
    Policy.suppress(prod, 'MODEL-001', 'Other 10.128.1.1 is decommissioned in NET-42');
    expect(violationsOf(e.network, 'MODEL-001')[0].suppressedReason).toBe('Other 10.128.1.1 is decommissioned in NET-42');
    expectSynthPasses(e);
  });

  test('a network built after another\'s violations() were read is still checked against it (MODEL-007)', () => {
    const app = Testing.app();
    const planFile = tempPlanFile();
    const { stack: gcpStack, network: g } = estate({ planFile }, 'gcp', app);
    new FlatCluster(gcpStack, 'prod', { network: g, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
    expect(g.violations()).toEqual([]);
    const { stack: awsStack, network: a } = estate({ planFile, cloud: Cloud.aws({ region: 'eu-west-1' }) }, 'aws', app);
    new FlatCluster(awsStack, 'prod', { network: a, podCidr: '10.0.0.0/16', nodeCidr: '10.241.0.0/24' });
    // Both pod ranges are pinned alike, and both service ranges are allocated alike.
    expect(g.violations().map((v) => `[${v.path}] ${v.ruleId}: ${v.message.split(';')[0]}`)).toEqual([
      '[gcp/prod] MODEL-007: pod range 10.0.0.0/16 of gcp/prod overlaps pod range 10.0.0.0/16 of aws/prod of network aws/main',
      '[gcp/prod] MODEL-007: service range 10.1.0.0/20 of gcp/prod overlaps service range 10.1.0.0/20 of aws/prod of network aws/main',
    ]);
    expect(() => Testing.synth(gcpStack, true)).toThrow('[gcp/prod] MODEL-007: pod range 10.0.0.0/16 of gcp/prod overlaps pod range 10.0.0.0/16 of aws/prod of network aws/main');
  });

  test('an archipelago\'s own findings are reported on the archipelago', () => {
    const e = estate();
    new Archipelago(e.stack, 'east', { network: e.network, podCidr: '10.64.0.0/14' });
    expect(() => Testing.synth(e.stack, true)).toThrow('[corp/east] MODEL-002: archipelago super-range 10.64.0.0/14 of corp/east overlaps the main network 10.0.0.0/8');
  });
});

describe('estates', () => {
  test('networks of different estates may overlap (a lab beside production); of one estate they may not', () => {
    const app = Testing.app();
    const prod = estate({ planFile: tempPlanFile() }, 'prod', app);
    const lab = estate({ planFile: tempPlanFile(), estate: 'lab' }, 'lab', app);
    new FlatCluster(prod.stack, 'a', { network: prod.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
    new FlatCluster(lab.stack, 'a', { network: lab.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
    expect(violationsOf(prod.network, 'MODEL-007')).toEqual([]);
    expect(violationsOf(lab.network, 'MODEL-007')).toEqual([]);
    const twin = estate({ planFile: tempPlanFile(), estate: 'lab' }, 'twin', app);
    new FlatCluster(twin.stack, 'a', { network: twin.network, podCidr: '10.0.0.0/16', nodeCidr: '10.241.0.0/24' });
    expect(violationsOf(twin.network, 'MODEL-007').map((v) => v.path)).toEqual(['twin/a', 'twin/a']);
  });
});
