import * as fs from 'fs';
import * as path from 'path';
import { PlanFile } from '../../lib/model/plan-file';
import { cli } from '../cli/support';
import { estate, tempPlanFile } from '../support';

const GOOD = { version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: { 'corp/main': { 'corp/prod:pods': '10.0.0.0/16' } } } } };
const RECOVER = 'repair it from version control, or delete it to plan afresh';

/** A broken file's text, and what the error must say after "plan file FILE". */
const BROKEN: Array<[string, string, string]> = [
  ['invalid JSON', '{ "version": 1, ', ' is not valid JSON ('],
  ['a byte-order mark', '\uFEFF' + JSON.stringify(GOOD), ' starts with a byte-order mark (an editor saved it as "UTF-8 with BOM"): save it as UTF-8 without BOM, or ' + RECOVER],
  ['an empty file', '', ' is empty (was a write interrupted?): restore it from version control'],
  ['an array', '[]', ' is not a plan file (it holds an array, not an object with "version" and "networks"): ' + RECOVER],
  ['no version', JSON.stringify({ networks: {} }), ' is not a plan file of version 1, 2, 3 or 4 ("version" is missing): ' + RECOVER],
  ['a version string', JSON.stringify({ version: '1', networks: {} }), ' is not a plan file of version 1, 2, 3 or 4 ("version" is string "1"): ' + RECOVER],
  ['a newer version', JSON.stringify({ version: 5, networks: {} }), ' is version 5, newer than this cdktf-kube-networks reads (1, 2, 3 or 4): upgrade cdktf-kube-networks, or ' + RECOVER],
  ['"networks": null', JSON.stringify({ version: 1, networks: null }), ': "networks" is null, not an object of networks: ' + RECOVER],
  ['"pools": null', JSON.stringify({ version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: null } } }),
    ': networks["corp/main"].pools is null, not an object of pools: ' + RECOVER],
  ['a pool that is a list', JSON.stringify({ version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: { 'corp/main': ['10.0.0.0/16'] } } } }),
    ': networks["corp/main"].pools["corp/main"] is an array, not an object of owner -> CIDR: ' + RECOVER],
  ['a record that is a number', JSON.stringify({ version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: { 'corp/main': { 'corp/prod:pods': 10 } } } } }),
    ': networks["corp/main"].pools["corp/main"]["corp/prod:pods"] is number 10, not a CIDR string such as "10.0.0.0/16": ' + RECOVER],
  ['a record with host bits', JSON.stringify({ version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: { 'corp/main': { 'corp/prod:pods': '10.0.0.1/16' } } } } }),
    ': networks["corp/main"].pools["corp/main"]["corp/prod:pods"] is not a valid CIDR ('],
  ['a cidr that is a number', JSON.stringify({ version: 1, networks: { 'corp/main': { cidr: 8, pools: {} } } }),
    ': networks["corp/main"].cidr is number 8, not a CIDR string such as "10.0.0.0/16": ' + RECOVER],
  ['an unknown field', JSON.stringify({ version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: {}, extra: 1 } } }),
    ': networks["corp/main"] field "extra" is unknown in a version 1 plan file (known: cidr, pools): ' + RECOVER],
  ['adopted ranges in a version 1 file', JSON.stringify({ version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: {}, reserved: {} } } }),
    ': networks["corp/main"] field "reserved" is unknown in a version 1 plan file (known: cidr, pools): ' + RECOVER],
  ['an adopted range without a cidr', JSON.stringify({ version: 2, networks: { 'corp/main': { pools: {}, reserved: { legacy: { from: 'x' } } } } }),
    ': networks["corp/main"].reserved["legacy"].cidr is missing, not a CIDR string such as "10.0.0.0/16": ' + RECOVER],
];

describe('a broken plan file is an error naming the file and what is wrong, and is never overwritten', () => {
  test.each(BROKEN)('%s', (_what, text, message) => {
    const file = tempPlanFile();
    fs.writeFileSync(file, text);
    expect(() => PlanFile.load(file)).toThrow(`plan file ${file}${message}`);
    // Not by synth (PLAN-004) ...
    expect(() => estate({ planFile: file })).toThrow(`[corp/main] PLAN-004: plan file ${file}${message}`);
    // ... nor by a save of a plan loaded before someone broke the file ...
    fs.writeFileSync(file, JSON.stringify(GOOD));
    const plan = PlanFile.load(file);
    fs.writeFileSync(file, text);
    expect(() => plan.save('lab/main', '10.0.0.0/8', {})).toThrow(`plan file ${file}${message}`);
    // ... nor by a command.
    const run = cli(['plan', 'import', path.join(__dirname, '..', 'cli', 'fixtures', 'ranges.csv'), '--network', 'corp/main', '--plan-file', file], path.dirname(file));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`plan file ${file}${message}`);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['cidr-plan.lock.json']);
  });

  test('a directory, an empty path, and a file that cannot be read', () => {
    const dir = path.dirname(tempPlanFile());
    expect(() => PlanFile.load(dir)).toThrow(`plan file ${dir} is a directory, not a file: point planFile (or --plan-file) at a file, e.g. ${path.join(dir, 'cidr-plan.lock.json')}`);
    expect(cli(['plan', 'rm', 'corp', '--plan-file', dir], dir).stderr).toContain(`plan file ${dir} is a directory`);
    expect(() => PlanFile.load('')).toThrow('plan file path "" is empty: give the path of a file, e.g. cidr-plan.lock.json');
    expect(cli(['plan', 'show', '--plan-file', ''], dir).stderr).toContain('--plan-file is empty');
    if (process.getuid?.() === 0) return; // root reads anything
    const file = tempPlanFile();
    fs.writeFileSync(file, JSON.stringify(GOOD));
    fs.chmodSync(file, 0o200);
    try {
      expect(() => PlanFile.load(file)).toThrow(`plan file ${file} cannot be read (permission denied): let the user running synth read and write it and its directory (e.g. chmod u+rw ${file})`);
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });
});
