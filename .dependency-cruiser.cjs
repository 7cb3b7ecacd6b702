// The layer rules of docs/ARCHITECTURE.md, checked by `npm test` (npm run deps).
// Floors, bottom up: ipam -> model -> policy -> gcp | aws | report -> clouds -> index and cli;
// lib/verify stands apart on ipam alone (an independent oracle of what was synthesized).
// An import may only point down or sideways within its own folder; no cycles anywhere.
const layer = (name) => `^lib/${name}/`;

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'No import cycles anywhere in lib/.',
      from: { path: '^lib/' }, to: { circular: true } },
    { name: 'ipam-is-the-floor', severity: 'error', comment: 'lib/ipam is pure address math: it imports nothing of ours.',
      from: { path: layer('ipam') }, to: { path: '^lib/', pathNot: layer('ipam') } },
    { name: 'model-knows-no-policy-or-cloud', severity: 'error', comment: 'lib/model sees clouds and rules through interfaces only.',
      from: { path: layer('model') }, to: { path: '^lib/(policy|gcp|aws|report|clouds|verify|cli)/' } },
    { name: 'policy-knows-no-cloud', severity: 'error', comment: 'lib/policy checks plans; each cloud brings its own rules.',
      from: { path: layer('policy') }, to: { path: '^lib/(gcp|aws|report|clouds|verify|cli)/' } },
    { name: 'gcp-and-aws-stay-apart', severity: 'error', comment: 'The cloud layers never import each other, the report, or the floor above.',
      from: { path: '^lib/(gcp|aws)/' }, to: { path: '^lib/(gcp|aws|report|clouds|verify|cli)/', pathNot: '^lib/$1/' } },
    { name: 'report-knows-no-cloud', severity: 'error', comment: 'The report reads plans, not cloud resources.',
      from: { path: layer('report') }, to: { path: '^lib/(gcp|aws|clouds|cli)/' } },
    { name: 'verify-reads-only-terraform', severity: 'error', comment: 'lib/verify judges the synthesized JSON with its own reading, never with the code that made it.',
      from: { path: layer('verify') }, to: { path: '^lib/(model|policy|gcp|aws|report|clouds|cli)/' } },
    { name: 'clouds-is-the-top-floor', severity: 'error', comment: 'Only the package entry (and the command) import lib/clouds.',
      from: { path: '^lib/', pathNot: '^lib/(index\\.ts$|clouds/|cli/)' }, to: { path: layer('clouds') } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
