// The reachability matrices of an estate drawn for people: a Markdown table and an SVG grid each,
// IPv4 first, then the IPv6 half when a cluster has IPv6.
import { Matrix } from './matrix';

const SYMBOL: Record<string, string> = {
  DIRECT: 'direct', MASQUERADED: 'as node', NATED: 'NAT', GATEWAY_ONLY: 'gateway', PORTS: 'ports', IN_CLUSTER: '·', NONE: '—',
};
const COLOR: Record<string, string> = {
  DIRECT: '#2b8a3e', MASQUERADED: '#74b816', NATED: '#1c7ed6', GATEWAY_ONLY: '#f59f00', PORTS: '#e8590c', IN_CLUSTER: '#dee2e6', NONE: '#ffffff',
};

/** Row label: its column number when the source is also a destination. */
const rowLabel = (m: Matrix, from: string) => (m.endpoints.includes(from) ? `${m.endpoints.indexOf(from) + 1} ${from}` : from);
const kindOf = (m: Matrix, from: string, to: string) => m.cells.find((c) => c.from === from && c.to === to)!;

/** The matrices as Markdown tables: rows are sources, columns destinations. */
export function matrixMarkdown(m: Matrix, m6?: Matrix): string {
  const lines = [`## Reachability of ${m.estate}`, '',
    'Rows are sources, columns destinations: `direct` (own address), `as node` (masqueraded), `NAT`, `gateway` (declared gateway ports only), `ports` (some ports), `·` (inside one cluster), `—` (nothing).', '',
    ...table(m)];
  if (m6 && m6.endpoints.length) {
    lines.push('', `## IPv6 reachability of ${m.estate}`, '',
      'The nodes of each IPv6 or dual-stack cluster (their pods share the nodes\' subnet blocks), over IPv6: `direct` (own address, every protocol), `ports` (some ports), `—` (nothing). ' +
      'Outbound IPv6 to the internet is promise VERIFY-016\'s and is not drawn.', '', ...table(m6));
  }
  return lines.join('\n') + '\n';
}

function table(m: Matrix): string[] {
  const short = m.endpoints.map((_, i) => `${i + 1}`);
  const lines = [`| from \\ to | ${short.join(' | ')} |`, `|---|${short.map(() => '---').join('|')}|`];
  for (const from of m.sources) {
    const row = m.endpoints.map((to) => SYMBOL[kindOf(m, from, to).kind]);
    lines.push(`| ${rowLabel(m, from).replace(/\|/g, '\\|')} | ${row.join(' | ')} |`);
  }
  lines.push('', `Columns: ${m.endpoints.map((e, i) => `${i + 1} ${e}`).join(', ')}.`);
  return lines;
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const SIZE = 14;

/** The matrices as a small SVG: one coloured square per pair, the IPv6 grid under the IPv4 one. */
export function matrixSvg(m: Matrix, m6?: Matrix): string {
  const parts: string[] = [];
  let y = 0;
  let width = 8 + 7 * 95;
  for (const [grid, title] of [[m, `Reachability of ${m.estate}`], ...m6 && m6.endpoints.length ? [[m6, `IPv6 reachability of ${m.estate}`] as const] : []] as Array<readonly [Matrix, string]>) {
    const drawn = drawGrid(grid, title, y);
    parts.push(...drawn.parts);
    y = drawn.bottom;
    width = Math.max(width, drawn.width);
  }
  const legendY = y + 16;
  Object.keys(SYMBOL).forEach((k, i) => {
    parts.push(`<rect x="${8 + i * 95}" y="${legendY}" width="10" height="10" fill="${COLOR[k]}" stroke="#adb5bd"/><text x="${22 + i * 95}" y="${legendY + 9}" font-size="10">${SYMBOL[k]}</text>`);
  });
  width = Math.ceil(width);
  const height = legendY + 20;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">\n${parts.join('\n')}\n</svg>\n`;
}

/** One grid, its title at `y`: its parts, where it ends and how wide it is. */
function drawGrid(m: Matrix, title: string, y: number): { parts: string[]; bottom: number; width: number } {
  const left = 8 + Math.max(...m.sources.map((e) => e.length + 4)) * 6.2;
  const top = y + 40;
  const parts = [`<text x="8" y="${y + 16}" font-size="13" font-weight="bold">${esc(title)}</text>`];
  m.sources.forEach((e, i) => parts.push(`<text x="${left - 6}" y="${top + i * SIZE + 11}" font-size="10" text-anchor="end">${esc(rowLabel(m, e))}</text>`));
  m.endpoints.forEach((e, i) => parts.push(`<text x="${left + i * SIZE + 2}" y="${top - 4}" font-size="9">${i + 1}<title>${esc(e)}</title></text>`));
  m.sources.forEach((from, i) => m.endpoints.forEach((to, j) => {
    const c = kindOf(m, from, to);
    parts.push(`<rect class="cell ${c.kind.toLowerCase()}" x="${left + j * SIZE}" y="${top + i * SIZE}" width="${SIZE - 1}" height="${SIZE - 1}" fill="${COLOR[c.kind]}" stroke="#adb5bd" stroke-width="0.5"><title>${esc(`${from} -> ${to}: ${SYMBOL[c.kind]} (${c.detail})`)}</title></rect>`);
  }));
  return { parts, bottom: top + m.sources.length * SIZE, width: left + m.endpoints.length * SIZE + 8 };
}
