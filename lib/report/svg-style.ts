// Colours, fonts and small element helpers of the address-plan SVG (see svg.ts).

/** Drawing width of the SVG, unless a table needs more. */
export const WIDTH = 1200;
/** Left and right margin. */
export const MARGIN = 20;

/** One family for everything: widths of monospace text can be computed, so labels never collide. */
export const FONT = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";
/** Width of one character as a share of the font size (DejaVu Sans Mono 0.602, Menlo 0.602, Consolas 0.55). */
const CHAR_EM = 0.61;

/** Width in pixels of `text` at `size`. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * CHAR_EM;
}

/** Text for XML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Routable ranges are blues, private ones oranges; the shade says the role. */
const FILL: Record<string, { routable: string; private: string }> = {
  node: { routable: '#1d4e89', private: '#a34700' },
  pod: { routable: '#3f7fcf', private: '#ee8a2a' },
  service: { routable: '#93bde8', private: '#f7c98f' },
  gateway: { routable: '#1f8a7a', private: '#1f8a7a' },
  'super-range': { routable: '#fdf1e3', private: '#fdf1e3' },
};

export const COLOR = {
  text: '#1b1f24',
  muted: '#59636e',
  axis: '#8c959f',
  band: '#f3f6fa',
  privateBand: '#fff8f0',
  bandStroke: '#6e7781',
  reserved: '#6e7781',
  holeStroke: '#c15d00',
  reusedStroke: '#111111',
  routableText: '#1d4e89',
  privateText: '#a34700',
  zebra: '#f6f8fa',
};

/** Fill of a block of `role`, or the hatch/grey of reserved ranges and the hole. */
export function fillOf(role: string, routable: boolean): string {
  if (role === 'reserved') return 'url(#kn-reserved)';
  if (role === 'hole') return 'url(#kn-hole)';
  const fill = FILL[role] ?? FILL.gateway;
  return routable ? fill.routable : fill.private;
}

/** Text colour readable on `fillOf(role, routable)`. */
export function inkOn(role: string, routable: boolean): string {
  const dark = role === 'node' || role === 'gateway' || (role === 'pod' && routable);
  return dark ? '#ffffff' : COLOR.text;
}

/** Patterns the blocks refer to (fixed ids: the output is deterministic). */
export function defs(): string {
  return [
    '<defs>',
    '<pattern id="kn-hole" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">',
    `<rect width="8" height="8" fill="#fff3e6"/><line x1="0" y1="0" x2="0" y2="8" stroke="${COLOR.holeStroke}" stroke-width="3"/>`,
    '</pattern>',
    '<pattern id="kn-reserved" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">',
    `<rect width="6" height="6" fill="#d0d7de"/><line x1="0" y1="0" x2="0" y2="6" stroke="${COLOR.reserved}" stroke-width="2"/>`,
    '</pattern>',
    '</defs>',
  ].join('');
}

export interface TextOptions {
  readonly size?: number;
  readonly fill?: string;
  readonly weight?: 'bold' | 'normal';
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly cls?: string;
}

/** A `<text>` element; `content` is escaped here. */
export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  const attrs = [`x="${num(x)}"`, `y="${num(y)}"`, `font-size="${options.size ?? 11}"`];
  if (options.fill) attrs.push(`fill="${options.fill}"`);
  if (options.weight === 'bold') attrs.push('font-weight="bold"');
  if (options.anchor && options.anchor !== 'start') attrs.push(`text-anchor="${options.anchor}"`);
  if (options.cls) attrs.push(`class="${options.cls}"`);
  return `<text ${attrs.join(' ')}>${esc(content)}</text>`;
}

/** A `<rect>`; `extra` is raw attribute text (callers escape what they put in it). */
export function rect(x: number, y: number, width: number, height: number, fill: string, extra: string = ''): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra: string = ''): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}"${extra ? ' ' + extra : ''}/>`;
}

/** A `<title>` tooltip child. */
export function tooltip(content: string): string {
  return `<title>${esc(content)}</title>`;
}

/** Coordinates with at most two decimals, the same on every machine. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** `16777216` -> `16,777,216` (not toLocaleString: its output depends on the machine's locale). */
export function grouped(count: string | bigint): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `parts` joined by `separator`, in lines no wider than `width`, breaking between parts only. */
export function wrap(parts: readonly string[], separator: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let current = '';
  parts.forEach((part, i) => {
    const piece = part + (i < parts.length - 1 ? separator.trimEnd() : '');
    const candidate = current ? `${current} ${piece}` : piece;
    if (current && textWidth(candidate, size) > width) {
      lines.push(current);
      current = piece;
    } else current = candidate;
  });
  if (current) lines.push(current);
  return lines;
}
