// The plan-file rules: PLAN-002 (a frozen plan allocates nothing new) and PLAN-003 (warning:
// recorded ranges whose owner is gone). Each test synthesizes once to write the plan file,
// then builds a new app on the same file, as the next `cdktf synth` would.
import * as fs from 'fs';
import { Testing } from 'cdktf';
import { FlatCluster, Severity } from '../../lib';
import { estate, expectErrors, expectNoViolation, expectSynthPasses, synthStack, tempPlanFile, violationsOf, warningsOf } from './support';

/** A network on `planFile` with flat clusters of 100 nodes, one per id. */
function build(planFile: string, ids: string[], frozen: boolean | undefined) {
  const e = estate({ planFile, frozen });
  const clusters = ids.map((id) => new FlatCluster(e.stack, id, { network: e.network, maxNodes: 100 }));
  return { ...e, clusters };
}

/** Synthesizes prod and batch once, unfrozen, which writes the plan file. */
function recorded(): string {
  const planFile = tempPlanFile();
  const first = build(planFile, ['prod', 'batch'], false);
  synthStack(first.stack);
  expect(fs.existsSync(planFile)).toBe(true);
  return planFile;
}

describe('PLAN-002: a frozen plan allocates nothing its plan file does not record', () => {
  test('passes: the same clusters, frozen, get their recorded ranges back', () => {
    const planFile = recorded();
    const before = fs.readFileSync(planFile, 'utf8');
    const again = build(planFile, ['prod', 'batch'], true);
    again.network.planNow();
    expect(again.clusters.map((c) => [c.podCidr, c.serviceCidr, c.nodeCidr])).toEqual([
      ['10.0.0.0/17', '10.0.128.0/20', '10.0.144.0/25'],
      ['10.1.0.0/17', '10.0.160.0/20', '10.0.144.128/25'],
    ]);
    expectNoViolation(again, 'PLAN-002');
    expectSynthPasses(again);
    expect(fs.readFileSync(planFile, 'utf8')).toBe(before);
  });

  test('fails: a new cluster in a frozen plan, one error per range it would allocate', () => {
    const planFile = recorded();
    const before = fs.readFileSync(planFile, 'utf8');
    const again = build(planFile, ['prod', 'batch', 'ci'], true);
    const fix = 'run cdktf synth where CI is not true (or with frozen: false) to record it, and commit the plan file';
    expectErrors(again, 'PLAN-002', [
      { path: 'corp/ci', message: `the plan is frozen and ${planFile} has no record of the nodes range of corp/ci (it would get 10.0.145.0/25): ${fix}` },
      { path: 'corp/ci', message: `the plan is frozen and ${planFile} has no record of the pods range of corp/ci (it would get 10.1.128.0/17): ${fix}` },
      { path: 'corp/ci', message: `the plan is frozen and ${planFile} has no record of the services range of corp/ci (it would get 10.0.176.0/20): ${fix}` },
    ]);
    // A frozen plan is never rewritten.
    expect(fs.readFileSync(planFile, 'utf8')).toBe(before);
  });

  test('the same new cluster passes when not frozen, and is then recorded', () => {
    const planFile = recorded();
    const again = build(planFile, ['prod', 'batch', 'ci'], false);
    expectNoViolation(again, 'PLAN-002');
    expectSynthPasses(again);
    expect(fs.readFileSync(planFile, 'utf8')).toContain('"corp/ci:pods": "10.1.128.0/17"');
  });

  describe('with CI=true', () => {
    const saved = process.env.CI;
    beforeEach(() => { process.env.CI = 'true'; });
    afterEach(() => {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    });

    test('a network whose plan file exists is frozen by default', () => {
      const planFile = recorded();
      const again = build(planFile, ['prod', 'batch', 'ci'], undefined);
      expect(again.network.frozen).toBe(true);
      expect(violationsOf(again.network, 'PLAN-002').map((v) => v.path)).toEqual(['corp/ci', 'corp/ci', 'corp/ci']);
    });

    test('a network with no plan file yet is not frozen', () => {
      const fresh = build(tempPlanFile(), ['prod'], undefined);
      expect(fresh.network.frozen).toBe(false);
      expectNoViolation(fresh, 'PLAN-002');
    });
  });
});

describe('PLAN-003 (warning): recorded ranges whose owner is gone', () => {
  test('passes: every recorded range is still asked for', () => {
    const planFile = recorded();
    const again = build(planFile, ['prod', 'batch'], false);
    expectNoViolation(again, 'PLAN-003');
    expectSynthPasses(again);
    expect(warningsOf(again.network)).toEqual([]);
  });

  test('fails: batch removed — each of its ranges is warned about on the network; synth goes on', () => {
    const planFile = recorded();
    const again = build(planFile, ['prod'], false);
    const messages = [
      ['10.0.144.128/25', 'corp/batch:nodes'],
      ['10.0.160.0/20', 'corp/batch:services'],
      ['10.1.0.0/17', 'corp/batch:pods'],
    ].map(([cidr, owner]) =>
      `${planFile} records ${cidr} for ${owner}, which no longer asks for it; the range stays reserved — if its owner was renamed, \`cdktf-kube-networks plan mv OLD_PATH NEW_PATH\` gives it back its ranges; once its resources are gone, \`cdktf-kube-networks plan rm ${owner}\` frees it`);
    expect(violationsOf(again.network, 'PLAN-003')).toEqual(
      messages.map((message) => ({ ruleId: 'PLAN-003', severity: Severity.WARNING, path: 'corp/main', message })));
    expectSynthPasses(again);
    expect(warningsOf(again.network)).toEqual(messages.map((m) => `PLAN-003: ${m}`));
  });

  test('a removed cluster\'s ranges stay reserved: a new cluster does not get them', () => {
    const planFile = recorded();
    const again = build(planFile, ['prod', 'ci'], false);
    const ci = again.clusters[1];
    expect([ci.podCidr, ci.serviceCidr, ci.nodeCidr]).not.toContain('10.1.0.0/17');
    expect(violationsOf(again.network, 'PLAN-003')).toHaveLength(3);
    expectNoViolation(again, 'MODEL-001');
  });
});

test('PLAN-002 and PLAN-003 are reported together when a frozen plan swaps a cluster', () => {
  const planFile = recorded();
  const again = build(planFile, ['prod', 'ci'], true);
  expect(violationsOf(again.network, 'PLAN-002')).toHaveLength(3);
  expect(violationsOf(again.network, 'PLAN-003')).toHaveLength(3);
  expect(() => Testing.synth(again.stack, true)).toThrow('[corp/ci] PLAN-002: the plan is frozen');
});
