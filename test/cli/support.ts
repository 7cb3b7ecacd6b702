// Runs the built command (bin/cdktf-kube-networks over dist/) as a process, as users do.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'cdktf-kube-networks');

if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
  throw new Error('dist/cli/main.js is missing: run npm run build (npm test builds before jest)');
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cdktf-kube-networks ...args` in `cwd`. */
export function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export { tempDir } from '../support';

/** Writes a plan file of version 1 from `networks` (network -> pool -> owner -> cidr) and returns its path. */
export function writePlan(dir: string, networks: Record<string, Record<string, Record<string, string>>>, cidr = '10.0.0.0/8'): string {
  const file = path.join(dir, 'cidr-plan.lock.json');
  const content = { version: 1, networks: Object.fromEntries(Object.entries(networks).map(([n, pools]) => [n, { cidr, pools }])) };
  fs.writeFileSync(file, JSON.stringify(content, null, 2) + '\n');
  return file;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the file holds
export function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
