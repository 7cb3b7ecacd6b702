// Callouts above a band that never overlap: each label goes to the lowest free lane, its
// leader line must not cross a label below it, and its text must not cover a line from above.
// Blocks whose text finds no room are gathered in runs: one letter marks a run, and a legend
// row under the band lists its ranges in address order.
import { textWidth } from './svg-style';

/** Text callouts may use this many lanes; what does not fit goes to a run. */
export const TEXT_LANES = 4;
/** Height of one lane of callouts. */
export const LANE_HEIGHT = 14;
/** Space kept between two labels of one lane. */
const PAD = 8;
/** Blocks left without a label this close together share one run. */
const RUN_GAP = 48;

/** What to label and where: texts by preference. */
export interface Callout<T> {
  readonly item: T;
  /** x of the leader line (the block's centre). */
  readonly x: number;
  readonly texts: readonly string[];
  /** Other places its line may go, when `x` finds no room (a run's marker may point anywhere on the run). */
  readonly alternatives?: readonly number[];
}

/** A callout as placed: lane 0 is nearest the band. */
export interface PlacedCallout<T> {
  readonly item: T;
  readonly x: number;
  readonly text: string;
  readonly left: number;
  readonly lane: number;
}

/** Neighbouring blocks that share one marker and one legend row. */
export interface Run<T> {
  readonly marker: string;
  readonly items: readonly T[];
  readonly left: number;
  readonly right: number;
}

interface Lane {
  /** Text extents, without padding. */
  readonly texts: Array<[number, number]>;
  /** Leader lines passing through this lane to a label higher up. */
  readonly lines: number[];
}

/** Callouts of one band: texts first, then one letter per run of blocks left over. */
export function layoutCallouts<T>(
  callouts: ReadonlyArray<Callout<T>>, span: { left: number; right: number }, size: number,
  width: (item: T) => [number, number], needsRun: (item: T) => boolean = () => true,
): { placed: Array<PlacedCallout<T | Run<T>>>; runs: Array<Run<T>> } {
  const lanes: Lane[] = [];
  const placed: Array<PlacedCallout<T | Run<T>>> = [];
  const failed = place(lanes, callouts, span, size, TEXT_LANES, placed);
  const runs: Array<Run<T>> = [];
  for (const c of failed.filter((f) => needsRun(f.item)).sort((a, b) => a.x - b.x)) {
    const [from, to] = width(c.item);
    const last = runs[runs.length - 1];
    if (last && from - last.right <= RUN_GAP) runs[runs.length - 1] = { ...last, items: [...last.items, c.item], right: Math.max(last.right, to) };
    else runs.push({ marker: marker(runs.length), items: [c.item], left: from, right: to });
  }
  const markers = runs.map((run) => {
    const steps = Math.floor((run.right - run.left) / 6);
    const alternatives = Array.from({ length: steps + 1 }, (_, i) => run.left + 1 + i * ((run.right - run.left - 2) / Math.max(steps, 1)));
    return { item: run, x: (run.left + run.right) / 2, texts: [run.marker], alternatives };
  });
  place(lanes, markers, span, size, Number.MAX_SAFE_INTEGER, placed, true);
  return { placed, runs };
}

/** A, B, ..., Z, AA, AB, ... */
function marker(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : marker(Math.floor(index / 26) - 1) + letter;
}

/**
 * Places callouts outward from the middle of the band: left of it a label hangs to the right
 * of its line, right of it to the left (centred when the neighbour is far enough), so a label
 * never covers the line of a block still to place. Returns the callouts left without room.
 */
function place<T, U>(
  lanes: Lane[], callouts: ReadonlyArray<Callout<T>>, span: { left: number; right: number }, size: number,
  maxLanes: number, placed: Array<PlacedCallout<T | U>>, force: boolean = false,
): Array<Callout<T>> {
  const failed: Array<Callout<T>> = [];
  const mid = (span.left + span.right) / 2;
  const sorted = [...callouts].sort((a, b) => a.x - b.x);
  const sides: Array<[Array<Callout<T>>, 1 | -1]> = [
    [sorted.filter((c) => c.x < mid).reverse(), -1],
    [sorted.filter((c) => c.x >= mid), 1],
  ];
  for (const [side, direction] of sides) {
    side.forEach((callout, index) => {
      const neighbour = side[index + 1]?.x;
      for (const text of callout.texts) {
        const width = textWidth(text, size);
        const centred = neighbour === undefined || Math.abs(neighbour - callout.x) > width / 2 + PAD;
        const startsAt = (x: number, centre: boolean) => {
          const hanging = direction > 0 ? x - width : x;
          return [centre ? x - width / 2 : hanging, hanging].map((s) => Math.min(Math.max(s, span.left), span.right - width));
        };
        let spot: { lane: number; start: number; x: number } | undefined;
        for (const x of [callout.x, ...(callout.alternatives ?? [])]) {
          const found = findSpot(lanes, x, startsAt(x, x === callout.x ? centred : true), width, maxLanes);
          if (found && (!spot || found.lane < spot.lane)) spot = { ...found, x };
        }
        // Nowhere free: a new lane on top, where the line may cross a label.
        if (!spot && force) spot = { lane: lanes.length, start: startsAt(callout.x, centred)[0], x: callout.x };
        if (!spot) continue;
        for (let i = lanes.length; i <= spot.lane; i++) lanes.push({ texts: [], lines: [] });
        lanes[spot.lane].texts.push([spot.start, spot.start + width]);
        for (let i = 0; i < spot.lane; i++) lanes[i].lines.push(spot.x);
        placed.push({ item: callout.item, x: spot.x, text, left: spot.start, lane: spot.lane });
        return;
      }
      failed.push(callout);
    });
  }
  return failed;
}

function findSpot(lanes: readonly Lane[], x: number, starts: readonly number[], width: number, maxLanes: number): { lane: number; start: number } | undefined {
  for (let i = 0; i < maxLanes; i++) {
    const lane = lanes[i] ?? { texts: [], lines: [] };
    const start = starts.find((s) => free(lane, s, s + width));
    if (start !== undefined) return { lane: i, start };
    if (covers(lane, x) || i >= lanes.length) return undefined;
  }
  return undefined;
}

function free(lane: Lane, a: number, b: number): boolean {
  return lane.texts.every(([c, d]) => b + PAD <= c || d + PAD <= a) && lane.lines.every((x) => x < a - 2 || x > b + 2);
}

function covers(lane: Lane, x: number): boolean {
  return lane.texts.some(([a, b]) => x >= a - 1 && x <= b + 1);
}

/** Number of lanes the placed callouts use. */
export function lanesUsed(placed: ReadonlyArray<PlacedCallout<unknown>>): number {
  return placed.reduce((n, p) => Math.max(n, p.lane + 1), 0);
}
