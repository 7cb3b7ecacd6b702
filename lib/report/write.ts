import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Network } from '../model/network';
import { buildReport } from './data';
import { renderMarkdown } from './markdown';
import { renderSvg } from './svg';

/**
 * Writes the address plan of `network` beside its stack's Terraform JSON:
 * `address-plan.md`, `.json` and `.svg` (suffixed with the network's id when the stack
 * holds more than one network).
 */
export function writeReport(network: Network): void {
  const stack = TerraformStack.of(network);
  const dir = path.join(App.of(network).outdir, 'stacks', stack.node.id);
  const several = stack.node.findAll().filter((c) => Network.isNetwork(c)).length > 1;
  const base = path.join(dir, several ? `address-plan-${network.node.id}` : 'address-plan');
  const report = buildReport(network.plan, network.violations(), network.checkedRules());
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${base}.md`, renderMarkdown(report) + '\n');
  fs.writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(`${base}.svg`, renderSvg(report));
  writeEstate(network);
}

/**
 * When the network's estate spans several networks (stacks, clouds), writes one report of
 * them all at the root of the output: `address-plan-estate-<estate>.md`, `.json` and `.svg`.
 */
function writeEstate(network: Network): void {
  const members = network.node.root.node.findAll()
    .filter((c): c is Network => Network.isNetwork(c) && c.estate === network.estate)
    .sort((a, b) => (a.node.path < b.node.path ? -1 : 1));
  if (members.length < 2) return;
  const reports = members.map((n) => buildReport(n.plan, n.violations(), n.checkedRules()));
  const base = path.join(App.of(network).outdir, `address-plan-estate-${network.estate.replace(/[^A-Za-z0-9_.-]/g, '-')}`);
  fs.writeFileSync(`${base}.md`, `# Estate ${network.estate}\n\n` + reports.map(renderMarkdown).join('\n\n---\n\n') + '\n');
  fs.writeFileSync(`${base}.json`, JSON.stringify({ estate: network.estate, networks: reports }, null, 2) + '\n');
  fs.writeFileSync(`${base}.svg`, stackSvgs(reports.map(renderSvg)));
}

/** One SVG of several, one under the other (nested <svg> elements keep their own coordinates). */
export function stackSvgs(svgs: readonly string[]): string {
  let y = 0;
  let width = 0;
  const parts = svgs.map((svg) => {
    const w = Number(/<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 0);
    const h = Number(/<svg[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 0);
    const placed = svg.replace(/<svg\b/, `<svg y="${y}"`);
    y += h;
    width = Math.max(width, w);
    return placed;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">\n${parts.join('\n')}\n</svg>\n`;
}
