import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// How the plan file is written: atomically (a temp file beside it, fsynced, renamed over it) and
// under a lock file, so a killed synth leaves the previous file and concurrent synths lose nothing.
//
// The lock: `<file>.lock`, created with O_EXCL and holding {pid, host, at, token}. A lock whose
// holder is gone (a dead pid on this host, over 60 s old from another host, empty for over 2 s)
// is stale, and whoever finds it so breaks it: renames it aside, and links it back when what it
// moved is not the stale lock. Known defect: that loses mutual exclusion. Stale lock S; B and C
// both judge S stale; C renames S aside, deletes it and takes the lock (C holds); B now renames
// C's lock aside, sees it is not S, but before B links it back D creates a lock of its own (the
// name is free), so B's link fails and B deletes C's lock: C and D both hold.

/** How long a writer waits for another's lock before giving up. */
const LOCK_WAIT_MS = Number(process.env.CDKTF_KUBE_NETWORKS_LOCK_WAIT_MS ?? 15_000);
/** A lock of another host older than this is taken to be left by a crashed synth. */
const FOREIGN_LOCK_STALE_MS = 60_000;
/** A lock file left empty (its writer died between create and write) older than this is stale. */
const EMPTY_LOCK_STALE_MS = 2_000;

/** Writes `text` to a temp file beside `file`, fsyncs it, and renames it over `file`. */
export function writeAtomically(file: string, text: string): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let mode = 0o644;
  try {
    mode = fs.statSync(target).mode & 0o777;
  } catch {
    // a new file
  }
  try {
    const fd = fs.openSync(temp, 'wx', mode);
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    testPause('before-rename', temp);
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw fileError(file, e as NodeJS.ErrnoException, 'written');
  }
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd); // the rename itself survives a crash
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not every platform can fsync a directory
  }
}

interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly at: string;
  readonly token: string;
}

/** The steps of breaking a stale lock, where a test may run other lockers in between (LockSeams.step). */
export type BreakStep = 'judged-stale' | 'moved-aside';

/** What a test replaces to play several processes in one: the clock, the host, which pids live, a pause at each break step. */
export interface LockSeams {
  readonly now: () => number;
  readonly host: string;
  readonly isAlive: (pid: number) => boolean;
  readonly step: (at: BreakStep) => void;
}

const REAL: LockSeams = { now: () => Date.now(), host: os.hostname(), isAlive, step: () => undefined };

/** Runs `fn` holding `<file>.lock` (created with O_EXCL); breaks a lock its holder left behind. */
export function withLock<T>(file: string, fn: () => T, seams: Partial<LockSeams> = {}): T {
  const lock = lockPath(file);
  const me = { pid: process.pid, token: Math.random().toString(36).slice(2) };
  const deadline = Date.now() + LOCK_WAIT_MS;
  let held: string | undefined;
  for (;;) {
    const attempt = tryLock(file, me, seams);
    if ('held' in attempt) {
      held = attempt.held;
      break;
    }
    if (Date.now() > deadline) {
      const holder = parseHolder(attempt.busy);
      const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.at}` : 'another process';
      throw new Error(`plan file ${file} is locked by ${who} (${lock}) for over ${Math.round(LOCK_WAIT_MS / 1000)}s: let that synth finish, or delete ${lock} if none is running`);
    }
    sleep(10 + Math.random() * 30);
  }
  try {
    testPause('locked', lock);
    cleanTempFiles(path.resolve(file));
    return fn();
  } finally {
    releaseLock(lock, held);
  }
}

/** `<file>.lock`, absolute. */
export function lockPath(file: string): string {
  return `${path.resolve(file)}.lock`;
}

/**
 * One attempt at the lock of `file` for the locker `me` (a process, or one a test plays):
 * `held` with the lock's text when taken, else `busy` with the text of the lock in the way.
 */
export function tryLock(file: string, me: { pid: number; token: string }, seams: Partial<LockSeams> = {}): { held: string } | { busy: string } {
  const s = { ...REAL, ...seams };
  const target = path.resolve(file);
  const lock = `${target}.lock`;
  const mine: LockHolder = { pid: me.pid, host: s.host, at: new Date(s.now()).toISOString(), token: me.token };
  const text = JSON.stringify(mine);
  for (;;) {
    try {
      const fd = fs.openSync(lock, 'wx', 0o644);
      try {
        fs.writeSync(fd, text);
      } finally {
        fs.closeSync(fd);
      }
      return { held: text };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        continue;
      }
      if (err.code !== 'EEXIST') {
        throw new Error(`plan file ${file} cannot be locked: creating ${lock} failed (${err.code}: ${err.message}); let the user running synth write to ${path.dirname(target)}`);
      }
      const seen = readLock(lock);
      if (seen === undefined) continue; // released meanwhile
      if (!isStale(lock, seen, s)) return { busy: seen };
      s.step('judged-stale');
      breakLock(lock, seen, s);
    }
  }
}

/** Removes the lock if it is still the one taken with `text`. */
export function releaseLock(lock: string, text: string): void {
  if (readLock(lock) === text) fs.rmSync(lock, { force: true });
}

function readLock(lock: string): string | undefined {
  try {
    return fs.readFileSync(lock, 'utf8');
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(text);
    return typeof holder?.pid === 'number' && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined;
  }
}

function isStale(lock: string, text: string, s: LockSeams): boolean {
  const holder = parseHolder(text);
  if (!holder) {
    // Created but never written: its writer died in between (or is writing right now).
    try {
      return s.now() - fs.statSync(lock).mtimeMs > EMPTY_LOCK_STALE_MS;
    } catch {
      return false;
    }
  }
  if (holder.host === s.host) return !s.isAlive(holder.pid);
  return s.now() - Date.parse(holder.at) > FOREIGN_LOCK_STALE_MS;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock: moves it aside (atomic, so of two breakers only one gets it), and
 * puts it back if what was moved is no longer the stale lock but a fresh one.
 */
function breakLock(lock: string, stale: string, s: LockSeams): void {
  const aside = `${lock}.stale-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return; // someone else broke or released it
  }
  s.step('moved-aside');
  if (readLock(aside) !== stale) {
    try {
      fs.linkSync(aside, lock);
    } catch {
      // another lock was taken meanwhile
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Temp files of writers that died before their rename (only ever made under the lock, so safe to remove under it). */
function cleanTempFiles(target: string): void {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function fileError(file: string, e: NodeJS.ErrnoException, doing: 'read' | 'written'): Error {
  switch (e.code) {
    case 'EISDIR':
      return new Error(`plan file ${file} is a directory, not a file: point planFile (or --plan-file) at a file, e.g. ${path.join(file, 'cidr-plan.lock.json')}`);
    case 'EACCES':
    case 'EPERM':
      return new Error(`plan file ${file} cannot be ${doing} (permission denied): let the user running synth read and write it and its directory (e.g. chmod u+rw ${file})`);
    case 'ENOTDIR':
      return new Error(`plan file ${file} cannot be ${doing}: a part of its directory is a file, not a directory; fix the path`);
    default:
      return new Error(`plan file ${file} cannot be ${doing} (${e.code ?? 'error'}: ${e.message}): check the path and the disk`);
  }
}

/**
 * Test hook: with CDKTF_KUBE_NETWORKS_PLAN_FILE_PAUSE=POINT:MS (POINT `locked` or
 * `before-rename`), says so on stderr and pauses there MS milliseconds (or for good when
 * MS is `forever`), so tests can kill a writer mid-write or make writers overlap.
 */
function testPause(point: string, detail: string): void {
  const hook = process.env.CDKTF_KUBE_NETWORKS_PLAN_FILE_PAUSE;
  if (!hook) return;
  const [wanted, ms] = hook.split(':');
  if (wanted !== point) return;
  fs.writeSync(2, `cdktf-kube-networks: paused ${point} ${detail}\n`);
  if (ms === 'forever') for (;;) sleep(60_000);
  sleep(Number(ms) || 0);
}
