import { AddressError, AddressPool, Cidr } from '../ipam';
import { RangeRole } from './plan';

// How the planner places one range in a pool: first fit, kept out of spaces the cloud refuses,
// or free in a second pool too; and what a user changes when nothing fits.

/**
 * Runs `allocate` with every free block of `pool` inside `spaces` set aside (under
 * placeholders, released after), so first fit never lands there.
 */
export function outside(pool: AddressPool, spaces: readonly Cidr[], owner: string, allocate: () => Cidr): Cidr {
  if (spaces.length === 0) return allocate();
  const aside: string[] = [];
  for (const space of spaces) {
    for (const free of pool.freeBlocks()) {
      const block = space.contains(free) ? free : free.contains(space) ? space : undefined;
      if (!block) continue;
      const placeholder = `${owner}#avoid-${aside.length}`;
      pool.reserve(block, placeholder);
      aside.push(placeholder);
    }
  }
  try {
    return allocate();
  } finally {
    for (const placeholder of aside) pool.release(placeholder);
  }
}

/**
 * Allocates from `pool` the lowest block that is free in `other` too, and holds it there.
 * What `other` holds is set aside in `pool` first (under placeholders, released after), so
 * first fit skips it whole; a candidate `other` still refuses is set aside in turn.
 */
export function allocateInBoth(pool: AddressPool, other: AddressPool, prefix: number, owner: string): Cidr {
  const aside: string[] = [];
  const setAside = (cidr: Cidr) => {
    const placeholder = `${owner}#aside-${aside.length}`;
    try {
      pool.reserve(cidr, placeholder);
      aside.push(placeholder);
    } catch (e) {
      if (!(e instanceof AddressError)) throw e; // outside the pool, or partly held already
    }
  };
  try {
    for (const held of other.allocations()) setAside(held.cidr);
    for (;;) {
      const candidate = pool.allocate(prefix, owner);
      try {
        other.reserve(candidate, owner);
        return candidate;
      } catch (e) {
        if (!(e instanceof AddressError)) throw e;
        pool.release(owner);
        setAside(candidate);
      }
    }
  } finally {
    for (const placeholder of aside) pool.release(placeholder);
  }
}

/** What a user changes when a range does not fit. */
const FIX_BY_ROLE: Partial<Record<RangeRole, string>> = {
  [RangeRole.POD]: 'lower maxNodes or maxPodsPerNode, or pin podCidr',
  [RangeRole.SERVICE]: 'lower maxServices, or pin serviceCidr',
  [RangeRole.NODE]: 'lower maxNodes, or pin nodeCidr',
  [RangeRole.SUPER_RANGE]: 'pin podCidr, or widen islandCidr',
  [RangeRole.GATEWAY]: 'free some of the main network, or widen its cidr',
  [RangeRole.BLOCK]: 'lower maxNodes, or free some of the main network, or widen its cidr',
};

export function fixFor(role: RangeRole): string {
  return FIX_BY_ROLE[role] ? ` — ${FIX_BY_ROLE[role]}` : '';
}
