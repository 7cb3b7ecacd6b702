// The plan-file lock under every interleaving of processes breaking one stale lock at once. One
// test process plays them all: each locker has its own pid (alive or dead as the test says) and
// pauses at a step of breaking (LockSeams.step) while others run to the end of their attempt, so
// each interleaving is exact and repeatable. What must hold: at most one locker ever holds the
// lock, and the lock file is that locker's.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { asidePath, claimPath } from '../../lib/model/lock-break';
import { readInstance } from '../../lib/model/lock-file';
import { BreakStep, lockPath, releaseLock, tryLock } from '../../lib/model/plan-file-lock';
import { tempPlanFile } from '../support';

/** One lock directory and the lockers a test plays on this host. */
class Room {
  readonly lock: string;
  private readonly live = new Set<number>();
  private readonly holders = new Map<number, string>();
  private readonly pendingSteps: Map<string, unknown>[] = [];
  private nextPid = 4_000_000;

  constructor(readonly file = tempPlanFile()) {
    this.lock = lockPath(file);
  }

  /** A lock left by a dead process of this host (or of `host`, taken `ageMs` ago). */
  leaveStaleLock(host = os.hostname(), ageMs = 0): string {
    const text = JSON.stringify({ pid: this.nextPid++, host, at: new Date(Date.now() - ageMs).toISOString(), token: 'stale' });
    fs.mkdirSync(path.dirname(this.lock), { recursive: true });
    fs.writeFileSync(this.lock, text);
    return text;
  }

  /**
   * What a breaker of the lock there now leaves when killed holding its claim, and at
   * `moved-aside` after moving the lock aside too (a real kill runs no cleanup; test/plan-file
   * kills a real one).
   */
  leaveDeadBreaker(killedAt: 'claimed' | 'moved-aside'): void {
    const stale = readInstance(this.lock)!;
    const claim = { pid: this.nextPid++, host: os.hostname(), at: new Date().toISOString(), token: 'dead-breaker' };
    fs.writeFileSync(claimPath(this.lock, stale, 1), JSON.stringify(claim));
    if (killedAt === 'moved-aside') fs.renameSync(this.lock, asidePath(this.lock, stale));
  }

  /** A live locker; `steps` run once each when it reaches that step of breaking. */
  locker(steps: Partial<Record<BreakStep, () => void>> = {}): Locker {
    const pid = this.nextPid++;
    this.live.add(pid);
    const pending = new Map(Object.entries(steps));
    this.pendingSteps.push(pending);
    const locker: Locker = {
      pid,
      try: () => {
        const attempt = tryLock(this.file, { pid, token: `t${pid}` }, {
          isAlive: (p) => this.live.has(p),
          step: (at) => {
            const run = pending.get(at);
            pending.delete(at);
            run?.();
          },
        });
        if ('held' in attempt) this.holders.set(pid, attempt.held);
        return 'held' in attempt;
      },
      release: () => {
        releaseLock(this.lock, this.holders.get(pid)!);
        this.holders.delete(pid);
      },
    };
    return locker;
  }

  /** Pids of the lockers that believe they hold the lock. */
  holderPids(): number[] {
    return [...this.holders.keys()];
  }

  /** Every step given to a locker was reached, exactly `locker` holds, and the lock file is its own. */
  expectOnlyHolder(locker: Locker): void {
    expect(this.pendingSteps.flatMap((pending) => [...pending.keys()])).toEqual([]);
    expect(this.holderPids()).toEqual([locker.pid]);
    expect(JSON.parse(fs.readFileSync(this.lock, 'utf8')).pid).toBe(locker.pid);
  }

  /** What the lock's directory holds besides the lock itself (left-overs of breaking). */
  leftOvers(): string[] {
    return fs.readdirSync(path.dirname(this.lock)).filter((name) => name !== path.basename(this.lock));
  }
}

interface Locker {
  readonly pid: number;
  try(): boolean;
  release(): void;
}

describe('several lockers find the same stale lock at once', () => {
  test('B judges it stale, C breaks it and takes the lock, then B breaks on while D tries: only C holds', () => {
    // The defect of the old breakLock: B moved C's fresh lock aside, D took the free name, and
    // B's link back failed, so C and D both held. Now B never moves C's lock, so D only tries
    // after B's attempt.
    const room = new Room();
    room.leaveStaleLock();
    const c = room.locker();
    const d = room.locker();
    let cTook = false;
    const b = room.locker({ 'judged-stale': () => (cTook = c.try()), 'moved-aside': () => d.try() });
    expect(b.try()).toBe(false);
    expect(cTook).toBe(true);
    d.try();
    expect(room.holderPids()).toEqual([c.pid]);
    expect(JSON.parse(fs.readFileSync(room.lock, 'utf8')).pid).toBe(c.pid);
  });

  test.each<BreakStep>(['judged-stale', 'claimed', 'rechecked', 'moved-aside'])(
    'B pauses at %s while C and then D try: one of them holds, and it stays one after B goes on',
    (step) => {
      const room = new Room();
      room.leaveStaleLock();
      const c = room.locker();
      const d = room.locker();
      let paused = false;
      const b = room.locker({ [step]: () => {
        paused = true;
        c.try();
        d.try();
      } });
      b.try();
      expect(paused).toBe(true);
      const e = room.locker();
      e.try();
      expect(room.holderPids()).toHaveLength(1);
      const holder = [b, c, d, e].find((l) => l.pid === room.holderPids()[0])!;
      room.expectOnlyHolder(holder);
      expect(room.leftOvers()).toEqual([]);
    },
  );

  test('while B holds the claim to break it, C neither breaks it nor takes the lock; B then takes it', () => {
    const room = new Room();
    room.leaveStaleLock();
    const c = room.locker();
    const b = room.locker({ claimed: () => expect(c.try()).toBe(false) });
    expect(b.try()).toBe(true);
    room.expectOnlyHolder(b);
  });

  test('once B has moved the stale lock aside, C may take the free name; B then finds C live and waits', () => {
    const room = new Room();
    room.leaveStaleLock();
    const c = room.locker();
    const b = room.locker({ 'moved-aside': () => expect(c.try()).toBe(true) });
    expect(b.try()).toBe(false);
    room.expectOnlyHolder(c);
    expect(room.leftOvers()).toEqual([]);
  });
});

describe('a breaker that died mid-way leaves nothing that blocks or splits the lock', () => {
  test('killed holding its claim: the next locker claims past it, breaks the lock and takes it; nothing is left over', () => {
    const room = new Room();
    room.leaveStaleLock();
    room.leaveDeadBreaker('claimed');
    expect(room.leftOvers()).toHaveLength(1);
    const c = room.locker();
    expect(c.try()).toBe(true);
    room.expectOnlyHolder(c);
    expect(room.leftOvers()).toEqual([]);
  });

  test('killed after moving the stale lock aside: the next locker takes the free name and clears what was left', () => {
    const room = new Room();
    room.leaveStaleLock();
    room.leaveDeadBreaker('moved-aside');
    expect(room.leftOvers()).toHaveLength(2);
    const c = room.locker();
    expect(c.try()).toBe(true);
    room.expectOnlyHolder(c);
    expect(room.leftOvers()).toEqual([]);
  });

  test('two lockers find the dead breaker at once: C pauses having judged its claim stale, D claims past it and takes the lock, C then waits', () => {
    const room = new Room();
    room.leaveStaleLock();
    room.leaveDeadBreaker('claimed');
    const d = room.locker();
    const c = room.locker({ 'claim-judged-stale': () => expect(d.try()).toBe(true) });
    expect(c.try()).toBe(false);
    room.expectOnlyHolder(d);
    expect(room.leftOvers()).toEqual([]);
  });

  test('C pauses having judged the dead breaker\'s claim stale while D claims past it; C then finds D\'s claim live and leaves the lock to D', () => {
    const room = new Room();
    room.leaveStaleLock();
    room.leaveDeadBreaker('claimed');
    const c = room.locker();
    const d = room.locker({ claimed: () => expect(c.try()).toBe(false) });
    const pausedC = room.locker({ 'claim-judged-stale': () => expect(d.try()).toBe(true) });
    expect(pausedC.try()).toBe(false);
    room.expectOnlyHolder(d);
  });
});

describe('a lock that is not the stale one is never removed', () => {
  test('a lock of another host judged stale by its age, released and retaken by C between B\'s check and B\'s move: B puts C\'s lock back', () => {
    const room = new Room();
    room.leaveStaleLock('elsewhere', 120_000);
    const c = room.locker();
    const b = room.locker({ rechecked: () => {
      fs.rmSync(room.lock); // its holder was alive after all, and released it
      expect(c.try()).toBe(true);
    } });
    expect(b.try()).toBe(false);
    room.expectOnlyHolder(c);
    expect(room.leftOvers()).toEqual([]);
  });

  test('a lock of another host younger than 60 s stands', () => {
    const room = new Room();
    const text = room.leaveStaleLock('elsewhere', 50_000);
    expect(room.locker().try()).toBe(false);
    expect(fs.readFileSync(room.lock, 'utf8')).toBe(text);
  });

  test('an empty lock (left by an older version between create and write) stands 2 s, then is broken', () => {
    const room = new Room();
    room.leaveStaleLock();
    fs.writeFileSync(room.lock, '');
    const locker = { pid: 4_100_000, token: 'e' };
    expect(tryLock(room.file, locker, { now: () => Date.now() + 1_000 })).toEqual({ busy: '' });
    expect(tryLock(room.file, locker, { now: () => Date.now() + 3_000 })).toHaveProperty('held');
  });

  test('releasing removes only the releaser\'s own lock', () => {
    const room = new Room();
    const b = room.locker();
    expect(b.try()).toBe(true);
    releaseLock(room.lock, JSON.stringify({ pid: 1, host: os.hostname(), at: new Date().toISOString(), token: 'another' }));
    room.expectOnlyHolder(b);
    b.release();
    expect(fs.existsSync(room.lock)).toBe(false);
  });
});

test('a directory where the lock goes is an error naming it and the fix (it used to spin for good)', () => {
  const room = new Room();
  fs.mkdirSync(room.lock, { recursive: true });
  expect(() => room.locker().try()).toThrow(`plan file ${room.file} cannot be locked: reading ${room.lock} failed (EISDIR: illegal operation on a directory, read); delete ${room.lock} if no synth is running`);
});
