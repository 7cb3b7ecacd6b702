// plan mv and plan rm on a version 4 plan file: a cluster's family (families) and its VPC's IPv6
// subnet numbers (ipv6Subnets) move and go with the cluster's ranges.
import * as fs from 'fs';
import * as path from 'path';
import { FlatCluster, IpFamily } from '../../lib';
import { estate, synthError } from '../support';
import { cli, readJson, tempDir } from './support';

/** A version 4 plan file: corp/main with a dual-stack cluster corp/x (its VPC's subnets numbered) and an IPv4 cluster corp/xy. */
function writeV4(dir: string, more: Record<string, object> = {}): string {
  const file = path.join(dir, 'cidr-plan.lock.json');
  fs.writeFileSync(file, JSON.stringify({
    version: 4,
    networks: {
      'corp/main': {
        cidr: '10.0.0.0/8',
        pools: { 'corp/main': { 'corp/x:nodes': '10.1.0.0/23', 'corp/x:pods': '10.2.0.0/16', 'corp/x:services': '10.0.0.0/20', 'corp/xy:nodes': '10.1.4.0/23' } },
        families: { 'corp/x': 'DUAL_STACK' },
        ipv6Subnets: { 'corp/x': { 'nodes-a': 0, 'nodes-b': 1 }, 'corp/xy': { 'nodes-a': 0 } },
      },
      ...more,
    },
  }, null, 2));
  return file;
}

describe('plan mv', () => {
  test('a renamed cluster takes its family and its VPC\'s subnet numbers along', () => {
    const dir = tempDir();
    const file = writeV4(dir);
    const run = cli(['plan', 'mv', 'corp/x', 'corp/east'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readJson(file)).toMatchObject({
      version: 4,
      networks: {
        'corp/main': {
          pools: { 'corp/main': { 'corp/east:nodes': '10.1.0.0/23', 'corp/east:pods': '10.2.0.0/16', 'corp/east:services': '10.0.0.0/20', 'corp/xy:nodes': '10.1.4.0/23' } },
          families: { 'corp/east': 'DUAL_STACK' },
          ipv6Subnets: { 'corp/east': { 'nodes-a': 0, 'nodes-b': 1 }, 'corp/xy': { 'nodes-a': 0 } },
        },
      },
    });
    expect(readJson(file).networks['corp/main'].families).toEqual({ 'corp/east': 'DUAL_STACK' });
    expect(Object.keys(readJson(file).networks['corp/main'].ipv6Subnets).sort()).toEqual(['corp/east', 'corp/xy']);
  });

  test('a renamed network (a stack rename) keeps families and subnet numbers, their paths moved too', () => {
    const dir = tempDir();
    const file = writeV4(dir);
    expect(cli(['plan', 'mv', 'corp', 'acme'], dir).stderr).toBe('');
    expect(readJson(file).networks).toEqual({
      'acme/main': {
        cidr: '10.0.0.0/8',
        pools: { 'acme/main': { 'acme/x:nodes': '10.1.0.0/23', 'acme/x:pods': '10.2.0.0/16', 'acme/x:services': '10.0.0.0/20', 'acme/xy:nodes': '10.1.4.0/23' } },
        families: { 'acme/x': 'DUAL_STACK' },
        ipv6Subnets: { 'acme/x': { 'nodes-a': 0, 'nodes-b': 1 }, 'acme/xy': { 'nodes-a': 0 } },
      },
    });
  });

  test('a target whose only records are a family or subnet numbers is taken', () => {
    const dir = tempDir();
    const file = writeV4(dir);
    const json = readJson(file);
    json.networks['corp/main'].ipv6Subnets['corp/old'] = { 'nodes-a': 5 };
    fs.writeFileSync(file, JSON.stringify(json));
    const before = fs.readFileSync(file, 'utf8');
    const taken = cli(['plan', 'mv', 'corp/x', 'corp/old'], dir);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('already records corp/old under corp/old: release them first (cdktf-kube-networks plan rm corp/old)');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  test('a dual-stack cluster renamed with plan mv keeps its ranges and family through a synth', () => {
    const planFile = path.join(tempDir(), 'cidr-plan.lock.json');
    const build = (id: string) => {
      const e = estate({ planFile, ipv6: true });
      new FlatCluster(e.stack, id, { network: e.network, ipFamily: IpFamily.DUAL_STACK });
      return e;
    };
    expect(synthError(build('x').stack)).toBe('');
    const before = readJson(planFile).networks['corp/main'];
    expect(cli(['plan', 'mv', 'corp/x', 'corp/live', '--plan-file', planFile], tempDir()).stderr).toBe('');
    const after = build('live');
    expect(after.network.plan.clusters[0].recordedIpFamily).toBeUndefined();
    expect(after.network.plan.unclaimedRecords).toEqual([]);
    expect(synthError(after.stack)).toBe('');
    expect(JSON.stringify(readJson(planFile).networks['corp/main'])).toBe(JSON.stringify(before).replace(/corp\/x/g, 'corp/live'));
  });
});

describe('plan rm', () => {
  test('releasing a cluster releases its family and its VPC\'s subnet numbers, listed', () => {
    const dir = tempDir();
    const file = writeV4(dir);
    const run = cli(['plan', 'rm', 'corp/x'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('corp/x DUAL_STACK (family)');
    expect(run.stdout).toContain('corp/x:nodes-a netnum 0 (IPv6 subnet)');
    expect(run.stdout).toContain('corp/x:nodes-b netnum 1 (IPv6 subnet)');
    expect(run.stdout).toContain('released 6 records of corp/x');
    expect(readJson(file)).toEqual({
      '//': expect.any(String),
      version: 4,
      networks: {
        'corp/main': { cidr: '10.0.0.0/8', pools: { 'corp/main': { 'corp/xy:nodes': '10.1.4.0/23' } }, ipv6Subnets: { 'corp/xy': { 'nodes-a': 0 } } },
      },
    });
  });

  test('releasing the last IPv6 records brings the file back to the version it needs', () => {
    const dir = tempDir();
    const file = writeV4(dir);
    expect(cli(['plan', 'rm', 'corp/x'], dir).status).toBe(0);
    expect(cli(['plan', 'rm', 'corp/xy'], dir).status).toBe(0);
    expect(readJson(file)).toEqual({ '//': expect.any(String), version: 1, networks: { 'corp/main': { cidr: '10.0.0.0/8', pools: { 'corp/main': {} } } } });
  });

  test('an exact key releases one subnet number; a range key leaves the family while other ranges stay', () => {
    const dir = tempDir();
    const file = writeV4(dir);
    const run = cli(['plan', 'rm', 'corp/x:nodes-b'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('released 1 records of corp/x:nodes-b');
    expect(readJson(file).networks['corp/main'].ipv6Subnets).toEqual({ 'corp/x': { 'nodes-a': 0 }, 'corp/xy': { 'nodes-a': 0 } });
    expect(cli(['plan', 'rm', 'corp/x:pods'], dir).status).toBe(0);
    expect(readJson(file).networks['corp/main'].families).toEqual({ 'corp/x': 'DUAL_STACK' });
  });

  test('a path whose only records are subnet numbers is released, not refused', () => {
    const dir = tempDir();
    const file = writeV4(dir);
    const json = readJson(file);
    json.networks['corp/main'].ipv6Subnets['corp/gone'] = { 'nodes-a': 5 };
    fs.writeFileSync(file, JSON.stringify(json));
    const run = cli(['plan', 'rm', 'corp/gone'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('corp/gone:nodes-a netnum 5 (IPv6 subnet)');
    expect(readJson(file).networks['corp/main'].ipv6Subnets['corp/gone']).toBeUndefined();
  });

  test('releasing a network lists its families and subnet numbers too', () => {
    const dir = tempDir();
    const file = writeV4(dir, { 'lab/main': { cidr: '10.0.0.0/8', pools: { 'lab/main': {} }, families: { 'lab/a': 'IPV6' }, ipv6Subnets: { 'lab/a': { 'nodes-a': 2 } } } });
    const run = cli(['plan', 'rm', 'lab/main'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('lab/a IPV6 (family)');
    expect(run.stdout).toContain('lab/a:nodes-a netnum 2 (IPv6 subnet)');
    expect(Object.keys(readJson(file).networks)).toEqual(['corp/main']);
  });
});

describe('plan show', () => {
  test('lists families and IPv6 subnet numbers after the ranges', () => {
    const dir = tempDir();
    writeV4(dir);
    const run = cli(['plan', 'show'], dir);
    expect(run.stderr).toBe('');
    const rows = run.stdout.trim().split('\n').map((l) => l.split(/\s+/));
    expect(rows).toContainEqual(['corp/main', 'families', 'corp/x', 'family', 'DUAL_STACK']);
    expect(rows).toContainEqual(['corp/main', 'ipv6Subnets', 'corp/x:nodes-b', 'ipv6-subnet', '1']);
  });
});

describe('plan diff', () => {
  test('a renumbered IPv6 subnet or a changed family is MOVED (exit 1); a new one is added', () => {
    const dir = tempDir();
    const file = writeV4(dir);
    const before = path.join(dir, 'before.json');
    fs.copyFileSync(file, before);
    const json = readJson(file);
    json.networks['corp/main'].ipv6Subnets['corp/x'] = { 'nodes-a': 2, 'nodes-b': 1, 'nodes-c': 0 };
    json.networks['corp/main'].families['corp/x'] = 'IPV6';
    fs.writeFileSync(file, JSON.stringify(json));
    const run = cli(['plan', 'diff', '--against', before], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const rows = run.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/));
    expect(rows).toContainEqual(['+', 'corp/main', 'ipv6Subnets', 'corp/x:nodes-c', '0']);
    expect(rows).toContainEqual(['~', 'corp/main', 'ipv6Subnets', 'corp/x:nodes-a', '0', '->', '2', 'MOVED']);
    expect(rows).toContainEqual(['~', 'corp/main', 'families', 'corp/x', 'DUAL_STACK', '->', 'IPV6', 'MOVED']);
    expect(run.stdout).toContain('1 added, 0 removed, 2 moved');
  });
});
