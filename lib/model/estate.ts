import { Annotations, App } from 'cdktf';
import { IConstruct } from 'constructs';
import { INetwork } from './interfaces';
import { CloudLinkPlan, LinkPlanner, LinkRecord, LinkRequest } from './link-plan';
import { NetworkSketch, PlannedRange } from './plan';
import { PlanFile } from './plan-file';
import { PolicyViolation } from './rule';
import { CloudStrategy } from './strategy';

/** What an estate needs of each of its networks (the Network construct implements it). */
export interface EstateMember extends INetwork {
  /** The network's cloud object. @internal */
  readonly _strategy: CloudStrategy;
  /** Places every pending range of the network. @internal */
  _resolve(): void;
  /** The network's own routable ranges (placed ones and unclaimed records). @internal */
  _routableRanges(): PlannedRange[];
  /** Checks the network's plan with its cloud's checker; `subjects` by path. @internal */
  _check(): PolicyViolation[];
  /** The constructs findings land on: the network, its clusters and archipelagos. @internal */
  _subjects(): ReadonlyMap<string, IConstruct>;
  /** Stages the network's ranges for its plan file. @internal */
  _record(): void;
  /** One line on what was planned, recorded, moved and left unclaimed. @internal */
  _summary(): string;
  /** The network's plan file. @internal */
  readonly _planFile: PlanFile;
  /** The network as its constructs decided it (no ranges). @internal */
  _sketch(): NetworkSketch;
  /** A CloudLink ends in the network. @internal */
  _linked(): void;
}

/** What an estate needs of each of its links (the CloudLink construct implements it). */
export interface EstateLink {
  /** Stages the link's record in its plan file. @internal */
  _record(): void;
}

/** The estates of one app, kept on its root construct (no module state). */
class Estates {
  public static of(scope: IConstruct): Estates {
    const root = scope.node.root as IConstruct & { [ESTATES]?: Estates };
    if (!root[ESTATES]) {
      const estates = new Estates();
      Object.defineProperty(root, ESTATES, { value: estates });
      // The app's own validations run once every stack synthesized (App.synth): only then is
      // the plan file written, so a synth that fails anywhere changes nothing on disk.
      root.node.addValidation({ validate: () => estates.afterSynth(App.of(root).outdir) });
    }
    return root[ESTATES]!;
  }

  /** Writes every staged plan-file save of the app, one locked write per file. */
  public commit(): string[] {
    PlanFile.commitAll(this.networks().map((n) => n._planFile));
    return [];
  }

  /** Once the whole app synthesized into `outdir`: the plan files, then what reads every stack (the reachability matrices). */
  public afterSynth(outdir: string): string[] {
    this.commit();
    const [first] = this.networks();
    first?._strategy.reporter.afterSynth(outdir);
    return [];
  }

  public readonly byName = new Map<string, Estate>();

  /** Every network of the app, in the order they were made. */
  public networks(): EstateMember[] {
    return [...this.byName.values()].flatMap((e) => [...e.networks]);
  }

  private sketched?: { readonly key: string; readonly sketches: readonly NetworkSketch[] };

  /**
   * Every network of the app as its constructs decided it: one array until a network, cluster
   * or archipelago is added anywhere, so the name rules index the app once per change.
   */
  public sketches(): readonly NetworkSketch[] {
    const key = [...this.byName.values()].map((e) => e.revisionNumber).join(',');
    if (this.sketched?.key !== key) this.sketched = { key, sketches: Object.freeze(this.networks().map((n) => n._sketch())) };
    return this.sketched.sketches;
  }
}

const ESTATES = Symbol.for('cdktf-kube-networks.estates');

interface Checked {
  readonly key: string;
  readonly violations: Map<EstateMember, PolicyViolation[]>;
  readonly blocking: boolean;
  written: boolean;
}

/**
 * The networks of one estate (in any stack, on any cloud): they share one address plan, so
 * their routable ranges never overlap (MODEL-007). The estate resolves every plan, checks
 * them once per change, and — when nothing blocks — writes the plan file and the reports
 * once. Created on demand by its first network.
 */
export class Estate {
  /** The estate `name` of `scope`'s app. */
  public static of(scope: IConstruct, name: string): Estate {
    const estates = Estates.of(scope);
    let estate = estates.byName.get(name);
    if (!estate) {
      estate = new Estate(name, estates);
      estates.byName.set(name, estate);
    }
    return estate;
  }

  private readonly members: EstateMember[] = [];
  private readonly links: EstateLink[] = [];
  private linkPlanner?: LinkPlanner;
  private revision = 0;
  private checked?: Checked;

  private constructor(public readonly name: string, private readonly estates: Estates) {}

  /** Changes whenever a network, cluster, archipelago or rule is added. */
  public get revisionNumber(): number {
    return this.revision;
  }

  /** The networks of the estate, in the order they were made. */
  public get networks(): readonly EstateMember[] {
    return this.members;
  }

  /** Adds a network. */
  public join(member: EstateMember): void {
    this.members.push(member);
    this.changed();
  }

  /** Marks every result computed so far as stale (a range, a cluster or a rule was added). */
  public changed(): void {
    this.revision++;
  }

  /**
   * Plans a link's ASNs and tunnel ranges for the whole estate: every link the plan files of
   * its networks record is held first, so a new link never takes a recorded one's ranges.
   */
  public planLink(request: LinkRequest): CloudLinkPlan {
    if (!this.linkPlanner) {
      const records = new Map<string, LinkRecord>();
      const files = new Set(this.members.map((m) => m._planFile));
      for (const file of files) for (const [path, record] of file.links()) records.set(path, record);
      this.linkPlanner = new LinkPlanner(records);
    }
    return this.linkPlanner.plan(request);
  }

  /** The links planned so far. */
  public linkPlans(): CloudLinkPlan[] {
    return this.linkPlanner?.plans() ?? [];
  }

  /** Adds a link: its record is written with the networks' when nothing blocks. */
  public joinLink(link: EstateLink): void {
    this.links.push(link);
    this.changed();
  }

  /** Places every pending range of every network. */
  public resolve(): void {
    for (const member of this.members) member._resolve();
  }

  /** The routable ranges of the estate's other networks (MODEL-007). */
  public rangesBeside(member: EstateMember): PlannedRange[] {
    this.resolve();
    return this.members.filter((m) => m !== member).flatMap((m) => m._routableRanges());
  }

  /** Every violation found on `member`'s plan. */
  public violationsOf(member: EstateMember): PolicyViolation[] {
    return this.check().violations.get(member) ?? [];
  }

  /**
   * The errors of `subject` (a network or one of its subjects) that fail synth. The first
   * call after a change also announces warnings and, when nothing in the estate blocks,
   * records the plan file and writes the reports: once for the whole estate.
   */
  public validate(member: EstateMember, subject: IConstruct): string[] {
    const checked = this.check();
    if (!checked.written && !checked.blocking) {
      checked.written = true;
      for (const m of this.members) m._record();
      for (const l of this.links) l._record();
      this.members[0]._strategy.reporter.write(this.name, this.members, this.estates.networks(), this.linkPlans());
    }
    const subjects = member._subjects();
    const at = subject.node.path;
    const mine = (checked.violations.get(member) ?? [])
      .filter((v) => v.path === at || (subject === member && !subjects.has(v.path)));
    const checker = member._strategy.checker;
    return mine.filter((v) => checker.blocks(v)).map((v) => checker.format(v));
  }

  /** Every network of the app, any estate, as its constructs decided it (see Estates.sketches). */
  public appSketches(): readonly NetworkSketch[] {
    return this.estates.sketches();
  }

  /** Every network of the app, any estate (reports name files by how many share a stack). */
  public everyNetwork(): readonly EstateMember[] {
    return this.estates.networks();
  }

  /**
   * What a check result depends on: the estate's changes, the suppressions, and the constructs
   * beside each network (a provider added there is compared with the Cloud's region, INPUT-004).
   */
  private key(): string {
    return `${this.revision}:${this.members.map((m) => `${m._strategy.checker.revision(m)}/${m.node.scope?.node.children.length ?? 0}`).join(',')}`;
  }

  private check(): Checked {
    if (this.checked?.key === this.key()) return this.checked;
    this.resolve();
    const violations = new Map<EstateMember, PolicyViolation[]>();
    let blocking = false;
    for (const member of this.members) {
      const found = member._check();
      violations.set(member, found);
      const checker = member._strategy.checker;
      blocking ||= found.some((v) => checker.blocks(v));
      const subjects = member._subjects();
      for (const [path, subject] of subjects) {
        checker.announce(subject, found.filter((v) => v.path === path));
      }
      checker.announce(member, found.filter((v) => v.path !== member.node.path && !subjects.has(v.path)));
      const summary = `plan of ${member.node.path}: ${member._summary()}`;
      if (!member.node.metadata.some((m) => m.data === summary)) Annotations.of(member).addInfo(summary);
    }
    // Resolving and announcing change nothing the key reads: this result stands until a real change.
    this.checked = { key: this.key(), violations, blocking, written: false };
    return this.checked;
  }
}

/**
 * Writes the plan files of `scope`'s app now. `App.synth()` does it once every stack has
 * synthesized; tools and tests that synthesize one stack (`Testing.synth`) call this after.
 */
export function commitPlanFiles(scope: IConstruct): void {
  Estates.of(scope).commit();
}
