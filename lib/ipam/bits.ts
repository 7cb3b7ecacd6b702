// Block arithmetic on addresses as bigints, family-neutral (32 or 128 bits). Internal to the
// address layer: ip-num parses, validates and formats at the edges; inside, a block is its
// first address and a prefix length, and everything below is a few bigint operations.

/** Widest address the layer handles (IPv6). */
const MAX_BITS = 128;

/** SIZE[k] = 2^k: the number of addresses in a block with k host bits. */
const SIZE: readonly bigint[] = Array.from({ length: MAX_BITS + 1 }, (_, k) => 1n << BigInt(k));
/** SHIFT[k] = k as a bigint, for shifts without a conversion each time. */
const SHIFT: readonly bigint[] = Array.from({ length: MAX_BITS + 1 }, (_, k) => BigInt(k));
/** HOST_MASK[k] = 2^k - 1: the host bits of a block with k host bits. */
const HOST_MASK: readonly bigint[] = SIZE.map((size) => size - 1n);

/** Addresses in a block of `prefix` in a family `bits` wide. */
export function blockSize(bits: number, prefix: number): bigint {
  return SIZE[bits - prefix];
}

/** The host bits of a block of `prefix` (its size minus one). */
export function hostMask(bits: number, prefix: number): bigint {
  return HOST_MASK[bits - prefix];
}

/** First address of the block of `prefix` that holds `address` (the host bits cleared). */
export function alignDown(address: bigint, bits: number, prefix: number): bigint {
  return address & ~HOST_MASK[bits - prefix];
}

/** True when `address` is the first address of a block of `prefix` (no host bits set). */
export function isAligned(address: bigint, bits: number, prefix: number): boolean {
  return (address & HOST_MASK[bits - prefix]) === 0n;
}

/** First address of the buddy of the aligned block at `first`: the other half of their supernet. */
export function buddyOf(first: bigint, bits: number, prefix: number): bigint {
  return first ^ SIZE[bits - prefix];
}

/**
 * A hashable key for the aligned block of `prefix` at `first` among blocks of that prefix
 * inside a parent starting at `base`: the block's index, as a number while it fits one
 * exactly, else as text.
 *
 * Not the bigint itself: V8 hashes a BigInt by its lowest 64 bits only, so IPv6 blocks of
 * /64 or shorter (whose low 64 bits are all zero) would all land in one hash bucket and
 * every Map lookup would walk all of them.
 */
export function blockKey(first: bigint, base: bigint, bits: number, prefix: number): number | string {
  const index = (first - base) >> SHIFT[bits - prefix];
  return index <= MAX_SAFE ? Number(index) : index.toString(36);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
