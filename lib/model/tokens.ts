import { IResolvable, IResolveContext, Token } from 'cdktf';

/**
 * A value produced at synth. Unlike cdktf's Lazy it records no creation stack: renderers
 * make hundreds of these, and capturing a full stack trace for each dominated synth time.
 */
class Later implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly produce: () => unknown) {}

  public resolve(_context: IResolveContext): unknown {
    return this.produce();
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/**
 * A planned value as a cdktf token, produced at synth. Renderers build resources in the
 * constructors, before every pin is known; reading a range there would plan too early.
 */
export function later(produce: () => string): string {
  return Token.asString(new Later(produce));
}

/** A planned list as a cdktf token, produced at synth. */
export function laterList(produce: () => string[]): string[] {
  return Token.asList(new Later(produce));
}

/** Any planned value (e.g. a list of blocks) as a cdktf token, produced at synth. */
export function laterAny<T>(produce: () => T): T {
  return new Later(produce) as unknown as T;
}
