// `cdktf-kube-networks verify` as a process, against the built package (dist/, as npm test builds it).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../../lib/cli/main';
import { synthExamples } from './support';

const BIN = path.join(__dirname, '..', '..', 'bin', 'cdktf-kube-networks');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const outdir = synthExamples();

test('the dispatcher knows verify', () => {
  expect(Object.keys(COMMANDS)).toContain('verify');
});

test('verify passes on the examples and writes each estate\'s matrix', () => {
  const r = run('verify', outdir);
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^verify: every promise holds in \d+ estates/);
  expect(r.status).toBe(0);
  expect(fs.readFileSync(path.join(outdir, 'reachability-enterprise.md'), 'utf8')).toContain('| from \\ to |');
  expect(fs.readFileSync(path.join(outdir, 'reachability-talk-island-main.svg'), 'utf8')).toMatch(/^<svg/);
});

test('verify exits 1 with the findings when a promise is broken', () => {
  const file = path.join(outdir, 'stacks', 'gcp-island', 'cdk.tf.json');
  const tf = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const spoke of Object.values<{ linked_vpc_network: { exclude_export_ranges?: string[] } }>(tf.resource.google_network_connectivity_spoke)) {
    spoke.linked_vpc_network.exclude_export_ranges = [];
  }
  fs.writeFileSync(file, JSON.stringify(tf));
  const r = run('verify', outdir);
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/VERIFY-003 gcp-island\/main: main network 10\.0\.0\.0\/8 -> gcp-island\/batch 100\.64\.0\.0\/17: spoke .* exports/);
  expect(r.stdout).toContain('[google_network_connectivity_spoke.');
});

test('usage and input errors exit 2 and say what to do', () => {
  const missing = run('verify', path.join(outdir, 'nope'));
  expect(missing.status).toBe(2);
  expect(missing.stderr).toMatch(/nope has no stacks\/ folder — pass a cdktf.out directory/);
  const unknown = run('frobnicate');
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/unknown command "frobnicate": use one of .*verify/);
  expect(run('verify', 'a', 'b').status).toBe(2);
});
