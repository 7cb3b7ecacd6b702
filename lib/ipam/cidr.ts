import {
  collapseIPv6Number,
  IPv4,
  IPv6,
  Validator,
} from 'ip-num';
import { alignDown, blockSize, hostMask, isAligned } from './bits';
import { AddressError } from './errors';

/** IP family of an address or range. */
export type IpFamily = 4 | 6;

const EXAMPLE = 'write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48';

/** Parsed CIDRs by text: Cidr is immutable, so one object serves every parse of the same text. */
const PARSED = new Map<string, Cidr>();
const PARSED_LIMIT = 100_000;

/** Remembers `cidr` as the parse of `text`. */
function remember(text: string, cidr: Cidr): void {
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
  PARSED.set(text, cidr);
}

/**
 * One CIDR block, IPv4 or IPv6, always aligned (no host bits set).
 *
 * ip-num parses, validates and formats (the boundary); inside, a block is its first
 * address as a bigint and a prefix length, so containment, splitting and sorting are a
 * few integer operations in one family-neutral shape (`bits` instead of a hard-coded 32),
 * with error messages a user can act on.
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
    remember(text, cidr);
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
    const value = (family === 6 ? IPv6.fromString(address) : IPv4.fromString(address)).value;
    if (!isAligned(value, bits, prefix)) {
      const aligned = new Cidr(family, alignDown(value, bits, prefix), prefix);
      throw new AddressError(`${label} "${text}" has host bits set: did you mean ${aligned}?`);
    }
    return new Cidr(family, value, prefix);
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

  private text?: string;

  /** `first` must be aligned to `prefix`: every caller clears or checks the host bits. */
  private constructor(family: IpFamily, first: bigint, prefix: number) {
    this.family = family;
    this.bits = family === 6 ? 128 : 32;
    this.prefix = prefix;
    this.first = first;
    this.last = first | hostMask(this.bits, prefix);
  }

  /** Number of addresses in the block. */
  public get size(): bigint {
    return blockSize(this.bits, this.prefix);
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
    return addressText(this.family, value);
  }

  /** The two halves of the block (one prefix longer). */
  public split(): [Cidr, Cidr] {
    if (this.prefix === this.bits) {
      throw new AddressError(`${this} is a single address and cannot be split`);
    }
    const prefix = this.prefix + 1;
    return [
      new Cidr(this.family, this.first, prefix),
      new Cidr(this.family, this.first + blockSize(this.bits, prefix), prefix),
    ];
  }

  /**
   * The block of length `prefix` that contains this one (`prefix` <= this prefix).
   */
  public supernet(prefix: number): Cidr {
    this.checkPrefix(prefix, 0, this.prefix, 'supernet');
    return new Cidr(this.family, alignDown(this.first, this.bits, prefix), prefix);
  }

  /**
   * The `index`-th block of length `prefix` inside this one, like Terraform's
   * `cidrsubnet(this, prefix - this.prefix, index)`.
   */
  public subnet(prefix: number, index: number | bigint): Cidr {
    this.checkPrefix(prefix, this.prefix, this.bits, 'subnet');
    const size = blockSize(this.bits, prefix);
    const count = 1n << BigInt(prefix - this.prefix);
    const n = BigInt(index);
    if (n < 0n || n >= count) {
      throw new AddressError(
        `${this} holds ${count} blocks of /${prefix}: index ${index} is outside it (use 0 to ${count - 1n})`,
      );
    }
    return new Cidr(this.family, this.first + n * size, prefix);
  }

  /** Canonical text: dotted quad for IPv4, RFC 5952 compressed lower case for IPv6. */
  public toString(): string {
    if (this.text === undefined) {
      this.text = `${addressText(this.family, this.first)}/${this.prefix}`;
      // The text is canonical, so parsing it gives this very block: skip ip-num next time.
      if (!PARSED.has(this.text)) remember(this.text, this);
    }
    return this.text;
  }

  private checkPrefix(prefix: number, min: number, max: number, what: string): void {
    if (!Number.isInteger(prefix) || prefix < min || prefix > max) {
      throw new AddressError(`${what} of ${this}: prefix length ${prefix} must be a whole number from ${min} to ${max}`);
    }
  }
}

/** Canonical text of one address (ip-num formats it). */
function addressText(family: IpFamily, value: bigint): string {
  return family === 6
    ? collapseIPv6Number(IPv6.fromBigInt(value).toString()).toLowerCase()
    : IPv4.fromNumber(value).toString();
}

function isAddress(text: string): boolean {
  return (isIPv6(text) ? Validator.isValidIPv6String(text) : Validator.isValidIPv4String(text))[0];
}

function isIPv6(text: string): boolean {
  return text.includes(':');
}
