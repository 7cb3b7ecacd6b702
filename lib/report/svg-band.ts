// One band of the address-plan SVG: a header, callouts, the blocks of one address space
// drawn to scale, an address axis, and legend rows for runs of blocks too small to label.
import { Cidr } from '../ipam';
import { LANE_HEIGHT, lanesUsed, layoutCallouts, Run } from './svg-labels';
import { pack, Placed, Scale, ticks } from './svg-scale';
import { COLOR, fillOf, inkOn, line, rect, text, textWidth, tooltip } from './svg-style';

/** One range to draw in a band. */
export interface BandBlock {
  readonly cidr: Cidr;
  /** node, pod, service, gateway, reserved, hole, ... (sets the fill). */
  readonly role: string;
  readonly routable: boolean;
  readonly reused: boolean;
  /** Labels by preference, the most detailed first, for inside the block or a callout. */
  readonly labels: readonly string[];
  /** The labels that say whose range it is and its CIDR (see `BandSpec.cidrLabels`). */
  readonly primary: readonly string[];
  /** A label for inside the block only (e.g. its row number), when no other fits. */
  readonly short?: string;
  /** Its line in a run's legend row. */
  readonly entry: string;
  /** Hover text. */
  readonly title: string;
  /** Drawn, but labelled elsewhere (e.g. in a zoomed band below). */
  readonly unlabelled?: boolean;
}

export interface BandSpec {
  readonly y: number;
  readonly x0: number;
  readonly width: number;
  /** Bold header text, and a muted note after it. */
  readonly title: string;
  readonly note?: string;
  /** More header lines, under the title. */
  readonly lines?: readonly string[];
  readonly extent: Cidr;
  readonly blocks: readonly BandBlock[];
  readonly private: boolean;
  /** The band itself is a reused range (an archipelago's super-range). */
  readonly reused?: boolean;
  readonly minWidth: number;
  readonly maxTicks: number;
  /** Label a block inside only with a primary label; else prefer a callout to a bare name inside. */
  readonly cidrLabels?: boolean;
}

export interface BandResult {
  readonly svg: string;
  /** y just below everything the band drew. */
  readonly bottom: number;
  /** Top of the band rectangle, and where its blocks were placed. */
  readonly bandY: number;
  readonly placed: ReadonlyArray<Placed<BandBlock>>;
}

export const BAND_HEIGHT = 30;
const SIZE = 11;
const TICK_SIZE = 10;

/** Draws a band; returns its SVG and where it ends. */
export function renderBand(spec: BandSpec): BandResult {
  const scale = new Scale(spec.extent, spec.x0, spec.width);
  const placed = pack(spec.blocks, scale, spec.minWidth, 1);
  const fitting = (p: Placed<BandBlock>, labels: readonly string[]) => labels.find((l) => textWidth(l, SIZE) + 8 <= p.width);
  // Inside the block when a label fits (with its CIDR, if the band prefers callouts with CIDRs);
  // else a callout; else a shorter label inside; else a run with a legend row.
  const inside = new Map<Placed<BandBlock>, string>();
  for (const p of placed) {
    const label = fitting(p, spec.cidrLabels ? p.item.primary : p.item.labels);
    if (label !== undefined) inside.set(p, label);
  }
  const callouts = placed.filter((p) => !inside.has(p) && !p.item.unlabelled).map((p) => ({ item: p, x: p.x + p.width / 2, texts: p.item.labels }));
  const fallback = (p: Placed<BandBlock>) => fitting(p, [...p.item.labels, ...(p.item.short === undefined ? [] : [p.item.short])]);
  const { placed: labels, runs } = layoutCallouts(callouts, { left: spec.x0, right: spec.x0 + spec.width }, SIZE,
    (p) => [p.x, p.x + p.width], (p) => fallback(p) === undefined);
  for (const c of callouts) {
    if (!labels.some((l) => l.item === c.item) && fallback(c.item) !== undefined) inside.set(c.item, fallback(c.item)!);
  }

  const out: string[] = [];
  out.push(text(spec.x0, spec.y + 13, spec.title, { size: 13, weight: 'bold', fill: COLOR.text }));
  if (spec.note) out.push(text(spec.x0 + textWidth(spec.title, 13) + 12, spec.y + 13, spec.note, { size: SIZE, fill: COLOR.muted }));
  const lines = spec.lines ?? [];
  lines.forEach((l, i) => out.push(text(spec.x0, spec.y + 28 + i * LANE_HEIGHT, l, { size: SIZE, fill: COLOR.muted })));
  const bandY = spec.y + 22 + lines.length * LANE_HEIGHT + lanesUsed(labels) * LANE_HEIGHT + (labels.length ? 6 : 0);

  const dashed = spec.reused ? ' stroke-dasharray="6 3" class="reused"' : '';
  out.push(rect(spec.x0, bandY, spec.width, BAND_HEIGHT, spec.private ? COLOR.privateBand : COLOR.band,
    `stroke="${spec.private ? COLOR.holeStroke : COLOR.bandStroke}" stroke-width="${spec.reused ? 2 : 1}"${dashed}`));
  for (const p of [...placed.filter((q) => !q.nested), ...placed.filter((q) => q.nested)]) out.push(block(p, bandY, inside.get(p)));
  for (const l of labels) {
    const top = bandY - 6 - l.lane * LANE_HEIGHT;
    const run = isRun(l.item) ? l.item : undefined;
    const ink = isRun(l.item) ? COLOR.text : inkOf(l.item.item);
    out.push(line(l.x, run ? bandY - 3 : bandY, l.x, top + 2, COLOR.axis));
    out.push(text(l.left, top, l.text, { size: SIZE, fill: ink, weight: run ? 'bold' : 'normal', cls: run ? 'run-marker' : undefined }));
  }
  for (const run of runs) out.push(rect(run.left, bandY - 4, Math.max(run.right - run.left, 2), 3, COLOR.text, 'class="run"'));

  const axisY = bandY + BAND_HEIGHT;
  for (const t of ticks(scale, spec.maxTicks, TICK_SIZE)) {
    out.push(line(t.x, axisY, t.x, axisY + 4, COLOR.axis));
    out.push(text(t.x, axisY + 14, t.label, { size: TICK_SIZE, fill: COLOR.muted, anchor: t.anchor }));
  }
  const legend = runLegend(runs, spec.x0, spec.width, axisY + 20);
  out.push(legend.svg);
  return { svg: out.join('\n'), bottom: legend.bottom, bandY, placed };
}

/** One legend row per run: its letter, then its ranges in address order, wrapped. */
function runLegend(runs: ReadonlyArray<Run<Placed<BandBlock>>>, x0: number, width: number, y: number): { svg: string; bottom: number } {
  const out: string[] = [];
  let top = y;
  for (const run of runs) {
    const indent = textWidth(`${run.marker}: `, SIZE);
    out.push(text(x0, top + 10, `${run.marker}:`, { size: SIZE, weight: 'bold', fill: COLOR.text }));
    let x = indent;
    const items = [...run.items].sort((a, b) => a.x - b.x);
    items.forEach((p, i) => {
      const entry = p.item.entry + (i < items.length - 1 ? ',' : '');
      const w = textWidth(entry, SIZE);
      if (x > indent && x + w > width) { x = indent; top += LANE_HEIGHT; }
      out.push(text(x0 + x, top + 10, entry, { size: SIZE, fill: inkOf(p.item) }));
      x += w + textWidth(' ', SIZE);
    });
    top += LANE_HEIGHT;
  }
  return { svg: out.join(''), bottom: runs.length ? top + 4 : y - 2 };
}

function isRun(x: Placed<BandBlock> | Run<Placed<BandBlock>>): x is Run<Placed<BandBlock>> {
  return 'marker' in x;
}

/** Colour of a range's text outside its block: blue routable, orange private, black reserved. */
function inkOf(b: BandBlock): string {
  return b.role === 'reserved' ? COLOR.text : b.routable ? COLOR.routableText : COLOR.privateText;
}

function block(p: Placed<BandBlock>, bandY: number, label: string | undefined): string {
  const { item } = p;
  const inset = p.nested ? 4 : 0;
  const y = bandY + inset;
  const height = BAND_HEIGHT - 2 * inset;
  const classes = ['block', item.role, item.routable ? 'routable' : 'private', ...(item.reused ? ['reused'] : [])];
  const stroke = item.reused
    ? `stroke="${COLOR.reusedStroke}" stroke-width="1.5" stroke-dasharray="4 2"`
    : item.role === 'hole' ? `stroke="${COLOR.holeStroke}" stroke-width="1"` : 'stroke="#ffffff" stroke-width="0.5"';
  const parts = [`<g class="${classes.join(' ')}">`, tooltip(item.title), rect(p.x, y, p.width, height, fillOf(item.role, item.routable), stroke)];
  if (label !== undefined) {
    const hatched = item.role === 'hole' || item.role === 'reserved';
    const halo = hatched ? ' paint-order="stroke" stroke="#ffffff" stroke-width="3"' : '';
    parts.push(text(p.x + p.width / 2, y + height / 2 + 4, label, { size: SIZE, anchor: 'middle', fill: inkOn(item.role, item.routable) })
      .replace('<text ', `<text${halo} `));
  }
  parts.push('</g>');
  return parts.join('');
}
