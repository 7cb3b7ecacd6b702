import { IConstruct } from 'constructs';

/** A rule switched off on a construct, with the reason. */
export interface Suppression {
  /** The suppressed rule's id. */
  readonly ruleId: string;
  /** Why it is acceptable here. */
  readonly reason: string;
}

const SUPPRESSIONS = new WeakMap<IConstruct, Suppression[]>();
let revision = 0;

/** Changes whenever a suppression is added, so cached policy results can tell they are stale. */
export function suppressionRevision(): number {
  return revision;
}

/** Entry point of the policy layer for users: suppressions. */
export class Policy {
  /**
   * Suppresses `ruleId` on `scope` and everything under it. A written reason is
   * required; suppressed violations stay listed (as info) with the reason.
   */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    if (typeof ruleId !== 'string' || !/^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(ruleId)) {
      throw new Error(`[${scope.node.path}] Policy.suppress: rule id ${JSON.stringify(ruleId)} is not a rule id: use one like "MODEL-001"`);
    }
    if (typeof reason !== 'string' || reason.trim().length < 10) {
      throw new Error(
        `[${scope.node.path}] Policy.suppress(${ruleId}): a written reason is required (10 characters or more), e.g. "pods never talk to Other; reviewed in NET-42"`,
      );
    }
    const list = SUPPRESSIONS.get(scope) ?? [];
    list.push({ ruleId, reason: reason.trim() });
    SUPPRESSIONS.set(scope, list);
    revision++;
  }

  /** The suppressions set directly on `scope`. */
  public static suppressionsOf(scope: IConstruct): Suppression[] {
    return [...(SUPPRESSIONS.get(scope) ?? [])];
  }

  private constructor() {}
}

/** The reason `ruleId` is suppressed on `scope` or one of its ancestors, if it is. */
export function suppressionReason(scope: IConstruct, ruleId: string): string | undefined {
  for (const construct of [...scope.node.scopes].reverse()) {
    const found = SUPPRESSIONS.get(construct)?.find((s) => s.ruleId === ruleId);
    if (found) return found.reason;
  }
  return undefined;
}
