// The numbered tables under the bands: every cluster with its ranges, and every range that
// belongs to no cluster. Every CIDR of the report is written here, however small its block.
import { AddressReport, ReportRange } from './data';
import { Numbering, rangeKey } from './svg-sections';
import { COLOR, rect, text, textWidth, WIDTH, wrap } from './svg-style';

const SIZE = 11;
const ROW = 16;

interface Cell {
  readonly text: string;
  readonly fill?: string;
  readonly bold?: boolean;
}

/** The cluster table and the other-ranges table, from `y` down; `right` is the widest row's end. */
export function renderTables(report: AddressReport, numbering: Numbering, y: number, x0: number): { svg: string; bottom: number; right: number } {
  const cell = (r: ReportRange | undefined): Cell => (r
    ? { text: `${r.cidr}${r.reused ? ' reused' : ''}`, fill: r.routable ? COLOR.routableText : COLOR.privateText }
    : { text: '' });
  const owned = (path: string, role: string) => report.ranges.find((r) => r.owner === path && r.role === role);
  const clusterRows = report.clusters.map((c): Cell[] => {
    const extra = report.ranges.filter((r) => r.owner === c.path && !['node', 'pod', 'service'].includes(r.role));
    return [
      { text: String(numbering.numbers.get(c.path)), bold: true },
      { text: c.path },
      { text: c.model.toLowerCase() },
      owned(c.path, 'node') ? cell(owned(c.path, 'node')) : { text: c.nodeCidr },
      owned(c.path, 'pod') ? cell(owned(c.path, 'pod')) : { text: c.podCidr || 'IPv6' },
      owned(c.path, 'service') ? cell(owned(c.path, 'service')) : { text: c.serviceCidr || 'IPv6' },
      { text: c.dnsServiceIp },
      { text: extra.map((r) => `${r.name} ${r.cidr}${r.reused ? ' reused' : ''}`).join(', ') },
    ];
  });
  const others = report.ranges.filter((r) => !numbering.clusters.has(r.owner));
  const otherRows = [
    ...others.map((r): Cell[] => [
      { text: String(numbering.numbers.get(rangeKey(r)) ?? ''), bold: true },
      { text: `${r.owner} ${r.name}` },
      { text: r.role },
      { ...cell(r), fill: r.role === 'reserved' ? COLOR.text : cell(r).fill },
      { text: r.holds === r.name ? '' : r.holds },
    ]),
    ...report.unclaimed.map((u): Cell[] => [{ text: '' }, { text: `record of ${u.owner}` }, { text: 'unclaimed' }, { text: u.cidr }, { text: 'owner gone: still reserved in the plan file' }]),
  ];

  const out: string[] = [];
  let bottom = y;
  let right = x0;
  const tables: Array<[string, string[], Cell[][]]> = [
    [`Clusters (${report.clusters.length})`, ['#', 'cluster', 'model', 'nodes', 'pods', 'services', 'DNS IP', 'gateways'], clusterRows],
    ['Other ranges', ['#', 'range', 'role', 'cidr', 'note'], otherRows],
  ];
  for (const [title, header, rows] of tables) {
    if (rows.length === 0) continue;
    const table = renderTable(title, header, rows, bottom + 12, x0, WIDTH - 2 * x0);
    out.push(table.svg);
    bottom = table.bottom;
    right = Math.max(right, table.right);
  }
  return { svg: out.join('\n'), bottom, right };
}

/** A table; its last column wraps (between ranges) to keep the table within `width` when it can. */
function renderTable(title: string, header: readonly string[], rows: ReadonlyArray<readonly Cell[]>, y: number, x0: number, width: number) {
  const widthOf = (i: number) => Math.max(textWidth(header[i], SIZE), ...rows.map((r) => textWidth(r[i].text, SIZE))) + 14;
  const widths = header.map((_, i) => widthOf(i));
  const last = header.length - 1;
  const room = width - widths.slice(0, last).reduce((a, b) => a + b, 0) - 14;
  const lines = rows.map((r) => (textWidth(r[last].text, SIZE) <= room ? [r[last].text] : wrap(r[last].text.split(', '), ', ', room, SIZE)));
  widths[last] = Math.max(textWidth(header[last], SIZE), ...lines.flat().map((l) => textWidth(l, SIZE))) + 14;
  const lefts = widths.map((_, i) => x0 + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const right = lefts[last] + widths[last];
  const out = [text(x0, y + 13, title, { size: 13, weight: 'bold', fill: COLOR.text })];
  const top = y + 22;
  header.forEach((h, i) => out.push(text(lefts[i] + 4, top + 12, h, { size: SIZE, weight: 'bold', fill: COLOR.muted })));
  out.push(rect(x0, top + ROW, right - x0, 1, COLOR.axis));
  let rowTop = top + ROW + 1;
  rows.forEach((row, r) => {
    const height = ROW * Math.max(1, lines[r].length);
    if (r % 2 === 1) out.push(rect(x0, rowTop, right - x0, height, COLOR.zebra));
    row.forEach((c, i) => {
      const texts = i === last ? lines[r] : [c.text];
      texts.forEach((t, k) => {
        if (t) out.push(text(lefts[i] + 4, rowTop + 12 + k * ROW, t, { size: SIZE, fill: c.fill ?? COLOR.text, weight: c.bold ? 'bold' : 'normal' }));
      });
    });
    rowTop += height;
  });
  return { svg: `<g class="table">${out.join('')}</g>`, bottom: rowTop + 4, right };
}
