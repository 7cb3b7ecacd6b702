import * as fs from 'fs';
import { PlanFile } from '../../lib/model/plan-file';
import { tempPlanFile } from '../support';

const POOLS = { 'corp/main': { 'corp/prod:pods': '10.0.0.0/16' } };

describe('versions: 1 is read and kept; 2 only when adopted ranges need it', () => {
  test('a version 1 file is read, and saved as version 1 byte for byte when nothing changed', () => {
    const file = tempPlanFile();
    PlanFile.load(file).save('corp/main', '10.0.0.0/8', POOLS);
    const text = fs.readFileSync(file, 'utf8');
    expect(JSON.parse(text).version).toBe(1);
    const mtime = fs.statSync(file).mtimeMs;
    PlanFile.load(file).save('corp/main', '10.0.0.0/8', POOLS);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.statSync(file).mtimeMs).toBe(mtime); // not even rewritten
  });

  test('version 2 adds adopted ranges; a save keeps them; releasing them all goes back to version 1', () => {
    const file = tempPlanFile();
    fs.writeFileSync(file, JSON.stringify({
      version: 2,
      networks: { 'corp/main': { pools: {}, reserved: { legacy: { cidr: '10.16.0.0/16', from: 'aws_vpc.legacy' } } } },
    }));
    const plan = PlanFile.load(file);
    expect(plan.reservedRanges('corp/main')).toEqual([{ cidr: '10.16.0.0/16', name: 'legacy' }]);
    plan.save('corp/main', '10.0.0.0/8', POOLS);
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(written).toEqual({
      '//': expect.any(String),
      'version': 2,
      'networks': { 'corp/main': { cidr: '10.0.0.0/8', pools: POOLS, reserved: { legacy: { cidr: '10.16.0.0/16', from: 'aws_vpc.legacy' } } } },
    });
  });
});

describe('deferred saves: nothing is written until commit', () => {
  test('save stages, commit writes once; discard forgets', () => {
    const file = tempPlanFile();
    const plan = PlanFile.load(file, { deferred: true });
    plan.save('corp/main', '10.0.0.0/8', POOLS);
    expect(fs.existsSync(file)).toBe(false);
    expect(plan.hasPending()).toBe(true);
    plan.commit();
    expect(plan.hasPending()).toBe(false);
    expect(PlanFile.load(file).records('corp/main', 'corp/main')).toEqual(POOLS['corp/main']);
    plan.save('corp/main', '10.0.0.0/8', {});
    plan.discard();
    plan.commit();
    expect(PlanFile.load(file).records('corp/main', 'corp/main')).toEqual(POOLS['corp/main']);
  });

  test('commitAll writes every staged network of every plan file, one write per file; discardAll writes nothing', () => {
    const [one, two] = [tempPlanFile(), tempPlanFile()];
    const a = PlanFile.load(one, { deferred: true });
    const b = PlanFile.load(one, { deferred: true });
    const c = PlanFile.load(two, { deferred: true });
    a.save('corp/a', '10.0.0.0/8', { 'corp/a': { 'corp/x:pods': '10.0.0.0/16' } });
    b.save('corp/b', '10.0.0.0/8', { 'corp/b': { 'corp/y:pods': '10.1.0.0/16' } });
    c.save('lab/main', '10.0.0.0/8', {});
    expect(PlanFile.commitAll([a, b, c]).sort()).toEqual([one, two].sort());
    expect(PlanFile.load(one).networks()).toEqual(['corp/a', 'corp/b']);
    expect(PlanFile.load(two).networks()).toEqual(['lab/main']);
    expect(a.records('corp/b', 'corp/b')).toEqual({ 'corp/y:pods': '10.1.0.0/16' }); // each sees what was written
    a.save('corp/z', '10.0.0.0/8', {});
    PlanFile.discardAll([a, b, c]);
    expect(PlanFile.commitAll([a, b, c])).toEqual([]);
    expect(PlanFile.load(one).networks()).toEqual(['corp/a', 'corp/b']);
  });
});

test('commitAll(plans) commits just those plans (one app of several in a process)', () => {
  const file = tempPlanFile();
  const mine = PlanFile.load(file, { deferred: true });
  const other = PlanFile.load(file, { deferred: true });
  mine.save('app1/main', '10.0.0.0/8', {});
  other.save('app2/main', '10.0.0.0/8', {});
  expect(PlanFile.commitAll([mine])).toEqual([file]);
  expect(PlanFile.load(file).networks()).toEqual(['app1/main']);
  expect(other.hasPending()).toBe(true);
  PlanFile.discardAll([other]);
  expect(other.hasPending()).toBe(false);
});
