import { Cidr } from './cidr';

/**
 * How many addresses of `within` the blocks cover, counting each address once however
 * many blocks hold it (one sorted sweep).
 */
export function coveredAddresses(blocks: readonly Cidr[], within: Cidr): bigint {
  const inside = blocks.filter((b) => b.overlaps(within)).sort(Cidr.compare);
  let covered = 0n;
  let reach = within.first - 1n; // last address counted so far
  for (const block of inside) {
    const first = block.first > within.first ? block.first : within.first;
    const last = block.last < within.last ? block.last : within.last;
    const from = first > reach ? first : reach + 1n;
    if (last >= from) {
      covered += last - from + 1n;
      reach = last;
    }
  }
  return covered;
}
