import { Heap } from 'heap-js';
import { alignDown, blockKey, buddyOf } from './bits';
import { Cidr } from './cidr';
import { AddressError } from './errors';

/** How a range came to be held in a pool. */
export type AllocationSource = 'reserved' | 'allocated' | 'recorded';

/** One range held in a pool, with the owner that holds it. */
export interface Allocation {
  /** Who holds the range: a construct path plus a role, e.g. `corp/prod/pods`. */
  readonly owner: string;
  readonly cidr: Cidr;
  /** `reserved` (pinned), `allocated` (placed by first fit) or `recorded` (from a previous plan). */
  readonly source: AllocationSource;
}

/** Options of an {@link AddressPool}. */
export interface AddressPoolOptions {
  /** Name used in error messages. @default the pool's CIDR */
  readonly name?: string;
  /**
   * Allocations recorded by a previous run (owner -> CIDR). They are held before
   * anything new is placed, so adding an owner never moves a recorded one.
   * @default none
   */
  readonly recorded?: Readonly<Record<string, string>>;
}

/**
 * An address pool over one parent range: reserve pins, allocate by aligned first fit,
 * release, and honour previously recorded allocations.
 *
 * Free space is kept as maximal aligned blocks, one sorted set per prefix length
 * (a buddy system). The lowest free aligned block of a size is then the lowest of
 * at most `bits` set minima, so allocate, reserve and release cost O(bits log n).
 */
export class AddressPool {
  /** The parent range every allocation lies in. */
  public readonly range: Cidr;
  /** Name used in error messages. */
  public readonly name: string;

  private readonly free: FreeSet[] = [];
  private readonly held = new Map<string, Allocation>();
  /** Owners whose recorded range has not been asked for (yet) in this run. */
  private readonly unclaimedOwners = new Set<string>();

  constructor(range: Cidr | string, options: AddressPoolOptions = {}) {
    this.range = typeof range === 'string' ? Cidr.parse(range, 'pool range') : range;
    this.name = options.name ?? this.range.toString();
    for (let prefix = 0; prefix <= this.range.bits; prefix++) this.free.push(new FreeSet(this.range, prefix));
    this.free[this.range.prefix].add(this.range);
    this.seed(options.recorded ?? {});
  }

  /**
   * Holds a given range (a pin or an existing network) for `owner`.
   *
   * Reserving the range an owner already holds is a no-op. A pin that differs from
   * the owner's unclaimed record replaces the record: the user asked for it.
   *
   * @throws AddressError when the range is outside the pool or overlaps another owner's
   */
  public reserve(cidr: Cidr | string, owner: string): Cidr {
    const block = typeof cidr === 'string' ? Cidr.parse(cidr, `range of ${owner}`) : cidr;
    const current = this.held.get(owner);
    if (current && current.cidr.equals(block)) {
      this.unclaimedOwners.delete(owner);
      return current.cidr;
    }
    if (current && !this.unclaimedOwners.has(owner)) {
      throw new AddressError(
        `${owner} already holds ${current.cidr} in ${this.label}: release it before reserving ${block}`,
      );
    }
    if (!this.range.contains(block)) {
      throw new AddressError(
        `${block} (${owner}) is not inside ${this.label}: choose a range inside ${this.range}`,
      );
    }
    if (current) this.release(owner);
    try {
      this.take(block, owner, 'reserved');
    } catch (e) {
      if (current) {
        // The pin was refused: the record stands, unclaimed, as before.
        this.take(current.cidr, owner, current.source);
        this.unclaimedOwners.add(owner);
      }
      throw e;
    }
    return block;
  }

  /**
   * Places a block of `prefix` length for `owner`: the lowest free block aligned to
   * its size. An owner's recorded range is returned as it is.
   *
   * @throws AddressError when the pool has no free block that large, or when the
   *   owner's recorded range has another size
   */
  public allocate(prefix: number, owner: string): Cidr {
    const current = this.held.get(owner);
    if (current) {
      if (current.cidr.prefix !== prefix) {
        const why = this.unclaimedOwners.has(owner) ? 'is recorded at' : 'already holds';
        throw new AddressError(
          `${owner} ${why} ${current.cidr} in ${this.label} but now asks for a /${prefix}: ` +
          `resizing would move the range (and replace what uses it); keep /${current.cidr.prefix}, ` +
          `or release ${owner} to plan it afresh`,
        );
      }
      this.unclaimedOwners.delete(owner);
      return current.cidr;
    }
    if (!Number.isInteger(prefix) || prefix < this.range.prefix || prefix > this.range.bits) {
      const fix = `ask for a whole prefix length from /${this.range.prefix} to /${this.range.bits}`;
      throw new AddressError(Number.isInteger(prefix) && prefix >= 0 && prefix < this.range.prefix
        ? `${owner} needs a /${prefix}, larger than ${this.label} itself: ${fix}`
        : `${owner} asks for a /${prefix} from ${this.label}: ${fix}`);
    }
    let best: Cidr | undefined;
    for (let level = prefix; level >= this.range.prefix; level--) {
      const lowest = this.free[level].lowest();
      if (lowest && (!best || lowest.first < best.first)) best = lowest;
    }
    if (!best) {
      const largest = this.largestFree();
      const left = largest
        ? `the largest free block left is ${largest}; ask for /${largest.prefix} or longer, or give the pool more space`
        : 'the pool is full; give it more space or release a range';
      throw new AddressError(`${this.label} has no free /${prefix} for ${owner}: ${left}`);
    }
    this.free[best.prefix].delete(best);
    while (best.prefix < prefix) {
      const [low, high] = best.split();
      this.free[high.prefix].add(high);
      best = low;
    }
    this.held.set(owner, { owner, cidr: best, source: 'allocated' });
    return best;
  }

  /** Gives `owner`'s range back to the pool. Returns what it held, if anything. */
  public release(owner: string): Allocation | undefined {
    const allocation = this.held.get(owner);
    if (!allocation) return undefined;
    this.held.delete(owner);
    this.unclaimedOwners.delete(owner);
    let block = allocation.cidr;
    while (block.prefix > this.range.prefix) {
      const buddy = buddyOf(block.first, block.bits, block.prefix);
      if (!this.free[block.prefix].delete(buddy)) break;
      block = block.supernet(block.prefix - 1);
    }
    this.free[block.prefix].add(block);
    return allocation;
  }

  /** The range `owner` holds, if any. */
  public get(owner: string): Cidr | undefined {
    return this.held.get(owner)?.cidr;
  }

  /** Every held range, lowest address first. */
  public allocations(): Allocation[] {
    return [...this.held.values()].sort((a, b) => Cidr.compare(a.cidr, b.cidr));
  }

  /** True when `owner` holds a recorded range it has not reserved or allocated in this run (O(1)). */
  public isUnclaimed(owner: string): boolean {
    return this.unclaimedOwners.has(owner);
  }

  /** Recorded ranges whose owner has not reserved or allocated them in this run. */
  public unclaimed(): Allocation[] {
    // Only the unclaimed are sorted: callers ask once per range placed, and most pools have none.
    return [...this.unclaimedOwners]
      .map((owner) => this.held.get(owner)!)
      .sort((a, b) => Cidr.compare(a.cidr, b.cidr));
  }

  /** The free space as maximal aligned blocks, lowest address first. */
  public freeBlocks(): Cidr[] {
    return this.free.flatMap((set) => set.all()).sort(Cidr.compare);
  }

  /** The largest free block (the lowest of the largest, if several). */
  public largestFree(): Cidr | undefined {
    for (const set of this.free) {
      const lowest = set.lowest();
      if (lowest) return lowest;
    }
    return undefined;
  }

  /** Number of free addresses. */
  public freeAddresses(): bigint {
    return this.freeBlocks().reduce((sum, block) => sum + block.size, 0n);
  }

  /** `pool NAME (CIDR)`, or `pool CIDR` when the pool has no name of its own: how messages name it. */
  public get label(): string {
    const range = this.range.toString();
    return this.name === range ? `pool ${range}` : `pool ${this.name} (${range})`;
  }

  private seed(recorded: Readonly<Record<string, string>>): void {
    const records = Object.entries(recorded)
      .map(([owner, text]) => ({ owner, cidr: Cidr.parse(text, `recorded range of ${owner}`) }))
      .sort((a, b) => Cidr.compare(a.cidr, b.cidr) || compareText(a.owner, b.owner));
    for (const { owner, cidr } of records) {
      if (!this.range.contains(cidr)) {
        throw new AddressError(
          `recorded range ${cidr} of ${owner} is not inside ${this.label}: ` +
          `remove the record, or restore the pool's range`,
        );
      }
      this.take(cidr, owner, 'recorded');
      this.unclaimedOwners.add(owner);
    }
  }

  /** Removes `block` from free space for `owner`, splitting the free block that holds it. */
  private take(block: Cidr, owner: string, source: AllocationSource): void {
    let container: Cidr | undefined;
    for (let level = block.prefix; level >= this.range.prefix && !container; level--) {
      container = this.free[level].get(alignDown(block.first, block.bits, level));
    }
    if (!container) throw this.overlapError(block, owner);
    this.free[container.prefix].delete(container);
    let rest: Cidr = container;
    while (rest.prefix < block.prefix) {
      const [low, high]: Cidr[] = rest.split();
      const [keep, spare] = low.contains(block) ? [low, high] : [high, low];
      this.free[spare.prefix].add(spare);
      rest = keep;
    }
    this.held.set(owner, { owner, cidr: block, source });
  }

  private overlapError(block: Cidr, owner: string): AddressError {
    const clash = this.allocations().find((a) => a.cidr.overlaps(block));
    const what = clash?.source === 'recorded' ? 'the recorded range' : '';
    return new AddressError(
      `${block} (${owner}) overlaps ${what ? what + ' ' : ''}${clash?.cidr} (${clash?.owner}) in ${this.label}: ` +
      `choose a range that does not overlap ${clash?.cidr}`,
    );
  }
}

/** A free block as the heap holds it: `live` turns false when the block leaves the set. */
interface FreeEntry {
  readonly block: Cidr;
  live: boolean;
}

/**
 * Free blocks of one prefix length: lookup by address, and the lowest in O(log n).
 *
 * Blocks are looked up by their index among the parent's blocks of this length
 * (see blockKey), never by their bigint address, which V8 hashes poorly.
 */
class FreeSet {
  private readonly blocks = new Map<number | string, FreeEntry>();
  // Lazy deletion: the heap may keep entries no longer live; they are skipped.
  private readonly order = new Heap<FreeEntry>((a, b) => (a.block.first < b.block.first ? -1 : a.block.first > b.block.first ? 1 : 0));

  constructor(private readonly parent: Cidr, private readonly prefix: number) {}

  public add(block: Cidr): void {
    const entry: FreeEntry = { block, live: true };
    this.blocks.set(this.key(block.first), entry);
    this.order.push(entry);
  }

  /** The free block that starts at `first`, if any. */
  public get(first: bigint): Cidr | undefined {
    return this.blocks.size === 0 ? undefined : this.blocks.get(this.key(first))?.block;
  }

  /** Removes the free block `block` (or the one that starts at `block`). Returns whether it was free. */
  public delete(block: Cidr | bigint): boolean {
    if (this.blocks.size === 0) return false;
    const key = this.key(typeof block === 'bigint' ? block : block.first);
    const entry = this.blocks.get(key);
    if (!entry) return false;
    entry.live = false;
    this.blocks.delete(key);
    if (this.blocks.size === 0) this.order.clear();
    return true;
  }

  public lowest(): Cidr | undefined {
    if (this.blocks.size === 0) return undefined;
    while (this.order.length > 0) {
      const entry = this.order.peek()!;
      if (entry.live) return entry.block;
      this.order.pop();
    }
    return undefined;
  }

  public all(): Cidr[] {
    return [...this.blocks.values()].map((entry) => entry.block);
  }

  private key(first: bigint): number | string {
    return blockKey(first, this.parent.first, this.parent.bits, this.prefix);
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
