import { IConstruct } from 'constructs';
import { AddressError } from '../ipam';

/**
 * An error in what the user wrote, raised while the constructs are built:
 * `[corp/prod] INPUT-001: podCidr "10.0.0.1/16" has host bits set: did you mean 10.0.0.0/16?`
 */
export function planError(scope: IConstruct, ruleId: string, message: string): Error {
  const error = new Error(`[${scope.node.path}] ${ruleId}: ${message}`);
  error.name = 'NetworkPlanError';
  return error;
}

/** Runs `fn`; an AddressError from the address layer becomes a plan error with `ruleId`. */
export function orFail<T>(scope: IConstruct, ruleId: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AddressError) throw planError(scope, ruleId, e.message);
    throw e;
  }
}
