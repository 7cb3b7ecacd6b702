import { IConstruct } from 'constructs';

/** A rule switched off on a construct, with the reason. */
export interface Suppression {
  /** The suppressed rule's id. */
  readonly ruleId: string;
  /** Why it is acceptable here. */
  readonly reason: string;
}

/** Construct metadata type of a suppression (as cdk-nag keeps its own in the output). */
export const SUPPRESSION_METADATA = 'cdktf-kube-networks/suppress';

/** The suppression count of an app, kept on its root: cached results compare it. */
const REVISION = Symbol.for('cdktf-kube-networks.suppression-revision');

/** Changes whenever a suppression is added in `scope`'s app, so cached policy results can tell they are stale. */
export function suppressionRevision(scope: IConstruct): number {
  return (scope.node.root as IConstruct & { [REVISION]?: number })[REVISION] ?? 0;
}

/** Entry point of the policy layer for users: suppressions. */
export class Policy {
  /**
   * Suppresses `ruleId` on `scope` and everything under it. A written reason is
   * required; suppressed violations stay listed (as info) with the reason, and the
   * suppression is kept as construct metadata. An id no rule of the network has fails synth.
   */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    if (typeof ruleId !== 'string' || !/^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(ruleId)) {
      throw new Error(`[${scope.node.path}] INPUT-002: Policy.suppress: rule id ${JSON.stringify(ruleId)} is not a rule id: use one like "MODEL-001"`);
    }
    if (typeof reason !== 'string' || reason.trim().length < 10) {
      throw new Error(
        `[${scope.node.path}] INPUT-002: Policy.suppress(${ruleId}): reason ${JSON.stringify(reason)} is too short: a written reason is required (10 characters or more), e.g. "pods never talk to Other; reviewed in NET-42"`,
      );
    }
    scope.node.addMetadata(SUPPRESSION_METADATA, { ruleId, reason: reason.trim() });
    const root = scope.node.root as IConstruct & { [REVISION]?: number };
    if (!Object.prototype.hasOwnProperty.call(root, REVISION)) Object.defineProperty(root, REVISION, { value: 0, writable: true });
    root[REVISION]! += 1;
  }

  /** The suppressions set directly on `scope`. */
  public static suppressionsOf(scope: IConstruct): Suppression[] {
    return scope.node.metadata
      .filter((m) => m.type === SUPPRESSION_METADATA)
      .map((m) => ({ ruleId: (m.data as Suppression).ruleId, reason: (m.data as Suppression).reason }));
  }

  private constructor() {}
}

/** The reason `ruleId` is suppressed on `scope` or one of its ancestors, if it is. */
export function suppressionReason(scope: IConstruct, ruleId: string): string | undefined {
  for (const construct of [...scope.node.scopes].reverse()) {
    const found = Policy.suppressionsOf(construct).find((s) => s.ruleId === ruleId);
    if (found) return found.reason;
  }
  return undefined;
}
