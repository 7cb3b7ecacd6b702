import { IConstruct } from 'constructs';
import { Cidr } from '../ipam';
import { parseRange, planError, shown, typeOf } from './errors';

/**
 * INPUT-002 for the plain props of a Network (`planFile`, `estate`, `frozen`, `reserved`), as
 * JavaScript or another jsii language may pass them: each wrong type named, each empty path refused
 * (an empty planFile would resolve to the working directory itself).
 */
export function checkNetworkProps(scope: IConstruct, props: { planFile?: unknown; estate?: unknown; frozen?: unknown; reserved?: unknown }): void {
  const fail = (message: string) => planError(scope, 'INPUT-002', message);
  const { planFile, estate, frozen, reserved } = props;
  if (planFile !== undefined && typeof planFile !== 'string') {
    throw fail(`planFile ${shown(planFile)} is ${typeOf(planFile)}, not a string: give the path of a file, e.g. 'cidr-plan.lock.json'`);
  }
  if (typeof planFile === 'string' && planFile.trim() === '') {
    throw fail(`planFile ${shown(planFile)} is empty: give the path of a file, e.g. 'cidr-plan.lock.json', or leave planFile out for that default`);
  }
  if (estate !== undefined && (typeof estate !== 'string' || !/^[A-Za-z0-9][-A-Za-z0-9_.]*$/.test(estate))) {
    throw fail(`estate ${shown(estate)} ${typeof estate === 'string' ? 'is not a name' : `is ${typeOf(estate)}, not a string`}: name it with letters, digits, - _ and ., e.g. 'lab'`);
  }
  if (frozen !== undefined && typeof frozen !== 'boolean') {
    throw fail(`frozen ${shown(frozen)} is ${typeOf(frozen)}, not a boolean: write frozen: true or frozen: false, or leave it out`);
  }
  if (reserved !== undefined && !Array.isArray(reserved)) {
    throw fail(`reserved ${shown(reserved)} is ${typeOf(reserved)}, not a list: write reserved: [{ cidr: '10.128.0.0/16', name: 'other' }]`);
  }
}

/**
 * The reserved ranges of a Network, checked: each a unique word of a name (INPUT-002) and a CIDR
 * (INPUT-001), in the order given.
 */
export function parseReserved(scope: IConstruct, reserved: ReadonlyArray<{ cidr: string; name: string }> | undefined): Array<{ name: string; pin: Cidr }> {
  const seen = new Set<string>();
  return (reserved ?? []).map((range) => {
    const name: unknown = range?.name;
    if (typeof name !== 'string' || !/^[A-Za-z0-9][-A-Za-z0-9_.]*$/.test(name) || seen.has(name)) {
      throw planError(scope, 'INPUT-002',
        `reserved range name ${shown(name)} must be a unique word (letters, digits, - _ .), e.g. { cidr: '10.128.0.0/16', name: 'other' }`);
    }
    seen.add(name);
    return { name, pin: parseRange(scope, `reserved range ${name}`, range.cidr) };
  });
}
