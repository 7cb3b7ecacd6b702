// AWS's table of which IPv4 blocks a VPC may associate, given its primary block (AWS-VPC-003).
import { Cidr, RFC1918 } from '../ipam';

const parse = (cidr: string) => Cidr.parse(cidr);
const NEVER = parse('198.19.0.0/16');
const TEN_0_15 = parse('10.0.0.0/15');
const TEN_0_16 = parse('10.0.0.0/16');
const DEFAULT_VPC_RANGE = parse('172.31.0.0/16');

/** Why AWS refuses a block: the reason, the range it may not come from, and where it may go instead. */
export interface AssociationProblem {
  readonly reason: string;
  /** The range the block may not overlap. */
  readonly restricted: Cidr;
  /** Where the block may go instead, e.g. `outside 10.0.0.0/16`. */
  readonly instead: string;
}

/** Why AWS refuses to associate `block` with a VPC whose primary block is `primary`; undefined when it accepts it. */
export function associationProblem(primary: Cidr, block: Cidr): AssociationProblem | undefined {
  if (block.overlaps(NEVER)) {
    return { reason: `AWS never associates a block from ${NEVER}`, restricted: NEVER, instead: `outside ${NEVER}` };
  }
  const home = RFC1918.find((r) => r.contains(primary));
  if (!home) {
    const taken = RFC1918.find((r) => r.overlaps(block));
    return taken && {
      reason: `a VPC whose primary block is outside RFC 1918 takes no block from ${taken}`,
      restricted: taken,
      instead: 'in 100.64.0.0/10 or a public range',
    };
  }
  const other = RFC1918.find((r) => r !== home && r.overlaps(block));
  if (other) {
    return { reason: `a VPC whose primary block is in ${home} takes no block from ${other}`, restricted: other, instead: `in ${home} or in 100.64.0.0/10` };
  }
  if (home === RFC1918[0] && TEN_0_15.contains(primary) && block.overlaps(TEN_0_16)) {
    return { reason: `a VPC whose primary block lies in ${TEN_0_15} takes no block from ${TEN_0_16}`, restricted: TEN_0_16, instead: `outside ${TEN_0_16}` };
  }
  if (home === RFC1918[1] && block.overlaps(DEFAULT_VPC_RANGE)) {
    return { reason: `a VPC whose primary block is in ${home} takes no block from ${DEFAULT_VPC_RANGE}`, restricted: DEFAULT_VPC_RANGE, instead: `outside ${DEFAULT_VPC_RANGE}` };
  }
  return undefined;
}

/**
 * `blocks` with the primary first: the first block, in the order given, that AWS lets every
 * other block join; the order as given when none does (AWS-VPC-003 then says why).
 */
export function primaryFirst<T extends { readonly cidr: Cidr }>(blocks: readonly T[]): T[] {
  const primary = blocks.find((p) => blocks.every((b) => b === p || !associationProblem(p.cidr, b.cidr)));
  return primary ? [primary, ...blocks.filter((b) => b !== primary)] : [...blocks];
}
