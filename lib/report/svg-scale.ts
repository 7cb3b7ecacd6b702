// Address -> pixel math of the address-plan SVG: a linear scale over one CIDR, blocks packed
// so tiny ranges stay visible and in address order, and axis ticks that fit their labels.
import { Cidr } from '../ipam';
import { textWidth } from './svg-style';

const PRECISION = 1_000_000n;

/** A linear map from the addresses of `extent` to `[x0, x0 + width]`. */
export class Scale {
  constructor(public readonly extent: Cidr, public readonly x0: number, public readonly width: number) {}

  /** x of `address` (clamped to the extent; `last + 1` maps to the right edge). */
  public x(address: bigint): number {
    const { first, last, size } = this.extent;
    const clamped = address < first ? first : address > last + 1n ? last + 1n : address;
    return this.x0 + (Number(((clamped - first) * PRECISION) / size) / Number(PRECISION)) * this.width;
  }

  /** Left edge and proportional width of `cidr`. */
  public span(cidr: Cidr): { x: number; width: number } {
    const x = this.x(cidr.first);
    return { x, width: this.x(cidr.last + 1n) - x };
  }
}

/** A block as drawn: `x` and `width` after packing, `nested` when drawn inside a larger block. */
export interface Placed<T> {
  readonly item: T;
  readonly x: number;
  readonly width: number;
  readonly nested: boolean;
}

/**
 * Places blocks proportionally, widening tiny ones to `minWidth` and pushing neighbours just
 * enough that none overlap and address order is kept. A block inside another is drawn inside it.
 */
export function pack<T extends { readonly cidr: Cidr }>(items: readonly T[], scale: Scale, minWidth: number, gap: number): Array<Placed<T>> {
  const sorted = [...items].sort((a, b) => Cidr.compare(a.cidr, b.cidr));
  const top: Array<{ item: T; x: number; width: number }> = [];
  const inner: Array<{ item: T; parent: number }> = [];
  for (const item of sorted) {
    const parent = top.length - 1;
    if (parent >= 0 && top[parent].item.cidr.contains(item.cidr)) {
      inner.push({ item, parent });
      continue;
    }
    const span = scale.span(item.cidr);
    const width = Math.max(span.width, minWidth);
    const previous = top[parent];
    const x = previous ? Math.max(span.x, previous.x + previous.width + gap) : span.x;
    top.push({ item, x, width });
  }
  // Pushed past the right edge: pull back from the right, keeping the order.
  const right = scale.x0 + scale.width;
  for (let i = top.length - 1; i >= 0; i--) {
    const limit = i === top.length - 1 ? right : top[i + 1].x - gap;
    if (top[i].x + top[i].width > limit) top[i].x = Math.max(scale.x0, limit - top[i].width);
  }
  const placed: Array<Placed<T>> = top.map((t) => ({ ...t, nested: false }));
  for (const { item, parent } of inner) {
    const outer = top[parent];
    const inside = new Scale(outer.item.cidr, outer.x, outer.width);
    const span = inside.span(item.cidr);
    const width = Math.min(Math.max(span.width, minWidth), outer.width);
    placed.push({ item, x: Math.min(span.x, outer.x + outer.width - width), width, nested: true });
  }
  return placed;
}

/** An axis tick: where, and the address it marks. */
export interface Tick {
  readonly x: number;
  readonly label: string;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** Ticks splitting the extent in up to `maxParts` equal (aligned) parts, as many as their labels allow. */
export function ticks(scale: Scale, maxParts: number, size: number): Tick[] {
  const { extent } = scale;
  let k = Math.min(Math.floor(Math.log2(maxParts)), extent.bits - extent.prefix);
  for (; k >= 0; k--) {
    const result = ticksOf(scale, 2 ** k);
    const widest = Math.max(...result.map((t) => textWidth(t.label, size)));
    if (k === 0 || scale.width / 2 ** k >= widest + 12) return result;
  }
  return ticksOf(scale, 1);
}

function ticksOf(scale: Scale, parts: number): Tick[] {
  const { extent } = scale;
  const step = extent.size / BigInt(parts);
  const result: Tick[] = [];
  for (let i = 0; i <= parts; i++) {
    const last = i === parts;
    const label = last ? extent.address(-1) : extent.address(step * BigInt(i));
    const anchor = i === 0 ? 'start' : last ? 'end' : 'middle';
    result.push({ x: scale.x(extent.first + step * BigInt(i)), label, anchor });
  }
  return result;
}
