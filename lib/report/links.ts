import { INetwork } from '../model/interfaces';
import { advertisedBy } from '../model/cloud-link';
import { CloudLinkPlan, LinkTunnelPlan } from '../model/link-plan';
import { COLOR, esc, FONT, MARGIN, textWidth, WIDTH } from './svg-style';

// The estate report's links: each CloudLink's tunnels and ASNs, and what each side advertises
// across it (read from the networks' plans with the model's own rule of what is routable).

/** What one side of a link advertises. */
export interface LinkSideReport {
  /** The network's path. */
  readonly network: string;
  /** Its routable space. */
  readonly cidr: string;
  /** Its BGP ASN. */
  readonly asn: number;
  /** The ranges it advertises, with their owners. */
  readonly advertised: ReadonlyArray<{ readonly cidr: string; readonly owner: string; readonly name: string }>;
}

/** One link, as the report shows it. */
export interface LinkReport {
  readonly path: string;
  readonly gcp: LinkSideReport;
  readonly aws: LinkSideReport;
  readonly tunnels: readonly LinkTunnelPlan[];
}

/** The report of every link, from the plans of the networks it joins (by path). */
export function linkReports(links: readonly CloudLinkPlan[], networks: ReadonlyMap<string, INetwork>): LinkReport[] {
  const side = (path: string, asn: number): LinkSideReport => {
    const network = networks.get(path)!;
    const advertised = advertisedBy(network).map((r) => ({ cidr: r.cidr, owner: r.owner, name: r.name }));
    return { network: path, cidr: network.cidr, asn, advertised };
  };
  return links.map((l) => ({ path: l.path, gcp: side(l.gcp, l.asn.gcp), aws: side(l.aws, l.asn.aws), tunnels: l.tunnels }));
}

/** The links as Markdown: tunnels, sessions and what crosses. */
export function renderLinksMarkdown(links: readonly LinkReport[]): string {
  const lines = ['# Links', ''];
  for (const l of links) {
    lines.push(`## ${l.path}`, '', `GCP \`${l.gcp.network}\` (AS ${l.gcp.asn}) ⇄ AWS \`${l.aws.network}\` (AS ${l.aws.asn}), ${l.tunnels.length} IPsec tunnels, BGP`, '');
    lines.push('| tunnel | inside | AWS end | GCP end |', '|---|---|---|---|');
    for (const t of l.tunnels) lines.push(`| ${t.name} | \`${t.insideCidr}\` | \`${t.awsAddress}\` | \`${t.gcpAddress}\` |`);
    lines.push('');
    for (const s of [l.gcp, l.aws]) {
      lines.push(`${s.network} advertises ${s.advertised.length} ranges (island and archipelago private ranges never cross):`, '');
      for (const r of s.advertised) lines.push(`- \`${r.cidr}\` ${r.owner} ${r.name}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

const ROW = 18;
const BOX = 360;

/** The links as an SVG panel: the two networks as boxes, a line per tunnel, what each side advertises under it. */
export function renderLinksSvg(links: readonly LinkReport[]): string {
  const parts: string[] = [];
  let y = MARGIN;
  const text = (x: number, yy: number, t: string, opts = '') => `<text x="${x}" y="${yy}" font-family="${FONT}" font-size="12" fill="${COLOR.text}" ${opts}>${esc(t)}</text>`;
  let width = WIDTH;
  for (const l of links) {
    parts.push(text(MARGIN, y + 14, `Link ${l.path}`, 'font-weight="bold" font-size="14"'));
    y += 28;
    const boxHeight = Math.max(2, l.tunnels.length) * ROW + 2 * ROW;
    const right = WIDTH - MARGIN - BOX;
    for (const [x, s, cloud] of [[MARGIN, l.gcp, 'GCP'], [right, l.aws, 'AWS']] as const) {
      parts.push(`<rect x="${x}" y="${y}" width="${BOX}" height="${boxHeight}" rx="6" fill="${COLOR.band}" stroke="${COLOR.bandStroke}"/>`);
      parts.push(text(x + 10, y + 18, `${cloud} ${s.network}`, 'font-weight="bold"'));
      parts.push(text(x + 10, y + 36, `${s.cidr} · AS ${s.asn}`));
    }
    l.tunnels.forEach((t, i) => {
      const ty = y + ROW * (i + 1) + 8;
      parts.push(`<line x1="${MARGIN + BOX}" y1="${ty}" x2="${right}" y2="${ty}" stroke="${COLOR.routableText}" stroke-width="2"/>`);
      const label = `${t.name} ${t.insideCidr}: ${t.gcpAddress} ⇄ ${t.awsAddress}`;
      parts.push(text((MARGIN + BOX + right) / 2 - textWidth(label, 12) / 2, ty - 4, label, `fill="${COLOR.muted}"`));
    });
    y += boxHeight + 10;
    const rows = Math.max(l.gcp.advertised.length, l.aws.advertised.length);
    for (const [x, s] of [[MARGIN, l.gcp], [right, l.aws]] as const) {
      parts.push(text(x, y + 14, `advertises (${s.advertised.length}):`, `fill="${COLOR.muted}"`));
      s.advertised.forEach((r, i) => {
        const line = `${r.cidr} ${r.owner} ${r.name}`;
        width = Math.max(width, x + textWidth(line, 12) + MARGIN);
        parts.push(text(x, y + 14 + ROW * (i + 1), line, `fill="${COLOR.routableText}"`));
      });
    }
    y += ROW * (rows + 1) + 2 * MARGIN;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${y}" viewBox="0 0 ${Math.ceil(width)} ${y}">\n${parts.join('\n')}\n</svg>\n`;
}
