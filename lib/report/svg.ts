// address-plan.svg: the address space drawn like the diagrams of Hockin's talk ("Network models",
// "Island mode", "Archipelago"): the main network as a band with its routable ranges and the
// hole, each private space (island, archipelago, isolated cluster) as a band below it with
// its reused ranges marked, and numbered tables holding every range, however small.
//
// Self-contained (no fonts, scripts or images to fetch) and deterministic: same report, same bytes.
import { AddressReport } from './data';
import { mainSection, Numbering, rangeKey } from './svg-sections';
import { privateSections } from './svg-spaces';
import { COLOR, defs, esc, fillOf, FONT, MARGIN, num, rect, text, textWidth, WIDTH } from './svg-style';
import { renderTables } from './svg-table';

/** The SVG map of `report`'s address plan. */
export function renderSvg(input: AddressReport): string {
  // The hole is the island space itself, never a reused range (whatever the report says).
  const report = { ...input, ranges: input.ranges.map((r) => (r.role === 'hole' && r.reused ? { ...r, reused: false } : r)) };
  const numbering = numberRows(report);
  const layout = { x0: MARGIN, width: WIDTH - 2 * MARGIN };
  const out: string[] = [];
  let y = MARGIN;

  const title = `Address plan of ${report.network} · ${report.cloud} · ${report.cidr}`;
  out.push(text(MARGIN, y + 18, title, { size: 18, weight: 'bold', fill: COLOR.text }));
  out.push(text(MARGIN, y + 38, summary(report), { size: 12, fill: COLOR.muted }));
  y += 50;
  const legendPart = legend(y, layout.width);
  out.push(legendPart.svg);
  y = legendPart.bottom;

  const main = mainSection(report, numbering, y + 8, layout);
  out.push(`<g class="main-network">${main.svg}</g>`);
  const spaces = privateSections(report, numbering, main.bottom + 8, layout);
  out.push(spaces.svg);
  const tables = renderTables(report, numbering, spaces.bottom + 12, MARGIN);
  out.push(tables.svg);
  y = tables.bottom + 8;
  const footer = `${report.rulesChecked.length} rules checked · ${report.warnings.length} warnings · ${report.suppressed.length} suppressed — details in address-plan.md`;
  out.push(text(MARGIN, y + 12, footer, { size: 11, fill: COLOR.muted }));

  const width = Math.ceil(Math.max(WIDTH, tables.right + MARGIN));
  const height = Math.ceil(y + 12 + MARGIN);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}">`,
    `<title>${esc(title)}</title>`,
    defs(),
    rect(0, 0, width, height, '#ffffff'),
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

/** Clusters are numbered in the report's order; ranges of no cluster (reserved, gateways) after them. */
function numberRows(report: AddressReport): Numbering {
  const numbers = new Map<string, number>();
  const clusters = new Set(report.clusters.map((c) => c.path));
  report.clusters.forEach((c, i) => numbers.set(c.path, i + 1));
  for (const r of report.ranges) {
    if (!clusters.has(r.owner) && r.role !== 'hole' && r.role !== 'super-range') numbers.set(rangeKey(r), numbers.size + 1);
  }
  return { numbers, clusters };
}

function summary(report: AddressReport): string {
  const models = new Map<string, number>();
  for (const c of report.clusters) models.set(c.model.toLowerCase(), (models.get(c.model.toLowerCase()) ?? 0) + 1);
  const counts = [...models.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([m, n]) => `${n} ${m}`).join(', ');
  const island = report.holeCidr ? `island space ${report.islandCidr}, a hole in the main network` : `island space ${report.islandCidr}`;
  return `${report.clusters.length} clusters${counts ? ` (${counts})` : ''} · ${island}`;
}

/** Swatches for every fill and mark the bands use, flowed in rows. */
function legend(y: number, width: number): { svg: string; bottom: number } {
  const items: Array<[string, string]> = [
    ['routable nodes', rect(0, 0, 16, 12, fillOf('node', true))],
    ['routable pods', rect(0, 0, 16, 12, fillOf('pod', true))],
    ['routable services', rect(0, 0, 16, 12, fillOf('service', true))],
    ['gateway subnet', rect(0, 0, 16, 12, fillOf('gateway', true))],
    ['private nodes', rect(0, 0, 16, 12, fillOf('node', false))],
    ['private pods', rect(0, 0, 16, 12, fillOf('pod', false))],
    ['private services', rect(0, 0, 16, 12, fillOf('service', false))],
    ['reserved (Other)', rect(0, 0, 16, 12, fillOf('reserved', true))],
    ['hole: island space, never routable', rect(0, 0, 16, 12, fillOf('hole', false), `stroke="${COLOR.holeStroke}"`)],
    ['reused: same range in another private space', rect(0, 0, 16, 12, '#ffffff', `stroke="${COLOR.reusedStroke}" stroke-width="1.5" stroke-dasharray="4 2"`)],
    ['[n] row of the tables below', ''],
  ];
  const out: string[] = [];
  let x = 0;
  let row = 0;
  for (const [label, swatch] of items) {
    const w = (swatch ? 22 : 0) + textWidth(label, 11) + 18;
    if (x + w > width) { x = 0; row++; }
    const left = MARGIN + x;
    const top = y + row * 20;
    if (swatch) out.push(`<g transform="translate(${num(left)},${num(top)})">${swatch}</g>`);
    out.push(text(left + (swatch ? 22 : 0), top + 10, label, { size: 11, fill: COLOR.text }));
    x += w;
  }
  return { svg: `<g class="legend">${out.join('')}</g>`, bottom: y + (row + 1) * 20 };
}
