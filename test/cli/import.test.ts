import * as fs from 'fs';
import * as path from 'path';
import { FlatCluster, RangeRole, RangeSource } from '../../lib';
import { PlanFile } from '../../lib/model/plan-file';
import { estate, synthError } from '../support';
import { cli, readJson, tempDir, writePlan } from './support';

const TERRAFORM = path.join(__dirname, 'fixtures', 'terraform-show.json');
const CSV = path.join(__dirname, 'fixtures', 'ranges.csv');

describe('plan import', () => {
  test('adopts the VPCs, blocks and subnets of terraform show -json as reserved ranges (version 2)', () => {
    const dir = tempDir();
    const file = writePlan(dir, { 'corp/main': { 'corp/main': { 'corp/prod:pods': '10.0.0.0/16' } } });
    const run = cli(['plan', 'import', TERRAFORM], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('adopted 10.16.0.0/16 as corp/main:legacy-vpc (aws_vpc.legacy)');
    expect(run.stdout).toContain('skipped 10.16.1.0/24 (aws_subnet.legacy_a): within 10.16.0.0/16, adopted as legacy-vpc');
    expect(run.stdout).toContain(`adopted 5 of 6 ranges from ${TERRAFORM} into corp/main in cidr-plan.lock.json`);
    const written = readJson(file);
    expect(written.version).toBe(2);
    expect(written.networks['corp/main'].reserved).toEqual({
      'legacy-vpc': { cidr: '10.16.0.0/16', from: 'aws_vpc.legacy' },
      'aws_vpc_ipv4_cidr_block_association.legacy_extra': { cidr: '10.17.0.0/16', from: 'aws_vpc_ipv4_cidr_block_association.legacy_extra' },
      'gke-nodes': { cidr: '10.20.0.0/20', from: 'module.gke.google_compute_subnetwork.gke' },
      'gke-nodes-pods': { cidr: '10.24.0.0/14', from: 'module.gke.google_compute_subnetwork.gke secondary pods' },
      'gke-nodes-services': { cidr: '10.20.16.0/20', from: 'module.gke.google_compute_subnetwork.gke secondary services' },
    });
    // The synth's records stay; show lists the adopted ranges; a second import adopts nothing new.
    expect(written.networks['corp/main'].pools['corp/main']).toEqual({ 'corp/prod:pods': '10.0.0.0/16' });
    expect(cli(['plan', 'show'], dir).stdout).toMatch(/corp\/main\s+reserved\s+legacy-vpc\s+reserved \(imported\)\s+10\.16\.0\.0\/16/);
    const again = cli(['plan', 'import', TERRAFORM], dir);
    expect(again.stdout).toContain('adopted 0 of 6 ranges');
    expect(cli(['plan', 'rm', 'corp/main:legacy-vpc'], dir).status).toBe(0);
    expect(readJson(file).networks['corp/main'].reserved['legacy-vpc']).toBeUndefined();
  });

  test('adopts a CSV of cidr,name into the network named, creating its entry', () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.json');
    const run = cli(['plan', 'import', CSV, '--network', 'corp/main', '--plan-file', file], dir);
    expect(run.stderr).toBe('');
    expect(readJson(file)).toEqual({
      '//': expect.any(String),
      'version': 2,
      'networks': {
        'corp/main': {
          pools: {},
          reserved: {
            'on-prem-dc1': { cidr: '192.168.0.0/16', from: `${CSV} line 3` },
            'partner': { cidr: '10.30.0.0/16', from: `${CSV} line 4` },
          },
        },
      },
    });
  });

  test('what is adopted is held by the next synth (through the network\'s reserved ranges)', () => {
    const dir = tempDir();
    const planFile = path.join(dir, 'cidr-plan.lock.json');
    fs.writeFileSync(path.join(dir, 'taken.csv'), '10.0.0.0/16,legacy\n');
    expect(cli(['plan', 'import', 'taken.csv', '--network', 'corp/main'], dir).status).toBe(0);
    // What the lead wires into Network: the plan file's adopted ranges join props.reserved.
    const reserved = PlanFile.load(planFile).reservedRanges('corp/main');
    expect(reserved).toEqual([{ cidr: '10.0.0.0/16', name: 'legacy' }]);
    const { stack, network } = estate({ planFile, reserved });
    const prod = new FlatCluster(stack, 'prod', { network, maxNodes: 250 });
    network.planNow();
    expect(prod.podCidr).toBe('10.1.0.0/16'); // not 10.0.0.0/16
    expect(synthError(stack)).toBe('');
    const legacy = network.plan.ranges.find((r) => r.name === 'legacy')!;
    expect(legacy).toMatchObject({ cidr: '10.0.0.0/16', role: RangeRole.RESERVED, source: RangeSource.PINNED });
    const written = readJson(planFile).networks['corp/main'];
    expect(written.reserved).toEqual({ legacy: { cidr: '10.0.0.0/16', from: 'taken.csv line 1' } }); // synth keeps it
    expect(written.pools['corp/main']['corp/main:legacy']).toBe('10.0.0.0/16');
  });

  test('refuses a range that would hold the planner\'s own, and writes nothing', () => {
    const dir = tempDir();
    const file = writePlan(dir, { 'corp/main': { 'corp/main': { 'corp/prod:pods': '10.16.0.0/20' } } });
    const before = fs.readFileSync(file, 'utf8');
    const run = cli(['plan', 'import', TERRAFORM], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('10.16.0.0/16 (aws_vpc.legacy) would contain 10.16.0.0/20, the record of corp/prod:pods');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  test('missing, foreign and broken inputs are errors naming the file and the fix', () => {
    const dir = tempDir();
    const file = writePlan(dir, { 'corp/main': { 'corp/main': {} }, 'lab/main': { 'lab/main': {} } });
    const before = fs.readFileSync(file, 'utf8');
    const error = (args: string[]) => {
      const run = cli(['plan', 'import', ...args], dir);
      expect(run.status).toBe(2);
      return run.stderr;
    };
    expect(error(['nope.json'])).toContain('nope.json does not exist: give the output of terraform show -json, or a CSV of cidr,name');
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "x" }');
    expect(error(['package.json', '--network', 'corp/main'])).toContain('package.json is JSON but not the output of terraform show -json (it has no values.root_module): run terraform show -json > state.json');
    expect(error(['cidr-plan.lock.json', '--network', 'corp/main'])).toContain('cidr-plan.lock.json is a plan file: run terraform show -json');
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'cidr,name\n10.0.0.1/16,x\n');
    expect(error(['bad.csv', '--network', 'corp/main'])).toContain('bad.csv line 2: range "10.0.0.1/16"');
    fs.writeFileSync(path.join(dir, 'short.csv'), '10.0.0.0/16\n');
    expect(error(['short.csv', '--network', 'corp/main'])).toContain('short.csv line 1: expected cidr,name (e.g. 10.16.0.0/16,legacy-vpc), got "10.0.0.0/16"');
    expect(error([CSV])).toContain('cidr-plan.lock.json records 2 networks (corp/main, lab/main): pass --network PATH to choose one');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });
});
