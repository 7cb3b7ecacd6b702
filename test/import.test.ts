// Importing the library loads no provider class: a cloud object loads its renderer (and the
// provider classes it builds with) when it first renders, so a program on one cloud never
// loads the other's, and the plan commands load neither. Read in a fresh node on the built package.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ENTRY = path.join(__dirname, '..', 'dist', 'index.js');

/** The provider packages a fresh node loads while running `body` (after `lib` = the built package). */
function providersLoaded(body: string): string[] {
  const script = `
    const Module = require('module');
    const load = Module._load;
    const seen = new Set();
    Module._load = function (request) {
      const m = /@cdktf\\/(provider-[a-z]+)/.exec(request);
      if (m) seen.add(m[1]);
      return load.apply(this, arguments);
    };
    const lib = require(${JSON.stringify(ENTRY)});
    ${body}
    console.log(JSON.stringify([...seen].sort()));`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

if (!fs.existsSync(ENTRY)) throw new Error('dist/index.js is missing: run npm run build (npm test builds before jest)');

test('require loads no provider class; a cloud\'s first render loads its own provider only', () => {
  expect(providersLoaded('')).toEqual([]);
  expect(providersLoaded('lib.Cloud.gcp({ region: "us-central1" }); lib.Cloud.aws({ region: "eu-west-1" });')).toEqual([]);
  expect(providersLoaded('lib.Cloud.gcp({ region: "us-central1" }).renderer;')).toEqual(['provider-google']);
  expect(providersLoaded('lib.Cloud.aws({ region: "eu-west-1" }).renderer;')).toEqual(['provider-aws']);
});
