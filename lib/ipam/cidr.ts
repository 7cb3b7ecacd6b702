import {
  collapseIPv6Number,
  IPv4,
  IPv4CidrRange,
  IPv4Prefix,
  IPv6,
  IPv6CidrRange,
  IPv6Prefix,
  Validator,
} from 'ip-num';
import { AddressError } from './errors';

/** IP family of an address or range. */
export type IpFamily = 4 | 6;

type Range = IPv4CidrRange | IPv6CidrRange;

const EXAMPLE = 'write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48';

/** Parsed CIDRs by text: Cidr is immutable, so one object serves every parse of the same text. */
const PARSED = new Map<string, Cidr>();
const PARSED_LIMIT = 100_000;

/**
 * One CIDR block, IPv4 or IPv6, always aligned (no host bits set).
 *
 * A thin, immutable wrapper over ip-num's ranges: ip-num does the address math,
 * this class gives it one family-neutral shape (bigint bounds, `bits` instead of
 * a hard-coded 32) and error messages a user can act on.
 */
export class Cidr {
  /**
   * Parses and validates CIDR notation.
   *
   * @param text the CIDR, e.g. `10.0.0.0/16` or `2001:db8::/32`
   * @param label what the value is, for the error message (e.g. a prop name)
   * @throws AddressError naming the value and the fix when the text is malformed,
   *   the prefix is out of range, or host bits are set
   */
  public static parse(text: string, label: string = 'CIDR'): Cidr {
    const known = typeof text === 'string' ? PARSED.get(text) : undefined;
    if (known) return known;
    const cidr = Cidr.parseNew(text, label);
    // Plans parse the same few ranges over and over (every rule, every read); ip-num is not cheap.
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    PARSED.set(text, cidr);
    return cidr;
  }

  private static parseNew(text: string, label: string): Cidr {
    if (typeof text !== 'string' || text.length === 0) {
      throw new AddressError(`${label} ${JSON.stringify(text)} is not a CIDR: ${EXAMPLE}`);
    }
    if (text.trim() !== text || /\s/.test(text)) {
      throw new AddressError(`${label} "${text}" contains spaces: remove them (${EXAMPLE})`);
    }
    const parts = text.split('/');
    if (parts.length === 1) {
      if (!isAddress(text)) {
        throw new AddressError(`${label} "${text}" is not a CIDR: ${EXAMPLE}`);
      }
      const single = isIPv6(text) ? 128 : 32;
      throw new AddressError(
        `${label} "${text}" has no prefix length: ${EXAMPLE} (${text}/${single} for a single address)`,
      );
    }
    if (parts.length !== 2) {
      throw new AddressError(`${label} "${text}" is not a CIDR (more than one "/"): ${EXAMPLE}`);
    }
    const [address, prefixText] = parts;
    const family: IpFamily = isIPv6(address) ? 6 : 4;
    if (!isAddress(address)) {
      throw new AddressError(
        `${label} "${text}": "${address}" is not a valid IPv${family} address: ${EXAMPLE}`,
      );
    }
    const bits = family === 6 ? 128 : 32;
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
      throw new AddressError(
        `${label} "${text}": prefix length "${prefixText}" is not a number from 0 to ${bits}: use /0 to /${bits} for IPv${family}`,
      );
    }
    const prefix = Number(prefixText);
    const ip = family === 6 ? IPv6.fromString(address) : IPv4.fromString(address);
    const loose: Range = ip instanceof IPv6
      ? new IPv6CidrRange(ip, IPv6Prefix.fromNumber(BigInt(prefix)))
      : new IPv4CidrRange(ip, IPv4Prefix.fromNumber(BigInt(prefix)));
    const aligned = Cidr.fromRange(loose);
    if (aligned.first !== ip.value) {
      throw new AddressError(`${label} "${text}" has host bits set: did you mean ${aligned}?`);
    }
    return aligned;
  }

  /** True when `text` parses as a CIDR (no error thrown). */
  public static isValid(text: string): boolean {
    try {
      Cidr.parse(text);
      return true;
    } catch {
      return false;
    }
  }

  /** Sort order: IPv4 before IPv6, then lower address first, then the larger block first. */
  public static compare(a: Cidr, b: Cidr): number {
    if (a.family !== b.family) return a.family - b.family;
    if (a.first !== b.first) return a.first < b.first ? -1 : 1;
    return a.prefix - b.prefix;
  }

  private static fromRange(range: Range): Cidr {
    // Re-create from the first address so host bits of a loose range are dropped.
    const first = range.getFirst();
    const aligned: Range = first instanceof IPv6
      ? new IPv6CidrRange(first, range.getPrefix() as IPv6Prefix)
      : new IPv4CidrRange(first as IPv4, range.getPrefix() as IPv4Prefix);
    return new Cidr(aligned);
  }

  /** IP family: 4 or 6. */
  public readonly family: IpFamily;
  /** Address width of the family: 32 or 128. */
  public readonly bits: number;
  /** Prefix length. */
  public readonly prefix: number;
  /** First address (the network address) as an integer. */
  public readonly first: bigint;
  /** Last address as an integer. */
  public readonly last: bigint;

  private readonly range: Range;
  private text?: string;

  private constructor(range: Range) {
    this.range = range;
    this.family = range instanceof IPv6CidrRange ? 6 : 4;
    this.bits = this.family === 6 ? 128 : 32;
    this.prefix = Number(range.getPrefix().getValue());
    this.first = range.getFirst().value;
    this.last = range.getLast().value;
  }

  /** Number of addresses in the block. */
  public get size(): bigint {
    return this.range.getSize();
  }

  /** True when `other` lies entirely inside this block (a block contains itself). */
  public contains(other: Cidr): boolean {
    return this.family === other.family && this.first <= other.first && other.last <= this.last;
  }

  /** True when the two blocks share at least one address. */
  public overlaps(other: Cidr): boolean {
    return this.family === other.family && this.first <= other.last && other.first <= this.last;
  }

  /** True when both are the same block. */
  public equals(other: Cidr): boolean {
    return this.family === other.family && this.first === other.first && this.prefix === other.prefix;
  }

  /**
   * The address at `index` in the block, as text: 0 is the network address,
   * 1 the first host (the Kubernetes API service IP), -1 the last address.
   */
  public address(index: number | bigint): string {
    const offset = BigInt(index);
    const size = this.size;
    if (offset >= size || offset < -size) {
      throw new AddressError(
        `${this} has ${size} addresses: index ${index} is outside it (use 0 to ${size - 1n}, or -1 for the last)`,
      );
    }
    const value = offset >= 0n ? this.first + offset : this.last + 1n + offset;
    return addressText(this.family === 6 ? IPv6.fromBigInt(value) : IPv4.fromNumber(value));
  }

  /** The two halves of the block (one prefix longer). */
  public split(): [Cidr, Cidr] {
    if (this.prefix === this.bits) {
      throw new AddressError(`${this} is a single address and cannot be split`);
    }
    const [low, high] = this.range.split();
    return [new Cidr(low), new Cidr(high)];
  }

  /**
   * The block of length `prefix` that contains this one (`prefix` <= this prefix).
   */
  public supernet(prefix: number): Cidr {
    this.checkPrefix(prefix, 0, this.prefix, 'supernet');
    const loose: Range = this.family === 6
      ? new IPv6CidrRange(IPv6.fromBigInt(this.first), IPv6Prefix.fromNumber(BigInt(prefix)))
      : new IPv4CidrRange(IPv4.fromNumber(this.first), IPv4Prefix.fromNumber(BigInt(prefix)));
    return Cidr.fromRange(loose);
  }

  /**
   * The `index`-th block of length `prefix` inside this one, like Terraform's
   * `cidrsubnet(this, prefix - this.prefix, index)`.
   */
  public subnet(prefix: number, index: number | bigint): Cidr {
    this.checkPrefix(prefix, this.prefix, this.bits, 'subnet');
    const size = 1n << BigInt(this.bits - prefix);
    const count = 1n << BigInt(prefix - this.prefix);
    const n = BigInt(index);
    if (n < 0n || n >= count) {
      throw new AddressError(
        `${this} holds ${count} blocks of /${prefix}: index ${index} is outside it (use 0 to ${count - 1n})`,
      );
    }
    return Cidr.fromRange(this.range.toRangeSet().takeSubRange(n * size, size).toCidrRange());
  }

  /** Canonical text: dotted quad for IPv4, RFC 5952 compressed lower case for IPv6. */
  public toString(): string {
    if (this.text === undefined) {
      this.text = `${addressText(this.range.getFirst())}/${this.prefix}`;
    }
    return this.text;
  }

  private checkPrefix(prefix: number, min: number, max: number, what: string): void {
    if (!Number.isInteger(prefix) || prefix < min || prefix > max) {
      throw new AddressError(`${what} of ${this}: prefix length ${prefix} must be a whole number from ${min} to ${max}`);
    }
  }
}

/** Canonical text of one address. */
function addressText(address: IPv4 | IPv6): string {
  return address instanceof IPv6 ? collapseIPv6Number(address.toString()).toLowerCase() : address.toString();
}

function isAddress(text: string): boolean {
  return (isIPv6(text) ? Validator.isValidIPv6String(text) : Validator.isValidIPv4String(text))[0];
}

function isIPv6(text: string): boolean {
  return text.includes(':');
}
