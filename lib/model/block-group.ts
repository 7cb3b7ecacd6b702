import { AddressPool } from '../ipam';

/** What a group needs of a member: the range's name within its owner, and its size. */
export interface GroupMember {
  readonly request: { readonly name: string };
  readonly slot: { readonly prefix: number };
}

/** What the plan file holds of a group: the block's prefix, and which members it holds. */
export interface RecordedGroup {
  readonly prefix: number;
  readonly members: ReadonlySet<string>;
}

/**
 * Ranges of one owner that share one aligned block (e.g. one AWS VPC block), so the cloud
 * needs one block for all of them. Members are chosen once, smallest first, while the block
 * stays within `largest`; a recorded group keeps the members it recorded, and a range it did
 * not record gets a place of its own (the block never moves or grows).
 */
export class BlockGroup<Member extends GroupMember> {
  public readonly key: string;
  private readonly offered: Member[] = [];
  private chosen?: Member[];
  private placedAt?: string;

  constructor(
    public readonly name: string,
    private readonly ownerPath: string,
    public readonly pool: AddressPool,
    private readonly largest: number,
    private readonly recorded?: RecordedGroup,
  ) {
    this.key = `${ownerPath}:${name}`;
  }

  /** Offers a range to the group; false when it must be placed on its own. */
  public offer(member: Member): boolean {
    if (this.chosen) return false;
    if (this.recorded && !this.recorded.members.has(`${this.ownerPath}:${member.request.name}`)) return false;
    this.offered.push(member);
    return true;
  }

  /** The members, chosen on first call; empty when fewer than two ranges would share the block. */
  public members(): Member[] {
    if (!this.chosen) {
      if (this.recorded) {
        this.chosen = [...this.offered];
      } else {
        const bySize = [...this.offered].sort((a, b) => b.slot.prefix - a.slot.prefix);
        const chosen: Member[] = [];
        for (const member of bySize) {
          if (prefixToHold([...chosen, member].map((m) => m.slot.prefix), this.pool.range.bits) >= this.largest) chosen.push(member);
        }
        this.chosen = chosen.length >= 2 ? chosen : [];
      }
    }
    return this.chosen;
  }

  /** True when `slot` is one of the members. */
  public holds(slot: Member['slot']): boolean {
    return this.members().some((m) => m.slot === slot);
  }

  /** The block's prefix: what the plan file recorded, or the smallest that holds every member. */
  public prefix(): number {
    return this.recorded?.prefix ?? prefixToHold(this.members().map((m) => m.slot.prefix), this.pool.range.bits);
  }

  /** Where the block was placed, once it was. */
  public get cidr(): string | undefined {
    return this.placedAt;
  }

  /** Records where the block was placed. */
  public placed(cidr: string): void {
    this.placedAt = cidr;
  }
}

/** The prefix of the smallest aligned block that holds blocks of `prefixes` (aligned first fit, largest first, packs them). */
export function prefixToHold(prefixes: readonly number[], bits: number): number {
  const total = prefixes.reduce((sum, p) => sum + 2n ** BigInt(bits - p), 0n);
  let prefix = bits;
  while (2n ** BigInt(bits - prefix) < total) prefix--;
  return prefix;
}
