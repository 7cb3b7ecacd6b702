import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { AnnotationMetadataEntryType } from 'cdktf';
import { Archipelago, FlatCluster, IslandCluster, RangeSource } from '../../lib';
import { annotations, estate, synthError } from '../support';
import { cli, readJson, tempDir, writePlan } from './support';

const BEFORE = { 'corp/main': { 'corp/main': { 'corp/prod:pods': '10.0.0.0/16', 'corp/prod:nodes': '10.1.16.0/24', 'corp/old:nodes': '10.1.17.0/25' } } };
const AFTER = { 'corp/main': { 'corp/main': { 'corp/prod:pods': '10.3.0.0/16', 'corp/prod:nodes': '10.1.16.0/24', 'corp/new:nodes': '10.1.18.0/25' } } };

function git(dir: string, ...args: string[]): void {
  const run = spawnSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
}

describe('plan diff', () => {
  test('against a file: added, removed and MOVED records; exit 1 when a range moved', () => {
    const old = tempDir();
    const was = writePlan(old, BEFORE);
    const dir = tempDir();
    writePlan(dir, AFTER);
    const run = cli(['plan', 'diff', '--against', was], dir);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n').map((l) => l.trim().split(/\s+/).join(' '));
    expect(lines).toContain('+ corp/main corp/main corp/new:nodes 10.1.18.0/25');
    expect(lines).toContain('- corp/main corp/main corp/old:nodes 10.1.17.0/25');
    expect(lines).toContain('~ corp/main corp/main corp/prod:pods 10.0.0.0/16 -> 10.3.0.0/16 MOVED');
    expect(run.stdout).toContain(`1 added, 1 removed, 1 moved (cidr-plan.lock.json against ${was})`);
  });

  test('against a git ref (HEAD by default), read with git show; no move is exit 0', () => {
    const dir = tempDir();
    git(dir, 'init', '-q');
    const sub = path.join(dir, 'infra');
    fs.mkdirSync(sub);
    const file = writePlan(sub, BEFORE);
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'plan');
    expect(cli(['plan', 'diff'], sub)).toMatchObject({ status: 0, stdout: '0 added, 0 removed, 0 moved (cidr-plan.lock.json against HEAD)\n' });
    writePlan(sub, { 'corp/main': { 'corp/main': { ...BEFORE['corp/main']['corp/main'], 'corp/new:nodes': '10.1.18.0/25' } } });
    const added = cli(['plan', 'diff', '--plan-file', file], dir);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('1 added, 0 removed, 0 moved');
    writePlan(sub, AFTER);
    git(dir, 'commit', '-qam', 'moved');
    expect(cli(['plan', 'diff', '--against', 'HEAD~1'], sub).status).toBe(1);
    expect(cli(['plan', 'diff', '--against', 'HEAD'], sub).status).toBe(0);
  });

  test('an unknown ref, or a ref without the file, say so', () => {
    const dir = tempDir();
    git(dir, 'init', '-q');
    fs.writeFileSync(path.join(dir, 'README'), 'x');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first');
    writePlan(dir, BEFORE);
    const bad = cli(['plan', 'diff', '--against', 'no-such-ref'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--against no-such-ref is neither a file nor a git ref of the repository at');
    const fresh = cli(['plan', 'diff'], dir);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toContain('3 added, 0 removed, 0 moved (cidr-plan.lock.json against HEAD (no plan file there))');
  });
});

describe('plan mv', () => {
  test('renames a path and everything under it: networks, pools (corp/x:members) and owners', () => {
    const dir = tempDir();
    const file = writePlan(dir, {
      'corp/main': {
        'corp/main': { 'corp/x/a:nodes': '10.4.0.0/25', 'corp/main:hole': '10.0.0.0/14', 'corp/xy:nodes': '10.4.1.0/25' },
        'corp/x': { 'corp/x:pods': '10.0.0.0/14' },
        'corp/x:members': { 'corp/x/a:pods': '10.0.0.0/17' },
      },
    });
    const run = cli(['plan', 'mv', 'corp/x', 'corp/east'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readJson(file).networks['corp/main'].pools).toEqual({
      'corp/main': { 'corp/east/a:nodes': '10.4.0.0/25', 'corp/main:hole': '10.0.0.0/14', 'corp/xy:nodes': '10.4.1.0/25' },
      'corp/east': { 'corp/east:pods': '10.0.0.0/14' },
      'corp/east:members': { 'corp/east/a:pods': '10.0.0.0/17' },
    });
    // a stack rename moves the network's key too
    expect(cli(['plan', 'mv', 'corp', 'acme'], dir).status).toBe(0);
    expect(Object.keys(readJson(file).networks)).toEqual(['acme/main']);
  });

  test('refuses a target that has records, or a source that has none, and changes nothing', () => {
    const dir = tempDir();
    const file = writePlan(dir, BEFORE);
    const before = fs.readFileSync(file, 'utf8');
    const taken = cli(['plan', 'mv', 'corp/old', 'corp/prod'], dir);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('cidr-plan.lock.json already records corp/prod:nodes, corp/prod:pods under corp/prod: release them first (cdktf-kube-networks plan rm corp/prod) or choose another path');
    expect(cli(['plan', 'mv', 'corp/none', 'corp/other'], dir).stderr).toContain('records nothing under corp/none');
    expect(cli(['plan', 'mv', 'corp/a:pods', 'corp/b'], dir).stderr).toContain('OLD_PATH "corp/a:pods" is not a construct path');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  test('a renamed construct keeps every range through a synth, private pools included', () => {
    const planFile = path.join(tempDir(), 'cidr-plan.lock.json');
    const build = (names: { flat: string; island: string; arch: string }) => {
      const { stack, network } = estate({ planFile });
      const sizes = { maxNodes: 50 };
      new FlatCluster(stack, 'filler', { network, ...sizes }); // first in line, so that a re-plan would move things
      new FlatCluster(stack, names.flat, { network, maxNodes: 250 });
      new IslandCluster(stack, names.island, { network, ...sizes });
      new Archipelago(stack, names.arch, { network }).addCluster('a', sizes);
      return { stack, network };
    };
    const first = build({ flat: 'prod', island: 'batch', arch: 'east' });
    expect(synthError(first.stack)).toBe('');
    const ranges = (n: typeof first.network) => n.plan.ranges.filter((r) => r.source !== RangeSource.PINNED)
      .map((r) => `${r.owner.replace(/corp\/(prod|live)/, 'F').replace(/corp\/(batch|jobs)/, 'I').replace(/corp\/(east|west)/, 'A')}:${r.name} ${r.cidr}`).sort();
    const before = ranges(first.network);
    // Without plan mv, the renamed constructs would be planned afresh:
    for (const [from, to] of [['corp/prod', 'corp/live'], ['corp/batch', 'corp/jobs'], ['corp/east', 'corp/west']]) {
      const run = cli(['plan', 'mv', from, to, '--plan-file', planFile], tempDir());
      expect(run.stderr).toBe('');
    }
    const second = build({ flat: 'live', island: 'jobs', arch: 'west' });
    expect(synthError(second.stack)).toBe('');
    expect(ranges(second.network)).toEqual(before);
    expect(second.network.plan.ranges.filter((r) => r.owner.startsWith('corp/live') || r.owner.startsWith('corp/jobs') || r.owner.startsWith('corp/west'))
      .every((r) => r.source === RangeSource.RECORDED)).toBe(true);
    expect(second.network.plan.unclaimedRecords).toEqual([]);
    expect(annotations(second.network, AnnotationMetadataEntryType.WARN).filter((w) => w.startsWith('PLAN-003'))).toEqual([]);
  });
});
