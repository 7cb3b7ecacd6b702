// Rewrites the README's rules table from the built catalog (run `npm run build` first):
// test/readme.test.ts fails when the table and RuleCatalog disagree.
const fs = require('fs');
const path = require('path');
const { CloudProvider, RuleCatalog } = require('../dist');

const START = '<!-- rules:start (kept in sync with RuleCatalog by test/readme.test.ts) -->\n';
const END = '\n<!-- rules:end -->';
const gcp = RuleCatalog.rules(CloudProvider.GCP);
const aws = RuleCatalog.rules(CloudProvider.AWS);
const all = [...gcp, ...aws.filter((r) => !gcp.some((g) => g.id === r.id))].sort((a, b) => (a.id < b.id ? -1 : 1));
const table = ['| id | severity | rule |', '|---|---|---|', ...all.map((r) => `| ${r.id} | ${r.severity.toLowerCase()} | ${r.statement} |`)].join('\n');
const file = path.join(__dirname, '..', 'README.md');
const readme = fs.readFileSync(file, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < 0) throw new Error('README.md has no rules:start / rules:end markers');
fs.writeFileSync(file, readme.slice(0, start + START.length) + table + readme.slice(end));
console.log(`README.md: ${all.length} rules`);
