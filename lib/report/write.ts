import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { INetwork } from '../model/interfaces';
import { PlanReporter } from '../model/strategy';
import { verifyNetworkModel, VerifyResult } from '../verify';
import { CloudLinkPlan } from '../model/link-plan';
import { AddressReport, buildReport } from './data';
import { linkReports, renderLinksMarkdown, renderLinksSvg } from './links';
import { renderMarkdown } from './markdown';
import { renderSvg } from './svg';

/** Writes every report of an estate at synth, once its plan passed every blocking rule. */
export class ReportWriter implements PlanReporter {
  public write(name: string, networks: readonly INetwork[], everyNetwork: readonly INetwork[], links: readonly CloudLinkPlan[] = []): void {
    const reports = new Map(networks.map((n) => [n, buildReport(n.plan, n.violations(), n.checkedRules())]));
    for (const [network, report] of reports) writeNetwork(network, report, everyNetwork);
    if (networks.length > 1) writeEstate(name, networks, reports, links);
  }

  public afterSynth(outdir: string): void {
    writeReachability(outdir);
  }
}

/** Networks an app may have for synth to draw its reachability matrices (the CLI draws any number). */
const MATRIX_NETWORKS = 30;

/**
 * Each estate's reachability matrix, as the verifier reads it from the synthesized Terraform:
 * `reachability-<estate>.md` and `.svg` beside the estate reports. Broken promises are listed
 * there; `cdktf-kube-networks verify` (or `toSatisfyNetworkModel`) fails on them.
 */
export function writeReachability(outdir: string): void {
  const stacks = path.join(outdir, 'stacks');
  if (!fs.existsSync(stacks)) return; // nothing synthesized to read
  // Every pair of ranges is worked out: past a few dozen networks that is the bulk of synth, and no one reads the table.
  const networks = fs.readdirSync(stacks).flatMap((s) => fs.readdirSync(path.join(stacks, s)).filter((f) => /^address-plan(-.+)?\.json$/.test(f))).length;
  const skipped = path.join(outdir, 'reachability-skipped.md');
  if (networks > MATRIX_NETWORKS) {
    fs.writeFileSync(skipped, `# Reachability\n\n${networks} networks: more than the ${MATRIX_NETWORKS} whose matrices synth draws (every pair of ranges is worked out). ` +
      `Run \`cdktf-kube-networks verify ${outdir}\` for the matrices and the model's promises.\n`);
    return;
  }
  fs.rmSync(skipped, { force: true });
  let result: VerifyResult;
  try {
    result = verifyNetworkModel({ outdir });
  } catch (e) {
    process.stderr.write(`cdktf-kube-networks: no reachability matrix written: ${(e as Error).message}\n`);
    return;
  }
  for (const estate of result.estates) {
    const base = path.join(outdir, `reachability-${estate.estate.replace(/[^A-Za-z0-9_.-]/g, '-')}`);
    fs.writeFileSync(`${base}.md`, estate.markdown);
    fs.writeFileSync(`${base}.svg`, estate.svg);
  }
  const findings = path.join(outdir, 'reachability-findings.md');
  if (result.ok) fs.rmSync(findings, { force: true });
  else fs.writeFileSync(findings, `# Broken promises\n\n${result.findings.map((f) => `- ${f.message}\n  (${f.promise})`).join('\n')}\n`);
}

/**
 * Writes the address plan of `network` beside its stack's Terraform JSON:
 * `address-plan.md`, `.json` and `.svg` (suffixed with the network's id when the stack
 * holds more than one network).
 */
function writeNetwork(network: INetwork, report: AddressReport, everyNetwork: readonly INetwork[]): void {
  const stack = TerraformStack.of(network);
  const dir = path.join(App.of(network).outdir, 'stacks', stack.node.id);
  const several = everyNetwork.filter((n) => TerraformStack.of(n) === stack).length > 1;
  const base = path.join(dir, several ? `address-plan-${network.node.id}` : 'address-plan');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${base}.md`, renderMarkdown(report) + '\n');
  fs.writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(`${base}.svg`, renderSvg(report));
}

/**
 * When an estate spans several networks (stacks, clouds), writes one report of them all at
 * the root of the output: `address-plan-estate-<estate>.md`, `.json` and `.svg`.
 */
function writeEstate(name: string, networks: readonly INetwork[], reports: Map<INetwork, AddressReport>, linkPlans: readonly CloudLinkPlan[]): void {
  const ordered = [...networks].sort((a, b) => (a.node.path < b.node.path ? -1 : 1)).map((n) => reports.get(n)!);
  const links = linkReports(linkPlans, new Map(networks.map((n) => [n.node.path, n])));
  const base = path.join(App.of(networks[0]).outdir, `address-plan-estate-${name.replace(/[^A-Za-z0-9_.-]/g, '-')}`);
  const markdown = [...ordered.map(renderMarkdown), ...(links.length ? [renderLinksMarkdown(links)] : [])];
  fs.writeFileSync(`${base}.md`, `# Estate ${name}\n\n` + markdown.join('\n\n---\n\n') + '\n');
  fs.writeFileSync(`${base}.json`, JSON.stringify({ estate: name, networks: ordered, ...(links.length ? { links } : {}) }, null, 2) + '\n');
  fs.writeFileSync(`${base}.svg`, stackSvgs([...ordered.map(renderSvg), ...(links.length ? [renderLinksSvg(links)] : [])]));
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
