import * as path from 'path';
import { Annotations } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AddressError, AddressPool, Cidr } from '../ipam';
import { RuleDescription, rulesFor } from '../policy/catalog';
import { evaluate, formatViolation, isBlocking } from '../policy/engine';
import { IPolicyRule, PolicyViolation } from '../policy/rule';
import { Policy, suppressionReason, suppressionRevision } from '../policy/suppressions';
import { Cloud } from './cloud';
import { orFail, planError } from './errors';
import { ClusterPlan, NetworkModel, NetworkPlan, PlannedRange, PlanSuppression, RangeRole, RangeSource } from './plan';
import { PlanFile, PoolRecords } from './plan-file';
import { planListeners, rendererFor } from './renderer';

/** A range that already exists in or beside the main network ("Other" hosts, on-prem). */
export interface ReservedRange {
  /** The range, e.g. `10.128.0.0/16`. */
  readonly cidr: string;
  /** What it is, for messages and the report, e.g. `other`. */
  readonly name: string;
}

/** Props of a {@link Network}. */
export interface NetworkProps {
  /** The main network's routable space to allocate from, e.g. `10.0.0.0/8`. */
  readonly cidr: string;
  /** The cloud it is built on: `Cloud.gcp({ region })` or `Cloud.aws({ region })`. */
  readonly cloud: Cloud;
  /**
   * Ranges that already exist ("Other" hosts, on-prem): never allocated, and nothing may overlap them.
   * @default - none
   */
  readonly reserved?: ReservedRange[];
  /**
   * Where private (island and archipelago) ranges come from. When it lies inside `cidr`
   * it is a hole that routable planning never touches.
   * @default 100.64.0.0/10
   */
  readonly islandCidr?: string;
  /**
   * Path of the plan file that records every allocation (relative to the working directory).
   * @default cidr-plan.lock.json
   */
  readonly planFile?: string;
  /**
   * The estate the network belongs to: networks of one estate (in any stack, on any cloud)
   * share one address plan, so their routable ranges never overlap (MODEL-007). Give
   * unrelated networks of one app (a lab, a demo) an estate of their own.
   * @default default
   */
  readonly estate?: string;
  /**
   * Refuse to allocate anything the plan file does not record (PLAN-002).
   * @default - true when the environment has CI=true and the plan file exists
   */
  readonly frozen?: boolean;
}

/** What a cluster asks of the planner for one range. */
export interface RangeRequest {
  /** The owner's construct. */
  readonly owner: IConstruct;
  /** The range's short name, e.g. `pods`. */
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
  /** A second pool the allocated range must also be free in, and is then held in too. */
  readonly alsoFreeIn?: AddressPool;
}

const DEFAULT_ISLAND_CIDR = '100.64.0.0/10';
const DEFAULT_PLAN_FILE = 'cidr-plan.lock.json';

/**
 * The main network: the routable space clusters are planned in, the ranges that
 * already exist, and where private island ranges come from. Owns the address plan
 * and checks it at synth.
 */
export class Network extends Construct {
  /** True when `x` is a Network. */
  public static isNetwork(x: unknown): x is Network {
    return x !== null && typeof x === 'object' && NETWORK_SYMBOL in x;
  }

  /** The main network's routable space. */
  public readonly cidr: string;
  /** The cloud it is built on. */
  public readonly cloud: Cloud;
  /** Where private ranges come from. */
  public readonly islandCidr: string;
  /** The part of `islandCidr` inside `cidr`, carved out of routable planning; undefined when there is none. */
  public readonly holeCidr?: string;
  /** The plan file. */
  public readonly planFile: string;
  /** Whether new allocations are refused. */
  public readonly frozen: boolean;
  /** The estate whose networks share one address plan (MODEL-007). */
  public readonly estate: string;

  private readonly routable: AddressPool;
  private readonly privatePools = new Map<string, AddressPool>();
  /** The address space each pool plans: the network's path, or the private owner's. */
  private readonly spaces = new Map<AddressPool, string>();
  private readonly ranges: PlannedRange[] = [];
  private readonly clusters: Array<{ _plan(): ClusterPlan }> = [];
  private readonly subjects = new Set<string>();
  private readonly userRules: IPolicyRule[] = [];
  private readonly plans: PlanFile;
  private readonly announced = new Set<string>();
  private pending: Array<{ request: RangeRequest; slot: RangeSlot }> = [];
  /** Prefix of every range asked for, known before it is placed (resource counts depend on it). */
  private readonly prefixes = new Map<string, number>();
  private cached?: { revision: string; violations: PolicyViolation[] };

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    Object.defineProperty(this, NETWORK_SYMBOL, { value: true });
    if (!props?.cloud || typeof props.cloud.provider !== 'string') {
      throw planError(this, 'INPUT-002', 'cloud is required: pass cloud: Cloud.gcp({ region }) or Cloud.aws({ region })');
    }
    this.cloud = props.cloud;
    const cidr = orFail(this, 'INPUT-001', () => Cidr.parse(props.cidr, 'cidr'));
    const islandCidr = orFail(this, 'INPUT-001', () => Cidr.parse(props.islandCidr ?? DEFAULT_ISLAND_CIDR, 'islandCidr'));
    this.cidr = cidr.toString();
    this.islandCidr = islandCidr.toString();
    if (islandCidr.contains(cidr)) {
      throw planError(this, 'MODEL-005',
        `islandCidr ${islandCidr} covers the whole main network ${cidr}, leaving no routable space: use a smaller islandCidr, e.g. ${DEFAULT_ISLAND_CIDR}`);
    }
    if (cidr.contains(islandCidr)) this.holeCidr = islandCidr.toString();
    else if (cidr.overlaps(islandCidr)) {
      throw planError(this, 'MODEL-005', `islandCidr ${islandCidr} and cidr ${cidr} overlap in part: islandCidr must lie inside cidr (a hole) or outside it`);
    }

    this.estate = props.estate ?? 'default';
    this.planFile = props.planFile ?? DEFAULT_PLAN_FILE;
    this.plans = orPlanFileError(this, () => PlanFile.load(path.resolve(this.planFile)));
    this.frozen = props.frozen ?? (process.env.CI === 'true' && this.plans.exists());

    this.routable = orPlanFileError(this, () => new AddressPool(cidr, {
      name: this.node.path,
      recorded: this.plans.records(this.node.path, this.node.path),
    }));
    this.spaces.set(this.routable, this.node.path);
    if (this.holeCidr) {
      this.place({ owner: this, name: 'hole', role: RangeRole.HOLE, pool: this.routable, pin: islandCidr });
    }
    const seen = new Set<string>();
    for (const reserved of props.reserved ?? []) {
      if (typeof reserved?.name !== 'string' || !/^[A-Za-z0-9][-A-Za-z0-9_.]*$/.test(reserved.name) || seen.has(reserved.name)) {
        throw planError(this, 'INPUT-002',
          `reserved range name ${JSON.stringify(reserved?.name)} must be a unique word (letters, digits, - _ .), e.g. { cidr: '10.128.0.0/16', name: 'other' }`);
      }
      seen.add(reserved.name);
      const pin = orFail(this, 'INPUT-001', () => Cidr.parse(reserved.cidr, `reserved range ${reserved.name}`));
      this.place({ owner: this, name: reserved.name, role: RangeRole.RESERVED, pool: this.routable, pin });
    }
    this.node.addValidation({ validate: () => this.validate() });
    rendererFor(this.cloud.provider)?.onNetwork(this);
  }

  /** Adds a rule of your own, checked on this network at synth. */
  public addRule(rule: IPolicyRule): void {
    const taken = [...rulesFor(this.cloud.provider), ...this.userRules].find((r) => r.id === rule?.id);
    if (taken) {
      const by = this.userRules.includes(taken) ? 'another rule added to this network' : 'a built-in rule';
      throw planError(this, 'INPUT-002', `rule id ${rule.id} is already taken by ${by} ("${taken.statement}"): give your rule its own id, e.g. ACME-001`);
    }
    this.userRules.push(rule);
    planRevision++;
  }

  /** The resolved plan: every range and cluster, as plain data. */
  public get plan(): NetworkPlan {
    this._resolve();
    for (const other of this.otherNetworks()) other._resolve();
    const unclaimedRecords = this.unclaimedRecords();
    return {
      path: this.node.path,
      cloud: this.cloud.provider,
      availabilityZones: [...this.cloud.availabilityZones],
      cidr: this.cidr,
      islandCidr: this.islandCidr,
      holeCidr: this.holeCidr,
      ranges: [...this.ranges, ...unclaimedRecords.filter((r) => r.routable)],
      clusters: this.clusters.map((c) => c._plan()),
      otherNetworksRanges: this.otherNetworks().flatMap((n) => n.ranges.filter((r) => r.routable)),
      planFile: this.planFile,
      frozen: this.frozen,
      unclaimedRecords,
      suppressions: this.suppressions(),
    };
  }

  /** The rules checked on this network: built-in (model, Kubernetes, plan file, cloud) and added ones. */
  public checkedRules(): RuleDescription[] {
    return [...rulesFor(this.cloud.provider), ...this.userRules].map(({ id, severity, statement }) => ({ id, severity, statement }));
  }

  /** Every violation of every rule (suppressed ones carry their reason), sorted by path and rule. */
  public violations(): PolicyViolation[] {
    // Any network's change (MODEL-007 reads them all) or a new suppression invalidates the result.
    const revision = `${planRevision}:${suppressionRevision()}`;
    if (this.cached?.revision !== revision) {
      const rules = [...rulesFor(this.cloud.provider), ...this.userRules];
      const byPath = new Map(this.node.root.node.findAll().map((c) => [c.node.path, c]));
      const violations = evaluate(this.plan, rules, (at, ruleId) => {
        const construct = byPath.get(at);
        return construct ? suppressionReason(construct, ruleId) : undefined;
      });
      this.cached = { revision, violations };
    }
    return this.cached.violations;
  }

  /**
   * Plans one range now: a pin is honoured as given (conflicts are left to the policy
   * rules, so synth lists them all); otherwise the pool allocates.
   * @internal
   */
  public _place(request: RangeRequest): string {
    return this.place(request).cidr;
  }

  /**
   * Asks for a range to be planned with the other pending requests, the first time any
   * of them is read: the pins of every construct built so far are then held before
   * anything is allocated, whatever order the constructs were written in.
   * @internal
   */
  public _request(request: RangeRequest): RangeSlot {
    const { pool, prefix, pin } = request;
    if (!pin && prefix! < pool.range.prefix) {
      // Known now, whatever else is planned: fail where the user wrote it.
      throw planError(request.owner, 'PLAN-001',
        `the ${request.name} range of ${request.owner.node.path} needs a /${prefix}, larger than ${pool.label} itself${fixFor(request.role)}`);
    }
    const slot = new RangeSlot(this);
    this.pending.push({ request, slot });
    this.prefixes.set(`${request.owner.node.path}:${request.name}`, pin?.prefix ?? prefix!);
    planRevision++;
    return slot;
  }

  /** The prefix length the `name` range of `owner` was asked with, before it is planned. @internal */
  public _prefixOf(owner: IConstruct, name: string): number | undefined {
    return this.prefixes.get(`${owner.node.path}:${name}`);
  }

  /** Plans every pending request: pins first, then allocations, each in the order asked. @internal */
  public _resolve(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    for (const { request, slot } of [...batch.filter((p) => p.request.pin), ...batch.filter((p) => !p.request.pin)]) {
      slot._fill(this.place(request).cidr);
    }
  }

  /**
   * The private pool of an island, archipelago or isolated cluster, over `range`,
   * seeded from the plan file.
   * @internal
   */
  public _privatePool(owner: IConstruct, name: string, range: Cidr): AddressPool {
    const key = name ? `${owner.node.path}:${name}` : owner.node.path;
    let pool = this.privatePools.get(key);
    if (!pool) {
      pool = orPlanFileError(owner, () => new AddressPool(range, { name: key, recorded: this.plans.records(this.node.path, key) }));
      this.privatePools.set(key, pool);
      this.spaces.set(pool, owner.node.path);
    }
    return pool;
  }

  /** The routable pool. @internal */
  public get _routablePool(): AddressPool {
    return this.routable;
  }

  /**
   * Records a cluster in the plan, and checks it at synth.
   * @internal
   */
  public _addCluster(cluster: IConstruct & { _plan(): ClusterPlan }): void {
    this.clusters.push(cluster);
    this._addSubject(cluster);
  }

  /**
   * Reports the violations found at `subject`'s path on `subject` itself at synth
   * (the network reports those of paths that are no subject).
   * @internal
   */
  public _addSubject(subject: IConstruct): void {
    this.subjects.add(subject.node.path);
    subject.node.addValidation({ validate: () => this.messagesFor(subject) });
    planRevision++;
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
    };
    this.ranges.push(range);
    planRevision++;
    return range;
  }

  private unclaimedRecords(): PlannedRange[] {
    const pools: Array<[AddressPool, boolean]> = [[this.routable, true], ...[...this.privatePools.values()].map((p): [AddressPool, boolean] => [p, false])];
    return pools.flatMap(([pool, routable]) => pool.unclaimed().map((a): PlannedRange => ({
      owner: this.node.path,
      name: `recorded for ${a.owner}`,
      role: RangeRole.RESERVED,
      cidr: a.cidr.toString(),
      routable,
      space: this.spaces.get(pool)!,
      source: RangeSource.RECORDED,
    })));
  }

  /** Suppressions that can apply here: on the network, its subjects, or an ancestor of one. */
  private suppressions(): PlanSuppression[] {
    const scopes = new Set<IConstruct>();
    const subjects = this.node.root.node.findAll().filter((c) => c === this || this.subjects.has(c.node.path));
    for (const subject of subjects) for (const scope of subject.node.scopes) scopes.add(scope);
    return [...scopes]
      .flatMap((scope) => Policy.suppressionsOf(scope).map((s) => ({ path: scope.node.path, ruleId: s.ruleId, reason: s.reason })))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  }

  private otherNetworks(): Network[] {
    return this.node.root.node.findAll().filter((c): c is Network => Network.isNetwork(c) && c !== this && c.estate === this.estate);
  }

  private validate(): string[] {
    const messages = this.messagesFor(this);
    if (!this.violations().some(isBlocking)) {
      if (!this.frozen) this.record();
      for (const listener of planListeners()) listener(this);
    }
    return messages;
  }

  /** Error messages for `subject`, after announcing its warnings and suppressions once. */
  private messagesFor(subject: IConstruct): string[] {
    const at = subject.node.path;
    const mine = this.violations().filter((v) => v.path === at || (subject === this && !this.subjects.has(v.path)));
    for (const v of mine.filter((x) => !isBlocking(x))) {
      const text = v.suppressedReason !== undefined
        ? `${formatViolation(v)} [suppressed: ${v.suppressedReason}]`
        : formatViolation(v);
      if (this.announced.has(`${at}\n${text}`)) continue;
      this.announced.add(`${at}\n${text}`);
      if (v.suppressedReason !== undefined) Annotations.of(subject).addInfo(text);
      else Annotations.of(subject).addWarning(text);
    }
    return mine.filter(isBlocking).map(formatViolation);
  }

  private record(): void {
    const pools: Record<string, PoolRecords> = { [this.node.path]: recordsOf(this.routable) };
    for (const [name, pool] of this.privatePools) pools[name] = recordsOf(pool);
    this.plans.save(this.node.path, this.cidr, pools);
  }
}

const NETWORK_SYMBOL = Symbol.for('cdktf-kube-networks.Network');

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

/** Bumped by every change to any network's plan or rules. */
let planRevision = 0;

/** A range asked for and planned later (see `Network._request`). */
export class RangeSlot {
  private value?: string;

  constructor(private readonly network: Network) {}

  /** The planned range, planning every pending request first if needed. */
  public get cidr(): string {
    if (this.value === undefined) this.network._resolve();
    return this.value!;
  }

  /** @internal */
  public _fill(cidr: string): void {
    this.value = cidr;
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

function orPlanFileError<T>(scope: IConstruct, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw planError(scope, 'PLAN-004', (e as Error).message);
  }
}
