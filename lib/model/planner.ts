import { IConstruct } from 'constructs';
import { AddressError, AddressPool, Cidr } from '../ipam';
import { planError } from './errors';
import { IAskedRange } from './interfaces';
import { NetworkModel, PlannedRange, RangeRole, RangeSource } from './plan';
import { PoolRecords } from './plan-file';

/** What an owner asks of the planner for one range. */
export interface RangeRequest {
  /** The owner's construct. */
  readonly owner: IConstruct;
  /** The range's short name, e.g. `pods`; unique within the owner. */
  readonly name: string;
  /** What it is for. */
  readonly role: RangeRole;
  /** The pool to plan it in. */
  readonly pool: AddressPool;
  /** The model of the owning cluster, if any. */
  readonly model?: NetworkModel;
  /** A user's pin; honoured as given. */
  readonly pin?: Cidr;
  /** Prefix length to allocate when not pinned. */
  readonly prefix?: number;
  /** The availability zone the range is for, when it is one zone's. */
  readonly zone?: string;
  /** A second pool the allocated range must also be free in, and is then held in too. */
  readonly alsoFreeIn?: AddressPool;
}

/** A range asked for and planned later, with everything else pending (see `Planner.request`). */
export class RangeSlot implements IAskedRange {
  private value?: string;

  constructor(private readonly planner: Planner, private readonly asked: RangeRequest) {}

  /** The prefix length the range was asked with: known before it is placed. */
  public get prefix(): number {
    return this.asked.pin?.prefix ?? this.asked.prefix!;
  }

  /** What the range is for. */
  public get role(): RangeRole {
    return this.asked.role;
  }

  /** The range's short name within its owner. */
  public get name(): string {
    return this.asked.name;
  }

  /** The zone the range is for, if it is one zone's. */
  public get zone(): string | undefined {
    return this.asked.zone;
  }

  /** The planned range, planning every pending request first if needed. */
  public get cidr(): string {
    if (this.value === undefined) this.planner.resolve();
    return this.value!;
  }

  /** @internal */
  public _fill(cidr: string): void {
    this.value = cidr;
  }
}

/** Options of a {@link Planner}. */
export interface PlannerOptions {
  /** Construct path of the network: the routable pool's space. */
  readonly path: string;
  /** The routable space. */
  readonly cidr: Cidr;
  /** The plan file's records of a pool, by pool key. */
  readonly records: (pool: string) => PoolRecords;
  /** Told of every change to the plan. */
  readonly changed: () => void;
}

/**
 * The address planner of one network: its routable pool and every private pool (islands,
 * archipelagos, isolated clusters), the requests not placed yet, and every placed range.
 * Requests are placed in batches, pins first, the first time any of them is read.
 */
export class Planner {
  /** The routable pool. */
  public readonly routable: AddressPool;
  private readonly privatePools = new Map<string, AddressPool>();
  /** The address space each pool plans: the network's path, or the private owner's. */
  private readonly spaces = new Map<AddressPool, string>();
  private readonly placed: PlannedRange[] = [];
  private pending: Array<{ request: RangeRequest; slot: RangeSlot }> = [];

  constructor(private readonly options: PlannerOptions) {
    this.routable = new AddressPool(options.cidr, { name: options.path, recorded: options.records(options.path) });
    this.spaces.set(this.routable, options.path);
  }

  /** Every range placed so far. */
  public get ranges(): readonly PlannedRange[] {
    return this.placed;
  }

  /**
   * The private pool `key` over `range` (an island's, an archipelago's, an isolated
   * cluster's), seeded from the plan file; `space` is its owner's path.
   */
  public privatePool(key: string, space: string, range: Cidr): AddressPool {
    let pool = this.privatePools.get(key);
    if (!pool) {
      pool = new AddressPool(range, { name: key, recorded: this.options.records(key) });
      this.privatePools.set(key, pool);
      this.spaces.set(pool, space);
    }
    return pool;
  }

  /** Asks for a range, placed with the other pending requests when any of them is first read. */
  public request(request: RangeRequest): RangeSlot {
    const { pool, prefix, pin } = request;
    if (!pin && prefix! < pool.range.prefix) {
      // Known now, whatever else is planned: fail where the user wrote it.
      throw planError(request.owner, 'PLAN-001',
        `the ${request.name} range of ${request.owner.node.path} needs a /${prefix}, larger than ${pool.label} itself${fixFor(request.role)}`);
    }
    const slot = new RangeSlot(this, request);
    this.pending.push({ request, slot });
    this.options.changed();
    return slot;
  }

  /** Places one range now (pins and records of what the network itself holds). */
  public placeNow(request: RangeRequest): string {
    return this.place(request).cidr;
  }

  /** Places every pending request: pins first, then allocations, each in the order asked. */
  public resolve(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    for (const { request, slot } of [...batch.filter((p) => p.request.pin), ...batch.filter((p) => !p.request.pin)]) {
      slot._fill(this.place(request).cidr);
    }
  }

  /**
   * Ranges the plan file records for owners that asked for none of them in this synth: they
   * stay reserved, and are listed (PLAN-003) until the record is removed.
   */
  public unclaimed(): PlannedRange[] {
    const pools: AddressPool[] = [this.routable, ...this.privatePools.values()];
    return pools.flatMap((pool) => pool.unclaimed().map((a): PlannedRange => ({
      owner: this.options.path,
      name: 'unclaimed',
      role: RangeRole.RESERVED,
      cidr: a.cidr.toString(),
      routable: pool === this.routable,
      space: this.spaces.get(pool)!,
      source: RangeSource.RECORDED,
      recordOf: a.owner,
    })));
  }

  /** What every pool holds, by pool key, as the plan file records it. */
  public records(): Record<string, PoolRecords> {
    const pools: Record<string, PoolRecords> = { [this.options.path]: recordsOf(this.routable) };
    for (const [key, pool] of this.privatePools) pools[key] = recordsOf(pool);
    return pools;
  }

  private place(request: RangeRequest): PlannedRange {
    const { owner, name, role, pool, pin } = request;
    const key = `${owner.node.path}:${name}`;
    let cidr: Cidr;
    let source: RangeSource;
    if (pin) {
      cidr = pin;
      source = RangeSource.PINNED;
      if (pool.range.contains(pin)) {
        try {
          pool.reserve(pin, key);
        } catch (e) {
          if (!(e instanceof AddressError)) throw e;
          // Left to MODEL-001/MODEL-005 at synth, with every other conflict.
        }
      }
    } else {
      const recorded = pool.unclaimed().some((a) => a.owner === key);
      try {
        cidr = request.alsoFreeIn ? allocateInBoth(pool, request.alsoFreeIn, request.prefix!, key) : pool.allocate(request.prefix!, key);
      } catch (e) {
        if (!(e instanceof AddressError)) throw e;
        throw planError(owner, 'PLAN-001', `${e.message}${fixFor(role)}`);
      }
      source = recorded ? RangeSource.RECORDED : RangeSource.ALLOCATED;
    }
    const range: PlannedRange = {
      owner: owner.node.path,
      name,
      role,
      cidr: cidr.toString(),
      routable: pool === this.routable && role !== RangeRole.HOLE,
      space: this.spaces.get(pool)!,
      source,
      model: request.model,
      zone: request.zone,
    };
    this.placed.push(range);
    this.options.changed();
    return range;
  }
}

/**
 * Allocates from `pool` the lowest block that is free in `other` too, and holds it there.
 * What `other` holds is set aside in `pool` first (under placeholders, released after), so
 * first fit skips it whole; a candidate `other` still refuses is set aside in turn.
 */
function allocateInBoth(pool: AddressPool, other: AddressPool, prefix: number, owner: string): Cidr {
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
};

function fixFor(role: RangeRole): string {
  return FIX_BY_ROLE[role] ? ` — ${FIX_BY_ROLE[role]}` : '';
}

function recordsOf(pool: AddressPool): PoolRecords {
  return Object.fromEntries(pool.allocations().map((a) => [a.owner, a.cidr.toString()]));
}
