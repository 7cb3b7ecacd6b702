import { NetworkPlan } from '../model/plan';
import { IPolicyRule, PolicyViolation, Severity } from '../model/rule';

/**
 * Runs `rules` over `plan`. `suppressedBecause(path, ruleId)` says why a rule is
 * suppressed at a path, if it is. Violations come out sorted by path, then rule id.
 */
export function evaluate(
  plan: NetworkPlan,
  rules: readonly IPolicyRule[],
  suppressedBecause: (path: string, ruleId: string) => string | undefined,
): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  for (const rule of rules) {
    for (const finding of rule.check(plan)) {
      violations.push({
        ruleId: rule.id,
        severity: rule.severity,
        path: finding.path,
        message: finding.message,
        suppressedReason: suppressedBecause(finding.path, rule.id),
      });
    }
  }
  return violations.sort((a, b) => compare(a.path, b.path) || compare(a.ruleId, b.ruleId) || compare(a.message, b.message));
}

/** The text a violation is shown with: `MODEL-001: ...` (cdktf adds the `[path]`). */
export function formatViolation(violation: PolicyViolation): string {
  return `${violation.ruleId}: ${violation.message}`;
}

/** True for violations that fail synth. */
export function isBlocking(violation: PolicyViolation): boolean {
  return violation.severity === Severity.ERROR && violation.suppressedReason === undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
