// The main network's bands in the address-plan SVG (with a detail band when its ranges crowd
// one corner of it), the row numbers of the tables, and ranges as blocks.
import { Cidr, coveredAddresses } from '../ipam';
import { AddressReport, ReportRange } from './data';
import { BAND_HEIGHT, BandBlock, renderBand } from './svg-band';
import { COLOR, grouped, rect } from './svg-style';

/** Numbers of the table rows: clusters first, then ranges that belong to no cluster. */
export interface Numbering {
  /** Row number of a cluster path, or of a non-cluster range (by `rangeKey`). */
  readonly numbers: ReadonlyMap<string, number>;
  readonly clusters: ReadonlySet<string>;
}

export function rangeKey(r: Pick<ReportRange, 'owner' | 'name' | 'cidr'>): string {
  return `${r.owner} ${r.name} ${r.cidr}`;
}

export function numberOf(n: Numbering, r: ReportRange): number | undefined {
  return n.numbers.get(n.clusters.has(r.owner) ? r.owner : rangeKey(r));
}

export interface Layout {
  readonly x0: number;
  readonly width: number;
}

/** The main network's band, and a detail band of its crowded part when there is one. */
export function mainSection(report: AddressReport, numbering: Numbering, y: number, layout: Layout): { svg: string; bottom: number } {
  const network = Cidr.parse(report.cidr);
  const ranges = report.ranges.filter((r) => r.routable || r.role === 'hole');
  if (report.holeCidr && !ranges.some((r) => r.role === 'hole')) {
    ranges.push({ owner: report.network, name: 'hole', role: 'hole', routable: false, cidr: report.holeCidr, size: '', holds: '', reused: false, space: report.network });
  }
  const window = detailWindow(network, ranges.filter((r) => r.role !== 'reserved').map((r) => Cidr.parse(r.cidr)));
  const blocks = (labelIn: (c: Cidr) => boolean): BandBlock[] => ranges
    .filter((r) => network.contains(Cidr.parse(r.cidr)))
    .map((r) => ({ ...blockOf(r, numbering, 'full'), unlabelled: !labelIn(Cidr.parse(r.cidr)) }));
  const routable = ranges.filter((r) => r.routable).map((r) => Cidr.parse(r.cidr));
  const used = coveredAddresses(routable, network);
  const note = `routable · ${grouped(used)} of ${grouped(network.size)} addresses used (${Number((used * 1000n) / network.size) / 10}%)`;
  const overview = renderBand({
    y, ...layout, title: `Main network ${report.cidr}`, note, extent: network, private: false,
    blocks: blocks((c) => !window?.contains(c)), minWidth: window ? 1 : 3, maxTicks: 8,
  });
  if (!window) return { svg: overview.svg, bottom: overview.bottom };

  // Frame the detailed part in the overview: the window, widened to whatever was pushed out of it.
  const inWindow = overview.placed.filter((p) => window.contains(p.item.cidr));
  const frameLeft = Math.min(...inWindow.map((p) => p.x)) - 3;
  const frameRight = Math.max(...inWindow.map((p) => p.x + p.width)) + 3;
  const frame = rect(frameLeft, overview.bandY - 3, frameRight - frameLeft, BAND_HEIGHT + 6, 'none', `stroke="${COLOR.text}" stroke-width="2" class="detail-frame"`);
  const detail = renderBand({
    y: overview.bottom + 8, ...layout, title: `Detail of ${window}`, note: `the framed part of the main network, ${1n << BigInt(window.prefix - network.prefix)}x wider`,
    extent: window, private: false, blocks: blocks((c) => window.contains(c)).filter((b) => window.contains(b.cidr)), minWidth: 3, maxTicks: 8,
  });
  return { svg: [overview.svg, frame, detail.svg].join('\n'), bottom: detail.bottom };
}

/** The smallest aligned block holding every range, when it is at most a quarter of the network. */
function detailWindow(network: Cidr, cidrs: readonly Cidr[]): Cidr | undefined {
  const inside = cidrs.filter((c) => network.contains(c)).sort(Cidr.compare);
  if (inside.length === 0) return undefined;
  const lowest = inside[0];
  const highest = inside.reduce((a, b) => (b.last > a.last ? b : a));
  let window = lowest;
  for (let prefix = lowest.prefix; prefix >= network.prefix; prefix--) {
    window = lowest.supernet(prefix);
    if (window.contains(highest)) break;
  }
  return window.prefix - network.prefix >= 2 ? window : undefined;
}

/** How a band names a range's owner: in full, or relative to its space (bare: without row numbers). */
export type OwnerStyle = 'full' | 'relative' | 'bare';

/** A range as a block, with labels from most to least detailed. */
export function blockOf(r: ReportRange, numbering: Numbering, style: OwnerStyle): BandBlock {
  // A range of an island is the island's own: its band's title carries the number.
  const n = style === 'bare' || (style === 'relative' && r.owner === r.space) ? undefined : numberOf(numbering, r);
  const reused = r.reused ? ' reused' : '';
  const owner = style === 'full' ? r.owner : relative(r.owner, r.space);
  const who = owner === '' ? '' : `${owner} `;
  const tagged = (s: string) => (n === undefined ? s : `[${n}] ${s}`);
  let labels: string[];
  let entry: string;
  if (r.role === 'hole') {
    labels = [`hole ${r.cidr}: island space, never routable`, `hole ${r.cidr}`, 'hole'];
    entry = `hole ${r.cidr}`;
  } else if (r.role === 'reserved') {
    labels = [tagged(`${r.name} ${r.cidr} (reserved)`), tagged(`${r.name} ${r.cidr}`)];
    entry = tagged(`${r.name} ${r.cidr} (reserved)`);
  } else {
    // With a row number the CIDR says more than the owner's name; without one, the name first.
    const withCidr = [`${r.name} ${r.cidr}${reused}`, `${r.name} ${r.cidr}`];
    const shorter = n === undefined ? [`${who}${r.name}`, ...withCidr] : [...withCidr, `${who}${r.name}`];
    labels = [`${who}${r.name} ${r.cidr}${reused}`, `${who}${r.name} ${r.cidr}`, ...shorter, `${r.name}${reused}`, r.name].map(tagged);
    entry = tagged(`${style === 'full' ? '' : who}${r.name} ${r.cidr}${reused}`);
  }
  const model = r.model ? ` (${r.model.toLowerCase()})` : '';
  return {
    cidr: Cidr.parse(r.cidr), role: r.role, routable: r.routable, reused: r.reused,
    labels: [...new Set(labels)], primary: [...new Set(labels)].filter((l) => l.includes(r.cidr) && l.includes(who)), short: n === undefined ? undefined : String(n), entry,
    title: `${r.owner}${model} ${r.name} ${r.cidr}: ${r.role}, ${r.routable ? 'routable' : 'private'}${r.reused ? ', reused' : ''}, ${grouped(r.size)} addresses${r.holds ? `, ${r.holds}` : ''}`,
  };
}

export function relative(owner: string, space: string): string {
  return owner === space ? '' : owner.startsWith(`${space}/`) ? owner.slice(space.length + 1) : owner;
}
