// The ways a plan file used to lose records, each from a clean directory, as a user would meet
// them: every record is now kept, held and reported until it is released on purpose.
import * as fs from 'fs';
import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { Archipelago, Cloud, FlatCluster, IslandCluster, Network, RangeSource } from '../../lib';
import { plan } from '../../lib/cli/plan';
import { flatExample } from '../../examples/models';
import { estate, synthError, synthStack, tempPlanFile, withProvider } from '../support';

const quiet = <T>(fn: () => T): T => {
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    return fn();
  } finally {
    process.stdout.write = write;
  }
};

const records = (planFile: string) => JSON.parse(fs.readFileSync(planFile, 'utf8')).networks;
const warnings = (network: Network) => network.violations().filter((v) => v.ruleId === 'PLAN-003').map((v) => v.message);

describe('records are kept', () => {
  test('an island left out of one synth keeps its private ranges, reported; back, it gets exactly them', () => {
    const planFile = tempPlanFile();
    const first = estate({ planFile });
    new IslandCluster(first.stack, 'batch', { network: first.network, maxNodes: 100 });
    synthStack(first.stack);
    const recorded = records(planFile)['corp/main'].pools['corp/batch'];
    expect(recorded).toEqual({ 'corp/batch:pods': '100.64.0.0/17', 'corp/batch:services': '100.64.128.0/20' });

    const without = estate({ planFile });
    new FlatCluster(without.stack, 'other', { network: without.network });
    expect(warnings(without.network).filter((m) => m.includes('corp/batch:pods'))).toHaveLength(1);
    synthStack(without.stack);
    expect(records(planFile)['corp/main'].pools['corp/batch']).toEqual(recorded);

    const back = estate({ planFile });
    new FlatCluster(back.stack, 'other', { network: back.network });
    const batch = new IslandCluster(back.stack, 'batch', { network: back.network, maxNodes: 100, maxPodsPerNode: 110 });
    back.network.planNow();
    expect([batch.podCidr, batch.serviceCidr]).toEqual(['100.64.0.0/17', '100.64.128.0/20']);
    expect(back.network.plan.ranges.filter((r) => r.owner === 'corp/batch' && r.source === RangeSource.RECORDED)).toHaveLength(3);
  });

  test('an archipelago left out and brought back with its members in another order: each member keeps its ranges', () => {
    const planFile = tempPlanFile();
    const first = estate({ planFile });
    const east = new Archipelago(first.stack, 'east', { network: first.network });
    const a = east.addCluster('a', { maxNodes: 100 });
    const b = east.addCluster('b', { maxNodes: 50 });
    first.network.planNow();
    const before = [a.podCidr, a.serviceCidr, b.podCidr, b.serviceCidr];
    synthStack(first.stack);

    const without = estate({ planFile });
    new FlatCluster(without.stack, 'other', { network: without.network });
    synthStack(without.stack);

    const back = estate({ planFile });
    const again = new Archipelago(back.stack, 'east', { network: back.network });
    const b2 = again.addCluster('b', { maxNodes: 50 });
    const a2 = again.addCluster('a', { maxNodes: 100 });
    back.network.planNow();
    expect([a2.podCidr, a2.serviceCidr, b2.podCidr, b2.serviceCidr]).toEqual(before);
  });

  test('a returning island asking for more pods per node is refused, not shrunk or moved', () => {
    const planFile = tempPlanFile();
    const first = estate({ planFile });
    new IslandCluster(first.stack, 'batch', { network: first.network, maxNodes: 100 });
    synthStack(first.stack);
    const again = estate({ planFile });
    new IslandCluster(again.stack, 'batch', { network: again.network, maxNodes: 100, maxPodsPerNode: 32 });
    expect(() => again.network.plan).toThrow(/\[corp\/batch\] PLAN-001: corp\/batch:pods is recorded at 100\.64\.0\.0\/17 in .* but now asks for a \/19: resizing would move the range/);
  });

  test('a renamed Network: the old records stay in the file and are reported with the fix; plan mv gives the clusters their ranges back', () => {
    const planFile = tempPlanFile();
    const first = estate({ planFile });
    const a = new FlatCluster(first.stack, 'a', { network: first.network });
    first.network.planNow();
    const before = [a.podCidr, a.serviceCidr, a.nodeCidr];
    synthStack(first.stack);

    // Renamed without telling the plan file: the old network's records are reported, with the command that keeps them.
    const app = Testing.app();
    const stack = new TerraformStack(app, 'corp');
    withProvider(stack, Cloud.gcp({ region: 'us-central1' }));
    const renamed = new Network(stack, 'core', { cidr: '10.0.0.0/8', cloud: Cloud.gcp({ region: 'us-central1' }), planFile, frozen: false });
    new FlatCluster(stack, 'a', { network: renamed });
    expect(warnings(renamed).some((m) => m.includes(`records ${before[0]} for corp/a:pods`) && m.includes('plan mv OLD_PATH NEW_PATH'))).toBe(true);
    synthStack(stack);
    expect(Object.keys(records(planFile)).sort()).toEqual(['corp/core', 'corp/main']); // nothing lost

    // Told of the rename (after releasing what the renamed network planned afresh), the plan file gives every range back.
    expect(quiet(() => plan(['mv', 'corp/main', 'corp/core', '--plan-file', planFile]))).toBe(2); // corp/core has records now
    expect(quiet(() => plan(['rm', 'corp/core', '--plan-file', planFile]))).toBe(0);
    expect(quiet(() => plan(['mv', 'corp/main', 'corp/core', '--plan-file', planFile]))).toBe(0);
    const app2 = Testing.app();
    const stack2 = new TerraformStack(app2, 'corp');
    const core = new Network(stack2, 'core', { cidr: '10.0.0.0/8', cloud: Cloud.gcp({ region: 'us-central1' }), planFile, frozen: false });
    const kept = new FlatCluster(stack2, 'a', { network: core });
    core.planNow();
    expect([kept.podCidr, kept.serviceCidr, kept.nodeCidr]).toEqual(before);
    expect(warnings(core)).toEqual([]);
  });

  test('a synth that fails anywhere writes nothing: not even the stacks that passed', () => {
    const planFile = tempPlanFile();
    const app = Testing.app();
    const good = estate({ planFile }, 'good', app);
    new FlatCluster(good.stack, 'a', { network: good.network });
    const bad = estate({ planFile, estate: 'other', reserved: [{ cidr: '10.0.0.0/16', name: 'other' }] }, 'bad', app);
    new FlatCluster(bad.stack, 'b', { network: bad.network, podCidr: '10.0.0.0/16' }); // MODEL-001
    expect(() => app.synth()).toThrow(/MODEL-001/);
    expect(fs.existsSync(planFile)).toBe(false);
  });

  test('App.synth writes the plan file once every stack passed', () => {
    const planFile = tempPlanFile();
    const app: App = Testing.app();
    const one = estate({ planFile }, 'one', app);
    new FlatCluster(one.stack, 'a', { network: one.network });
    expect(synthError(one.stack)).toBe('');
    app.synth();
    expect(Object.keys(records(planFile))).toEqual(['one/main']);
  });
});

describe('adopting what is deployed', () => {
  test('importing the flat example\'s own Terraform output reserves what it deployed: a new plan on the same range keeps off it', () => {
    // The example as deployed: its synthesized resources, in the shape `terraform show -json` prints them.
    const deployedPlan = tempPlanFile();
    const app = Testing.app();
    const stack = flatExample(app, 'deployed', Cloud.gcp({ region: 'us-central1' }), deployedPlan);
    const json = JSON.parse(Testing.synth(stack, true)).resource as Record<string, Record<string, Record<string, unknown>>>;
    const resources = Object.entries(json).flatMap(([type, byName]) => Object.entries(byName).map(([name, values]) => ({
      address: `${type}.${name}`, mode: 'managed', type, name, values,
    })));
    const state = tempPlanFile().replace(/cidr-plan\.lock\.json$/, 'state.json');
    fs.writeFileSync(state, JSON.stringify({ format_version: '1.0', values: { root_module: { resources } } }));
    const deployed = resources.filter((r) => r.type === 'google_compute_subnetwork').map((r) => String(r.values.ip_cidr_range));
    expect(deployed.length).toBeGreaterThan(1);

    // A fresh plan file for a new network on the same range adopts them before it plans anything.
    const planFile = tempPlanFile();
    expect(quiet(() => plan(['import', state, '--network', 'corp/main', '--plan-file', planFile]))).toBe(0);
    const e = estate({ planFile });
    const fresh = new FlatCluster(e.stack, 'fresh', { network: e.network, maxNodes: 250 });
    const adopted = e.network.plan.ranges.filter((r) => r.role === 'RESERVED').map((r) => r.cidr);
    for (const cidr of deployed) expect(adopted).toContain(cidr);
    const overlaps = (a: string, b: string) => {
      const [x, p] = a.split('/'); const [y, q] = b.split('/');
      const n = (s: string) => s.split('.').reduce((v, o) => v * 256 + Number(o), 0);
      const [s1, s2] = [n(x), n(y)]; const [e1, e2] = [s1 + 2 ** (32 - Number(p)) - 1, s2 + 2 ** (32 - Number(q)) - 1];
      return s1 <= e2 && s2 <= e1;
    };
    for (const cidr of [fresh.podCidr, fresh.nodeCidr, fresh.serviceCidr]) {
      expect(deployed.filter((d) => overlaps(d, cidr))).toEqual([]);
    }
    expect(synthError(e.stack)).toBe('');
  });
});

describe('reading a range never fixes the plan', () => {
  test('a pin written after a range was read is planned without a violation; what was read is what synthesizes', () => {
    const e = estate();
    const a = new FlatCluster(e.stack, 'a', { network: e.network });
    const read = a.podCidr; // a token: nothing is planned yet
    expect(read).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
    new TerraformOutput(e.stack, 'a-pods', { value: read });
    // Written later, on the very range a would have taken first (10.0.0.0/16).
    new FlatCluster(e.stack, 'b', { network: e.network, podCidr: '10.0.0.0/16' });
    const json = JSON.parse(synthStack(e.stack));
    expect(e.network.violations().filter((v) => v.severity === 'ERROR')).toEqual([]);
    expect(a.podCidr).toBe('10.1.0.0/16');
    expect(json.output['a-pods'].value).toBe('10.1.0.0/16');
  });

  test('planNow plans on purpose: ranges then read as plain strings, and a later colliding pin is reported', () => {
    const e = estate();
    const a = new FlatCluster(e.stack, 'a', { network: e.network });
    e.network.planNow();
    expect(a.podCidr).toBe('10.0.0.0/16');
    new FlatCluster(e.stack, 'b', { network: e.network, podCidr: '10.0.0.0/16' });
    expect(e.network.violations().map((v) => v.ruleId)).toContain('MODEL-001');
  });
});
