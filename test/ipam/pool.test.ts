import { AddressError, AddressPool, Cidr } from '../../lib/ipam';

const texts = (cidrs: Cidr[]) => cidrs.map(String);

describe('AddressPool.allocate: aligned first fit', () => {
  test('takes the lowest free block aligned to its size', () => {
    const pool = new AddressPool('10.0.0.0/8');
    expect(pool.allocate(24, 'a').toString()).toBe('10.0.0.0/24');
    expect(pool.allocate(16, 'b').toString()).toBe('10.1.0.0/16');
    // The hole left below 10.1.0.0/16 is used first by anything that fits in it.
    expect(pool.allocate(25, 'c').toString()).toBe('10.0.1.0/25');
    expect(pool.allocate(23, 'd').toString()).toBe('10.0.2.0/23');
    expect(pool.allocate(17, 'e').toString()).toBe('10.0.128.0/17');
    expect(pool.allocate(15, 'f').toString()).toBe('10.2.0.0/15');
  });

  test('plans around reserved ranges', () => {
    const pool = new AddressPool('10.0.0.0/8', { name: 'main' });
    pool.reserve('10.0.0.0/16', 'other');
    expect(pool.allocate(16, 'a').toString()).toBe('10.1.0.0/16');
    expect(pool.allocate(15, 'b').toString()).toBe('10.2.0.0/15');
  });

  test('is deterministic', () => {
    const run = () => {
      const pool = new AddressPool('172.16.0.0/12');
      return [20, 24, 28, 22, 16, 26].map((p, i) => pool.allocate(p, `o${i}`).toString());
    };
    expect(run()).toEqual(run());
  });

  test('asking again for the same owner and size returns the same range', () => {
    const pool = new AddressPool('10.0.0.0/8');
    const first = pool.allocate(20, 'a');
    expect(pool.allocate(20, 'a')).toBe(first);
    expect(pool.allocations()).toHaveLength(1);
  });

  test('a whole pool can be allocated as one block', () => {
    const pool = new AddressPool('10.0.0.0/30');
    expect(pool.allocate(30, 'all').toString()).toBe('10.0.0.0/30');
    expect(pool.freeBlocks()).toEqual([]);
  });

  test('works for IPv6', () => {
    const pool = new AddressPool('2001:db8::/48');
    expect(pool.allocate(64, 'a').toString()).toBe('2001:db8::/64');
    expect(pool.allocate(56, 'b').toString()).toBe('2001:db8:0:100::/56');
    expect(pool.allocate(64, 'c').toString()).toBe('2001:db8:0:1::/64');
  });

  test('a full pool says the largest free block left', () => {
    const pool = new AddressPool('10.0.0.0/24', { name: 'nodes' });
    pool.allocate(25, 'a');
    pool.allocate(27, 'b');
    expect(() => pool.allocate(25, 'c')).toThrow(new AddressError(
      'pool nodes (10.0.0.0/24) has no free /25 for c: the largest free block left is 10.0.0.192/26; ask for /26 or longer, or give the pool more space',
    ));
    pool.allocate(26, 'd');
    pool.allocate(27, 'e');
    expect(() => pool.allocate(32, 'f')).toThrow(new AddressError(
      'pool nodes (10.0.0.0/24) has no free /32 for f: the pool is full; give it more space or release a range',
    ));
  });

  test('a prefix outside the pool is rejected', () => {
    const pool = new AddressPool('10.0.0.0/16');
    const fix = 'ask for a whole prefix length from /16 to /32';
    expect(() => pool.allocate(8, 'big')).toThrow(new AddressError(`big needs a /8, larger than pool 10.0.0.0/16 itself: ${fix}`));
    expect(() => pool.allocate(33, 'tiny')).toThrow(new AddressError(`tiny asks for a /33 from pool 10.0.0.0/16: ${fix}`));
    expect(() => pool.allocate(24.5, 'odd')).toThrow(new AddressError(`odd asks for a /24.5 from pool 10.0.0.0/16: ${fix}`));
  });

  test('an owner cannot change size silently', () => {
    const pool = new AddressPool('10.0.0.0/8');
    pool.allocate(24, 'a');
    expect(() => pool.allocate(20, 'a')).toThrow(new AddressError(
      'a already holds 10.0.0.0/24 in pool 10.0.0.0/8 but now asks for a /20: resizing would move the range (and replace what uses it); keep /24, or release a to plan it afresh',
    ));
  });
});

describe('AddressPool.reserve', () => {
  test('an overlap names both owners and the fix', () => {
    const pool = new AddressPool('10.0.0.0/8', { name: 'main' });
    pool.reserve('10.128.0.0/16', 'other');
    expect(() => pool.reserve('10.128.1.0/24', 'corp/prod/nodes')).toThrow(new AddressError(
      '10.128.1.0/24 (corp/prod/nodes) overlaps 10.128.0.0/16 (other) in pool main (10.0.0.0/8): choose a range that does not overlap 10.128.0.0/16',
    ));
    expect(() => pool.reserve('10.0.0.0/8', 'everything')).toThrow(
      '10.0.0.0/8 (everything) overlaps 10.128.0.0/16 (other)',
    );
  });

  test('a range outside the pool is rejected', () => {
    const pool = new AddressPool('10.0.0.0/8');
    expect(() => pool.reserve('192.168.0.0/16', 'lan')).toThrow(new AddressError(
      '192.168.0.0/16 (lan) is not inside pool 10.0.0.0/8: choose a range inside 10.0.0.0/8',
    ));
    expect(() => pool.reserve('fd00::/64', 'v6')).toThrow('fd00::/64 (v6) is not inside pool 10.0.0.0/8');
    expect(() => pool.reserve('0.0.0.0/0', 'all')).toThrow('0.0.0.0/0 (all) is not inside pool 10.0.0.0/8');
  });

  test('string input is validated with the owner in the message', () => {
    const pool = new AddressPool('10.0.0.0/8');
    expect(() => pool.reserve('10.0.0.1/16', 'corp/a/pods')).toThrow(new AddressError(
      'range of corp/a/pods "10.0.0.1/16" has host bits set: did you mean 10.0.0.0/16?',
    ));
  });

  test('reserving what an owner holds is a no-op; another range is an error', () => {
    const pool = new AddressPool('10.0.0.0/8');
    pool.reserve('10.5.0.0/16', 'a');
    expect(pool.reserve('10.5.0.0/16', 'a').toString()).toBe('10.5.0.0/16');
    expect(() => pool.reserve('10.6.0.0/16', 'a')).toThrow(new AddressError(
      'a already holds 10.5.0.0/16 in pool 10.0.0.0/8: release it before reserving 10.6.0.0/16',
    ));
  });

  test('reserved blocks of any size and position leave exact free space', () => {
    const pool = new AddressPool('10.0.0.0/24');
    pool.reserve('10.0.0.77/32', 'host');
    expect(texts(pool.freeBlocks())).toEqual([
      '10.0.0.0/26', '10.0.0.64/29', '10.0.0.72/30', '10.0.0.76/32', '10.0.0.78/31', '10.0.0.80/28', '10.0.0.96/27', '10.0.0.128/25',
    ]);
    expect(pool.freeAddresses()).toBe(255n);
  });
});

describe('AddressPool.release', () => {
  test('merges freed buddies back into the largest blocks', () => {
    const pool = new AddressPool('10.0.0.0/16');
    pool.allocate(24, 'a');
    pool.allocate(24, 'b');
    pool.allocate(23, 'c');
    expect(pool.release('b')?.cidr.toString()).toBe('10.0.1.0/24');
    expect(pool.allocate(24, 'd').toString()).toBe('10.0.1.0/24');
    pool.release('a');
    pool.release('c');
    pool.release('d');
    expect(texts(pool.freeBlocks())).toEqual(['10.0.0.0/16']);
  });

  test('releasing an unknown owner returns undefined', () => {
    expect(new AddressPool('10.0.0.0/8').release('nobody')).toBeUndefined();
  });
});

describe('AddressPool records: stable under edits', () => {
  const firstRun = () => {
    const pool = new AddressPool('10.0.0.0/8');
    pool.reserve('10.128.0.0/16', 'other');
    pool.allocate(16, 'corp/prod/pods');
    pool.allocate(24, 'corp/prod/nodes');
    pool.allocate(20, 'corp/prod/services');
    return Object.fromEntries(pool.allocations().map((a) => [a.owner, a.cidr.toString()]));
  };

  test('recorded owners keep their ranges when a new owner comes first', () => {
    const recorded = firstRun();
    const pool = new AddressPool('10.0.0.0/8', { recorded });
    // A new cluster inserted before the others asks first, for the biggest block.
    const staging = pool.allocate(16, 'corp/staging/pods');
    expect(pool.allocate(16, 'corp/prod/pods').toString()).toBe(recorded['corp/prod/pods']);
    expect(pool.allocate(24, 'corp/prod/nodes').toString()).toBe(recorded['corp/prod/nodes']);
    expect(pool.allocate(20, 'corp/prod/services').toString()).toBe(recorded['corp/prod/services']);
    expect(pool.reserve('10.128.0.0/16', 'other').toString()).toBe(recorded.other);
    expect(Object.values(recorded)).not.toContain(staging.toString());
    expect(pool.allocations().map((a) => [a.owner, a.source])).toEqual([
      ['corp/prod/pods', 'recorded'],
      ['corp/prod/nodes', 'recorded'],
      ['corp/prod/services', 'recorded'],
      ['corp/staging/pods', 'allocated'],
      ['other', 'recorded'],
    ]);
  });

  test('records nobody asks for are reported, and stay held until released', () => {
    const pool = new AddressPool('10.0.0.0/8', { recorded: firstRun() });
    pool.allocate(16, 'corp/prod/pods');
    expect(pool.unclaimed().map((a) => `${a.owner} ${a.cidr}`)).toEqual([
      'corp/prod/nodes 10.1.0.0/24',
      'corp/prod/services 10.1.16.0/20',
      'other 10.128.0.0/16',
    ]);
    expect(pool.allocate(24, 'new').toString()).toBe('10.1.1.0/24');
    pool.release('corp/prod/nodes');
    expect(pool.unclaimed()).toHaveLength(2);
  });

  test('a pin replaces the owner\'s own record', () => {
    const pool = new AddressPool('10.0.0.0/8', { recorded: { 'corp/a/pods': '10.0.0.0/16' } });
    expect(pool.reserve('10.0.0.0/15', 'corp/a/pods').toString()).toBe('10.0.0.0/15');
    expect(pool.unclaimed()).toEqual([]);
  });

  test('a recorded size that no longer matches is an error, not a move', () => {
    const pool = new AddressPool('10.0.0.0/8', { recorded: { 'corp/a/pods': '10.0.0.0/16' } });
    expect(() => pool.allocate(14, 'corp/a/pods')).toThrow(new AddressError(
      'corp/a/pods is recorded at 10.0.0.0/16 in pool 10.0.0.0/8 but now asks for a /14: resizing would move the range (and replace what uses it); keep /16, or release corp/a/pods to plan it afresh',
    ));
  });

  test('a pin over another owner\'s record is an overlap naming the record', () => {
    const pool = new AddressPool('10.0.0.0/8', { recorded: { 'corp/a/pods': '10.0.0.0/16' } });
    expect(() => pool.reserve('10.0.1.0/24', 'corp/b/nodes')).toThrow(new AddressError(
      '10.0.1.0/24 (corp/b/nodes) overlaps the recorded range 10.0.0.0/16 (corp/a/pods) in pool 10.0.0.0/8: choose a range that does not overlap 10.0.0.0/16',
    ));
  });

  test('bad records are rejected with the owner and the fix', () => {
    expect(() => new AddressPool('10.0.0.0/8', { recorded: { x: '192.168.0.0/24' } })).toThrow(new AddressError(
      'recorded range 192.168.0.0/24 of x is not inside pool 10.0.0.0/8: remove the record, or restore the pool\'s range',
    ));
    expect(() => new AddressPool('10.0.0.0/8', { recorded: { x: '10.0.0.1/24' } })).toThrow(
      'recorded range of x "10.0.0.1/24" has host bits set: did you mean 10.0.0.0/24?',
    );
    expect(() => new AddressPool('10.0.0.0/8', { recorded: { b: '10.0.0.0/24', a: '10.0.0.0/16' } })).toThrow(
      '10.0.0.0/24 (b) overlaps the recorded range 10.0.0.0/16 (a)',
    );
  });
});

describe('AddressPool inspection', () => {
  test('get, allocations, largestFree, freeAddresses', () => {
    const pool = new AddressPool('10.0.0.0/16');
    pool.allocate(24, 'a');
    expect(pool.get('a')?.toString()).toBe('10.0.0.0/24');
    expect(pool.get('b')).toBeUndefined();
    expect(pool.largestFree()?.toString()).toBe('10.0.128.0/17');
    expect(pool.freeAddresses()).toBe(65536n - 256n);
  });

  test('a bad pool range is rejected', () => {
    expect(() => new AddressPool('10.0.0.1/8')).toThrow(
      new AddressError('pool range "10.0.0.1/8" has host bits set: did you mean 10.0.0.0/8?'),
    );
  });
});
