import { IConstruct } from 'constructs';
import { AddressError, Cidr } from '../ipam';

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

/** A value as a message shows it: JSON where it can be, `String()` otherwise. */
export function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** What a value is, for "is a string, not a number": `a string`, `an object`, `null`, `an array`. */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A range prop parsed (INPUT-001): a value that is not a string is named as such (`podCidr {} is
 * an object, not a string`), a string that is no CIDR as the address layer says.
 */
export function parseRange(scope: IConstruct, prop: string, value: unknown): Cidr {
  if (typeof value !== 'string') {
    throw planError(scope, 'INPUT-001', `${prop} ${shown(value)} is ${typeOf(value)}, not a string: write the range as a string, e.g. '10.0.0.0/16'`);
  }
  return orFail(scope, 'INPUT-001', () => Cidr.parse(value, prop));
}
