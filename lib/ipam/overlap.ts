import { alignDown, blockKey } from './bits';
import { Cidr } from './cidr';

/** A range and who holds it, as the overlap index sees it. */
export interface OwnedRange {
  readonly cidr: Cidr;
  readonly owner: string;
}

/** Two ranges that share addresses. `outer` contains `inner` (CIDR blocks nest or are disjoint). */
export interface Overlap<T extends OwnedRange> {
  readonly outer: T;
  readonly inner: T;
}

/**
 * Every overlapping pair among `ranges`, in O(n log n + k) for k pairs.
 *
 * CIDR blocks never partly overlap: two blocks are disjoint or one contains the
 * other. Sorted by address (larger block first on ties), the blocks that contain
 * the current one are exactly the still-open blocks on a stack, so one sweep finds
 * every pair without comparing all of them. Pairs come out in address order.
 */
export function findOverlaps<T extends OwnedRange>(ranges: readonly T[]): Array<Overlap<T>> {
  const sorted = sortByAddress(ranges);
  const pairs: Array<Overlap<T>> = [];
  const open: T[] = [];
  for (const range of sorted) {
    while (open.length > 0 && !open[open.length - 1].cidr.contains(range.cidr)) open.pop();
    for (const outer of open) pairs.push({ outer, inner: range });
    open.push(range);
  }
  return pairs;
}

/**
 * Ranges indexed for one question, asked many times: which of them overlap this block?
 *
 * The blocks that overlap a query either contain it (or equal it) or lie inside it. Those
 * that contain it start at the query's address rounded down to their own prefix length:
 * one hash lookup per prefix length the index holds (at most 33 or 129). Those inside it
 * are a run of the address-sorted ranges found by binary search. A query costs
 * O(prefix lengths + log n + k) for k answers instead of comparing all n ranges.
 */
export class OverlapIndex<T extends OwnedRange> {
  /** Ranges in address order, each with its position in the input. */
  private readonly sorted: Array<{ readonly item: T; readonly order: number }>;
  /** family -> prefix -> block key -> positions in the input of the ranges that are that block. */
  private readonly blocks = new Map<number, Map<number, Map<number | string, number[]>>>();
  private readonly items: readonly T[];

  constructor(ranges: readonly T[]) {
    this.items = [...ranges];
    this.sorted = this.items.map((item, order) => ({ item, order })).sort((a, b) => Cidr.compare(a.item.cidr, b.item.cidr));
    this.items.forEach(({ cidr }, order) => {
      let byPrefix = this.blocks.get(cidr.family);
      if (!byPrefix) this.blocks.set(cidr.family, byPrefix = new Map());
      let byKey = byPrefix.get(cidr.prefix);
      if (!byKey) byPrefix.set(cidr.prefix, byKey = new Map());
      const key = blockKey(cidr.first, 0n, cidr.bits, cidr.prefix);
      const same = byKey.get(key);
      if (same) same.push(order);
      else byKey.set(key, [order]);
    });
  }

  /** Every indexed range that shares an address with `cidr`, in the order they were given. */
  public overlapping(cidr: Cidr): T[] {
    const found: number[] = [];
    // Containing (or equal): the block of each indexed prefix length that holds cidr's first address.
    for (const [prefix, byKey] of this.blocks.get(cidr.family) ?? []) {
      if (prefix > cidr.prefix) continue;
      const hits = byKey.get(blockKey(alignDown(cidr.first, cidr.bits, prefix), 0n, cidr.bits, prefix));
      if (hits) found.push(...hits);
    }
    // Inside (strictly smaller): ranges whose first address lies in cidr, from the lowest on.
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const c = this.sorted[mid].item.cidr;
      if (c.family < cidr.family || (c.family === cidr.family && c.first < cidr.first)) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.sorted.length; i++) {
      const { item, order } = this.sorted[i];
      if (item.cidr.family !== cidr.family || item.cidr.first > cidr.last) break;
      if (item.cidr.prefix > cidr.prefix) found.push(order);
    }
    return found.sort((a, b) => a - b).map((order) => this.items[order]);
  }
}

/**
 * `ranges` in Cidr.compare order (family, address, larger block first; stable on ties).
 *
 * The same order as sorting with Cidr.compare, several times faster: each address is cut
 * once into three numbers of at most 43 bits (exact in a double), so the n log n
 * comparisons compare numbers, not bigints.
 */
export function sortByAddress<T extends OwnedRange>(ranges: readonly T[]): T[] {
  const n = ranges.length;
  const family = new Float64Array(n);
  const top = new Float64Array(n);
  const middle = new Float64Array(n);
  const low = new Float64Array(n);
  const prefix = new Float64Array(n);
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const cidr = ranges[i].cidr;
    const first = cidr.first;
    family[i] = cidr.family;
    prefix[i] = cidr.prefix;
    order[i] = i;
    if (first <= MAX_EXACT) {
      low[i] = Number(first); // every IPv4 address, and IPv6 ones below 2^53: no bigint arithmetic
    } else {
      const high = first >> 43n;
      top[i] = Number(high >> 43n);
      middle[i] = Number(high & LOW_43);
      low[i] = Number(first & LOW_43);
    }
  }
  order.sort((a, b) => family[a] - family[b] || top[a] - top[b] || middle[a] - middle[b] || low[a] - low[b] || prefix[a] - prefix[b] || a - b);
  return order.map((i) => ranges[i]);
}

const LOW_43 = (1n << 43n) - 1n;
const MAX_EXACT = LOW_43;
