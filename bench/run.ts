// Scaling bench for the address layer (part of `npm run bench`; alone: ts-node bench/run.ts).
//
// For n = 1,000 / 10,000 / 100,000 (1,000 / 10,000 with --quick) it times
//   (a) allocate: n AddressPool.allocate calls (prefixes cycling /56, /58, /60, /54), plus a
//       reserve every 50th and a release every 10th step, so freed holes get refilled;
//   (b) findOverlaps over those n ranges plus ~6% that overlap them (duplicates and supernets),
//       shuffled so the sort does real work.
// The parent is IPv6 fd00::/24: the IPv4 analogue (/22-/28 blocks in 10.0.0.0/8) needs
// 34M addresses at n = 100,000, twice what a /8 has.
//
// Each size is measured five times and the fastest kept.
//
// DESIGN.md asks for O(n log n): from 10k to 100k that is 12.5x the time, n^2 would be 100x.

import { IPv6CidrRange, IPv6Prefix, Pool } from 'ip-num';
import { AddressPool, Cidr, findOverlaps, OwnedRange } from '../lib/ipam';

const PARENT = Cidr.parse('fd00::/24');
const PREFIX_CYCLE = [56, 58, 60, 54];
const RESERVE_EVERY = 50;
const RELEASE_EVERY = 10;
/** Released owner: the one allocated this many steps earlier. */
const RELEASE_LAG = 5;
/** Pins are /48s counted down from the top of the parent, clear of first-fit allocations. */
const PIN_PREFIX = 48;
/** Each size runs this many times; the fastest counts (the machine is shared, a slow run is noise). */
const REPEATS = 5;
/** The ip-num baseline is skipped when 100 calls project past this for 1,000. */
const BASELINE_BUDGET_MS = 10_000;

interface Row {
  readonly phase: string;
  readonly n: number;
  /** Calls made (allocate), or ranges given (findOverlaps): what us/op divides by. */
  readonly ops: number;
  readonly ms: number;
  readonly note: string;
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Deterministic shuffle (mulberry32), so every run sorts the same input. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function runAllocate(n: number): { pool: AddressPool; row: Row } {
  // Pins are built before the clock starts: parsing a pin is the caller's cost, not the pool's.
  const pinCount = Math.floor(n / RESERVE_EVERY);
  const topPin = (1n << BigInt(PIN_PREFIX - PARENT.prefix)) - 1n;
  const pins = Array.from({ length: pinCount }, (_, k) => PARENT.subnet(PIN_PREFIX, topPin - BigInt(k)));

  const pool = new AddressPool(PARENT);
  let ops = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    pool.allocate(PREFIX_CYCLE[i % PREFIX_CYCLE.length], `alloc${i}`);
    ops++;
    if (i % RESERVE_EVERY === RESERVE_EVERY - 1) {
      pool.reserve(pins[Math.floor(i / RESERVE_EVERY)], `pin${i}`);
      ops++;
    }
    if (i % RELEASE_EVERY === RELEASE_EVERY - 1) {
      pool.release(`alloc${i - RELEASE_LAG}`);
      ops++;
    }
  }
  const ms = elapsedMs(start);
  const held = pool.allocations().length;
  return { pool, row: { phase: 'allocate', n, ops, ms, note: `${held} held, ${pinCount} pins` } };
}

function runFindOverlaps(pool: AddressPool, n: number): Row {
  const held = pool.allocations();
  const ranges: OwnedRange[] = held.map((a) => ({ cidr: a.cidr, owner: a.owner }));
  // Overlaps to find: every 20th range again under another owner, every 100th's supernet.
  held.forEach((a, i) => {
    if (i % 20 === 0) ranges.push({ cidr: a.cidr, owner: `dup-${a.owner}` });
    if (i % 100 === 0) ranges.push({ cidr: a.cidr.supernet(a.cidr.prefix - 4), owner: `super-${a.owner}` });
  });
  shuffle(ranges, n);
  const start = process.hrtime.bigint();
  const pairs = findOverlaps(ranges);
  const ms = elapsedMs(start);
  return { phase: 'findOverlaps', n, ops: ranges.length, ms, note: `${pairs.length} overlapping pairs` };
}

/**
 * ip-num's own Pool, for scale, at /56 only: with mixed sizes getCidrRange steps through
 * unaligned offsets one address at a time (for a /54 after a /60 here, ~2^74 steps), so
 * mixed requests never finish.
 */
function runIpNumBaseline(n: number): Row | string {
  const pool = Pool.fromCidrRanges([IPv6CidrRange.fromCidr(PARENT.toString())]);
  const prefix = IPv6Prefix.fromNumber(BigInt(PREFIX_CYCLE[0]));
  const probe = Math.min(100, n);
  const start = process.hrtime.bigint();
  for (let i = 0; i < probe; i++) pool.getCidrRange(prefix);
  const projected = (elapsedMs(start) / probe) * n;
  if (projected > BASELINE_BUDGET_MS) {
    return `ip-num Pool.getCidrRange baseline skipped: ${probe} calls project ${(projected / 1000).toFixed(1)} s for ${n}`;
  }
  for (let i = probe; i < n; i++) pool.getCidrRange(prefix);
  return { phase: 'ip-num getCidrRange /56', n, ops: n, ms: elapsedMs(start), note: 'baseline: one size only (see source)' };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** Figures of the address bench, for the JSON line. */
export interface AddressFigures {
  /** Per size: allocate, findOverlaps and their sum (plan + check), in ms. */
  readonly sizes: Record<string, { allocateMs: number; checkMs: number; totalMs: number; ops: number }>;
  /** Growth of plan + check from the middle size to the largest, and what n log n and n^2 predict. */
  readonly growth: { from: number; to: number; ours: number; allocate: number; check: number; nLogN: number; nSquared: number };
  /** ip-num's Pool.getCidrRange (one size only), microseconds per call: the string-backed floor we left. */
  readonly ipNumGetCidrRangeUsPerOp?: number;
}

/** Runs the address bench over `sizes` (ascending; the growth is taken between the last two). */
export function addressBench(sizes: readonly number[]): AddressFigures {
  const benchStart = process.hrtime.bigint();
  console.log(`node ${process.version}, parent ${PARENT}, prefixes cycling /${PREFIX_CYCLE.join(', /')}`);

  // Warm up once so the JIT has compiled the hot paths before anything is measured.
  runFindOverlaps(runAllocate(sizes[0]).pool, sizes[0]);

  const rows: Row[] = [];
  for (const n of sizes) {
    console.log(`measuring n = ${n.toLocaleString('en-US')} (best of ${REPEATS}) ...`);
    let best: Row[] | undefined;
    for (let r = 0; r < REPEATS; r++) {
      const { pool, row } = runAllocate(n);
      const check = runFindOverlaps(pool, n);
      best = best ? [row.ms < best[0].ms ? row : best[0], check.ms < best[1].ms ? check : best[1]] : [row, check];
    }
    rows.push(...best!);
  }
  const baseline = runIpNumBaseline(sizes[0]);

  const header = `${pad('phase', 26)}${pad('n', 9, true)}${pad('ops', 9, true)}${pad('total ms', 12, true)}${pad('us/op', 9, true)}  note`;
  console.log(`\n${header}\n${'-'.repeat(header.length + 24)}`);
  for (const row of [...rows, ...(typeof baseline === 'string' ? [] : [baseline])]) {
    console.log(
      `${pad(row.phase, 26)}${pad(row.n.toLocaleString('en-US'), 9, true)}${pad(row.ops.toLocaleString('en-US'), 9, true)}` +
      `${pad(row.ms.toFixed(1), 12, true)}${pad(((row.ms * 1000) / row.ops).toFixed(2), 9, true)}  ${row.note}`,
    );
  }
  if (typeof baseline === 'string') console.log(baseline);

  const [mid, large] = sizes.slice(-2);
  const nLogN = (large * Math.log2(large)) / (mid * Math.log2(mid));
  const nSquared = (large / mid) ** 2;
  const range = `${mid.toLocaleString('en-US')} -> ${large.toLocaleString('en-US')}`;
  console.log(`\ngrowth ${range}: n log n predicts ${nLogN.toFixed(1)}x, n^2 ${nSquared.toFixed(0)}x`);
  // Between the two predictions, the geometric midpoint separates "n log n" from "n^2".
  const threshold = Math.sqrt(nLogN * nSquared);
  const time = (phase: string, n: number): number => rows.find((r) => r.phase === phase && r.n === n)!.ms;
  const verdicts = ['allocate', 'findOverlaps'].map((phase) => {
    const ratio = time(phase, large) / time(phase, mid);
    const fits = ratio < threshold;
    console.log(`  ${pad(phase, 14)} ${ratio.toFixed(1)}x`);
    return { phase, ratio, fits };
  });
  const slow = verdicts.filter((v) => !v.fits);
  console.log(
    slow.length === 0
      ? `verdict: OK, both phases scale like n log n (all ratios under ${threshold.toFixed(0)}x)`
      : `verdict: SLOW, ${slow.map((v) => `${v.phase} grew ${v.ratio.toFixed(1)}x`).join(', ')}: closer to n^2 than n log n`,
  );
  console.log(`address bench took ${(elapsedMs(benchStart) / 1000).toFixed(1)} s`);

  const total = (n: number) => time('allocate', n) + time('findOverlaps', n);
  return {
    sizes: Object.fromEntries(sizes.map((n) => [String(n), {
      allocateMs: round(time('allocate', n)),
      checkMs: round(time('findOverlaps', n)),
      totalMs: round(total(n)),
      ops: rows.find((r) => r.phase === 'allocate' && r.n === n)!.ops + rows.find((r) => r.phase === 'findOverlaps' && r.n === n)!.ops,
    }])),
    growth: {
      from: mid,
      to: large,
      ours: round(total(large) / total(mid)),
      allocate: round(time('allocate', large) / time('allocate', mid)),
      check: round(time('findOverlaps', large) / time('findOverlaps', mid)),
      nLogN: round(nLogN),
      nSquared: round(nSquared),
    },
    ipNumGetCidrRangeUsPerOp: typeof baseline === 'string' ? undefined : round((baseline.ms * 1000) / baseline.ops),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (require.main === module) {
  addressBench(process.argv.includes('--quick') ? [1_000, 10_000] : [1_000, 10_000, 100_000]);
}
