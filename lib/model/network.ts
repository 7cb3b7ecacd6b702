import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { Cidr } from '../ipam';
import { CloudProvider, ICloud } from './cloud';
import { parseRange, planError } from './errors';
import { Estate } from './estate';
import { checkNetworkProps, parseReserved } from './network-props';
import { ClusterPlan, ClusterSketch, IpFamily, NetworkModel, NetworkPlan, NetworkSketch, PlannedRange, RangeRole } from './plan';
import { PlanFile } from './plan-file';
import { providerRegionViolations } from './placement-checks';
import { checkRule } from './rule-checks';
import { Planner, RangeSlot } from './planner';
import { IPolicyRule, PolicyViolation, RuleDescription } from './rule';
import { CloudStrategy, RangeNeed, strategyOf } from './strategy';
import { linksOf } from './cloud-link';
import { checkNetworkIpv6 } from './ip-family';
import { Ipv6BlockFull, Ipv6SubnetNeed, Ipv6SubnetPlanner } from './ipv6-subnets';
import { rendering } from './traces';

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
  readonly cloud: ICloud;
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
   * Where island and archipelago service ranges come from, when not from `islandCidr`.
   * Islands reuse it as they reuse their pod ranges; inside an archipelago, members' service
   * ranges stay disjoint.
   * @default - on AWS when `islandCidr` is not RFC 1918 (EKS takes RFC 1918 service ranges only, AWS-EKS-002), the first of 172.20.0.0/16, 10.100.0.0/16 and 192.168.0.0/16 that no network of the estate, `islandCidr` or reserved range uses; otherwise `islandCidr`
   */
  readonly islandServiceCidr?: string;
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
  /**
   * Give the network IPv6, so its clusters may take `ipFamily: IpFamily.DUAL_STACK` (or, on AWS,
   * `IpFamily.IPV6`). GCP: every VPC of the network gets an internal ULA /48
   * (`enable_ula_internal_ipv6`), and Google assigns each dual-stack subnet its /64. AWS: every
   * VPC gets a /56 (Amazon-provided, or from `ipv6IpamPoolId`), and each subnet of an IPv6 or
   * dual-stack cluster a /64 of it, numbered in the plan file.
   * @default false
   */
  readonly ipv6?: boolean;
  /**
   * AWS: the id of an IPv6 IPAM pool each VPC's /56 comes from, instead of an Amazon-provided one.
   * Only with `ipv6: true`.
   * @default - an Amazon-provided /56
   */
  readonly ipv6IpamPoolId?: string;
}

const DEFAULT_ISLAND_CIDR = '100.64.0.0/10';
const DEFAULT_PLAN_FILE = 'cidr-plan.lock.json';
/** IPv6 subnets an AWS VPC's /56 holds: /64s, `cidrsubnet(block, 8, n)`. */
const IPV6_SUBNETS_PER_BLOCK = 256;

/** What the network keeps of a cluster: its plan as plain data. */
interface PlannedCluster extends IConstruct {
  _plan(): ClusterPlan;
  _sketch(): ClusterSketch;
}

/**
 * The main network: the routable space clusters are planned in, the ranges that
 * already exist, and where private island ranges come from. Its planner places every
 * range of its clusters; its estate checks the plan at synth.
 */
export class Network extends Construct {
  /** True when `x` is a Network. */
  public static isNetwork(x: unknown): x is Network {
    return x !== null && typeof x === 'object' && NETWORK_SYMBOL in x;
  }

  /** The main network's routable space. */
  public readonly cidr: string;
  /** The cloud it is built on. */
  public readonly cloud: ICloud;
  /** Where private ranges come from. */
  public readonly islandCidr: string;
  /** The part of `islandCidr` inside `cidr`, carved out of routable planning; undefined when there is none. */
  public readonly holeCidr?: string;
  /** Where island and archipelago service ranges come from; undefined when from `islandCidr`, beside the pods. */
  public readonly islandServiceCidr?: string;
  /** The plan file. */
  public readonly planFile: string;
  /** Whether new allocations are refused. */
  public readonly frozen: boolean;
  /** The estate whose networks share one address plan (MODEL-007). */
  public readonly estate: string;
  /** True when the network has IPv6 (`ipv6: true`). */
  public readonly ipv6: boolean;
  /** The IPv6 IPAM pool each AWS VPC's /56 comes from; undefined for Amazon-provided blocks (or none). */
  public readonly ipv6IpamPoolId?: string;

  private readonly strategy: CloudStrategy;
  private readonly planner: Planner;
  private readonly ipv6Planner: Ipv6SubnetPlanner;
  private readonly plans: PlanFile;
  private readonly group: Estate;
  private readonly clusters: PlannedCluster[] = [];
  private readonly subjects = new Map<string, IConstruct>();
  private readonly userRules: IPolicyRule[] = [];
  private sketched?: NetworkSketch;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    Object.defineProperty(this, NETWORK_SYMBOL, { value: true });
    if (props?.cloud === undefined || props.cloud === null) {
      throw planError(this, 'INPUT-002', 'cloud is required: pass cloud: Cloud.gcp({ region }) or Cloud.aws({ region })');
    }
    const strategy = strategyOf(props.cloud);
    if (!strategy) {
      throw planError(this, 'INPUT-002', 'cloud must be made by Cloud.gcp({ region }) or Cloud.aws({ region }): another object cannot render the network');
    }
    this.strategy = strategy;
    this.cloud = props.cloud;
    checkNetworkProps(this, props);
    const ipv6 = checkNetworkIpv6(this, props.cloud.provider, props);
    this.ipv6 = ipv6.ipv6;
    this.ipv6IpamPoolId = ipv6.ipv6IpamPoolId;
    const cidr = parseRange(this, 'cidr', props.cidr);
    const islandCidr = parseRange(this, 'islandCidr', props.islandCidr ?? DEFAULT_ISLAND_CIDR);
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

    const reservedRanges = parseReserved(this, props.reserved);
    this.estate = props.estate ?? 'default';
    this.group = Estate.of(this, this.estate);
    if (props.islandServiceCidr !== undefined) {
      this.islandServiceCidr = parseRange(this, 'islandServiceCidr', props.islandServiceCidr).toString();
    } else {
      const taken = [this.cidr, this.islandCidr, ...reservedRanges.map((r) => r.pin.toString()), ...this.group.networks.map((n) => n.cidr)];
      this.islandServiceCidr = strategy.profile.islandServiceSpace(this.islandCidr, taken);
    }
    this.planFile = props.planFile ?? DEFAULT_PLAN_FILE;
    this.plans = orPlanFileError(this, () => PlanFile.load(path.resolve(this.planFile), { deferred: true }));
    this.frozen = props.frozen ?? (process.env.CI === 'true' && this.plans.exists());
    this.planner = orPlanFileError(this, () => new Planner({
      path: this.node.path,
      cidr,
      records: (pool) => this.plans.records(this.node.path, pool),
      recordedPools: () => this.plans.pools(this.node.path),
      foreignRecords: () => this.foreignRecords(),
      changed: () => this.group.changed(),
    }));
    this.ipv6Planner = new Ipv6SubnetPlanner(() => this.plans.ipv6Subnets(this.node.path), IPV6_SUBNETS_PER_BLOCK);

    if (this.holeCidr) {
      this.planner.placeNow({ owner: this, name: 'hole', role: RangeRole.HOLE, pool: this.planner.routable, pin: islandCidr });
    }
    const seen = new Set<string>();
    for (const { name, pin } of reservedRanges) {
      seen.add(name);
      this.planner.placeNow({ owner: this, name, role: RangeRole.RESERVED, pool: this.planner.routable, pin });
    }
    // Ranges adopted into the plan file (`cdktf-kube-networks plan import`) are held like reserved ones; the prop wins a name.
    for (const adopted of this.plans.reservedRanges(this.node.path)) {
      if (seen.has(adopted.name)) continue;
      seen.add(adopted.name);
      const pin = orPlanFileError(this, () => Cidr.parse(adopted.cidr, `range ${adopted.name} adopted in ${this.planFile}`));
      this.planner.placeNow({ owner: this, name: adopted.name, role: RangeRole.RESERVED, pool: this.planner.routable, pin });
    }
    this.subjects.set(this.node.path, this);
    this.group.join(this);
    this.node.addValidation({ validate: () => this.group.validate(this, this) });
    rendering(() => this.strategy.renderer.onNetwork(this));
  }

  /** Adds a rule of your own, checked on this network at synth. */
  public addRule(rule: IPolicyRule): void {
    checkRule(this, rule);
    const taken = [...this.strategy.checker.rules, ...this.userRules].find((r) => r.id === rule?.id);
    if (taken) {
      const by = this.userRules.includes(taken) ? 'another rule added to this network' : 'a built-in rule';
      throw planError(this, 'INPUT-002', `rule id ${rule.id} is already taken by ${by} ("${taken.statement}"): give your rule its own id, e.g. ACME-001`);
    }
    this.userRules.push(rule);
    this.group.changed();
  }

  /**
   * Plans every range of this network's estate now, on purpose. Until the plan is resolved
   * (here, by reading `plan` or `violations()`, or at synth) a cluster's ranges read as tokens
   * that synth resolves to the final ranges, so a pin or record written later is still
   * honoured; after it they read as plain strings, and a pin written later that collides with
   * a range already placed is reported (MODEL-001) instead of avoided.
   */
  public planNow(): void {
    this.group.resolve();
  }

  /** The resolved plan: every range and cluster, as plain data. */
  public get plan(): NetworkPlan {
    const otherNetworksRanges = this.group.rangesBeside(this);
    const unclaimedRecords = this.planner.unclaimed();
    return {
      path: this.node.path,
      cloud: this.cloud.provider as CloudProvider,
      availabilityZones: [...this.cloud.availabilityZones],
      cidr: this.cidr,
      islandCidr: this.islandCidr,
      holeCidr: this.holeCidr,
      islandServiceCidr: this.islandServiceCidr,
      ranges: [...this.planner.ranges, ...unclaimedRecords.filter((r) => r.routable)],
      clusters: this.clusters.map((c) => c._plan()),
      otherNetworksRanges,
      planFile: this.planFile,
      frozen: this.frozen,
      unclaimedRecords,
      suppressions: this.strategy.checker.suppressions([...this.subjects.values()]),
      appNetworks: this.group.appSketches() as NetworkSketch[],
      // IPv4-only plans keep their shape: no IPv6 keys at all.
      ...(this.ipv6 ? { ipv6: true } : {}),
      ...(this.hasIpv6Subnets() ? { ipv6Subnets: this.ipv6Planner.subnets() } : {}),
    };
  }

  /**
   * The number of IPv6 subnet `name` in the deploy-time IPv6 block of the VPC `vpc` owns (AWS:
   * `cidrsubnet(vpc.ipv6_cidr_block, 8, netnum)`), as planned and recorded in the plan file.
   */
  public ipv6NetnumOf(vpc: string, name: string): number {
    return this.ipv6Planner.netnum(vpc, name);
  }

  /** The network as its constructs decided it (no ranges): what its cloud names after it. @internal */
  public _sketch(): NetworkSketch {
    if (!this.sketched) {
      const clusters = new Set(this.clusters.map((c) => c.node.path));
      this.sketched = {
        path: this.node.path,
        cloud: this.cloud.provider as CloudProvider,
        region: this.cloud.region,
        clusters: this.clusters.map((c) => c._sketch()),
        archipelagos: [...this.subjects.keys()].filter((p) => p !== this.node.path && !clusters.has(p)),
        links: linksOf(this).filter((l) => l.gcp === this).map((l) => ({ path: l.node.path, tunnels: l.plan.tunnels.length, aws: l.aws.node.path })),
        ipv6: this.ipv6 || undefined,
      };
    }
    return this.sketched;
  }

  /** The rules checked on this network: built-in (model, Kubernetes, plan file, cloud) and added ones. */
  public checkedRules(): RuleDescription[] {
    return this.rules().map(({ id, severity, statement }) => ({ id, severity, statement }));
  }

  /** Every violation of every rule (suppressed ones carry their reason), sorted by path and rule. */
  public violations(): PolicyViolation[] {
    return this.group.violationsOf(this);
  }

  /** The network's planner: clusters and archipelagos ask it for their ranges. @internal */
  public get _planner(): Planner {
    return this.planner;
  }

  /**
   * Asks the planner for a routable range the cloud builds for `owner` (see CloudProfile),
   * kept out of what the cloud refuses and, for a cluster of `model`, in its block group.
   * @internal
   */
  public _askNeed(owner: IConstruct, need: RangeNeed, model?: NetworkModel): RangeSlot {
    const profile = this.strategy.profile;
    return this.planner.request({
      owner, name: need.name, role: need.role, pool: this.planner.routable, prefix: need.prefix, zone: need.zone,
      avoid: profile.avoid(need.role), group: model === undefined ? undefined : profile.blockGroup(model, need.role),
    });
  }

  /** Asks a number for each IPv6 subnet a cloud carves from a VPC's deploy-time block (see CloudProfile.ipv6Subnets). @internal */
  public _askIpv6Subnets(needs: readonly Ipv6SubnetNeed[]): void {
    if (needs.length === 0) return;
    this.ipv6Planner.ask(needs);
    this.group.changed();
  }

  /** The address families the plan file records for `cluster`: IPv4 when it records the cluster's ranges but no family; undefined when it records nothing of it. @internal */
  public _recordedIpFamily(cluster: string): IpFamily | undefined {
    return this.plans.recordedFamilies(this.node.path).get(cluster) as IpFamily | undefined;
  }

  /** The network's cloud object. @internal */
  public get _strategy(): CloudStrategy {
    return this.strategy;
  }

  /** Records a cluster in the plan, and checks it at synth. @internal */
  public _addCluster(cluster: PlannedCluster): void {
    this.clusters.push(cluster);
    this._addSubject(cluster);
  }

  /** Reports the violations found at `subject`'s path on `subject` itself at synth. @internal */
  public _addSubject(subject: IConstruct): void {
    this.sketched = undefined;
    this.subjects.set(subject.node.path, subject);
    subject.node.addValidation({ validate: () => this.group.validate(this, subject) });
    this.group.changed();
  }

  /** A CloudLink ends here: what the cloud makes for it changes. @internal */
  public _linked(): void {
    this.sketched = undefined;
    this.group.changed();
  }

  /** Places every pending range, and numbers every IPv6 subnet. @internal */
  public _resolve(): void {
    this.planner.resolve();
    try {
      this.ipv6Planner.subnets();
    } catch (e) {
      if (!(e instanceof Ipv6BlockFull)) throw e;
      throw planError(this, 'PLAN-001', `${e.message}: spread the clusters over more VPCs, or give them fewer zones`);
    }
  }

  /** The network's own routable ranges. @internal */
  public _routableRanges(): PlannedRange[] {
    return [...this.planner.ranges.filter((r) => r.routable), ...this.planner.unclaimedRoutable()];
  }

  /** Checks the plan with the cloud's checker. @internal */
  public _check(): PolicyViolation[] {
    return [...providerRegionViolations(this, this.strategy.renderer), ...this.strategy.checker.evaluate(this.plan, this.rules(), this.subjects)];
  }

  /** The constructs findings land on, by path. @internal */
  public _subjects(): ReadonlyMap<string, IConstruct> {
    return this.subjects;
  }

  /** Stages every range for the plan file, unless the plan is frozen; written once the whole app synthesized. @internal */
  public _record(): void {
    if (this.frozen) return;
    const pools = this.planner.records();
    // A cluster gone from the app keeps its family as long as its ranges stay recorded (until plan rm), so that it comes back as it was.
    const keys = Object.values(pools).flatMap((records) => Object.keys(records));
    const here = new Set(this.clusters.map((c) => c.node.path));
    const families = Object.fromEntries([
      ...Object.entries(this.plans.families(this.node.path)).filter(([cluster]) => !here.has(cluster) && keys.some((key) => key.startsWith(`${cluster}:`))),
      ...this.clusters.map((c) => [c.node.path, c._sketch().ipFamily ?? IpFamily.IPV4]).filter(([, f]) => f !== IpFamily.IPV4),
    ]);
    this.plans.save(this.node.path, this.cidr, pools, {
      families: Object.keys(families).length > 0 ? families : undefined,
      ipv6Subnets: this.hasIpv6Subnets() ? this.ipv6Planner.records() : undefined,
    });
  }

  /** One line on what was planned, recorded, moved and left unclaimed. @internal */
  public _summary(): string {
    return this.planner.summary();
  }

  /** The network's plan file. @internal */
  public get _planFile(): PlanFile {
    return this.plans;
  }

  /** The routable records of networks the plan file holds and the app no longer has (renamed or removed). */
  private foreignRecords(): Array<{ key: string; cidr: string }> {
    const here = new Set(this.group.everyNetwork().filter((n) => n._planFile.file === this.plans.file).map((n) => n.node.path));
    return this.plans.networks()
      .filter((network) => !here.has(network))
      .flatMap((network) => Object.entries(this.plans.records(network, network)).map(([key, cidr]) => ({ key, cidr })));
  }

  /** True when an IPv6 subnet was asked, or the plan file records one (kept, and listed unclaimed, like any record). */
  private hasIpv6Subnets(): boolean {
    return this.ipv6Planner.any || Object.keys(this.plans.ipv6Subnets(this.node.path)).length > 0;
  }

  private rules(): IPolicyRule[] {
    return [...this.strategy.checker.rules, ...this.userRules];
  }
}

const NETWORK_SYMBOL = Symbol.for('cdktf-kube-networks.Network');

function orPlanFileError<T>(scope: IConstruct, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw planError(scope, 'PLAN-004', (e as Error).message);
  }
}
