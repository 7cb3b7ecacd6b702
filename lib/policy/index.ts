// The rule catalog and the engine that checks a resolved plan at synth.
export { Severity, PolicyFinding, IPolicyRule, PolicyViolation } from './rule';
export { Policy, Suppression } from './suppressions';
export { RuleCatalog, RuleDescription } from './catalog';
