import { CloudProvider } from '../model/cloud';
import { LINK_RULES } from '../model/link-plan';
import { RuleDescription } from '../model/rule';
import { CORE_RULES } from '../policy/catalog';
import { CLOUD_RULES } from './cloud';

/** The built-in rules, for docs and reports. */
export class RuleCatalog {
  /** Every built-in rule that applies to a network on `provider` (and to a CloudLink ending in it), in id order. */
  public static rules(provider: CloudProvider): RuleDescription[] {
    return [...CORE_RULES, ...CLOUD_RULES[provider], ...LINK_RULES]
      .map(({ id, severity, statement }) => ({ id, severity, statement }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private constructor() {}
}
