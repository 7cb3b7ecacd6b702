// The layer rules (.dependency-cruiser.cjs) fail on what they forbid: a fixture tree that
// breaks each of them, checked as `npm run deps` checks lib/.
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const depcruise = (cwd: string, config: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'lib', '--config', config, '--output-type', 'err'], { cwd, encoding: 'utf8' });

describe('layer rules', () => {
  test('an upward import, a cycle, and one cloud importing the other each fail the check', () => {
    const run = depcruise(path.join(__dirname, 'fixtures', 'layers'), path.join(ROOT, '.dependency-cruiser.cjs'));
    expect(run.status).not.toBe(0);
    const errors = run.stdout.split('\n').filter((l) => l.includes('error ')).map((l) => l.trim().replace(/\s+/g, ' '));
    expect(errors).toEqual([
      'error no-cycles: lib/model/cluster.ts →',
      'error model-knows-no-policy-or-cloud: lib/model/network.ts → lib/policy/catalog.ts',
      'error ipam-is-the-floor: lib/ipam/cidr.ts → lib/model/cluster.ts',
      'error gcp-and-aws-stay-apart: lib/gcp/renderer.ts → lib/aws/vpc.ts',
    ]);
  }, 60_000);

  test('lib/ itself keeps every rule', () => {
    const run = depcruise(ROOT, '.dependency-cruiser.cjs');
    expect(run.stdout + run.stderr).toContain('no dependency violations found');
    expect(run.status).toBe(0);
  }, 60_000);
});
