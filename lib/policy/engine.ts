import { NetworkPlan } from '../model/plan';
import { IPolicyRule, PolicyFinding, PolicyViolation, Severity } from '../model/rule';

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
    const found = findingsOf(rule, plan);
    if (typeof found === 'string') {
      // A broken rule fails synth whatever its severity, and no suppression hides it.
      violations.push({ ruleId: rule.id, severity: Severity.ERROR, path: plan.path, message: found });
      continue;
    }
    for (const finding of found) {
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

/**
 * The findings of `rule` on `plan`; for a check that throws, or returns something that is no
 * list of findings, the message it fails synth with on the network, under the rule's id.
 */
function findingsOf(rule: IPolicyRule, plan: NetworkPlan): PolicyFinding[] | string {
  let found: unknown;
  try {
    found = rule.check(plan);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    return `the check of rule ${rule.id} threw on ${plan.path}: "${text}" — fix the rule so that it returns its findings ([] when the plan keeps it) instead of throwing`;
  }
  if (!Array.isArray(found) || found.some((f) => typeof f?.path !== 'string' || typeof f?.message !== 'string')) {
    return `the check of rule ${rule.id} returned ${String(JSON.stringify(found)).slice(0, 80)}, not a list of findings { path, message }: fix the rule so that it returns one ([] when the plan keeps it)`;
  }
  return found as PolicyFinding[];
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
