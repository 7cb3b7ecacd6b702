import fc from 'fast-check';
import { AddressPool, Cidr, OverlapIndex } from '../../lib/ipam';
import { runs } from './runs';

// OverlapIndex against the brute force it replaces: filter every range by overlaps().

/** Blocks that nest and repeat: subnets of one parent at a few sizes, sometimes the parent itself. */
function rangesArb(family: 4 | 6): fc.Arbitrary<{ parent: Cidr; ranges: Array<{ cidr: Cidr; owner: string }>; queries: Cidr[] }> {
  const bits = family === 4 ? 32 : 128;
  const space = Cidr.parse(family === 4 ? '0.0.0.0/0' : '::/0');
  return fc.integer({ min: 0, max: bits - 6 }).chain((prefix) =>
    fc.bigInt({ min: 0n, max: (1n << BigInt(prefix)) - 1n }).chain((index) => {
      const parent = space.subnet(prefix, index);
      const block = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.nat()).map(([extra, slot]) =>
        parent.subnet(prefix + extra, BigInt(slot) % (1n << BigInt(extra))));
      // Now and then a block outside the parent (or the other family), which overlaps nothing inside.
      const outside = fc.constant(Cidr.parse(family === 4 ? '2001:db8::/64' : '10.0.0.0/8'));
      const any = fc.oneof({ arbitrary: block, weight: 9 }, { arbitrary: outside, weight: 1 });
      return fc.record({
        parent: fc.constant(parent),
        ranges: fc.array(any, { maxLength: 40 }).map((cidrs) => cidrs.map((cidr, i) => ({ cidr, owner: `r${i}` }))),
        queries: fc.array(fc.oneof(any, fc.constant(parent), fc.constant(parent.supernet(Math.max(0, prefix - 3)))), { minLength: 1, maxLength: 10 }),
      });
    }));
}

describe('OverlapIndex properties', () => {
  test.each([4, 6] as const)('IPv%s: overlapping(q) is exactly the ranges that overlap q, in input order', (family) => {
    fc.assert(
      fc.property(rangesArb(family), ({ ranges, queries }) => {
        const index = new OverlapIndex(ranges);
        for (const q of queries) {
          expect(index.overlapping(q).map((r) => r.owner)).toEqual(ranges.filter((r) => r.cidr.overlaps(q)).map((r) => r.owner));
        }
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('AddressPool.unclaimed and isUnclaimed', () => {
  test('unclaimed() lists, lowest address first, exactly the recorded owners not yet claimed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 30 }), (slots, claims) => {
        const parent = Cidr.parse('10.0.0.0/16');
        const recorded = Object.fromEntries(slots.map((slot, i) => [`owner${i}`, parent.subnet(24, slot).toString()]));
        const pool = new AddressPool(parent, { recorded });
        slots.forEach((_, i) => {
          if (claims[i]) pool.allocate(24, `owner${i}`);
        });
        const expected = pool.allocations().filter((a) => a.source === 'recorded' && !claims[Number(a.owner.slice(5))]);
        expect(pool.unclaimed()).toEqual(expected);
        for (let i = 0; i < slots.length; i++) expect(pool.isUnclaimed(`owner${i}`)).toBe(!claims[i]);
      }),
      { numRuns: runs(100) },
    );
  });
});
