import { IConstruct } from 'constructs';
import { planError, shown, typeOf } from './errors';
import { IPolicyRule, Severity } from './rule';

/**
 * INPUT-002 for a rule given to `network.addRule()`, from TypeScript or any jsii language:
 * an id like `ACME-001`, a one-line statement, a `Severity` and a check function. A severity
 * written by hand (`'error'`) would otherwise make an ERROR rule a silent one.
 */
export function checkRule(scope: IConstruct, rule: unknown): asserts rule is IPolicyRule {
  const fail = (message: string) => planError(scope, 'INPUT-002', `addRule: ${message}`);
  if (rule === null || typeof rule !== 'object') {
    throw fail(`rule ${shown(rule)} is ${typeOf(rule)}, not a rule: pass an object with id, statement, severity and check(plan)`);
  }
  const { id, statement, severity, check } = rule as Record<string, unknown>;
  if (typeof id !== 'string' || !/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(id)) {
    throw fail(`rule id ${shown(id)} is not a rule id: use upper-case words and numbers joined by dashes, e.g. "ACME-001"`);
  }
  if (typeof statement !== 'string' || statement.trim() === '') {
    throw fail(`rule ${id}: statement ${shown(statement)} must be the rule in one line, e.g. "Every cluster of team A plans at most 100 nodes."`);
  }
  if (!Object.values(Severity).includes(severity as Severity)) {
    throw fail(`rule ${id}: severity ${shown(severity)} is not one of Severity.ERROR, Severity.WARNING (the values are "ERROR" and "WARNING")`);
  }
  if (typeof check !== 'function') {
    throw fail(`rule ${id}: check is ${typeOf(check)}, not a function: give it check(plan) returning its findings ([] when the plan keeps it)`);
  }
}
