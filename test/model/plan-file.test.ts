import * as fs from 'fs';
import { AnnotationMetadataEntryType, TerraformStack, Testing } from 'cdktf';
import { Cloud, FlatCluster, IslandCluster, Network, RangeSource } from '../../lib';
import { annotations, estate, synthError, tempPlanFile } from '../support';

type Build = (network: Network, stack: TerraformStack) => void;

/** Builds an estate on `planFile` with `build`, synthesizes it, and returns every range by owner and name. */
function synth(planFile: string, build: Build, frozen = false): { ranges: Record<string, string>; error: string; network: Network } {
  const { stack, network } = estate({ planFile, frozen, reserved: [{ cidr: '10.128.0.0/16', name: 'other' }] });
  build(network, stack);
  const error = synthError(stack);
  const ranges = Object.fromEntries(network.plan.ranges.map((r) => [`${r.owner}:${r.name}`, r.cidr]));
  return { ranges, error, network };
}

const prodAndBatch: Build = (network, stack) => {
  new FlatCluster(stack, 'prod', { network, maxNodes: 250 });
  new IslandCluster(stack, 'batch', { network, maxNodes: 100 });
};

describe('the plan file keeps every range where it is', () => {
  test('synth writes it, sorted and stable', () => {
    const planFile = tempPlanFile();
    synth(planFile, prodAndBatch);
    const written = JSON.parse(fs.readFileSync(planFile, 'utf8'));
    expect(written.version).toBe(1);
    expect(written.networks['corp/main'].pools).toEqual({
      'corp/main': {
        'corp/batch:nodes': '10.1.17.0/25',
        'corp/main:other': '10.128.0.0/16',
        'corp/prod:nodes': '10.1.16.0/24',
        'corp/prod:pods': '10.0.0.0/16',
        'corp/prod:services': '10.1.0.0/20',
      },
      'corp/batch': { 'corp/batch:pods': '100.64.0.0/17', 'corp/batch:services': '100.64.128.0/20' },
    });
    const before = fs.readFileSync(planFile, 'utf8');
    synth(planFile, prodAndBatch);
    expect(fs.readFileSync(planFile, 'utf8')).toBe(before);
  });

  test('inserting a cluster before the others moves nothing that was recorded', () => {
    const planFile = tempPlanFile();
    const first = synth(planFile, prodAndBatch);
    const second = synth(planFile, (network, stack) => {
      new FlatCluster(stack, 'staging', { network, maxNodes: 250 }); // new, and first in line
      prodAndBatch(network, stack);
    });
    expect(second.error).toBe('');
    for (const [owner, cidr] of Object.entries(first.ranges)) expect(second.ranges[owner]).toBe(cidr);
    expect(second.ranges['corp/staging:pods']).toBe('10.2.0.0/16');
    const sources = Object.fromEntries(second.network.plan.ranges.map((r) => [`${r.owner}:${r.name}`, r.source]));
    expect(sources['corp/prod:pods']).toBe(RangeSource.RECORDED);
    expect(sources['corp/staging:pods']).toBe(RangeSource.ALLOCATED);
  });

  test('reordering and removing clusters moves nothing; the removed owner is reported and its range stays reserved', () => {
    const planFile = tempPlanFile();
    const first = synth(planFile, prodAndBatch);
    const { stack, network } = estate({ planFile, frozen: false, reserved: [{ cidr: '10.128.0.0/16', name: 'other' }] });
    const batch = new IslandCluster(stack, 'batch', { network, maxNodes: 100 });
    const next = new FlatCluster(stack, 'next', { network, maxNodes: 250 });
    network.planNow();
    expect(batch.nodeCidr).toBe(first.ranges['corp/batch:nodes']);
    expect(next.podCidr).not.toBe(first.ranges['corp/prod:pods']); // prod's range is still held
    expect(synthError(stack)).toBe('');
    const warnings = annotations(network, AnnotationMetadataEntryType.WARN);
    expect(warnings).toContain(
      `PLAN-003: ${planFile} records 10.0.0.0/16 for corp/prod:pods, which no longer asks for it; the range stays reserved — if its owner was renamed, \`cdktf-kube-networks plan mv OLD_PATH NEW_PATH\` gives it back its ranges; once its resources are gone, \`cdktf-kube-networks plan rm corp/prod:pods\` frees it`,
    );
    // Still recorded, so a later synth keeps holding it.
    expect(JSON.parse(fs.readFileSync(planFile, 'utf8')).networks['corp/main'].pools['corp/main']['corp/prod:pods']).toBe('10.0.0.0/16');
  });

  test('a frozen plan refuses a new cluster with a clear error, and keeps the file as it was', () => {
    const planFile = tempPlanFile();
    synth(planFile, prodAndBatch);
    const before = fs.readFileSync(planFile, 'utf8');
    const frozen = synth(planFile, (network, stack) => {
      prodAndBatch(network, stack);
      new FlatCluster(stack, 'newcomer', { network });
    }, true);
    expect(frozen.error).toContain(
      `[corp/newcomer] PLAN-002: the plan is frozen and ${planFile} has no record of the pods range of corp/newcomer (it would get 10.2.0.0/16): run cdktf synth where CI is not true (or with frozen: false) to record it, and commit the plan file`,
    );
    expect(fs.readFileSync(planFile, 'utf8')).toBe(before);
    // The recorded estate itself passes when frozen.
    expect(synth(planFile, prodAndBatch, true).error).toBe('');
  });

  test('frozen defaults to true when CI=true and the plan file exists', () => {
    const planFile = tempPlanFile();
    const saved = process.env.CI;
    try {
      process.env.CI = 'true';
      const app = Testing.app();
      const stack = new TerraformStack(app, 'corp');
      const cloud = Cloud.gcp({ region: 'us-central1' });
      expect(new Network(stack, 'a', { cidr: '10.0.0.0/8', cloud, planFile }).frozen).toBe(false);
      fs.writeFileSync(planFile, JSON.stringify({ version: 1, networks: {} }));
      expect(new Network(stack, 'b', { cidr: '10.0.0.0/8', cloud, planFile }).frozen).toBe(true);
      process.env.CI = 'false';
      expect(new Network(stack, 'c', { cidr: '10.0.0.0/8', cloud, planFile }).frozen).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
  });

  test('a broken plan file is a PLAN-004 error that says how to recover', () => {
    const planFile = tempPlanFile();
    fs.writeFileSync(planFile, '{ not json');
    expect(() => estate({ planFile })).toThrow(/^\[corp\/main\] PLAN-004: plan file .* is not valid JSON \(.*\): repair it from version control, or delete it to plan afresh$/);
    fs.writeFileSync(planFile, JSON.stringify({ version: 7, networks: {} }));
    expect(() => estate({ planFile })).toThrow(`[corp/main] PLAN-004: plan file ${planFile} is version 7, newer than this cdktf-kube-networks reads (1, 2, 3 or 4): upgrade cdktf-kube-networks, or repair it from version control, or delete it to plan afresh`);
    fs.writeFileSync(planFile, JSON.stringify({ version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: { 'corp/main': { 'corp/x:pods': '192.168.0.0/16' } } } } }));
    expect(() => estate({ planFile })).toThrow(
      '[corp/main] PLAN-004: recorded range 192.168.0.0/16 of corp/x:pods is not inside pool corp/main (10.0.0.0/8): remove the record, or restore the pool\'s range',
    );
  });
});
