import { NetworkPlan } from './plan';

// The contract between a resolved plan and the rules that check it. It lives beside the
// plan (a rule is a predicate over a NetworkPlan) so that the model can take rules without
// knowing the policy layer, which owns the catalog, the engine and suppressions.

/** How bad a broken rule is. */
export enum Severity {
  /** Synth fails. */
  ERROR = 'ERROR',
  /** Synth goes on; the warning is printed and kept in the manifest. */
  WARNING = 'WARNING',
}

/** One place where a plan breaks a rule. */
export interface PolicyFinding {
  /** Construct path the finding is reported on (and may be suppressed on). */
  readonly path: string;
  /** What is wrong, with the ranges and owners involved, and the fix. */
  readonly message: string;
}

/**
 * A policy rule: a stable id, a one-line statement, a severity and a check over
 * the resolved plan. Implement it to add your own rules (`network.addRule(rule)`).
 */
export interface IPolicyRule {
  /** Stable id, e.g. `MODEL-001` or `ACME-001`. */
  readonly id: string;
  /** The rule in one line. */
  readonly statement: string;
  /** ERROR fails synth; WARNING is reported. */
  readonly severity: Severity;
  /** Findings of the rule on `plan`; empty when the plan keeps it. */
  check(plan: NetworkPlan): PolicyFinding[];
}

/** A finding with its rule, as the engine reports it. */
export interface PolicyViolation {
  /** The broken rule's id. */
  readonly ruleId: string;
  /** ERROR or WARNING. */
  readonly severity: Severity;
  /** Construct path the violation is reported on. */
  readonly path: string;
  /** What is wrong and the fix. */
  readonly message: string;
  /** The written reason, when the rule is suppressed on this construct. @default - not suppressed */
  readonly suppressedReason?: string;
}

/** A rule as the catalog lists it. */
export interface RuleDescription {
  /** Stable id. */
  readonly id: string;
  /** ERROR or WARNING. */
  readonly severity: Severity;
  /** The rule in one line. */
  readonly statement: string;
}
