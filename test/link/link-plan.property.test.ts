// The link planner, against its own small math: whatever links an estate asks for and whatever
// an earlier synth recorded, every tunnel gets a /30 of 169.254.0.0/16 that AWS accepts, no two
// tunnels share one, and a recorded tunnel keeps its range.
import fc from 'fast-check';
import { LinkPlanner, LinkRecord } from '../../lib/model/link-plan';
import { runs } from '../ipam/runs';

/** 169.254.a.b/30 -> its first address as a number, by hand (no library). */
function first(cidr: string): number {
  const [address, prefix] = cidr.split('/');
  expect(prefix).toBe('30');
  const [a, b, c, d] = address.split('.').map(Number);
  expect([a, b]).toEqual([169, 254]);
  expect(d % 4).toBe(0);
  return (c << 8) + d;
}

const AWS_RESERVED = new Set([0, 1, 2, 3, 4, 5].map((c) => c << 8).concat([(169 << 8) + 252]));

test('tunnels are distinct /30s AWS accepts, recorded ones kept', () => {
  fc.assert(fc.property(
    fc.array(fc.record({ tunnels: fc.constantFrom(2, 4), recorded: fc.boolean() }), { minLength: 1, maxLength: 12 }),
    fc.array(fc.integer({ min: 6 << 6, max: (1 << 14) - 1 }), { minLength: 4, maxLength: 48 }),
    (links, slots) => {
      // Recorded links get tunnels at random free slots (distinct, never reserved).
      const free = [...new Set(slots)].map((s) => s * 4).filter((f) => !AWS_RESERVED.has(f));
      const records = new Map<string, LinkRecord>();
      links.forEach((l, i) => {
        if (!l.recorded || free.length < l.tunnels) return;
        const tunnels = Object.fromEntries(Array.from({ length: l.tunnels }, (_, t) => {
          const f = free.shift()!;
          return [`tunnel-${t + 1}`, `169.254.${f >> 8}.${f & 255}/30`];
        }));
        records.set(`app/link-${i}`, { gcp: `gcp/n${i}`, aws: `aws/n${i}`, asn: { gcp: 65000 + i, aws: 64512 }, tunnels });
      });
      const planner = new LinkPlanner(records);
      const seen = new Set<number>();
      links.forEach((l, i) => {
        const path = `app/link-${i}`;
        const plan = planner.plan({ path, gcp: `gcp/n${i}`, aws: `aws/n${i}`, awsRegion: 'eu-west-1', tunnels: l.tunnels, awsNetworkRecorded: false });
        for (const t of plan.tunnels) {
          const f = first(t.insideCidr);
          expect(AWS_RESERVED.has(f)).toBe(false);
          expect(seen.has(f)).toBe(false);
          seen.add(f);
          expect(t.awsAddress).toBe(`169.254.${f >> 8}.${(f & 255) + 1}`);
          expect(t.gcpAddress).toBe(`169.254.${f >> 8}.${(f & 255) + 2}`);
          const recorded = records.get(path)?.tunnels[t.name];
          if (recorded) expect(t.insideCidr).toBe(recorded);
        }
        expect(plan.asn.gcp).not.toBe(plan.asn.aws);
      });
    },
  ), { numRuns: runs(100) });
});
