import { IConstruct } from 'constructs';
import { AddressError, AddressPool, Cidr } from '../ipam';
import { planError } from './errors';
import { IAskedRange } from './interfaces';
import { NetworkModel, PlannedRange, RangeRole, RangeSource } from './plan';
import { PoolRecords } from './plan-file';
import { AvoidedSpace } from './strategy';
import { BlockGroup } from './block-group';
import { allocateInBoth, fixFor, outside } from './placement';

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
  /** Spaces an allocated range must stay out of (the cloud refuses it there). */
  readonly avoid?: readonly AvoidedSpace[];
  /**
   * The aligned block the range may share with its owner's other ranges of the same group
   * name, while that block stays within a `/largest` (see BlockGroup).
   */
  readonly group?: { readonly name: string; readonly largest: number };
  /** What sized it, in the user's props, for messages: `maxNodes 10000000 x a /24 per node`. @default - not said */
  readonly sizedBy?: string;
}

/** A range asked for, and the slot it fills. */
interface Member {
  readonly request: RangeRequest;
  readonly slot: RangeSlot;
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

  /** The aligned block the range shares with other ranges of its owner, if it does. */
  public get within(): IAskedRange | undefined {
    return this.planner.blockOf(this);
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
  /** The keys of every pool the plan file records for the network. */
  readonly recordedPools: () => string[];
  /** Routable ranges the plan file records for networks no longer in the app (renamed, or removed): reported, never recorded as this network's. */
  readonly foreignRecords: () => Array<{ readonly key: string; readonly cidr: string }>;
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
  private pending: Member[] = [];
  /** Pools inside a block of a group, by group key: routable when their block is. */
  private readonly blockPools = new Map<string, AddressPool>();
  private readonly routablePools = new Set<AddressPool>();
  private readonly groups = new Map<string, { group: BlockGroup<Member>; slot: RangeSlot }>();
  private readonly groupOf = new Map<RangeSlot, BlockGroup<Member>>();
  /** Which recorded pool holds each record, by owner key (read once). */
  private recordedIn?: Map<string, string>;
  /** Recorded ranges a pin moved in this synth. */
  private moved = 0;
  private resolvedOnce = false;

  constructor(private readonly options: PlannerOptions) {
    this.routable = new AddressPool(options.cidr, { name: options.path, recorded: options.records(options.path) });
    this.spaces.set(this.routable, options.path);
    this.routablePools.add(this.routable);
  }

  /**
   * True once the plan was resolved (on purpose, or at synth): until then a range read is a
   * token, so reading never fixes the plan before every pin and record is known.
   */
  public get settled(): boolean {
    return this.resolvedOnce;
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
        `the ${request.name} range of ${request.owner.node.path} needs a /${prefix}${request.sizedBy ? ` for ${request.sizedBy}` : ''}, larger than ${pool.label} itself${fixFor(request.role)}`);
    }
    const slot = new RangeSlot(this, request);
    this.pending.push({ request, slot });
    if (!pin) {
      // A range the plan file records inside a block stays in it, whatever the cloud asks now.
      const group = this.recordedGroup(request) ?? request.group;
      if (group) this.offer({ request, slot }, group);
    }
    this.options.changed();
    return slot;
  }

  /** The block `slot` shares with other ranges of its owner, if its group chose it. */
  public blockOf(slot: RangeSlot): RangeSlot | undefined {
    const group = this.groupOf.get(slot);
    return group?.holds(slot) ? this.groups.get(group.key)!.slot : undefined;
  }

  /** Places one range now (pins and records of what the network itself holds). */
  public placeNow(request: RangeRequest): string {
    return this.place(request).cidr;
  }

  /** Places every pending request: pins first, then allocations, each in the order asked. */
  public resolve(): void {
    this.resolvedOnce = true;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    for (const { request, slot } of [...batch.filter((p) => p.request.pin), ...batch.filter((p) => !p.request.pin)]) {
      const group = this.groupOf.get(slot);
      if (group?.holds(slot)) {
        if (group.cidr === undefined) this.placeGroup(group); // at its first member's turn
        continue;
      }
      slot._fill(this.place(request).cidr);
    }
  }

  /**
   * Ranges the plan file records for owners that asked for none of them in this synth: they
   * stay reserved, and are listed (PLAN-003) until the record is removed.
   */
  public unclaimed(): PlannedRange[] {
    const unclaimed = (key: string, cidr: string, routable: boolean, space: string): PlannedRange => ({
      owner: this.options.path, name: 'unclaimed', role: RangeRole.RESERVED, cidr, routable, space, source: RangeSource.RECORDED, recordOf: key,
    });
    // Ranges inside a block are reserved by the block itself: listed, never routable twice.
    const pools: AddressPool[] = [this.routable, ...this.privatePools.values(), ...this.blockPools.values()];
    const held = pools.flatMap((pool) => pool.unclaimed().map((a) =>
      unclaimed(a.owner, a.cidr.toString(), pool === this.routable, this.spaces.get(pool)!)));
    // Pools no owner opened in this synth (an island or archipelago left out): every record stays, and is listed.
    const absent = this.absentPools().flatMap(([key, records]) => Object.entries(records).map(([owner, cidr]) =>
      unclaimed(owner, cidr, false, key.replace(/:[^/]*$/, ''))));
    // Networks gone from the app (renamed, removed): listed, so nobody forgets them; placement never depends on them,
    // since which networks an app has is known only once all of it is written.
    const foreign = this.options.foreignRecords().map(({ key, cidr }) => unclaimed(key, cidr, false, this.options.path));
    return [...held, ...absent, ...foreign];
  }

  /** One line for the synth output: how many ranges were placed now, taken from the plan file, pinned, moved and left unclaimed. */
  public summary(): string {
    const count = (source: RangeSource) => this.placed.filter((r) => r.source === source).length;
    return `${this.placed.length} ranges: ${count(RangeSource.ALLOCATED)} planned now, ${count(RangeSource.RECORDED)} from the plan file, ` +
      `${count(RangeSource.PINNED)} pinned, ${this.moved} moved, ${this.unclaimed().length} unclaimed`;
  }

  /** The unclaimed records of the routable pool alone (what other networks of the estate must keep off, MODEL-007). */
  public unclaimedRoutable(): PlannedRange[] {
    return this.routable.unclaimed().map((a): PlannedRange => ({
      owner: this.options.path, name: 'unclaimed', role: RangeRole.RESERVED, cidr: a.cidr.toString(), routable: true,
      space: this.options.path, source: RangeSource.RECORDED, recordOf: a.owner,
    }));
  }

  /** What every pool holds, by pool key, as the plan file records it (pools nobody opened keep their records). */
  public records(): Record<string, PoolRecords> {
    const pools: Record<string, PoolRecords> = Object.fromEntries(this.absentPools());
    pools[this.options.path] = recordsOf(this.routable);
    for (const [key, pool] of [...this.privatePools, ...this.blockPools]) pools[key] = recordsOf(pool);
    return pools;
  }

  /** The plan file's pools of this network that no owner opened in this synth, with their records. */
  private absentPools(): Array<[string, PoolRecords]> {
    return this.options.recordedPools()
      .filter((key) => key !== this.options.path && !this.privatePools.has(key) && !this.blockPools.has(key))
      .map((key): [string, PoolRecords] => [key, this.options.records(key)])
      .filter(([, records]) => Object.keys(records).length > 0);
  }

  /** The recorded block (group) the plan file holds `request`'s range in, if any. */
  private recordedGroup(request: RangeRequest): { name: string; largest: number } | undefined {
    const owner = request.owner.node.path;
    this.recordedIn ??= new Map(this.options.recordedPools().flatMap((pool) =>
      Object.keys(this.options.records(pool)).map((key): [string, string] => [key, pool])));
    const pool = this.recordedIn.get(`${owner}:${request.name}`);
    // A block is a record of its own pool's parent: a private pool (an island's) is no block.
    return pool?.startsWith(`${owner}:`) && request.pool.isUnclaimed(pool) ? { name: pool.slice(owner.length + 1), largest: 0 } : undefined;
  }

  private offer(member: Member, spec: { name: string; largest: number }): void {
    const ownerPath = member.request.owner.node.path;
    const key = `${ownerPath}:${spec.name}`;
    const pool = member.request.pool;
    // A range recorded on its own stays where it is: it never moves into a block.
    if (pool.isUnclaimed(`${ownerPath}:${member.request.name}`)) return;
    let entry = this.groups.get(key);
    if (!entry) {
      const block = pool.isUnclaimed(key) ? pool.get(key) : undefined;
      const recorded = block ? { prefix: block.prefix, members: new Set(Object.keys(this.options.records(key))) } : undefined;
      const group = new BlockGroup<Member>(spec.name, ownerPath, pool, spec.largest, recorded);
      const slot = new RangeSlot(this, {
        owner: member.request.owner, name: spec.name, role: RangeRole.BLOCK, pool, model: member.request.model,
        get prefix() { return group.prefix(); },
      });
      entry = { group, slot };
      this.groups.set(key, entry);
    }
    if (entry.group.pool === pool && entry.group.offer(member)) this.groupOf.set(member.slot, entry.group);
  }

  /** Places a group's block, then its members inside it, largest first. */
  private placeGroup(group: BlockGroup<Member>): void {
    const members = group.members();
    const first = members[0].request;
    const avoid = members.flatMap((m) => m.request.avoid ?? []);
    const block = this.place({ owner: first.owner, name: group.name, role: RangeRole.BLOCK, pool: group.pool, model: first.model, prefix: group.prefix(), avoid });
    group.placed(block.cidr);
    this.groups.get(group.key)!.slot._fill(block.cidr);
    const inside = new AddressPool(Cidr.parse(block.cidr), { name: group.key, recorded: this.options.records(group.key) });
    this.blockPools.set(group.key, inside);
    this.spaces.set(inside, this.spaces.get(group.pool)!);
    if (this.routablePools.has(group.pool)) this.routablePools.add(inside);
    for (const member of [...members].sort((a, b) => a.slot.prefix - b.slot.prefix)) {
      member.slot._fill(this.place({ ...member.request, pool: inside, avoid: undefined }).cidr);
    }
  }

  private ownSpace({ owner, pool, model }: RangeRequest): string {
    const own = model === NetworkModel.ISOLATED && this.spaces.get(pool) === owner.node.path && !this.routablePools.has(pool);
    return own ? ownSpaceNote(owner.node.path, pool, this.placed) : '';
  }

  private place(request: RangeRequest): PlannedRange {
    const { owner, name, role, pool, pin } = request;
    const key = `${owner.node.path}:${name}`;
    let cidr: Cidr;
    let source: RangeSource;
    if (pin) {
      cidr = pin;
      source = RangeSource.PINNED;
      // A pin away from the owner's record moves it on purpose: counted, so the summary says so.
      const recorded = pool.isUnclaimed(key) ? pool.get(key) : undefined;
      if (recorded && recorded.toString() !== pin.toString()) this.moved++;
      if (pool.range.contains(pin)) {
        try {
          pool.reserve(pin, key);
        } catch (e) {
          if (!(e instanceof AddressError)) throw e;
          // Left to MODEL-001/MODEL-005 at synth, with every other conflict.
        }
      }
    } else {
      const recorded = pool.isUnclaimed(key);
      const avoid = (request.avoid ?? []).filter((a) => pool.range.overlaps(Cidr.parse(a.cidr)));
      try {
        cidr = outside(pool, avoid.map((a) => Cidr.parse(a.cidr)), key,
          () => request.alsoFreeIn ? allocateInBoth(pool, request.alsoFreeIn, request.prefix!, key) : pool.allocate(request.prefix!, key));
      } catch (e) {
        if (!(e instanceof AddressError)) throw e;
        const kept = avoid.length > 0 ? ` (kept out of ${avoid.map((a) => `${a.cidr}: ${a.why}`).join('; ')})` : '';
        throw planError(owner, 'PLAN-001', `${e.message}${kept}${this.ownSpace(request)}${fixFor(role)}`);
      }
      source = recorded ? RangeSource.RECORDED : RangeSource.ALLOCATED;
    }
    const range: PlannedRange = {
      owner: owner.node.path,
      name,
      role,
      cidr: cidr.toString(),
      routable: this.routablePools.has(pool) && role !== RangeRole.HOLE,
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

/** For a pool that is `owner`'s own space (an isolated cluster's): its own pins fill it, not the main network. */
function ownSpaceNote(owner: string, pool: AddressPool, pins: readonly PlannedRange[]): string {
  const own = pins.filter((r) => r.owner === owner && r.source === RangeSource.PINNED && pool.range.overlaps(Cidr.parse(r.cidr)));
  if (own.length === 0) return '';
  return ` — ${pool.range} is the own address space of isolated cluster ${owner} (not the main network), and its own pinned ` +
    `${own.map((r) => `${r.name} range ${r.cidr}`).join(' and ')} leave no room: pin smaller ranges, or leave them unpinned`;
}

function recordsOf(pool: AddressPool): PoolRecords {
  return Object.fromEntries(pool.allocations().map((a) => [a.owner, a.cidr.toString()]));
}
