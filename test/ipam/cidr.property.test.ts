import fc from 'fast-check';
import { IPv4, IPv4CidrRange, IPv4Prefix, IPv6, IPv6CidrRange, IPv6Prefix } from 'ip-num';
import { Cidr, findOverlaps, sortByAddress } from '../../lib/ipam';
import { alignDown, blockKey, blockSize, buddyOf, hostMask, isAligned } from '../../lib/ipam/bits';
import { runs } from './runs';

// Cidr keeps a block as a bigint first address and a prefix, and does its geometry in
// integers; ip-num only parses, validates and formats. These properties hold the integer
// geometry to ip-num's own (the oracle), on both families and across the whole address
// space (fc.bigInt favours the edges: 0, the last address, powers of two).

const SPACE = { 4: Cidr.parse('0.0.0.0/0'), 6: Cidr.parse('::/0') } as const;

type Range = IPv4CidrRange | IPv6CidrRange;

/** A block anywhere in the family's space, /0 to /bits. */
function cidrArb(family: 4 | 6): fc.Arbitrary<Cidr> {
  const bits = family === 4 ? 32 : 128;
  return fc.integer({ min: 0, max: bits }).chain((prefix) =>
    fc.bigInt({ min: 0n, max: (1n << BigInt(prefix)) - 1n }).map((index) => SPACE[family].subnet(prefix, index)),
  );
}

const anyCidr = fc.oneof(cidrArb(4), cidrArb(6));

/** The same block as an ip-num range, built from numbers (not from our text). */
function oracle(cidr: Cidr): Range {
  return cidr.family === 4
    ? new IPv4CidrRange(IPv4.fromNumber(cidr.first), IPv4Prefix.fromNumber(BigInt(cidr.prefix)))
    : new IPv6CidrRange(IPv6.fromBigInt(cidr.first), IPv6Prefix.fromNumber(BigInt(cidr.prefix)));
}

/** ip-num's range of `prefix` around `address` (host bits as they come), first address. */
function oracleFirst(family: 4 | 6, address: bigint, prefix: number): bigint {
  return family === 4
    ? new IPv4CidrRange(IPv4.fromNumber(address), IPv4Prefix.fromNumber(BigInt(prefix))).getFirst().value
    : new IPv6CidrRange(IPv6.fromBigInt(address), IPv6Prefix.fromNumber(BigInt(prefix))).getFirst().value;
}

describe('Cidr integer geometry agrees with ip-num', () => {
  test('first, last, size and text', () => {
    fc.assert(
      fc.property(anyCidr, (cidr) => {
        const range = oracle(cidr);
        expect(cidr.first).toBe(range.getFirst().value);
        expect(cidr.last).toBe(range.getLast().value);
        expect(cidr.size).toBe(range.getSize());
        expect(cidr.bits).toBe(cidr.family === 4 ? 32 : 128);
        // Our text goes back through ip-num's parser to the same numbers.
        const reparsed = cidr.family === 4 ? IPv4CidrRange.fromCidr(cidr.toString()) : IPv6CidrRange.fromCidr(cidr.toString());
        expect(reparsed.getFirst().value).toBe(cidr.first);
        expect(Number(reparsed.getPrefix().getValue())).toBe(cidr.prefix);
      }),
      { numRuns: runs(300) },
    );
  });

  test('split gives ip-num\'s two halves', () => {
    fc.assert(
      fc.property(anyCidr.filter((c) => c.prefix < c.bits), (cidr) => {
        const [low, high] = cidr.split();
        const [oLow, oHigh] = oracle(cidr).split();
        expect([low.first, low.last, low.prefix]).toEqual([oLow.getFirst().value, oLow.getLast().value, Number(oLow.getPrefix().getValue())]);
        expect([high.first, high.last, high.prefix]).toEqual([oHigh.getFirst().value, oHigh.getLast().value, Number(oHigh.getPrefix().getValue())]);
      }),
      { numRuns: runs(200) },
    );
  });

  test('supernet and alignDown clear the host bits as ip-num does', () => {
    fc.assert(
      fc.property(anyCidr, fc.nat(), fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (cidr, pick, noise) => {
        const prefix = pick % (cidr.prefix + 1);
        const up = cidr.supernet(prefix);
        expect(up.first).toBe(oracleFirst(cidr.family, cidr.first, prefix));
        expect(up.prefix).toBe(prefix);
        expect(up.contains(cidr)).toBe(true);
        // Any address with any host bits aligns down to its block's first address.
        const address = cidr.first | (noise & hostMask(cidr.bits, cidr.prefix));
        expect(alignDown(address, cidr.bits, cidr.prefix)).toBe(cidr.first);
        expect(alignDown(address, cidr.bits, prefix)).toBe(oracleFirst(cidr.family, address, prefix));
        expect(isAligned(address, cidr.bits, cidr.prefix)).toBe(address === cidr.first);
      }),
      { numRuns: runs(300) },
    );
  });

  test('subnet(prefix, i) is ip-num\'s i-th block of that size', () => {
    fc.assert(
      fc.property(anyCidr, fc.nat(), fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (parent, extra, slot) => {
        const prefix = parent.prefix + (extra % (parent.bits - parent.prefix + 1));
        const index = slot % (1n << BigInt(prefix - parent.prefix));
        const sub = parent.subnet(prefix, index);
        const size = blockSize(parent.bits, prefix);
        const expected = oracle(parent).toRangeSet().takeSubRange(index * size, size).toCidrRange();
        expect([sub.first, sub.last, sub.prefix]).toEqual([expected.getFirst().value, expected.getLast().value, Number(expected.getPrefix().getValue())]);
      }),
      { numRuns: runs(200) },
    );
  });

  test('contains and overlaps agree with ip-num on blocks of one family', () => {
    // Pairs that often nest: a block and one of its subnets or supernets, or two unrelated blocks.
    const related = (family: 4 | 6) => fc.tuple(cidrArb(family), fc.nat(), fc.nat(), fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }))
      .map(([a, kind, extra, slot]): [Cidr, Cidr] => {
        if (kind % 3 === 0) return [a, a.supernet(a.prefix - (extra % (a.prefix + 1)))];
        const prefix = a.prefix + (extra % (a.bits - a.prefix + 1));
        return [a, a.subnet(prefix, slot % (1n << BigInt(prefix - a.prefix)))];
      });
    const pair = fc.oneof(related(4), related(6), fc.tuple(cidrArb(4), cidrArb(4)), fc.tuple(cidrArb(6), cidrArb(6)));
    fc.assert(
      fc.property(pair, fc.boolean(), ([x, y], swap) => {
        const [a, b] = swap ? [y, x] : [x, y];
        const [oa, ob] = [oracle(a), oracle(b)] as [IPv4CidrRange, IPv4CidrRange];
        expect(a.contains(b)).toBe(oa.contains(ob));
        expect(a.overlaps(b)).toBe(oa.isOverlapping(ob));
        expect(a.equals(b)).toBe(a.toString() === b.toString());
      }),
      { numRuns: runs(300) },
    );
  });

  test('blocks of different families never contain or overlap each other', () => {
    fc.assert(
      fc.property(cidrArb(4), cidrArb(6), (v4, v6) => {
        expect([v4.contains(v6), v6.contains(v4), v4.overlaps(v6), v6.overlaps(v4), v4.equals(v6)]).toEqual([false, false, false, false, false]);
        expect(Cidr.compare(v4, v6)).toBeLessThan(0);
        expect(findOverlaps([{ cidr: v4, owner: 'a' }, { cidr: v6, owner: 'b' }])).toEqual([]);
      }),
      { numRuns: runs(100) },
    );
  });

  test('compare sorts by family, then address, then the larger block first', () => {
    fc.assert(
      fc.property(fc.array(anyCidr, { maxLength: 30 }), (blocks) => {
        const sorted = [...blocks].sort(Cidr.compare);
        // The same order from ip-num's numbers and prefixes.
        const keyed = [...blocks].sort((a, b) => {
          const [oa, ob] = [oracle(a), oracle(b)];
          if (a.family !== b.family) return a.family - b.family;
          const [fa, fb] = [oa.getFirst().value, ob.getFirst().value];
          if (fa !== fb) return fa < fb ? -1 : 1;
          return Number(oa.getPrefix().getValue() - ob.getPrefix().getValue());
        });
        expect(sorted.map(String)).toEqual(keyed.map(String));
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('pool block arithmetic', () => {
  test('buddyOf is the other half of the supernet', () => {
    fc.assert(
      fc.property(anyCidr.filter((c) => c.prefix > 0), (cidr) => {
        const [low, high] = cidr.supernet(cidr.prefix - 1).split();
        const buddy = buddyOf(cidr.first, cidr.bits, cidr.prefix);
        expect(buddy).toBe(low.equals(cidr) ? high.first : low.first);
      }),
      { numRuns: runs(200) },
    );
  });

  test('blockKey tells blocks of one size in one parent apart, also past 2^53 blocks', () => {
    // Parents whose blocks of `prefix` number more than 2^53 get text keys; fewer, number keys.
    fc.assert(
      fc.property(
        anyCidr.filter((c) => c.prefix < c.bits),
        fc.nat(),
        fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
        fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
        (parent, extra, i, j) => {
          const prefix = parent.prefix + 1 + (extra % (parent.bits - parent.prefix));
          const count = 1n << BigInt(prefix - parent.prefix);
          const [a, b] = [parent.subnet(prefix, i % count), parent.subnet(prefix, j % count)];
          const [ka, kb] = [a, b].map((c) => blockKey(c.first, parent.first, parent.bits, prefix));
          expect(ka === kb).toBe(a.first === b.first);
          expect(typeof ka).toBe((i % count) <= BigInt(Number.MAX_SAFE_INTEGER) ? 'number' : 'string');
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

describe('sortByAddress', () => {
  test('is a stable sort by Cidr.compare, on IPv4 and IPv6 mixed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyCidr, fc.constantFrom(...['10.0.0.0/8', '10.0.0.0/16', '::/0', 'fd00::/8', '::1/128'].map((t) => Cidr.parse(t)))), { maxLength: 60 }), (blocks) => {
        const ranges = blocks.map((cidr, i) => ({ cidr, owner: `r${i}` }));
        const expected = [...ranges].sort((a, b) => Cidr.compare(a.cidr, b.cidr));
        expect(sortByAddress(ranges).map((r) => r.owner)).toEqual(expected.map((r) => r.owner));
      }),
      { numRuns: runs(300) },
    );
  });
});
