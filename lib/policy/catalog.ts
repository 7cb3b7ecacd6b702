import { CloudProvider } from '../model/cloud';
import { IPolicyRule, Severity } from './rule';
import { K8S_RULES } from './rules/k8s-rules';
import { MODEL_RULES } from './rules/model-rules';
import { PLAN_RULES } from './rules/plan-rules';

const cloudRules = new Map<CloudProvider, IPolicyRule[]>();

/** Lets a cloud renderer add its rules (GCP-*, AWS-*) to every network on that cloud. */
export function registerCloudRules(provider: CloudProvider, rules: readonly IPolicyRule[]): void {
  const list = cloudRules.get(provider) ?? [];
  for (const rule of rules) if (!list.some((r) => r.id === rule.id)) list.push(rule);
  cloudRules.set(provider, list);
}

/** The built-in rules that apply to a network on `provider`: model, Kubernetes, plan file, then the cloud's. */
export function rulesFor(provider: CloudProvider): IPolicyRule[] {
  return [...MODEL_RULES, ...K8S_RULES, ...PLAN_RULES, ...(cloudRules.get(provider) ?? [])];
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

/** The built-in rules, for docs and reports. */
export class RuleCatalog {
  /** Every built-in rule that applies to a network on `provider`, in id order. */
  public static rules(provider: CloudProvider): RuleDescription[] {
    return rulesFor(provider)
      .map(({ id, severity, statement }) => ({ id, severity, statement }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private constructor() {}
}
