#!/usr/bin/env node
// Fails when the committed API.md differs from what jsii-docgen makes of the current build.
// Run after `npm run build` (jsii writes .jsii, which jsii-docgen reads).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'api-md-')), 'API.md');
execFileSync(process.execPath, [require.resolve('jsii-docgen/bin/jsii-docgen'), '-o', fresh], { cwd: root, stdio: 'inherit' });

const committed = path.join(root, 'API.md');
const current = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '';
if (fs.readFileSync(fresh, 'utf8') !== current) {
  console.error('API.md is stale: run `npm run build && npm run docgen` and commit API.md.');
  process.exit(1);
}
console.log('API.md is up to date.');
