import { Lazy } from 'cdktf';

/**
 * A planned value as a cdktf token, produced at synth. Renderers build resources in the
 * constructors, before every pin is known; reading a range there would plan too early.
 */
export function later(produce: () => string): string {
  return Lazy.stringValue({ produce });
}

/** A planned list as a cdktf token, produced at synth. */
export function laterList(produce: () => string[]): string[] {
  return Lazy.listValue({ produce });
}

/** Any planned value (e.g. a list of blocks) as a cdktf token, produced at synth. */
export function laterAny<T>(produce: () => T): T {
  return Lazy.anyValue({ produce }) as unknown as T;
}
