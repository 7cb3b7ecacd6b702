// The reachability matrix of an estate: every range to every range, as the verifier found it.
import { anyPort } from './fabric';
import { Endpoint, endpointsOf, INTERNET, sameIsland } from './plan';
import { cross, joins } from './link';
import { reach } from './reach';
import { EstateUnderTest } from './read';

/** One cell: how `from` reaches `to`. */
export interface MatrixCell {
  readonly from: string;
  readonly to: string;
  /** DIRECT, MASQUERADED, NATED, GATEWAY_ONLY, PORTS, IN_CLUSTER or NONE. */
  readonly kind: string;
  readonly detail: string;
}

/** The matrix of one estate. */
export interface Matrix {
  readonly estate: string;
  /** Rows: every endpoint but service ranges. */
  readonly sources: readonly string[];
  /** Columns. */
  readonly endpoints: readonly string[];
  readonly cells: readonly MatrixCell[];
}

/** Computes the matrix of `estate`: nodes, pods, services of each cluster, Other ranges, the internet. */
export function buildMatrix(estate: EstateUnderTest): Matrix {
  const all: Array<{ e: Endpoint; n?: EstateUnderTest['networks'][number] }> = [];
  for (const n of estate.networks) for (const e of endpointsOf(n.plan)) all.push({ e, n });
  all.push({ e: { label: 'internet', role: 'internet', cidr: INTERNET } });
  const cells: MatrixCell[] = [];
  // A ClusterIP never sends: services are destinations only.
  for (const a of all.filter((x) => x.e.role !== 'services')) {
    for (const b of all) {
      cells.push({ from: a.e.label, to: b.e.label, ...cell(estate, a, b) });
    }
  }
  return { estate: estate.estate, sources: all.filter((x) => x.e.role !== 'services').map((x) => x.e.label), endpoints: all.map((x) => x.e.label), cells };
}

function cell(estate: EstateUnderTest, a: { e: Endpoint; n?: EstateUnderTest['networks'][number] }, b: { e: Endpoint; n?: EstateUnderTest['networks'][number] }): { kind: string; detail: string } {
  if (a.e === b.e) return { kind: 'IN_CLUSTER', detail: 'itself' };
  if (a.e.cluster && a.e.cluster === b.e.cluster && b.e.role === 'services') return { kind: 'IN_CLUSTER', detail: 'ClusterIPs, inside the cluster' };
  if (a.e.role === 'internet') return { kind: 'NONE', detail: 'no internet-facing entry is verified (load balancers are internal)' };
  const n = a.n ?? b.n;
  if (a.n && b.n && a.n !== b.n) {
    const link = estate.links.find((l) => joins(l, a.n!.plan.network, b.n!.plan.network));
    if (!link) return { kind: 'NONE', detail: 'different networks: no interconnect in the stacks' };
    const crossing = cross(link, a.n, b.n, a.e, b.e);
    const gated = crossing.kind === 'PORTS' && b.e.cluster && b.e.cluster.ingress.length > 0;
    return { kind: gated ? 'GATEWAY_ONLY' : crossing.kind, detail: crossing.detail };
  }
  if (!n) return { kind: 'NONE', detail: 'no network' };
  const r = reach(n.fabric, a.e, b.e).worst;
  if (r.kind === 'NONE' || !anyPort(r.ports)) return { kind: 'NONE', detail: r.missing?.text ?? 'no path' };
  if (!r.ports.all) {
    const gated = b.e.cluster && !sameIsland(a.e.cluster, b.e.cluster) && b.e.cluster.ingress.length > 0;
    return { kind: gated ? 'GATEWAY_ONLY' : 'PORTS', detail: r.steps.map((s) => s.text).join('; ') };
  }
  return { kind: r.kind, detail: `as ${r.source}: ${r.steps.map((s) => s.text).join('; ')}` };
}

const SYMBOL: Record<string, string> = {
  DIRECT: 'direct', MASQUERADED: 'as node', NATED: 'NAT', GATEWAY_ONLY: 'gateway', PORTS: 'ports', IN_CLUSTER: '·', NONE: '—',
};
const COLOR: Record<string, string> = {
  DIRECT: '#2b8a3e', MASQUERADED: '#74b816', NATED: '#1c7ed6', GATEWAY_ONLY: '#f59f00', PORTS: '#e8590c', IN_CLUSTER: '#dee2e6', NONE: '#ffffff',
};

/** The matrix as a Markdown table: rows are sources, columns destinations. */
export function matrixMarkdown(m: Matrix): string {
  const lines = [`## Reachability of ${m.estate}`, '',
    'Rows are sources, columns destinations: `direct` (own address), `as node` (masqueraded), `NAT`, `gateway` (declared gateway ports only), `ports` (some ports), `—` (nothing).', ''];
  const short = m.endpoints.map((_, i) => `${i + 1}`);
  lines.push(`| from \\ to | ${short.join(' | ')} |`, `|---|${short.map(() => '---').join('|')}|`);
  for (const from of m.sources) {
    const row = m.endpoints.map((to) => SYMBOL[m.cells.find((c) => c.from === from && c.to === to)!.kind]);
    lines.push(`| ${m.endpoints.indexOf(from) + 1} ${from.replace(/\|/g, '\\|')} | ${row.join(' | ')} |`);
  }
  lines.push('', `Columns: ${m.endpoints.map((e, i) => `${i + 1} ${e}`).join(', ')}.`);
  return lines.join('\n') + '\n';
}

/** The matrix as a small SVG: one coloured square per pair. */
export function matrixSvg(m: Matrix): string {
  const size = 14;
  const left = 8 + Math.max(...m.sources.map((e) => e.length + 4)) * 6.2;
  const top = 40;
  const n = m.endpoints.length;
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts: string[] = [];
  parts.push(`<text x="8" y="16" font-size="13" font-weight="bold">Reachability of ${esc(m.estate)}</text>`);
  m.sources.forEach((e, i) => {
    parts.push(`<text x="${left - 6}" y="${top + i * size + 11}" font-size="10" text-anchor="end">${m.endpoints.indexOf(e) + 1} ${esc(e)}</text>`);
  });
  m.endpoints.forEach((e, i) => parts.push(`<text x="${left + i * size + 2}" y="${top - 4}" font-size="9">${i + 1}<title>${esc(e)}</title></text>`));
  m.sources.forEach((from, i) => m.endpoints.forEach((to, j) => {
    const c = m.cells.find((x) => x.from === from && x.to === to)!;
    parts.push(`<rect class="cell ${c.kind.toLowerCase()}" x="${left + j * size}" y="${top + i * size}" width="${size - 1}" height="${size - 1}" fill="${COLOR[c.kind]}" stroke="#adb5bd" stroke-width="0.5"><title>${esc(`${from} -> ${to}: ${SYMBOL[c.kind]} (${c.detail})`)}</title></rect>`);
  }));
  const legendY = top + m.sources.length * size + 16;
  Object.keys(SYMBOL).forEach((k, i) => {
    parts.push(`<rect x="${8 + i * 95}" y="${legendY}" width="10" height="10" fill="${COLOR[k]}" stroke="#adb5bd"/><text x="${22 + i * 95}" y="${legendY + 9}" font-size="10">${SYMBOL[k]}</text>`);
  });
  const width = Math.ceil(Math.max(left + n * size + 8, 8 + 7 * 95));
  const height = legendY + 20;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">\n${parts.join('\n')}\n</svg>\n`;
}

