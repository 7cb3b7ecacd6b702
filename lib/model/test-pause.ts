import * as fs from 'fs';

/**
 * Test hook: with CDKTF_KUBE_NETWORKS_PLAN_FILE_PAUSE=POINT:MS[,POINT:MS...] (POINT `locked`,
 * `before-rename` or a step of breaking a stale lock, lock-file.ts BreakStep), says so on
 * stderr and pauses there MS milliseconds (or for good when MS is `forever`), so tests can
 * kill a writer mid-write or mid-break, or widen the windows where writers overlap.
 */
export function testPause(point: string, detail: string): void {
  const hook = process.env.CDKTF_KUBE_NETWORKS_PLAN_FILE_PAUSE;
  if (!hook) return;
  for (const rule of hook.split(',')) {
    const [wanted, ms] = rule.split(':');
    if (wanted !== point) continue;
    fs.writeSync(2, `cdktf-kube-networks: paused ${point} ${detail}\n`);
    if (ms === 'forever') for (;;) sleep(60_000);
    sleep(Number(ms) || 0);
  }
}

/** Blocks this thread for `ms` (the plan file is written synchronously, at synth). */
export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
