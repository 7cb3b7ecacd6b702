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
}
