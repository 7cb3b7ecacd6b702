// The pictures in the README are the examples' own address-plan SVGs, kept in sync here.
// After a change that moves them: UPDATE_DOCS=1 npx jest test/docs.test.ts, and commit docs/.
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { Network } from '../lib';
import { buildReport } from '../lib/report/data';
import { renderSvg } from '../lib/report/svg';
import { allExamples } from '../examples/main';
import { tempPlanFile } from './support';

const PICTURES: Record<string, string> = {
  'talk-flat/main': 'talk-flat.svg',
  'talk-isolated/main': 'talk-isolated.svg',
  'talk-island/main': 'talk-island.svg',
  'talk-archipelago/main': 'talk-archipelago.svg',
  'corp/main': 'corp.svg',
};

test('docs/*.svg are the current address plans of the examples', () => {
  const planFile = tempPlanFile();
  fs.copyFileSync(path.join(__dirname, '..', 'examples', 'cidr-plan.lock.json'), planFile);
  const app = Testing.app();
  allExamples(app, planFile);
  const networks = app.node.findAll().filter((c): c is Network => Network.isNetwork(c));
  for (const [networkPath, file] of Object.entries(PICTURES)) {
    const network = networks.find((n) => n.node.path === networkPath)!;
    const svg = renderSvg(buildReport(network.plan, network.violations(), network.checkedRules()));
    const target = path.join(__dirname, '..', 'docs', file);
    if (process.env.UPDATE_DOCS === '1') fs.writeFileSync(target, svg);
    expect(fs.readFileSync(target, 'utf8')).toBe(svg);
  }
});
