import fc from 'fast-check';
import { AddressError, AddressPool, Cidr, findOverlaps } from '../../lib/ipam';
import { runs } from './runs';

// Property tests of the address layer. Each property prints its seed and a shrunk
// counterexample on failure; replay one with fc.assert(..., { seed, path }).

/**
 * The oracle tests request blocks at most this many bits longer than the parent, so the
 * parent can be modelled as 2^8 = 256 equal units and every aligned candidate checked
 * by brute force.
 */
const MAX_EXTRA_BITS = 8;
const UNITS = 1 << MAX_EXTRA_BITS;

/**
 * Run counts: each property runs 20-1000 cases (about 2,400 in all, most pool cases 30-step
 * workloads), a second or two on 2 cores; IPAM_PROPERTY_RUNS_SCALE multiplies them (see
 * runs.ts). A property gets its own generous timeout so a slow machine or a large scale
 * does not fail it.
 */
const PROPERTY_TIMEOUT_MS = 60_000;

const IPV4_SPACE = Cidr.parse('0.0.0.0/0');
const IPV6_SPACE = Cidr.parse('::/0');

/** One step of a random pool workload. Prefixes are relative to the parent (`extraBits`). */
type Op =
  | { readonly kind: 'allocate'; readonly extraBits: number }
  | { readonly kind: 'reserve'; readonly extraBits: number; readonly slot: bigint }
  | { readonly kind: 'release'; readonly pick: number };

// ---------------------------------------------------------------------------------------
// Arbitraries

/** A parent block anywhere in the family's space, edges included (fc.bigInt favours them). */
function parentArb(family: 4 | 6, minPrefix: number, maxPrefix: number): fc.Arbitrary<Cidr> {
  const space = family === 4 ? IPV4_SPACE : IPV6_SPACE;
  return fc.integer({ min: minPrefix, max: maxPrefix }).chain((prefix) =>
    fc.bigInt({ min: 0n, max: (1n << BigInt(prefix)) - 1n }).map((index) => space.subnet(prefix, index)),
  );
}

/** Mostly small blocks, now and then one that takes half or all of the parent. */
function extraBitsArb(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: Math.min(min + 2, max), max }), weight: 8 },
    { arbitrary: fc.integer({ min, max: Math.min(min + 1, max) }), weight: 1 },
  );
}

function opsArb(minExtraBits: number, maxExtraBits: number, maxLength: number): fc.Arbitrary<Op[]> {
  const extraBits = extraBitsArb(minExtraBits, maxExtraBits);
  const op: fc.Arbitrary<Op> = fc.oneof(
    { arbitrary: extraBits.map((bits): Op => ({ kind: 'allocate', extraBits: bits })), weight: 6 },
    {
      arbitrary: fc.record({ extraBits, slot: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }) })
        .map(({ extraBits: bits, slot }): Op => ({ kind: 'reserve', extraBits: bits, slot })),
      weight: 1,
    },
    { arbitrary: fc.nat().map((pick): Op => ({ kind: 'release', pick })), weight: 2 },
  );
  return fc.array(op, { minLength: 1, maxLength });
}

// ---------------------------------------------------------------------------------------
// Running workloads

/** Runs `fn`; an AddressError is a result (an impossible request), anything else a failure. */
function attempt<T>(fn: () => T): T | AddressError {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AddressError) return error;
    throw error;
  }
}

function outcome(result: Cidr | AddressError | undefined): string {
  if (result === undefined) return '-';
  return result instanceof AddressError ? '!' : key(result);
}

/** Owners are named after the step that created them, so two runs of one workload agree. */
function ownerOf(op: Op, step: number): string {
  return `${op.kind === 'reserve' ? 'r' : 'a'}${step}`;
}

function reserveTarget(parent: Cidr, op: { extraBits: number; slot: bigint }): Cidr {
  return parent.subnet(parent.prefix + op.extraBits, op.slot % (1n << BigInt(op.extraBits)));
}

/**
 * Applies `ops` to `pool`. `observe` sees each step before it runs (to compute what the
 * oracle expects) and returns a check to run on the result. Returns one line per step.
 */
function runOps(
  pool: AddressPool,
  ops: readonly Op[],
  observe?: (op: Op, owner: string) => (result: Cidr | AddressError | undefined) => void,
): string[] {
  const trace: string[] = [];
  ops.forEach((op, step) => {
    let owner = ownerOf(op, step);
    let result: Cidr | AddressError | undefined;
    if (op.kind === 'release') {
      // Pick among held ranges in address order: deterministic, and covers every source.
      const held = pool.allocations();
      owner = held.length > 0 ? held[op.pick % held.length].owner : 'nobody';
    }
    const check = observe?.(op, owner);
    switch (op.kind) {
      case 'allocate':
        result = attempt(() => pool.allocate(pool.range.prefix + op.extraBits, owner));
        break;
      case 'reserve':
        result = attempt(() => pool.reserve(reserveTarget(pool.range, op), owner));
        break;
      case 'release':
        result = pool.release(owner)?.cidr;
        break;
    }
    check?.(result);
    trace.push(`${op.kind} ${owner} ${outcome(result)}`);
  });
  return trace;
}

// ---------------------------------------------------------------------------------------
// Oracle and invariants

/**
 * Brute-force aligned first fit: marks the parent's 256 units that `held` covers, then
 * tries every aligned candidate of the size from the lowest address up. Returns the
 * candidate's key (see `key`) rather than a Cidr: building one costs an ip-num round trip.
 */
function lowestFreeAligned(parent: Cidr, prefix: number, held: Iterable<Cidr>): string | undefined {
  const used = unitsUsed(parent, held);
  const unitsPerBlock = 1 << (MAX_EXTRA_BITS - (prefix - parent.prefix));
  const blockSize = 1n << BigInt(parent.bits - prefix);
  for (let index = 0; index * unitsPerBlock < UNITS; index++) {
    if (!anyUsed(used, index * unitsPerBlock, unitsPerBlock)) {
      return `${parent.family}:${parent.first + BigInt(index) * blockSize}/${prefix}`;
    }
  }
  return undefined;
}

function isFree(parent: Cidr, block: Cidr, held: Iterable<Cidr>): boolean {
  const [start, count] = unitSpan(parent, block);
  return !anyUsed(unitsUsed(parent, held), start, count);
}

function unitsUsed(parent: Cidr, held: Iterable<Cidr>): boolean[] {
  const used = new Array<boolean>(UNITS).fill(false);
  for (const block of held) {
    const [start, count] = unitSpan(parent, block);
    used.fill(true, start, start + count);
  }
  return used;
}

function unitSpan(parent: Cidr, block: Cidr): [number, number] {
  if (!parent.contains(block) || block.prefix > parent.prefix + MAX_EXTRA_BITS) {
    throw new Error(`oracle misuse: ${block} is not whole units of ${parent}`);
  }
  const unitBits = BigInt(parent.bits - parent.prefix - MAX_EXTRA_BITS);
  return [Number((block.first - parent.first) >> unitBits), Number(block.size >> unitBits)];
}

function anyUsed(used: readonly boolean[], start: number, count: number): boolean {
  for (let unit = start; unit < start + count; unit++) if (used[unit]) return true;
  return false;
}

/** Identity of a block without ip-num's (slow) text formatting. */
function key(cidr: Cidr): string {
  return `${cidr.family}:${cidr.first}/${cidr.prefix}`;
}

/** Everything a pool holds, comparable across pools. */
function describeHeld(pool: AddressPool): string[] {
  return pool.allocations().map((a) => `${a.owner} ${key(a.cidr)} ${a.source}`);
}

/**
 * (a) no overlaps, (b) inside the parent, (c) aligned, (g) addresses add up, and the free
 * space is maximal. Plain bigint checks: ip-num calls cost hundreds of microseconds each.
 */
function checkInvariants(pool: AddressPool, expectedHeld?: ReadonlyMap<string, Cidr>): void {
  const parent = pool.range;
  const held = pool.allocations();
  if (expectedHeld) {
    const actual = held.map((a) => `${a.owner}=${key(a.cidr)}`).sort();
    const expected = [...expectedHeld].map(([owner, cidr]) => `${owner}=${key(cidr)}`).sort();
    expect(actual).toEqual(expected);
  }
  const free = pool.freeBlocks();
  const tiles = [...held.map((a) => a.cidr), ...free];
  for (const block of tiles) {
    const inside = block.family === parent.family && parent.first <= block.first && block.last <= parent.last;
    if (!inside) throw new Error(`${block} is not inside ${parent}`);
    if (block.first % block.size !== 0n) throw new Error(`${block} is not aligned to its size`);
  }
  // Held and free blocks together must tile the parent: sorted, each ends before the next begins.
  tiles.sort((x, y) => (x.first < y.first ? -1 : x.first > y.first ? 1 : 0));
  for (let i = 1; i < tiles.length; i++) {
    if (tiles[i - 1].last >= tiles[i].first) throw new Error(`${tiles[i - 1]} overlaps ${tiles[i]} in ${parent}`);
  }
  const heldSize = held.reduce((sum, a) => sum + a.cidr.size, 0n);
  const freeSize = free.reduce((sum, block) => sum + block.size, 0n);
  const freeAddresses = pool.freeAddresses();
  if (freeAddresses !== freeSize || freeAddresses + heldSize !== parent.size) {
    throw new Error(
      `${parent}: freeAddresses() ${freeAddresses}, free blocks ${freeSize}, held ${heldSize}, parent ${parent.size}`,
    );
  }
  // freeBlocks() promises maximal blocks: no free block's buddy (the other half of its parent) is free too.
  const freeKeys = new Set(free.map(key));
  for (const block of free) {
    if (block.prefix === parent.prefix) continue;
    const buddyKey = `${block.family}:${block.first ^ block.size}/${block.prefix}`;
    if (freeKeys.has(buddyKey)) throw new Error(`free block ${block} and its buddy should be merged`);
  }
}

/** Runs `ops` on a fresh pool over `parent`, checking each step against the brute-force oracle. */
function runWithOracle(parent: Cidr, ops: readonly Op[]): { pool: AddressPool; trace: string[] } {
  const pool = new AddressPool(parent);
  const held = new Map<string, Cidr>();
  const trace = runOps(pool, ops, (op, owner) => {
    switch (op.kind) {
      case 'allocate': {
        const expected = lowestFreeAligned(parent, parent.prefix + op.extraBits, held.values());
        return (result) => {
          expect(outcome(result)).toBe(expected ?? '!');
          if (expected) held.set(owner, result as Cidr);
          checkInvariants(pool, held);
        };
      }
      case 'reserve': {
        const target = reserveTarget(parent, op);
        const fits = isFree(parent, target, held.values());
        return (result) => {
          expect(outcome(result)).toBe(fits ? key(target) : '!');
          if (fits) held.set(owner, target);
          checkInvariants(pool, held);
        };
      }
      case 'release': {
        const expected = held.get(owner);
        return (result) => {
          expect(outcome(result)).toBe(outcome(expected));
          held.delete(owner);
          checkInvariants(pool, held);
        };
      }
    }
  });
  return { pool, trace };
}

/** Fisher-Yates driven by generated numbers, so fast-check can shrink the order. */
function shuffled<T>(items: readonly T[], swaps: readonly number[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = (swaps[i % Math.max(swaps.length, 1)] ?? 0) % (i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

// ---------------------------------------------------------------------------------------

describe('AddressPool properties', () => {
  // (a) (b) (c) (e) (g-accounting) on IPv4 parents /20 to /24, requests down to /32.
  test('IPv4: aligned first fit matches a brute-force oracle; no overlaps; inside; aligned', () => {
    fc.assert(
      fc.property(parentArb(4, 20, 24), opsArb(0, MAX_EXTRA_BITS, 30), (parent, ops) => {
        runWithOracle(parent, ops);
      }),
      { numRuns: runs(200) },
    );
  }, PROPERTY_TIMEOUT_MS);

  // The same on IPv6 /56 parents, requests /56 to /64 (mostly /58-/64).
  test('IPv6: aligned first fit matches a brute-force oracle; no overlaps; inside; aligned', () => {
    fc.assert(
      fc.property(parentArb(6, 56, 56), opsArb(0, MAX_EXTRA_BITS, 30), (parent, ops) => {
        runWithOracle(parent, ops);
      }),
      { numRuns: runs(120) },
    );
  }, PROPERTY_TIMEOUT_MS);

  // (a) (b) (c) at a scale the oracle cannot enumerate: /60-/64 blocks from a /48.
  test('IPv6 /48 with up to 200 /60-/64 blocks: no overlaps, inside, aligned, sized as asked', () => {
    fc.assert(
      fc.property(parentArb(6, 48, 48), opsArb(12, 16, 200), (parent, ops) => {
        const pool = new AddressPool(parent);
        // Allocations never fail here: 200 blocks of at most /60 fill at most 200/4096 of a /48.
        runOps(pool, ops, (op) => (result) => {
          if (op.kind === 'allocate') {
            expect(result).toBeInstanceOf(Cidr);
            expect((result as Cidr).prefix).toBe(parent.prefix + op.extraBits);
          }
        });
        checkInvariants(pool);
        const ranges = pool.allocations().map((a) => ({ cidr: a.cidr, owner: a.owner }));
        expect(findOverlaps(ranges)).toEqual([]);
        expect(ranges.length).toBe(new Set(ranges.map((r) => r.owner)).size);
      }),
      { numRuns: runs(20) },
    );
  }, PROPERTY_TIMEOUT_MS);

  // (d)
  test('deterministic: the same workload gives the same results and the same free space', () => {
    fc.assert(
      fc.property(fc.oneof(parentArb(4, 16, 28), parentArb(6, 40, 120)), opsArb(0, 12, 30), (parentRange, ops) => {
        // Reserve targets and requests must fit the parent's remaining bits.
        const usableOps = ops.filter(
          (op) => op.kind === 'release' || parentRange.prefix + op.extraBits <= parentRange.bits,
        );
        const first = new AddressPool(parentRange);
        const second = new AddressPool(Cidr.parse(parentRange.toString()));
        expect(runOps(second, usableOps)).toEqual(runOps(first, usableOps));
        expect(describeHeld(second)).toEqual(describeHeld(first));
        expect(second.freeBlocks().map(key)).toEqual(first.freeBlocks().map(key));
      }),
      { numRuns: runs(60) },
    );
  }, PROPERTY_TIMEOUT_MS);

  // (f)
  test('stable: recorded owners get their recorded range whatever the order; new owners fit around them', () => {
    fc.assert(
      fc.property(
        fc.oneof(parentArb(4, 20, 24), parentArb(6, 56, 56)),
        fc.array(extraBitsArb(0, MAX_EXTRA_BITS), { maxLength: 24 }),
        fc.array(fc.boolean(), { maxLength: 24 }),
        fc.array(extraBitsArb(0, MAX_EXTRA_BITS), { maxLength: 24 }),
        fc.array(fc.constantFrom('allocate', 'reserve', 'omit'), { maxLength: 24 }),
        fc.array(fc.nat(), { maxLength: 48 }),
        (parent, oldRequests, releaseOld, newRequests, howOldAsk, swaps) => {
          // A previous run: allocate, then release some owners so the record has holes.
          const previous = new AddressPool(parent);
          oldRequests.forEach((bits, i) => attempt(() => previous.allocate(parent.prefix + bits, `old${i}`)));
          releaseOld.forEach((release, i) => release && previous.release(`old${i}`));
          const recorded = Object.fromEntries(previous.allocations().map((a) => [a.owner, a.cidr.toString()]));
          const oldOwners = Object.keys(recorded);

          type Request = { owner: string; prefix: number; how: 'allocate' | 'reserve' | 'omit' };
          const requests: Request[] = [
            ...oldOwners.map((owner, i): Request => ({
              owner, prefix: Cidr.parse(recorded[owner]).prefix, how: howOldAsk[i] ?? 'allocate',
            })),
            ...newRequests.map((bits, i): Request => ({ owner: `new${i}`, prefix: parent.prefix + bits, how: 'allocate' })),
          ];
          const order = shuffled(requests, swaps);

          // The record's key order must not matter either: seed a twin pool from the reversed record.
          const pool = new AddressPool(parent, { recorded });
          const twin = new AddressPool(parent, { recorded: Object.fromEntries(Object.entries(recorded).reverse()) });
          const held = new Map(Object.entries(recorded).map(([owner, text]) => [owner, Cidr.parse(text)]));
          for (const request of order) {
            if (request.how === 'omit') continue;
            if (request.owner in recorded) {
              const ask = (target: AddressPool): Cidr => (request.how === 'reserve'
                ? target.reserve(recorded[request.owner], request.owner)
                : target.allocate(request.prefix, request.owner));
              const recordedKey = key(held.get(request.owner)!);
              expect(key(ask(pool))).toBe(recordedKey);
              expect(key(ask(twin))).toBe(recordedKey);
            } else {
              // New owners: aligned first fit in the space the record leaves.
              const expected = lowestFreeAligned(parent, request.prefix, held.values());
              const result = attempt(() => pool.allocate(request.prefix, request.owner));
              expect(outcome(result)).toBe(expected ?? '!');
              expect(outcome(attempt(() => twin.allocate(request.prefix, request.owner)))).toBe(outcome(result));
              if (expected) held.set(request.owner, result as Cidr);
            }
          }
          checkInvariants(pool, held);
          expect(describeHeld(twin)).toEqual(describeHeld(pool));
          const omitted = order.filter((r) => r.how === 'omit' && r.owner in recorded).map((r) => r.owner).sort();
          expect(pool.unclaimed().map((a) => a.owner).sort()).toEqual(omitted);
          for (const owner of oldOwners) expect(outcome(pool.get(owner))).toBe(key(held.get(owner)!));
        },
      ),
      { numRuns: runs(100) },
    );
  }, PROPERTY_TIMEOUT_MS);

  // A refused pin changes nothing: the owner's record stands, still unclaimed.
  test('a refused re-pin keeps the recorded range it would have replaced', () => {
    const pool = new AddressPool('10.0.0.0/24', { recorded: { a: '10.0.0.0/26', b: '10.0.0.64/26' } });
    expect(() => pool.reserve('10.0.0.64/26', 'a')).toThrow(AddressError);
    expect(pool.get('a')?.toString()).toBe('10.0.0.0/26');
    expect(pool.unclaimed().map((x) => x.owner)).toEqual(['a', 'b']);
    expect(pool.allocate(26, 'c').toString()).toBe('10.0.0.128/26');
  });

  // (g)
  test('release: releasing everything, in any order, gives back the parent as one free block', () => {
    fc.assert(
      fc.property(
        fc.oneof(parentArb(4, 20, 24), parentArb(6, 56, 56)),
        opsArb(0, MAX_EXTRA_BITS, 30),
        fc.array(fc.nat(), { maxLength: 40 }),
        (parent, ops, swaps) => {
          // Build up with the plain runner: the oracle tests already check each of these steps.
          const pool = new AddressPool(parent);
          const trace = runOps(pool, ops);
          const remaining = new Map(pool.allocations().map((a) => [a.owner, a.cidr]));
          for (const owner of shuffled([...remaining.keys()], swaps)) {
            expect(pool.release(owner)?.owner).toBe(owner);
            remaining.delete(owner);
            checkInvariants(pool, remaining);
          }
          expect(pool.freeBlocks().map(String)).toEqual([parent.toString()]);
          expect(pool.freeAddresses()).toBe(parent.size);
          expect(pool.largestFree()?.toString()).toBe(parent.toString());
          // Back to pristine: replaying the workload gives what a fresh pool gave.
          expect(runOps(pool, ops)).toEqual(trace);
        },
      ),
      { numRuns: runs(80) },
    );
  }, PROPERTY_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------------------

/**
 * CIDRs drawn from small shared spaces so they nest often. IPv4 10.0.0.0/16 and IPv6
 * ::a00:0/112 hold the same numbers: only the family keeps them apart.
 */
const NESTING_SPACES = ['10.0.0.0/16', '::a00:0/112', '2001:db8::/112'].map((text) => Cidr.parse(text));

const nestingCidrArb: fc.Arbitrary<Cidr> = fc
  .record({ space: fc.constantFrom(...NESTING_SPACES), extraBits: fc.integer({ min: 0, max: 10 }), slot: fc.nat() })
  .map(({ space, extraBits, slot }) => space.subnet(space.prefix + extraBits, slot % (1 << extraBits)));

/** Any CIDR of either family: any prefix, any address, host bits cleared. */
const anyCidrArb: fc.Arbitrary<Cidr> = fc.constantFrom(IPV4_SPACE, IPV6_SPACE).chain((space) =>
  fc.integer({ min: 0, max: space.bits }).chain((prefix) =>
    fc.bigInt({ min: 0n, max: (1n << BigInt(prefix)) - 1n }).map((index) => space.subnet(prefix, index)),
  ),
);

describe('findOverlaps properties', () => {
  test('finds exactly the overlapping pairs a brute-force all-pairs check finds', () => {
    const cidrs = fc.oneof(
      { arbitrary: nestingCidrArb, weight: 4 },
      { arbitrary: anyCidrArb, weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(cidrs, { maxLength: 60 }), (list) => {
        const ranges = list.map((cidr, i) => ({ cidr, owner: String(i) }));
        const expected: string[] = [];
        for (let i = 0; i < ranges.length; i++) {
          for (let j = i + 1; j < ranges.length; j++) {
            const [a, b] = [ranges[i].cidr, ranges[j].cidr];
            // Written out rather than via Cidr.overlaps, so the oracle shares no code with the subject.
            if (a.family === b.family && a.first <= b.last && b.first <= a.last) expected.push(`${i}-${j}`);
          }
        }
        const found = findOverlaps(ranges);
        const foundKeys = found.map(({ outer, inner }) => {
          const [i, j] = [Number(outer.owner), Number(inner.owner)].sort((x, y) => x - y);
          return `${i}-${j}`;
        });
        expect([...foundKeys].sort()).toEqual([...expected].sort());
        for (const { outer, inner } of found) {
          expect(outer.cidr.family).toBe(inner.cidr.family);
          expect(outer.cidr.first <= inner.cidr.first && inner.cidr.last <= outer.cidr.last).toBe(true);
        }
        // Pairs come out in address order of the inner range.
        for (let k = 1; k < found.length; k++) {
          expect(Cidr.compare(found[k - 1].inner.cidr, found[k].inner.cidr)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: runs(500) },
    );
  }, PROPERTY_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------------------

/** IPv6 pieces are zero half the time, so the `::` compression gets exercised. */
const ipv6PiecesArb = fc.array(
  fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.integer({ min: 0, max: 0xffff }), weight: 2 }),
  { minLength: 8, maxLength: 8 },
);

/** CIDR text as a user might write it (IPv6 uncompressed) with its expected bounds. */
const cidrTextArb = fc.oneof(
  fc.record({
    octets: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }),
    prefix: fc.integer({ min: 0, max: 32 }),
  })
    .map(({ octets, prefix }) => {
      const value = octets.reduce((sum, octet) => (sum << 8n) | BigInt(octet), 0n) & maskOf(32, prefix);
      return { text: `${ipv4Text(value)}/${prefix}`, family: 4, prefix, first: value };
    }),
  fc.record({ pieces: ipv6PiecesArb, prefix: fc.integer({ min: 0, max: 128 }) })
    .map(({ pieces, prefix }) => {
      const value = pieces.reduce((sum, piece) => (sum << 16n) | BigInt(piece), 0n) & maskOf(128, prefix);
      const full = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');
      return { text: `${full}/${prefix}`, family: 6, prefix, first: value };
    }),
);

function maskOf(bits: number, prefix: number): bigint {
  return ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
}

function ipv4Text(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** RFC 5952 text from an independent implementation: the WHATWG URL host serializer. */
function canonicalIPv6(full: string): string {
  return new URL(`http://[${full}]/`).hostname.slice(1, -1);
}

describe('Cidr properties', () => {
  test('parse(toString()) round-trips, and toString is canonical', () => {
    fc.assert(
      fc.property(cidrTextArb, ({ text, family, prefix, first }) => {
        const cidr = Cidr.parse(text);
        expect([cidr.family, cidr.prefix, cidr.first]).toEqual([family, prefix, first]);
        expect(cidr.last - cidr.first + 1n).toBe(cidr.size);
        const again = Cidr.parse(cidr.toString());
        expect(again.equals(cidr)).toBe(true);
        expect(again.toString()).toBe(cidr.toString());
        const [address] = text.split('/');
        expect(cidr.toString()).toBe(`${family === 6 ? canonicalIPv6(address) : address}/${prefix}`);
      }),
      { numRuns: runs(1000) },
    );
  }, PROPERTY_TIMEOUT_MS);

  test('subnet(prefix, i) lies in the parent at offset i * size, and its supernet is the parent', () => {
    const caseArb = anyCidrArb.chain((parent) =>
      fc.integer({ min: 0, max: Math.min(parent.bits - parent.prefix, 24) }).chain((extraBits) =>
        fc.bigInt({ min: 0n, max: (1n << BigInt(extraBits)) - 1n }).map((index) => ({ parent, extraBits, index })),
      ),
    );
    fc.assert(
      fc.property(caseArb, ({ parent, extraBits, index }) => {
        const child = parent.subnet(parent.prefix + extraBits, index);
        expect(child.family).toBe(parent.family);
        expect(child.prefix).toBe(parent.prefix + extraBits);
        expect(parent.contains(child)).toBe(true);
        expect(child.first).toBe(parent.first + index * child.size);
        expect(child.supernet(parent.prefix).equals(parent)).toBe(true);
        expect(child.supernet(child.prefix).equals(child)).toBe(true);
        if (parent.prefix < parent.bits) {
          const [low, high] = parent.split();
          expect([key(low), key(high)])
            .toEqual([key(parent.subnet(parent.prefix + 1, 0)), key(parent.subnet(parent.prefix + 1, 1))]);
        }
      }),
      { numRuns: runs(300) },
    );
  }, PROPERTY_TIMEOUT_MS);
});
