import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import { testPause } from './test-pause';

// The files of the plan-file lock (plan-file-lock.ts tells the protocol): how one is made, read
// as one particular file, and judged left behind by its holder.

/** A lock of another host older than this is taken to be left by a crashed synth. */
const FOREIGN_LOCK_STALE_MS = 60_000;
/** A lock file left empty (an older version's writer died between create and write) older than this is stale. */
const EMPTY_LOCK_STALE_MS = 2_000;

/** What a lock file (or a claim to break one) holds: who made it, and when. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly at: string;
  readonly token: string;
}

/** One lock file as read at one moment. A lock removed and made again is another file, even with the same text. */
export interface LockInstance {
  readonly text: string;
  readonly dev: number;
  readonly ino: number;
  readonly mtimeMs: number;
}

/** The steps of breaking a stale lock, where a test may run other lockers in between (LockSeams.step). */
export type BreakStep = 'judged-stale' | 'claim-judged-stale' | 'claimed' | 'rechecked' | 'moved-aside';

/** What a test replaces to play several processes in one: the clock, the host, which pids live, a pause at each break step. */
export interface LockSeams {
  readonly now: () => number;
  readonly host: string;
  readonly isAlive: (pid: number) => boolean;
  readonly step: (at: BreakStep) => void;
}

export const REAL_SEAMS: LockSeams = { now: () => Date.now(), host: os.hostname(), isAlive, step: (at) => testPause(at, `process ${process.pid}`) };

/** The text of a lock (or claim) made now by `me`. */
export function holderText(me: { pid: number; token: string }, seams: LockSeams): string {
  const holder: LockHolder = { pid: me.pid, host: seams.host, at: new Date(seams.now()).toISOString(), token: me.token };
  return JSON.stringify(holder);
}

/** Errors of linkSync that mean the file system has no hard links (FAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Makes `file` holding `text` unless a file of that name exists: true when made, false when
 * one exists. The text goes to a temp file first, hard-linked to `file` (a link fails when the
 * name is taken), so `file` is never seen empty or half-written: an empty lock could only be
 * judged stale by its age, which a slow live writer could outlast. Where the file system has
 * no hard links, falls back to O_EXCL and a write. Throws other errors (ENOENT: no directory).
 */
export function createExclusive(file: string, text: string): boolean {
  for (;;) {
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.new`;
    fs.writeFileSync(temp, text, { flag: 'wx', mode: 0o644 });
    try {
      fs.linkSync(temp, file);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') return false;
      if (code === 'ENOENT') continue; // our temp file was cleared by the lock's holder (plan-file-lock.ts): write it again
      if (NO_HARD_LINKS.has(code)) return createWithWrite(file, text);
      throw e;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
}

function createWithWrite(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** The file at `file` now, text and identity read from one open file; undefined when there is none. */
export function readInstance(file: string): LockInstance | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const stat = fs.fstatSync(fd);
    return { text: fs.readFileSync(fd, 'utf8'), dev: stat.dev, ino: stat.ino, mtimeMs: stat.mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

export function sameInstance(a: LockInstance | undefined, b: LockInstance): boolean {
  return a !== undefined && a.text === b.text && a.dev === b.dev && a.ino === b.ino && a.mtimeMs === b.mtimeMs;
}

/** A name for one lock file, safe in a file name: what its claims to break it are called after. */
export function instanceId(instance: LockInstance): string {
  return crypto.createHash('sha256').update(`${instance.dev}:${instance.ino}:${instance.mtimeMs}:${instance.text}`).digest('hex').slice(0, 16);
}

export function parseHolder(text: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(text);
    return typeof holder?.pid === 'number' && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the holder of `instance` is gone: a dead pid of this host, another host's lock over 60 s old, an empty lock over 2 s old. */
export function isStale(instance: LockInstance, seams: LockSeams): boolean {
  const holder = parseHolder(instance.text);
  if (!holder) return seams.now() - instance.mtimeMs > EMPTY_LOCK_STALE_MS;
  if (holder.host === seams.host) return !seams.isAlive(holder.pid);
  return seams.now() - Date.parse(holder.at) > FOREIGN_LOCK_STALE_MS;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
