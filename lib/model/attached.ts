import { IConstruct } from 'constructs';

/**
 * Keeps a value on a construct under a key of the layer that owns it (e.g. the resources a
 * cloud layer made for a cluster): state lives with the construct, never in a module.
 */
export function attach<T>(construct: IConstruct, key: symbol, value: T): void {
  Object.defineProperty(construct, key, { value, configurable: true });
}

/** The value kept on `construct` under `key`, if any. */
export function attached<T>(construct: IConstruct, key: symbol): T | undefined {
  return (construct as IConstruct & Record<symbol, T | undefined>)[key];
}
