// The private spaces of the address-plan SVG: one band per island, archipelago or isolated
// cluster, drawn over its pool. Spaces of one pool share one scale, so a reused range sits at
// the same x in every band. In a large estate, spaces with exactly the same ranges share a band.
import { Cidr } from '../ipam';
import { NetworkModel } from '../model/plan';
import { AddressReport, ReportRange } from './data';
import { renderBand } from './svg-band';
import { blockOf, Layout, Numbering, numberOf, relative } from './svg-sections';
import { wrap } from './svg-style';

/** Above this many private spaces, spaces with identical ranges are drawn as one band. */
const MERGE_ABOVE = 6;

interface Space {
  readonly path: string;
  readonly ranges: readonly ReportRange[];
  readonly kind: 'archipelago' | 'island' | 'isolated cluster';
  /** The pool it is planned in. */
  readonly pool: Cidr;
  readonly superRange?: ReportRange;
  /** Same ranges, same owners (relative to the space): same signature. */
  readonly signature: string;
  readonly first: number;
}

/** The private spaces' bands, from `y` down. */
export function privateSections(report: AddressReport, numbering: Numbering, y: number, layout: Layout): { svg: string; bottom: number } {
  const spaces = spacesOf(report, numbering);
  const groups: Space[][] = [];
  const bySignature = new Map<string, Space[]>();
  for (const space of spaces) {
    const key = spaces.length > MERGE_ABOVE ? space.signature : space.path;
    const group = bySignature.get(key);
    if (group) group.push(space);
    else { const created = [space]; bySignature.set(key, created); groups.push(created); }
  }
  const extents = sharedExtents(spaces);
  const hole = report.holeCidr ? Cidr.parse(report.holeCidr) : undefined;
  const out: string[] = [];
  let bottom = y;
  for (const group of groups) {
    const [space] = group;
    const extent = extents.get(space.path)!;
    const drawn = space.ranges.filter((r) => !(r === space.superRange && r.cidr === extent.toString()));
    const where = `${extent.equals(space.pool) ? 'drawn over its pool' : `pool ${space.pool}, drawn over`} ${extent}`
      + `${hole?.equals(extent) ? ' (the hole)' : hole?.contains(extent) ? ' (in the hole)' : ''}`;
    const members = group.length === 1 ? memberList(space, numbering) : [];
    const band = renderBand({
      y: bottom + 10, ...layout,
      title: group.length === 1 ? `${capital(space.kind)} ${space.path}${tag(numbering, space.path)}` : `${group.length} ${space.kind}s with the same ranges`,
      note: ['private', where, reuse(report, group)].filter((s) => s !== '').join(' · '),
      lines: group.length === 1
        ? (members.length ? wrap(members, ', ', layout.width, 11).map((l, i) => (i === 0 ? `members ${l}` : l)) : [])
        : wrap(group.map((s) => `${s.path}${tag(numbering, s.path)}${list(memberList(s, numbering))}`), ', ', layout.width, 11),
      extent, private: true, reused: space.superRange?.reused && drawn.length < space.ranges.length,
      blocks: drawn.map((r) => blockOf(r, numbering, group.length === 1 ? 'relative' : 'bare')), minWidth: 3, maxTicks: 4, cidrLabels: true,
    });
    out.push(`<g class="space">${band.svg}</g>`);
    bottom = band.bottom;
  }
  return { svg: out.join('\n'), bottom };
}

function spacesOf(report: AddressReport, numbering: Numbering): Space[] {
  const bySpace = new Map<string, ReportRange[]>();
  for (const r of report.ranges.filter((x) => !x.routable && x.role !== 'hole')) bySpace.set(r.space, [...(bySpace.get(r.space) ?? []), r]);
  const spaces = [...bySpace.entries()].map(([path, ranges]): Space => {
    const superRange = ranges.find((r) => r.role === 'super-range');
    const kind = superRange ? 'archipelago' : ranges.some((r) => r.model === NetworkModel.ISOLATED) ? 'isolated cluster' : 'island';
    const signature = [kind, ...ranges.map((r) => `${relative(r.owner, path)} ${r.role} ${r.name} ${r.cidr} ${r.reused}`).sort()].join('|');
    const first = Math.min(...ranges.map((r) => numberOf(numbering, r) ?? Number.MAX_SAFE_INTEGER));
    return { path, ranges, kind, pool: poolOf(report, path, ranges, superRange), superRange, signature, first };
  });
  return spaces.sort((a, b) => a.first - b.first || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The pool as the report gives it, else the first candidate holding every range, else their smallest common block. */
function poolOf(report: AddressReport, path: string, ranges: readonly ReportRange[], superRange?: ReportRange): Cidr {
  const cidrs = ranges.map((r) => Cidr.parse(r.cidr));
  const pool = report.pools.find((p) => p.space === path);
  const candidates = [pool?.cidr, superRange?.cidr, report.islandCidr, report.cidr].filter((c): c is string => c !== undefined);
  return candidates.map((c) => Cidr.parse(c)).find((c) => cidrs.every((r) => c.contains(r))) ?? around(cidrs);
}

/**
 * One extent per pool: the pool itself, or — when every range of the pool's spaces sits in
 * a quarter of it or less (islands in 100.64.0.0/10) — the smallest block around them.
 */
function sharedExtents(spaces: readonly Space[]): Map<string, Cidr> {
  const byPool = new Map<string, Space[]>();
  for (const s of spaces) byPool.set(s.pool.toString(), [...(byPool.get(s.pool.toString()) ?? []), s]);
  const result = new Map<string, Cidr>();
  for (const members of byPool.values()) {
    const pool = members[0].pool;
    const tight = around(members.flatMap((s) => s.ranges.map((r) => Cidr.parse(r.cidr))));
    const zoom = members.every((s) => !s.superRange) && tight.prefix - pool.prefix >= 2;
    for (const s of members) result.set(s.path, zoom ? tight : pool);
  }
  return result;
}

function around(cidrs: readonly Cidr[]): Cidr {
  const lowest = [...cidrs].sort(Cidr.compare)[0];
  for (let prefix = lowest.prefix; prefix > 0; prefix--) {
    const block = lowest.supernet(prefix);
    if (cidrs.every((c) => block.contains(c))) return block;
  }
  return lowest.supernet(0);
}

function memberList(space: Space, numbering: Numbering): string[] {
  const owners = [...new Set(space.ranges.map((r) => r.owner))].filter((o) => o !== space.path && numbering.clusters.has(o));
  return owners.map((o) => `[${numbering.numbers.get(o)}] ${relative(o, space.path)}`);
}

/** Which other spaces hold the same ranges: the point of the private models. */
function reuse(report: AddressReport, group: readonly Space[]): string {
  const paths = new Set(group.map((s) => s.path));
  const reused = new Set(group.flatMap((s) => s.ranges.filter((r) => r.reused).map((r) => r.cidr)));
  if (reused.size === 0) return '';
  // Reuse is sharing addresses, not only the same block: a member's pods inside another's super-range count.
  const mine = [...reused].map((c) => Cidr.parse(c));
  const partners = new Set(report.ranges
    .filter((r) => !r.routable && r.role !== 'hole' && !paths.has(r.space) && mine.some((c) => c.overlaps(Cidr.parse(r.cidr))))
    .map((r) => r.space));
  const ranges = `${reused.size} range${reused.size > 1 ? 's' : ''}`;
  if (group.length > 1 && partners.size === 0) return `all ${group.length} reuse ${ranges}`;
  const others = partners.size > 2 ? `${partners.size} other spaces` : [...partners].join(', ');
  return group.length > 1 ? `all ${group.length} reuse ${ranges}, also with ${others}` : `reuses ${ranges} with ${others}`;
}

function list(members: readonly string[]): string {
  return members.length ? ` (${members.join(', ')})` : '';
}

function tag(numbering: Numbering, path: string): string {
  return numbering.clusters.has(path) ? ` [${numbering.numbers.get(path)}]` : '';
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
