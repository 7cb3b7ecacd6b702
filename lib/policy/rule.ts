import { NetworkPlan } from '../model/plan';
import { IPolicyRule, PolicyFinding, Severity } from '../model/rule';

export { IPolicyRule, PolicyFinding, PolicyViolation, RuleDescription, Severity } from '../model/rule';

/** Builds a rule object from its parts (for the built-in catalog). */
export function defineRule(id: string, severity: Severity, statement: string, check: (plan: NetworkPlan) => PolicyFinding[]): IPolicyRule {
  return { id, severity, statement, check };
}
