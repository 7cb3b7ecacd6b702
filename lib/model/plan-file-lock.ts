import * as fs from 'fs';
import * as path from 'path';
import { breakStale } from './lock-break';
import { createExclusive, holderText, isStale, LockSeams, parseHolder, readInstance, REAL_SEAMS } from './lock-file';
import { sleep, testPause } from './test-pause';

export type { BreakStep, LockSeams } from './lock-file';

// How the plan file is written: atomically (a temp file beside it, fsynced, renamed over it) and
// under a lock file, so a killed synth leaves the previous file and concurrent synths lose nothing.
//
// The lock: `<file>.lock`, holding {pid, host, at, token}, made by hard-linking a written temp
// file to that name (the link fails when the name is taken; the lock is never seen empty). A
// lock whose holder is gone is stale (lock-file.ts isStale: a dead pid of this host, another
// host's lock over 60 s old, an empty one over 2 s old), and whoever finds it so breaks it.
//
// Breaking used to be: rename the lock aside, and link it back when what was moved is not the
// stale lock. That lost mutual exclusion. Stale lock S; B and C both judge S stale; C renames S
// aside, deletes it and takes the lock; B, going on, renames C's live lock aside, sees it is not
// S, but D takes the free name before B links C's back: B's link fails, C and D both hold.
//
// Now (lock-break.ts) a breaker first takes the claim to break that one lock file: a short-lived
// lock of its own, named after S. Under it, the breaker re-reads the lock and goes on only if it
// is still S (same text, device, inode and mtime), then renames S aside and deletes it. S's
// holder is dead and S's other breakers wait on the claim, so nobody else can change the name
// while it holds S: what the breaker moves is S. Above, B finds C's lock under its claim, not S,
// and touches nothing. A breaker that dies holding its claim is passed by the claim of the next
// number once judged gone like any holder; the lock's next holder clears what it left.
//
// What stays: another host's holder is judged gone by age alone (60 s, by its clock against
// ours), so one alive and holding for longer loses its lock.

/** How long a writer waits for another's lock before giving up. */
const LOCK_WAIT_MS = Number(process.env.CDKTF_KUBE_NETWORKS_LOCK_WAIT_MS ?? 15_000);

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

/** Runs `fn` holding `<file>.lock`; breaks a lock its holder left behind. */
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
 * A stale lock in the way is broken and the attempt goes on.
 */
export function tryLock(file: string, me: { pid: number; token: string }, seams: Partial<LockSeams> = {}): { held: string } | { busy: string } {
  const s = { ...REAL_SEAMS, ...seams };
  const lock = lockPath(file);
  for (;;) {
    const text = holderText(me, s);
    if (create(file, lock, text)) {
      clearLeftOvers(lock);
      return { held: text };
    }
    const seen = fsStep(() => readInstance(lock), (err) => `reading ${lock} failed (${err.message}); delete ${lock} if no synth is running`);
    if (seen === undefined) continue; // released meanwhile
    if (!isStale(seen, s)) return { busy: seen.text };
    s.step('judged-stale');
    const broken = fsStep(() => breakStale(lock, seen, me, s), (err) =>
      `breaking the stale ${lock} failed (${err.message}); let the user running synth write to ${path.dirname(lock)}, or delete ${lock} if no synth is running`);
    if (broken === 'busy') return { busy: seen.text };
  }

  function fsStep<T>(run: () => T, failed: (err: NodeJS.ErrnoException) => string): T {
    try {
      return run();
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === undefined) throw e; // not the file system's: a bug, or a test's step
      throw new Error(`plan file ${file} cannot be locked: ${failed(err)}`);
    }
  }
}

/** Makes the lock; false when one exists. */
function create(file: string, lock: string, text: string): boolean {
  for (;;) {
    try {
      return createExclusive(lock, text);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') {
        fs.mkdirSync(path.dirname(lock), { recursive: true });
        continue;
      }
      throw new Error(`plan file ${file} cannot be locked: creating ${lock} failed (${err.code}: ${err.message}); let the user running synth write to ${path.dirname(lock)}`);
    }
  }
}

/** Removes the lock if it is still the one taken with `text`. */
export function releaseLock(lock: string, text: string): void {
  let now: string | undefined;
  try {
    now = readInstance(lock)?.text;
  } catch {
    return; // what is there now is not ours
  }
  if (now === text) fs.rmSync(lock, { force: true });
}

/**
 * What crashed lockers left beside the lock: claims to break older locks, stale locks moved
 * aside, temp files never linked. Safe to remove under the lock: every claim there is for a
 * lock file that is no longer the lock (the lock is ours), so its holder, if alive, finds
 * that and removes nothing; a live locker whose temp file goes writes it again.
 */
function clearLeftOvers(lock: string): void {
  const dir = path.dirname(lock);
  const prefix = `${path.basename(lock)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix)) fs.rmSync(path.join(dir, name), { force: true });
  }
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
