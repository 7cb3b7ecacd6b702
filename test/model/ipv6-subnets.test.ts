// IPv6 subnet numbers in a VPC's deploy-time block (Ipv6SubnetPlanner): recorded numbers first,
// then the lowest free, 256 per block; a subnet added later never renumbers the others.
//   IPV6_PROPERTY_RUNS=2000 npx jest test/model/ipv6-subnets   (default: 300)
import * as fc from 'fast-check';
import { Ipv6BlockFull, Ipv6SubnetNeed, Ipv6SubnetPlanner, Ipv6SubnetRecords } from '../../lib/model/ipv6-subnets';

const RUNS = Number(process.env.IPV6_PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.IPV6_PROPERTY_SEED ?? 20261202);

const planner = (recorded: Ipv6SubnetRecords = {}, slots = 256) => new Ipv6SubnetPlanner(() => recorded, slots);
const needs = (vpc: string, ...names: string[]): Ipv6SubnetNeed[] => names.map((name) => ({ vpc, name }));

describe('Ipv6SubnetPlanner', () => {
  test('numbers each VPC\'s subnets from 0, in the order they were asked', () => {
    const p = planner();
    p.ask(needs('corp/a', 'nodes-a', 'nodes-b'));
    p.ask(needs('corp/b', 'nodes-a'));
    p.ask(needs('corp/a', 'nodes-c'));
    expect(p.netnum('corp/a', 'nodes-a')).toBe(0);
    expect(p.netnum('corp/a', 'nodes-b')).toBe(1);
    expect(p.netnum('corp/a', 'nodes-c')).toBe(2);
    expect(p.netnum('corp/b', 'nodes-a')).toBe(0);
    expect(p.records()).toEqual({ 'corp/a': { 'nodes-a': 0, 'nodes-b': 1, 'nodes-c': 2 }, 'corp/b': { 'nodes-a': 0 } });
  });

  test('keeps recorded numbers, and gives new subnets the lowest free ones', () => {
    const p = planner({ 'corp/a': { 'nodes-b': 0, 'nodes-d': 2 } });
    p.ask(needs('corp/a', 'nodes-a', 'nodes-b', 'nodes-c', 'nodes-d', 'nodes-e'));
    expect(p.records()).toEqual({ 'corp/a': { 'nodes-b': 0, 'nodes-d': 2, 'nodes-a': 1, 'nodes-c': 3, 'nodes-e': 4 } });
    expect(p.subnets()).toEqual([
      { vpc: 'corp/a', name: 'nodes-b', netnum: 0, recorded: true, claimed: true },
      { vpc: 'corp/a', name: 'nodes-a', netnum: 1, recorded: false, claimed: true },
      { vpc: 'corp/a', name: 'nodes-d', netnum: 2, recorded: true, claimed: true },
      { vpc: 'corp/a', name: 'nodes-c', netnum: 3, recorded: false, claimed: true },
      { vpc: 'corp/a', name: 'nodes-e', netnum: 4, recorded: false, claimed: true },
    ]);
  });

  test('a number planned in this synth stays reported as planned after the plan file records it', () => {
    let file: Record<string, Record<string, number>> = { 'corp/a': { 'nodes-b': 0 } };
    const p = new Ipv6SubnetPlanner(() => file, 256);
    p.ask(needs('corp/a', 'nodes-a', 'nodes-b'));
    const before = p.subnets();
    file = p.records(); // the synth writes the plan file
    expect(p.subnets()).toEqual(before);
    expect(before.map((s) => `${s.name} ${s.recorded}`)).toEqual(['nodes-b true', 'nodes-a false']);
  });

  test('records nothing asked for stay taken, reported claimed: false, in their VPC and in VPCs nothing asks', () => {
    const p = planner({ 'corp/a': { gone: 0 }, 'corp/old': { 'nodes-a': 7 } });
    p.ask(needs('corp/a', 'nodes-a'));
    expect(p.netnum('corp/a', 'nodes-a')).toBe(1);
    expect(p.subnets()).toEqual([
      { vpc: 'corp/a', name: 'gone', netnum: 0, recorded: true, claimed: false },
      { vpc: 'corp/a', name: 'nodes-a', netnum: 1, recorded: false, claimed: true },
      { vpc: 'corp/old', name: 'nodes-a', netnum: 7, recorded: true, claimed: false },
    ]);
    expect(p.records()).toEqual({ 'corp/a': { gone: 0, 'nodes-a': 1 }, 'corp/old': { 'nodes-a': 7 } });
  });

  test('asking twice for a subnet changes nothing', () => {
    const once = planner();
    once.ask(needs('corp/a', 'x', 'y'));
    const twice = planner();
    twice.ask(needs('corp/a', 'x', 'y'));
    twice.ask(needs('corp/a', 'y', 'x', 'x'));
    expect(twice.records()).toEqual(once.records());
    expect(twice.subnets()).toEqual(once.subnets());
  });

  test('any is false until a subnet is asked; asking for none changes nothing', () => {
    const p = planner({ 'corp/a': { x: 0 } });
    expect(p.any).toBe(false);
    p.ask([]);
    expect(p.any).toBe(false);
    p.ask(needs('corp/a', 'y'));
    expect(p.any).toBe(true);
  });

  test('a subnet never asked is an error naming it and its VPC', () => {
    const p = planner();
    p.ask(needs('corp/a', 'x'));
    expect(() => p.netnum('corp/a', 'y')).toThrow('no IPv6 subnet y was asked for the VPC of corp/a: the cloud\'s profile must ask for every IPv6 subnet its renderer builds');
    expect(() => p.netnum('corp/b', 'x')).toThrow('no IPv6 subnet x was asked for the VPC of corp/b');
  });

  test('a full block is Ipv6BlockFull naming the VPC, how many subnets it needs and how many the block holds', () => {
    const names = Array.from({ length: 300 }, (_, i) => `s${i}`);
    const p = planner({}, 256);
    p.ask(needs('corp/a', ...names));
    let error: unknown;
    try {
      p.records();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Ipv6BlockFull);
    expect((error as Error).message).toBe('VPC of corp/a needs 300 IPv6 subnets, more than the 256 its block holds');
    // Exactly full is fine, recorded numbers included.
    const full = planner({ 'corp/a': { old: 255 } }, 256);
    full.ask(needs('corp/a', ...names.slice(0, 255)));
    expect(full.netnum('corp/a', 's254')).toBe(254);
    full.ask(needs('corp/a', 'one-more'));
    expect(() => full.records()).toThrow('VPC of corp/a needs 257 IPv6 subnets, more than the 256 its block holds');
  });
});

// The property: this test's own oracle numbers subnets the plainest way (a list of taken numbers
// per VPC, scanned from 0), and the planner must agree with it and with the promises.
type Asks = Array<{ vpc: string; name: string }>;

function oracle(recorded: Ipv6SubnetRecords, asks: Asks, slots: number): Record<string, Record<string, number>> | 'full' {
  const out: Record<string, Record<string, number>> = {};
  for (const [vpc, subnets] of Object.entries(recorded)) out[vpc] = { ...subnets };
  for (const { vpc, name } of asks) {
    const mine = (out[vpc] ??= {});
    if (name in mine) continue;
    const used = Object.values(mine);
    let n = 0;
    while (used.includes(n)) n++;
    if (n >= slots) return 'full';
    mine[name] = n;
  }
  return out;
}

const VPCS = ['corp/a', 'corp/b', 'corp/c'];
const name = fc.constantFrom(...Array.from({ length: 40 }, (_, i) => `subnet-${i}`));
const asks = (max: number) => fc.array(fc.record({ vpc: fc.constantFrom(...VPCS), name }), { maxLength: max });
/** Recorded numbers: distinct per VPC, anywhere in a block of `slots`. */
const records = (slots: number) => fc.dictionary(fc.constantFrom(...VPCS),
  fc.uniqueArray(fc.tuple(name, fc.integer({ min: 0, max: slots - 1 })), { selector: ([, n]) => n, maxLength: 30 })
    .map((pairs) => Object.fromEntries(pairs.filter(([s], i) => pairs.findIndex(([t]) => t === s) === i))));
const estates = fc.constantFrom(16, 64, 256).chain((slots) => fc.tuple(fc.constant(slots), records(slots), asks(60)));

function numbersOf(p: Ipv6SubnetPlanner): Record<string, Record<string, number>> | 'full' {
  try {
    return p.records();
  } catch (e) {
    if (e instanceof Ipv6BlockFull) return 'full';
    throw e;
  }
}

describe('Ipv6SubnetPlanner, property', () => {
  test('numbers are unique per VPC and in the block, recorded ones never change, and the oracle agrees', () => {
    fc.assert(fc.property(estates, ([slots, recorded, asked]) => {
      const p = planner(recorded, slots);
      p.ask(asked);
      const got = numbersOf(p);
      const want = oracle(recorded, asked, slots);
      expect(got).toEqual(want);
      if (got === 'full') return;
      // Plain checks, one expect each: a failure names the counterexample.
      const problems: string[] = [];
      for (const [vpc, subnets] of Object.entries(got)) {
        const values = Object.values(subnets);
        if (new Set(values).size !== values.length) problems.push(`${vpc}: numbers repeat (${values})`);
        for (const n of values) if (!Number.isInteger(n) || n < 0 || n >= slots) problems.push(`${vpc}: ${n} is outside the block of ${slots}`);
        for (const [subnet, n] of Object.entries(recorded[vpc] ?? {})) if (subnets[subnet] !== n) problems.push(`${vpc}: recorded ${subnet} ${n} became ${subnets[subnet]}`);
      }
      for (const { vpc, name: subnet } of asked) if (p.netnum(vpc, subnet) !== got[vpc][subnet]) problems.push(`netnum(${vpc}, ${subnet}) disagrees with records()`);
      for (const s of p.subnets()) {
        if (s.netnum !== got[s.vpc][s.name]) problems.push(`subnets() lists ${s.vpc} ${s.name} as ${s.netnum}`);
        if (s.claimed !== asked.some((a) => a.vpc === s.vpc && a.name === s.name)) problems.push(`${s.vpc} ${s.name} claimed: ${s.claimed}`);
        if (s.recorded !== (recorded[s.vpc]?.[s.name] === s.netnum)) problems.push(`${s.vpc} ${s.name} recorded: ${s.recorded}`);
      }
      expect(problems).toEqual([]);
    }), { numRuns: RUNS, seed: SEED });
  });

  test('adding subnets never renumbers existing ones: appended in one synth, or in any order once recorded', () => {
    fc.assert(fc.property(asks(40), asks(40), fc.integer(), (first, more, shuffle) => {
      const before = planner();
      before.ask(first);
      const numbers = numbersOf(before);
      fc.pre(numbers !== 'full');
      // The same synth, more subnets asked after: nothing asked before moves.
      const appended = planner();
      appended.ask(first);
      appended.ask(more);
      const grown = numbersOf(appended);
      if (grown !== 'full') {
        for (const [vpc, subnets] of Object.entries(numbers)) expect(grown[vpc]).toMatchObject(subnets);
      }
      // The next synth, reading the plan file: new subnets asked first, the old ones in any order.
      const order = [...more, ...first].map((a, i) => ({ a, k: (i * 2654435761 + shuffle) % 997 })).sort((x, y) => x.k - y.k).map(({ a }) => a);
      const next = planner(numbers);
      next.ask(order);
      const later = numbersOf(next);
      if (later === 'full') return;
      for (const [vpc, subnets] of Object.entries(numbers)) expect(later[vpc]).toMatchObject(subnets);
    }), { numRuns: RUNS, seed: SEED });
  });
});
