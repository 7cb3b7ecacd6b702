// Stale plan-file locks among real processes: writers that die holding the lock or half-way
// through breaking one, while others hammer the same lock. (test/model/plan-file-lock.test.ts
// plays each interleaving exactly; here the operating system schedules.)
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PlanFile } from '../../lib/model/plan-file';
import { tempPlanFile } from '../support';
import { exited, runWriter, startWriter, waitForStderr } from './support';

const LOCK_JS = path.join(__dirname, '..', '..', 'dist', 'model', 'plan-file-lock.js');

/** The pid of a process that has exited: what a crashed synth leaves in its lock. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function leaveStaleLock(file: string): void {
  fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: deadPid(), host: os.hostname(), at: new Date().toISOString(), token: 'stale' }));
}

test('a writer killed holding its claim to break a stale lock blocks nobody: the next breaks the lock past the claim and writes', async () => {
  const file = tempPlanFile();
  PlanFile.load(file).save('corp/main', '10.0.0.0/8', { 'corp/main': { 'corp/prod:pods': '10.0.0.0/16' } });
  leaveStaleLock(file);
  const breaker = startWriter(file, ['lost/main'], { CDKTF_KUBE_NETWORKS_PLAN_FILE_PAUSE: 'claimed:forever' });
  await waitForStderr(breaker, 'paused claimed');
  breaker.kill('SIGKILL');
  await exited(breaker);
  expect(fs.readdirSync(path.dirname(file)).filter((name) => name.includes('.lock.break-'))).toHaveLength(1);
  expect(runWriter(file, ['next/main'])).toEqual({ status: 0, stderr: '' });
  expect(PlanFile.load(file).networks()).toEqual(['corp/main', 'next/main']);
  expect(fs.readdirSync(path.dirname(file))).toEqual(['cidr-plan.lock.json']);
});

/**
 * A process taking the lock `rounds` times; each time it notes `in`, bumps a counter file by
 * reading and rewriting it (two holders at once would lose a bump), and notes `out`. With
 * `die`, it notes `die` and exits holding the lock, leaving it stale.
 */
function locker(file: string, log: string, counter: string, rounds: number, die: boolean, env: NodeJS.ProcessEnv): ChildProcess {
  const code = `
    const fs = require('fs');
    const { withLock } = require(${JSON.stringify(LOCK_JS)});
    const [file, log, counter, rounds, die] = process.argv.slice(1);
    for (let i = 0; i < Number(rounds); i++) {
      withLock(file, () => {
        if (die === 'die') {
          fs.appendFileSync(log, process.pid + ' die\\n');
          process.exit(0);
        }
        fs.appendFileSync(log, process.pid + ' ' + i + ' in\\n');
        const n = Number(fs.readFileSync(counter, 'utf8'));
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
        fs.writeFileSync(counter, String(n + 1));
        fs.appendFileSync(log, process.pid + ' ' + i + ' out\\n');
      });
    }`;
  return spawn(process.execPath, ['-e', code, file, log, counter, String(rounds), die ? 'die' : 'live'], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** The lines of `log` in order: every `in` followed by its own `out`, nothing between; `die` only outside a pair. */
function expectNoOverlap(log: string): void {
  let inside: string | undefined;
  for (const line of fs.readFileSync(log, 'utf8').trim().split('\n')) {
    const [pid, round, what] = line.split(' ');
    if (round === 'die' || what === 'in') {
      if (inside !== undefined) throw new Error(`${line} while ${inside} held the lock`);
      if (what === 'in') inside = `${pid} ${round}`;
    } else {
      if (inside !== `${pid} ${round}`) throw new Error(`${line} while ${inside ?? 'nobody'} held the lock`);
      inside = undefined;
    }
  }
}

test('lockers hammering one lock while others die holding it: never two holders, no bump lost, nothing left over', async () => {
  const file = tempPlanFile();
  const dir = path.dirname(file);
  const log = path.join(dir, 'log');
  const counter = path.join(dir, 'counter');
  fs.writeFileSync(counter, '0');
  // Each locker pauses where breaking has its windows, so several find each stale lock together.
  const env = { CDKTF_KUBE_NETWORKS_PLAN_FILE_PAUSE: 'judged-stale:15,claimed:3,rechecked:3,moved-aside:3' };
  const stderr: string[] = [];
  const start = (rounds: number, die: boolean) => {
    const child = locker(file, log, counter, rounds, die, env);
    child.stderr!.on('data', (chunk) => stderr.push(String(chunk)));
    return child;
  };
  const workers = Array.from({ length: 4 }, () => start(20, false));
  const dying: ChildProcess[] = [];
  for (let i = 0; i < 6; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    dying.push(start(1, true));
  }
  const codes = await Promise.all([...workers, ...dying].map(exited));
  expect(codes).toEqual(Array(10).fill(0));
  expectNoOverlap(log);
  expect(fs.readFileSync(counter, 'utf8')).toBe('80');
  expect(fs.readFileSync(log, 'utf8').match(/ die$/gm)).toHaveLength(6);
  expect(stderr.join('')).toContain('paused judged-stale'); // stale locks were met, and broken
  // The last dying locker's lock may stand; any locker coming next breaks it and clears the rest.
  expect(runWriter(file, ['after/main'])).toEqual({ status: 0, stderr: '' });
  expect(fs.readdirSync(dir).sort()).toEqual(['cidr-plan.lock.json', 'counter', 'log']);
}, 30_000);
