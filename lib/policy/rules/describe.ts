import { Cidr } from '../../ipam';
import { PlannedRange, RangeRole } from '../../model/plan';

const ROLE_TEXT: Record<RangeRole, string> = {
  [RangeRole.NODE]: 'node range',
  [RangeRole.POD]: 'pod range',
  [RangeRole.SERVICE]: 'service range',
  [RangeRole.GATEWAY]: 'gateway subnet',
  [RangeRole.RESERVED]: 'reserved range',
  [RangeRole.HOLE]: 'island hole',
  [RangeRole.SUPER_RANGE]: 'archipelago super-range',
  [RangeRole.BLOCK]: 'block',
};

const PROP: Partial<Record<RangeRole, string>> = {
  [RangeRole.NODE]: 'nodeCidr',
  [RangeRole.POD]: 'podCidr',
  [RangeRole.SERVICE]: 'serviceCidr',
  [RangeRole.SUPER_RANGE]: 'podCidr',
  [RangeRole.RESERVED]: 'the reserved range',
  [RangeRole.HOLE]: 'islandCidr',
};

/** `pod range 10.0.0.0/14 of corp/prod`, or `reserved range 10.0.0.0/16 (other)`. */
export function describe(range: PlannedRange): string {
  if (range.recordOf !== undefined) return `reserved range ${range.cidr} (the plan file's record of ${range.recordOf})`;
  if (range.role === RangeRole.RESERVED) return `reserved range ${range.cidr} (${range.name})`;
  if (range.role === RangeRole.GATEWAY) return `${range.name} subnet ${range.cidr} of ${range.owner}`;
  return `${ROLE_TEXT[range.role]} ${range.cidr} of ${range.owner}`;
}

/** The prop a user changes to move the range, e.g. `podCidr`. */
export function propOf(range: PlannedRange): string {
  return PROP[range.role] ?? `the ${range.name} subnet`;
}

/** A planned range with its parsed CIDR, for the overlap index. */
export interface ParsedRange {
  readonly cidr: Cidr;
  readonly owner: string;
  readonly range: PlannedRange;
}

/** Parses every range once. */
export function parsed(ranges: readonly PlannedRange[]): ParsedRange[] {
  return ranges.map((range) => ({ cidr: Cidr.parse(range.cidr, `${range.name} range of ${range.owner}`), owner: range.owner, range }));
}
