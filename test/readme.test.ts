import * as fs from 'fs';
import * as path from 'path';
import * as lib from '../lib';
import { CloudProvider, RuleCatalog } from '../lib';

// The generator's own functions (scripts/readme-rules.js), run over lib/ instead of dist/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RULES, REFUSED, rulesTable, refusedSection, between } = require('../scripts/readme-rules');

test('the README lists every built-in rule as the catalog states it', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  expect(between(readme, RULES)).toBe(rulesTable(lib));
});

test('the README\'s "What the library refuses" is the catalog\'s unsuppressible and input rules, per cloud (npm run docs:rules)', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const section = between(readme, REFUSED);
  expect(section).toBe(refusedSection(lib));
  for (const provider of [CloudProvider.GCP, CloudProvider.AWS]) {
    for (const rule of RuleCatalog.unsuppressible(provider)) expect(section).toContain(`| ${rule.id} | ${rule.statement} |`);
  }
  expect(RuleCatalog.inputRules().map((r) => r.id)).toEqual(expect.arrayContaining(['INPUT-001', 'INPUT-002', 'INPUT-003', 'INPUT-004', 'INPUT-005']));
});

test('the README\'s two commands are the ones .ci/run and package.json implement', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  expect(readme).toContain('npm ci && npm run synth');
  expect(readme).toMatch(/^npm test\s/m);
  const ci = fs.readFileSync(path.join(__dirname, '..', '.ci', 'run'), 'utf8');
  expect(ci).toMatch(/^npm ci$/m);
  expect(ci).toMatch(/^npm test$/m);
  const scripts = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).scripts;
  expect(scripts.synth).toMatch(/cdktf synth$/);
});
