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
  const sorted = [...ranges].sort((a, b) => Cidr.compare(a.cidr, b.cidr));
  const pairs: Array<Overlap<T>> = [];
  const open: T[] = [];
  for (const range of sorted) {
    while (open.length > 0 && !open[open.length - 1].cidr.contains(range.cidr)) open.pop();
    for (const outer of open) pairs.push({ outer, inner: range });
    open.push(range);
  }
  return pairs;
}
