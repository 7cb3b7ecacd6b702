import * as fs from 'fs';
import * as path from 'path';
import { CloudProvider, RuleCatalog } from '../lib';

/** The README's rules table, as RuleCatalog would write it: every built-in rule of either cloud. */
export function rulesTable(): string {
  const gcp = RuleCatalog.rules(CloudProvider.GCP);
  const aws = RuleCatalog.rules(CloudProvider.AWS);
  const all = [...gcp, ...aws.filter((r) => !gcp.some((g) => g.id === r.id))].sort((a, b) => (a.id < b.id ? -1 : 1));
  return [
    '| id | severity | rule |',
    '|---|---|---|',
    ...all.map((r) => `| ${r.id} | ${r.severity.toLowerCase()} | ${r.statement} |`),
  ].join('\n');
}

test('the README lists every built-in rule as the catalog states it', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const table = readme.split('<!-- rules:start (kept in sync with RuleCatalog by test/readme.test.ts) -->\n')[1]?.split('\n<!-- rules:end -->')[0];
  expect(table).toBe(rulesTable());
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
