// The README's generated sections, from the rule catalog: the rules table and "What the library
// refuses". Used by scripts/update-readme-rules.js (over the built dist/) and by
// test/readme.test.ts (over lib/), so the README and the catalog cannot drift apart.

const RULES = ['<!-- rules:start (kept in sync with RuleCatalog by test/readme.test.ts) -->\n', '\n<!-- rules:end -->'];
const REFUSED = ['<!-- refused:start (generated from RuleCatalog by npm run docs:rules; test/readme.test.ts fails when stale) -->\n', '\n<!-- refused:end -->'];

/** Every built-in rule of either cloud, one table. */
function rulesTable({ RuleCatalog, CloudProvider }) {
  const gcp = RuleCatalog.rules(CloudProvider.GCP);
  const aws = RuleCatalog.rules(CloudProvider.AWS);
  const all = [...gcp, ...aws.filter((r) => !gcp.some((g) => g.id === r.id))].sort((a, b) => (a.id < b.id ? -1 : 1));
  return ['| id | severity | rule |', '|---|---|---|', ...all.map((r) => `| ${r.id} | ${r.severity.toLowerCase()} | ${r.statement} |`)].join('\n');
}

/** Per cloud, the rules no suppression switches off; then the input rules of both clouds. */
function refusedSection({ RuleCatalog, CloudProvider }) {
  const table = (rules) => ['| id | rule |', '|---|---|', ...rules.map((r) => `| ${r.id} | ${r.statement} |`)].join('\n');
  return [
    '**On GCP**, the API refuses what these find, so `Policy.suppress` of one fails synth:',
    '',
    table(RuleCatalog.unsuppressible(CloudProvider.GCP)),
    '',
    '**On AWS**, the same holds for:',
    '',
    table(RuleCatalog.unsuppressible(CloudProvider.AWS)),
    '',
    '**On both clouds**, what a user writes is checked where it is written (or, for what only synth sees, at synth), always as an error:',
    '',
    table(RuleCatalog.inputRules()),
  ].join('\n');
}

/** `readme` with the text between `markers` replaced by `body`. */
function replaceBetween(readme, markers, body) {
  const [start, end] = markers;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README.md has no ${start.trim()} ... ${end.trim()} markers`);
  return readme.slice(0, from + start.length) + body + readme.slice(to);
}

/** The text between `markers` in `readme`, or undefined. */
function between(readme, markers) {
  return readme.split(markers[0])[1]?.split(markers[1])[0];
}

module.exports = { RULES, REFUSED, rulesTable, refusedSection, replaceBetween, between };
