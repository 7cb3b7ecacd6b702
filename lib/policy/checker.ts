import { Annotations } from 'cdktf';
import { IConstruct } from 'constructs';
import { INPUT_RULES } from '../model/input-rules';
import { NetworkPlan, PlanSuppression } from '../model/plan';
import { IPolicyRule, PolicyViolation, Severity } from '../model/rule';
import { PlanChecker } from '../model/strategy';
import { CORE_RULES } from './catalog';
import { evaluate, formatViolation, isBlocking } from './engine';
import { Policy, suppressionReason, suppressionRevision } from './suppressions';

/**
 * The policy layer's side of a cloud object: the built-in rules of one cloud, run over a
 * network's resolved plan, with suppressions read from the constructs and findings announced
 * on them (warnings, and suppressed findings as info with their reason).
 */
export class Checker implements PlanChecker {
  public readonly rules: readonly IPolicyRule[];

  /**
   * @param cloudRules the cloud's rules (GCP-*, AWS-*)
   * @param knownIds every built-in rule id of every cloud: a suppression of another id is a typo
   * @param refused rules whose findings the cloud's API refuses anyway: no suppression applies to them
   */
  constructor(cloudRules: readonly IPolicyRule[], private readonly knownIds: readonly string[], private readonly refused: readonly string[] = []) {
    this.rules = [...CORE_RULES, ...cloudRules];
  }

  public evaluate(plan: NetworkPlan, rules: readonly IPolicyRule[], subjects: ReadonlyMap<string, IConstruct>): PolicyViolation[] {
    const found = evaluate(plan, rules, (at, ruleId) => {
      const construct = subjects.get(at);
      return construct && !this.refused.includes(ruleId) ? suppressionReason(construct, ruleId) : undefined;
    });
    const suppressions = this.suppressions([...subjects.values()]);
    return [...found, ...this.unknownSuppressions(suppressions, rules), ...this.refusedSuppressions(suppressions)];
  }

  /** Suppressions of rules the cloud's API enforces anyway: each fails synth where it was set. */
  private refusedSuppressions(suppressions: readonly PlanSuppression[]): PolicyViolation[] {
    const refused = suppressions
      .filter((s) => this.refused.includes(s.ruleId))
      .map((s) => ({
        ruleId: 'INPUT-002',
        severity: Severity.ERROR,
        path: s.path,
        message: `Policy.suppress: ${s.ruleId} cannot be suppressed — the cloud's API refuses what it finds, so the Terraform would not deploy; fix the plan as its message says and remove the suppression`,
      }));
    const input = suppressions
      .filter((s) => INPUT_RULES.some((r) => r.id === s.ruleId))
      .map((s) => ({
        ruleId: 'INPUT-002',
        severity: Severity.ERROR,
        path: s.path,
        message: `Policy.suppress: ${s.ruleId} cannot be suppressed — it checks what was written, where it was written, before anything is planned; fix the value its message names and remove the suppression`,
      }));
    return [...refused, ...input];
  }

  public suppressions(subjects: readonly IConstruct[]): PlanSuppression[] {
    return scopesOf(subjects)
      .flatMap((scope) => Policy.suppressionsOf(scope).map((s) => ({ path: scope.node.path, ruleId: s.ruleId, reason: s.reason })))
      .sort((a, b) => compare(a.path, b.path) || compare(a.ruleId, b.ruleId));
  }

  public announce(subject: IConstruct, violations: readonly PolicyViolation[]): void {
    const said = new Set(subject.node.metadata.map((m) => String(m.data)));
    for (const v of violations.filter((x) => !isBlocking(x))) {
      const text = v.suppressedReason !== undefined ? `${formatViolation(v)} [suppressed: ${v.suppressedReason}]` : formatViolation(v);
      if (said.has(text)) continue;
      said.add(text);
      if (v.suppressedReason !== undefined) Annotations.of(subject).addInfo(text);
      else Annotations.of(subject).addWarning(text);
    }
  }

  public blocks(violation: PolicyViolation): boolean {
    return isBlocking(violation);
  }

  public format(violation: PolicyViolation): string {
    return formatViolation(violation);
  }

  public revision(scope: IConstruct): number {
    return suppressionRevision(scope);
  }

  /** Suppressions of ids no rule has: each fails synth where it was set, naming the nearest ids. */
  private unknownSuppressions(suppressions: readonly PlanSuppression[], rules: readonly IPolicyRule[]): PolicyViolation[] {
    const ids = [...new Set([...this.knownIds, ...rules.map((r) => r.id)])];
    const inputIds = INPUT_RULES.map((r) => r.id);
    return suppressions
      .filter((s) => !ids.includes(s.ruleId) && !inputIds.includes(s.ruleId))
      .map((s) => ({
        ruleId: 'INPUT-002',
        severity: Severity.ERROR,
        path: s.path,
        message: `Policy.suppress: no rule has the id ${s.ruleId}, so the suppression would hide nothing: ` +
          `did you mean ${nearest(s.ruleId, ids).join(', ')}? (RuleCatalog.rules() lists every built-in rule)`,
      }));
  }
}

/** Every construct a suppression can sit on for `subjects`: each of them and its ancestors. */
function scopesOf(subjects: readonly IConstruct[]): IConstruct[] {
  const scopes = new Set<IConstruct>();
  for (const subject of subjects) for (const scope of subject.node.scopes) scopes.add(scope);
  return [...scopes];
}

/** The ids closest to `id` by edit distance (the three nearest). */
export function nearest(id: string, ids: readonly string[]): string[] {
  return [...ids]
    .map((candidate) => ({ candidate, distance: editDistance(id, candidate) }))
    .sort((a, b) => a.distance - b.distance || compare(a.candidate, b.candidate))
    .slice(0, 3)
    .map((x) => x.candidate);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
