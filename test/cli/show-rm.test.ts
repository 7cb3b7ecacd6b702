import * as fs from 'fs';
import * as path from 'path';
import { cli, readJson, tempDir, writePlan } from './support';

const ESTATE = {
  'corp/main': {
    'corp/main': { 'corp/main:other': '10.128.0.0/16', 'corp/prod:pods': '10.0.0.0/16', 'corp/prod:nodes': '10.1.16.0/24', 'corp/batch:nodes': '10.1.17.0/25' },
    'corp/batch': { 'corp/batch:pods': '100.64.0.0/17', 'corp/batch:services': '100.64.128.0/20' },
  },
};

describe('plan show', () => {
  test('lists every record with its role, from the default plan file', () => {
    const dir = tempDir();
    writePlan(dir, ESTATE);
    const run = cli(['plan', 'show'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = run.stdout.trim().split('\n').map((l) => l.split(/\s+/));
    expect(rows[0]).toEqual(['NETWORK', 'POOL', 'OWNER', 'ROLE', 'CIDR']);
    expect(rows.slice(1)).toEqual([
      ['corp/main', 'corp/batch', 'corp/batch:pods', 'pod', '100.64.0.0/17'],
      ['corp/main', 'corp/batch', 'corp/batch:services', 'service', '100.64.128.0/20'],
      ['corp/main', 'corp/main', 'corp/batch:nodes', 'node', '10.1.17.0/25'],
      ['corp/main', 'corp/main', 'corp/main:other', 'reserved', '10.128.0.0/16'],
      ['corp/main', 'corp/main', 'corp/prod:nodes', 'node', '10.1.16.0/24'],
      ['corp/main', 'corp/main', 'corp/prod:pods', 'pod', '10.0.0.0/16'],
    ]);
  });

  test('reads --plan-file; a missing or foreign file is an error naming it', () => {
    const dir = tempDir();
    const file = writePlan(dir, ESTATE);
    expect(cli(['plan', 'show', '--plan-file', file], tempDir()).stdout).toContain('corp/prod:pods');
    const missing = cli(['plan', 'show'], tempDir());
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('cdktf-kube-networks plan show: plan file cidr-plan.lock.json does not exist: run cdktf synth to write it, or pass --plan-file (see: cdktf-kube-networks plan show --help)\n');
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name": "x"}');
    const foreign = cli(['plan', 'show', '--plan-file', 'package.json'], dir);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toContain('plan file package.json is not a plan file of version 1, 2, 3 or 4 ("version" is missing)');
  });
});

describe('plan rm', () => {
  test('releases a construct and everything under it, and only that', () => {
    const dir = tempDir();
    const file = writePlan(dir, ESTATE);
    const run = cli(['plan', 'rm', 'corp/batch'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('released 3 records of corp/batch');
    expect(readJson(file).networks['corp/main'].pools).toEqual({
      'corp/main': { 'corp/main:other': '10.128.0.0/16', 'corp/prod:pods': '10.0.0.0/16', 'corp/prod:nodes': '10.1.16.0/24' },
    });
  });

  test('an exact key releases just that range; a path with no records is refused and changes nothing', () => {
    const dir = tempDir();
    const file = writePlan(dir, ESTATE);
    expect(cli(['plan', 'rm', 'corp/main:other'], dir).status).toBe(0);
    expect(readJson(file).networks['corp/main'].pools['corp/main']['corp/main:other']).toBeUndefined();
    expect(readJson(file).networks['corp/main'].pools['corp/main']['corp/prod:pods']).toBe('10.0.0.0/16');
    const before = fs.readFileSync(file, 'utf8');
    const none = cli(['plan', 'rm', 'corp/pro'], dir); // a prefix of a path is not the path
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('cidr-plan.lock.json records nothing for corp/pro: check the path with cdktf-kube-networks plan show');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  test('releasing a network releases all of it', () => {
    const dir = tempDir();
    const file = writePlan(dir, { ...ESTATE, 'lab/main': { 'lab/main': { 'lab/a:pods': '10.0.0.0/16' } } });
    expect(cli(['plan', 'rm', 'lab'], dir).status).toBe(0);
    expect(Object.keys(readJson(file).networks)).toEqual(['corp/main']);
  });
});

describe('every command has --help, and mistakes say what to do', () => {
  test.each(['show', 'diff', 'mv', 'rm', 'import'])('plan %s --help', (command) => {
    const run = cli(['plan', command, '--help'], tempDir());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: cdktf-kube-networks plan ${command}`));
    expect(run.stdout).toContain('--plan-file FILE');
  });

  test('the top level and plan list their commands', () => {
    expect(cli(['--help'], tempDir()).stdout).toContain('  plan\n');
    const plan = cli(['plan', '--help'], tempDir());
    expect(plan.stdout).toMatch(/show[\s\S]*diff[\s\S]*mv[\s\S]*rm[\s\S]*import/);
  });

  test('unknown commands, options and argument counts', () => {
    const dir = tempDir();
    expect(cli(['nope'], dir)).toMatchObject({ status: 2, stderr: 'cdktf-kube-networks: unknown command "nope": use one of plan, verify\n' });
    expect(cli(['plan', 'nope'], dir)).toMatchObject({ status: 2, stderr: 'cdktf-kube-networks plan: unknown command "nope": use one of show, diff, mv, rm, import\n' });
    const option = cli(['plan', 'show', '--plan'], dir);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("Unknown option '--plan'");
    expect(cli(['plan', 'mv', 'corp/a'], dir).stderr).toBe('cdktf-kube-networks plan mv: plan mv takes OLD_PATH NEW_PATH, got "corp/a" (see: cdktf-kube-networks plan mv --help)\n');
  });
});
