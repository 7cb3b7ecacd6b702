import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PlanFile } from '../../lib/model/plan-file';
import { tempPlanFile } from '../support';
import { exited, runWriter, startWriter, waitForStderr } from './support';

function seed(file: string): string {
  PlanFile.load(file).save('corp/main', '10.0.0.0/8', { 'corp/main': { 'corp/prod:pods': '10.0.0.0/16' } });
  return fs.readFileSync(file, 'utf8');
}

describe('a write killed half-way leaves the previous file intact', () => {
  test('SIGKILL between the temp file and the rename: the old file stands, and the next write recovers', async () => {
    const file = tempPlanFile();
    const before = seed(file);
    const writer = startWriter(file, ['lab/main'], { CDKTF_KUBE_NETWORKS_PLAN_FILE_PAUSE: 'before-rename:forever' });
    await waitForStderr(writer, 'paused before-rename');
    writer.kill('SIGKILL');
    await exited(writer);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(PlanFile.load(file).records('corp/main', 'corp/main')).toEqual({ 'corp/prod:pods': '10.0.0.0/16' });
    const dir = fs.readdirSync(path.dirname(file));
    expect(dir.filter((f) => f.endsWith('.tmp'))).toHaveLength(1); // the dead writer's complete temp file, never renamed
    expect(dir).toContain('cidr-plan.lock.json.lock'); // and its lock, left behind
    // The next writer breaks the dead writer's lock, clears its temp file and keeps every record.
    PlanFile.load(file).save('edge/main', '10.0.0.0/8', { 'edge/main': { 'edge/a:pods': '10.1.0.0/16' } });
    expect(PlanFile.load(file).networks()).toEqual(['corp/main', 'edge/main']);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['cidr-plan.lock.json']);
  });

  test('SIGKILL at random moments of repeated saves never leaves a broken or empty file', async () => {
    const file = tempPlanFile();
    seed(file);
    for (let i = 0; i < 6; i++) {
      const writer = startWriter(file, Array.from({ length: 40 }, (_, n) => `k${i}/n${n}`));
      await new Promise((resolve) => setTimeout(resolve, 40 + 25 * i));
      writer.kill('SIGKILL');
      await exited(writer);
      const plan = PlanFile.load(file); // never throws: whole old or whole new
      expect(plan.records('corp/main', 'corp/main')).toEqual({ 'corp/prod:pods': '10.0.0.0/16' });
    }
  });
});

describe('concurrent writers lose nothing', () => {
  test('four processes saving different networks into one file', async () => {
    const file = tempPlanFile();
    seed(file);
    const writers = Array.from({ length: 4 }, (_, w) => startWriter(file, Array.from({ length: 8 }, (__, n) => `w${w}/n${n}`)));
    const codes = await Promise.all(writers.map(exited));
    expect(codes).toEqual([0, 0, 0, 0]);
    const networks = PlanFile.load(file).networks();
    expect(networks).toHaveLength(1 + 4 * 8);
    for (let w = 0; w < 4; w++) for (let n = 0; n < 8; n++) expect(networks).toContain(`w${w}/n${n}`);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['cidr-plan.lock.json']);
  });

  test('a writer waits for the lock while another holds it, then merges', async () => {
    const file = tempPlanFile();
    seed(file);
    const slow = startWriter(file, ['slow/main'], { CDKTF_KUBE_NETWORKS_PLAN_FILE_PAUSE: 'locked:600' });
    await waitForStderr(slow, 'paused locked');
    const fast = runWriter(file, ['fast/main']);
    expect(fast).toEqual({ status: 0, stderr: '' });
    expect(await exited(slow)).toBe(0);
    expect(PlanFile.load(file).networks()).toEqual(['corp/main', 'fast/main', 'slow/main']);
  });

  test('a lock held too long by a live process is an error naming the lock and the fix', () => {
    const file = tempPlanFile();
    const before = seed(file);
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString(), token: 'x' }));
    const run = runWriter(file, ['late/main'], { CDKTF_KUBE_NETWORKS_LOCK_WAIT_MS: '300' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`plan file ${file} is locked by process ${process.pid} on`);
    expect(run.stderr).toContain(`(${file}.lock) for over 0s: let that synth finish, or delete ${file}.lock if none is running`);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    fs.rmSync(`${file}.lock`);
  });
});
