import * as fs from 'fs';
import { createExclusive, holderText, instanceId, isStale, LockInstance, LockSeams, readInstance, sameInstance } from './lock-file';

// Breaking a stale lock, one breaker at a time (plan-file-lock.ts tells why this order).

/**
 * Removes `stale` from `lock` if it is still there, holding the claim to break it while doing
 * so: `retry` when the attempt at the lock should go on (`stale` is off the name, or its claim
 * is free again), `busy` when a live locker holds the claim (it is breaking `stale` now).
 *
 * The claim is a lock of its own, `<lock>.break-<id>.<n>`, named after this one lock file
 * (`id`), made only while no file has that name. Its holder is the only one that may remove
 * `stale`: claim 1 first; claim n+1 only once claim n's holder is judged gone, so a breaker
 * that died holding its claim blocks nobody. A breaker removes its claims once `stale` is off
 * the lock's name (it cannot come back: no lock file is made twice, so a claim made later
 * finds the lock changed and removes nothing), or when it gives up on an error (it no longer
 * acts, so the next claim 1 is again the only breaker).
 */
export function breakStale(lock: string, stale: LockInstance, me: { pid: number; token: string }, seams: LockSeams): 'retry' | 'busy' {
  for (let n = 1; ; n++) {
    const claim = claimPath(lock, stale, n);
    if (createExclusive(claim, holderText(me, seams))) {
      try {
        removeUnderClaim(lock, stale, asidePath(lock, stale), seams);
      } finally {
        for (let k = n; k >= 1; k--) fs.rmSync(claimPath(lock, stale, k), { force: true });
      }
      return 'retry';
    }
    const other = readInstance(claim);
    if (other === undefined) return 'retry'; // its breaker finished, or gave up
    if (!isStale(other, seams)) return 'busy';
    seams.step('claim-judged-stale');
  }
}

/** The claim numbered `n` to break the lock file `stale`. */
export function claimPath(lock: string, stale: LockInstance, n: number): string {
  return `${lock}.break-${instanceId(stale)}.${n}`;
}

/** Where the breaker of `stale` moves it before deleting it. */
export function asidePath(lock: string, stale: LockInstance): string {
  return `${lock}.break-${instanceId(stale)}.aside`;
}

function removeUnderClaim(lock: string, stale: LockInstance, aside: string, seams: LockSeams): void {
  seams.step('claimed');
  if (!sameInstance(readInstance(lock), stale)) return; // released, broken or replaced since it was judged stale
  seams.step('rechecked');
  try {
    fs.renameSync(lock, aside);
  } catch (e) {
    // Not there any more: another host's holder, judged gone by its age, released it. Any other
    // error (another user's lock in a sticky directory) would recur at every attempt: say so.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  seams.step('moved-aside');
  const moved = readInstance(aside);
  if (moved !== undefined && !sameInstance(moved, stale)) {
    // Only another host's holder judged gone by age, alive after all, can have released and let
    // a new lock be made in between: put that one back, as it is the live lock.
    try {
      fs.linkSync(aside, lock);
    } catch {
      // a lock was made meanwhile: nothing better to do
    }
  }
  fs.rmSync(aside, { force: true });
}
