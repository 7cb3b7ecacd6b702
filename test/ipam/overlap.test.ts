import { Cidr, findOverlaps } from '../../lib/ipam';

const range = (cidr: string, owner: string) => ({ cidr: Cidr.parse(cidr), owner });
const pairs = (ranges: Array<{ cidr: Cidr; owner: string }>) =>
  findOverlaps(ranges).map(({ outer, inner }) => `${outer.owner} > ${inner.owner}`);

describe('findOverlaps', () => {
  test('no ranges, one range, disjoint ranges: no pairs', () => {
    expect(pairs([])).toEqual([]);
    expect(pairs([range('10.0.0.0/8', 'a')])).toEqual([]);
    expect(pairs([range('10.0.0.0/16', 'a'), range('10.1.0.0/16', 'b'), range('10.2.0.0/15', 'c')])).toEqual([]);
  });

  test('the talk: two flat clusters on the same pod range overlap', () => {
    expect(pairs([
      range('10.0.0.0/16', 'corp/flat-a/pods'),
      range('10.0.0.0/16', 'corp/flat-b/pods'),
      range('10.128.1.1/32', 'other'),
    ])).toEqual(['corp/flat-a/pods > corp/flat-b/pods']);
  });

  test('nested ranges report every containing range, outer first, in address order', () => {
    const input = [
      range('10.1.2.0/24', 'leaf'),
      range('10.0.0.0/8', 'net'),
      range('10.1.0.0/16', 'mid'),
      range('10.2.0.0/16', 'sibling'),
      range('11.0.0.0/8', 'elsewhere'),
    ];
    expect(pairs(input)).toEqual(['net > mid', 'net > leaf', 'mid > leaf', 'net > sibling']);
  });

  test('IPv4 and IPv6 ranges never overlap each other', () => {
    expect(pairs([range('0.0.0.0/0', 'v4'), range('::/0', 'v6'), range('fd00::/8', 'ula')])).toEqual(['v6 > ula']);
  });

  test('does not reorder or change its input', () => {
    const input = [range('10.1.0.0/16', 'b'), range('10.0.0.0/8', 'a')];
    findOverlaps(input);
    expect(input.map((r) => r.owner)).toEqual(['b', 'a']);
  });

  test('keeps the caller\'s extra fields', () => {
    const [pair] = findOverlaps([
      { cidr: Cidr.parse('10.0.0.0/8'), owner: 'a', role: 'node' },
      { cidr: Cidr.parse('10.0.0.0/9'), owner: 'b', role: 'pod' },
    ]);
    expect(pair.outer.role).toBe('node');
    expect(pair.inner.role).toBe('pod');
  });
});
