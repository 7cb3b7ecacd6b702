// Rewrites the README's rules table and its "What the library refuses" section from the built
// catalog (run `npm run build` first): test/readme.test.ts fails when either and RuleCatalog disagree.
const fs = require('fs');
const path = require('path');
const lib = require('../dist');
const { RULES, REFUSED, rulesTable, refusedSection, replaceBetween } = require('./readme-rules');

const file = path.join(__dirname, '..', 'README.md');
let readme = fs.readFileSync(file, 'utf8');
readme = replaceBetween(readme, RULES, rulesTable(lib));
readme = replaceBetween(readme, REFUSED, refusedSection(lib));
fs.writeFileSync(file, readme);
console.log(`README.md: ${rulesTable(lib).split('\n').length - 2} rules; ${refusedSection(lib).split('\n').filter((l) => /^\| [A-Z]/.test(l)).length} refused or input rules`);
