import { CloudProvider } from '../model/cloud';
import { INPUT_RULES } from '../model/input-rules';
import { LINK_RULES } from '../model/link-plan';
import { RuleDescription } from '../model/rule';
import { CORE_RULES } from '../policy/catalog';
import { AWS_REFUSED, CLOUD_RULES, GCP_REFUSED } from './cloud';

/** The built-in rules, for docs and reports. */
export class RuleCatalog {
  /** Every built-in rule that applies to a network on `provider` (and to a CloudLink ending in it), in id order. */
  public static rules(provider: CloudProvider): RuleDescription[] {
    return sorted([...CORE_RULES, ...CLOUD_RULES[provider], ...LINK_RULES]);
  }

  /**
   * The rules of `provider` that no suppression can switch off: the cloud's API refuses what
   * they find, so the Terraform would not deploy (`Policy.suppress` of one fails synth, INPUT-002).
   */
  public static unsuppressible(provider: CloudProvider): RuleDescription[] {
    const refused = provider === CloudProvider.AWS ? AWS_REFUSED : GCP_REFUSED;
    return RuleCatalog.rules(provider).filter((r) => refused.includes(r.id));
  }

  /**
   * The rules of what a user writes (INPUT-*, and MODEL-010, PLAN-001 and PLAN-004), checked
   * where it is written or at synth; always errors, never suppressible.
   */
  public static inputRules(): RuleDescription[] {
    return sorted(INPUT_RULES);
  }

  private constructor() {}
}

function sorted(rules: readonly RuleDescription[]): RuleDescription[] {
  return rules
    .map(({ id, severity, statement }) => ({ id, severity, statement }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
