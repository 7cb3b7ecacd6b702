// Writers in processes of their own, over the built plan file (dist/model/plan-file.js).
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const PLAN_FILE_JS = path.join(__dirname, '..', '..', 'dist', 'model', 'plan-file.js');
if (!fs.existsSync(PLAN_FILE_JS)) throw new Error('dist/model/plan-file.js is missing: run npm run build (npm test builds before jest)');

/** A node script that saves each network of `networks` (a one-range plan each) into `file`. */
function script(file: string, networks: string[]): string[] {
  const code = `
    const { PlanFile } = require(${JSON.stringify(PLAN_FILE_JS)});
    const [file, ...networks] = process.argv.slice(1);
    for (const [i, network] of networks.entries()) {
      const cidr = '10.' + (i % 250) + '.0.0/16';
      PlanFile.load(file).save(network, '10.0.0.0/8', { [network]: { [network + ':pods']: cidr } });
    }`;
  return ['-e', code, file, ...networks];
}

/** Starts a process saving `networks` into `file`. */
export function startWriter(file: string, networks: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, script(file, networks), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Saves `networks` into `file` in a process of its own; returns its exit status and stderr. */
export function runWriter(file: string, networks: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, script(file, networks), { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

/** Resolves when `child` writes `text` on stderr; rejects when it exits first. */
export function waitForStderr(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk) => {
      seen += chunk;
      if (seen.includes(text)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`writer exited (${code}) before "${text}": ${seen}`)));
  });
}

/** Resolves with the exit code (or signal) of `child`. */
export function exited(child: ChildProcess): Promise<number | string | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? child.signalCode);
    else child.on('exit', (code, signal) => resolve(code ?? signal));
  });
}
