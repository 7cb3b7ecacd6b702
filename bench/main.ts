// `npm run bench`: every figure of issue 14, ours beside its floor, and ONE JSON line at the
// end with all of them. `npm run bench -- --quick` runs small sizes in a few seconds (the
// smoke `npm test` runs; no figure is asserted). The full run takes a few minutes.
//
// Figures (ratio = ours / floor):
// - address: plan (AddressPool.allocate) + check (findOverlaps) of 10k and 100k ranges, and
//   the growth from 10k to 100k against what n log n and n^2 predict (bench/run.ts);
// - exampleEstate: synth of the example estate against raw cdktf (bench/synth.ts);
// - mixedEstate: synth of the 200-cluster mixed estate on GCP and on AWS against the same
//   resources built with the typed provider classes, and the peak RSS of each;
// - constructPlan: constructing 1,000 and 4,000 small clusters and planning their ranges
//   (no rules, no synth) against constructing as many bare typed resources;
// - stackEstate: synth of an estate of 25, 100 and 200 stacks with one network each;
// - import: `require('cdktf-kube-networks')` (dist/, after `npm run build`) in a fresh node.
// Every estate figure but the example estate's comes from a child process of its own, which
// runs the library and the job compiled to plain JavaScript (no ts-node).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { addressBench } from './run';
import { JobResult, JOBS, plainStackTraces } from './jobs';
import { synthBench } from './synth';

const QUICK = process.argv.includes('--quick');
const SIZES = QUICK
  ? { address: [1_000, 10_000], mixed: 8, plan: [20, 80], stacks: [2, 5], exampleRuns: 1, pairs: 1 }
  : { address: [1_000, 10_000, 100_000], mixed: 200, plan: [1_000, 4_000], stacks: [25, 100, 200], exampleRuns: 3, pairs: 3 };
const ROOT = path.join(__dirname, '..');
const CHILD_TIMEOUT_MS = 15 * 60_000;

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/**
 * The library and the bench jobs as plain JavaScript, for the child processes: a user's
 * compiled program neither carries ts-node's compiler in memory (80 MB of peak RSS) nor
 * source-map-support's cost on every stack trace cdktf records. Written under
 * node_modules/.cache, where the compiled files still resolve the project's packages.
 */
function compileForChildren(): string {
  const out = path.join(ROOT, 'node_modules', '.cache', 'cdktf-kube-networks-bench');
  fs.rmSync(out, { recursive: true, force: true });
  const sources = (dir: string): string[] => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path.join(dir, entry.name)] : []);
  for (const file of [...sources('lib'), ...['child', 'jobs', 'floor', 'estates'].map((name) => path.join('bench', `${name}.ts`))]) {
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(ROOT, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    const target = path.join(out, file.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  return path.join(out, 'bench', 'child.js');
}

let childScript: string | undefined;

/** Runs a job of bench/jobs.ts: in a child process (its own heap and peak RSS), or here with --quick. */
function job(name: string, ...args: string[]): JobResult {
  if (QUICK) return JOBS[name](...args);
  childScript ??= compileForChildren();
  const child = spawnSync(process.execPath, [childScript, name, ...args], {
    cwd: ROOT,
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: CHILD_TIMEOUT_MS,
  });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !last.startsWith('{')) {
    throw new Error(`bench job ${name} ${args.join(' ')} failed (${child.status ?? child.signal}): ${child.stderr.slice(-2000)}`);
  }
  return JSON.parse(last) as JobResult;
}

/**
 * Runs ours and its floor in turn, SIZES.pairs times each (ours, floor, ours, floor: a drift of the
 * shared machine's speed hits both), and keeps each one's fastest run and largest peak RSS.
 */
function bestOf(ours: () => JobResult, floor: () => JobResult): [JobResult, JobResult] {
  const runs: Array<[JobResult, JobResult]> = [];
  for (let i = 0; i < SIZES.pairs; i++) runs.push([ours(), floor()]);
  const best = (side: 0 | 1): JobResult => {
    const all = runs.map((pair) => pair[side]);
    const fastest = all.reduce((a, b) => ((b.ms as number) < (a.ms as number) ? b : a));
    const peaks = all.map((r) => r.peakRssMB as number | undefined).filter((x): x is number => x !== undefined);
    return { ...fastest, runs: all.length, ...(peaks.length > 0 ? { peakRssMB: Math.max(...peaks) } : {}) };
  };
  return [best(0), best(1)];
}

function mixedEstate(): Record<string, unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-mixed-'));
  const out: Record<string, unknown> = { clusters: SIZES.mixed };
  for (const cloud of ['gcp', 'aws']) {
    const file = path.join(dir, `${cloud}.json`);
    const [ours, floor] = bestOf(() => job('synth-ours', cloud, String(SIZES.mixed), file), () => job('synth-floor', cloud, file));
    out[cloud] = {
      resources: ours.resources,
      floorSameResources: floor.same,
      runs: ours.runs,
      oursMs: ours.ms,
      floorMs: floor.ms,
      ratio: ratio(ours.ms as number, floor.ms as number),
      oursPeakRssMB: ours.peakRssMB ?? null,
      floorPeakRssMB: floor.peakRssMB ?? null,
      rssRatio: ours.peakRssMB ? ratio(ours.peakRssMB as number, floor.peakRssMB as number) : null,
    };
    console.log(`mixed estate of ${SIZES.mixed} clusters on ${cloud}: ${JSON.stringify(out[cloud])}`);
  }
  return out;
}

function constructPlan(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const clusters of SIZES.plan) {
    let types = '';
    const [ours, floor] = bestOf(() => {
      const result = job('plan-ours', 'gcp', String(clusters));
      types = JSON.stringify(result.types);
      return result;
    }, () => job('plan-floor', 'gcp', types));
    out[String(clusters)] = { ranges: ours.ranges, resources: ours.resources, oursMs: ours.ms, floorMs: floor.ms, ratio: ratio(ours.ms as number, floor.ms as number) };
    console.log(`construct + plan of ${clusters} small GCP clusters: ${JSON.stringify(out[String(clusters)])}`);
  }
  const [small, large] = SIZES.plan;
  const time = (n: number) => (out[String(n)] as { oursMs: number }).oursMs;
  out.growth = { from: small, to: large, ours: ratio(time(large), time(small)), linear: large / small };
  return out;
}

function stackEstate(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const stacks of SIZES.stacks) {
    const { ms } = job('stacks-ours', 'gcp', String(stacks));
    out[String(stacks)] = { ms, msPerStack: ratio(ms as number, stacks) };
    console.log(`estate of ${stacks} stacks (one network each): ${ms} ms`);
  }
  const [first, last] = [SIZES.stacks[0], SIZES.stacks[SIZES.stacks.length - 1]];
  const time = (n: number) => (out[String(n)] as { ms: number }).ms;
  out.growth = { from: first, to: last, ours: ratio(time(last), time(first)), linear: last / first };
  return out;
}

/** require() of the built package in a fresh node: the time of the require call, and of the whole process. */
function importTime(): Record<string, unknown> {
  const entry = path.join(ROOT, 'dist', 'index.js');
  if (!fs.existsSync(entry)) return { skipped: 'no dist/index.js: run npm run build first' };
  // The package alone, and cdktf alone first (every cdktf program imports it anyway), then the package on top of it.
  const timed = (modules: string[]) => `const ms = []; for (const m of ${JSON.stringify(modules)}) { const t = process.hrtime.bigint(); require(m); ms.push(Number(process.hrtime.bigint() - t) / 1e6); } console.log(JSON.stringify(ms));`;
  const cdktf = require.resolve('cdktf', { paths: [ROOT] });
  const runs: number[] = [];
  const whole: number[] = [];
  const cdktfRuns: number[] = [];
  const beyondRuns: number[] = [];
  const run = (modules: string[]): number[] => {
    const child = spawnSync(process.execPath, ['-e', timed(modules)], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    if (child.status !== 0) throw new Error(`require of ${modules.join(', ')} failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim()) as number[];
  };
  for (let i = 0; i < (QUICK ? 1 : 5); i++) {
    const start = process.hrtime.bigint();
    runs.push(run([entry])[0]);
    whole.push(Number(process.hrtime.bigint() - start) / 1e6);
    const [first, then] = run([cdktf, entry]);
    cdktfRuns.push(first);
    beyondRuns.push(then);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const out = {
    requireMs: Math.round(median(runs)), processMs: Math.round(median(whole)),
    cdktfMs: Math.round(median(cdktfRuns)), beyondCdktfMs: Math.round(median(beyondRuns)), runs: runs.length,
  };
  console.log(`require('cdktf-kube-networks'): ${JSON.stringify(out)}`);
  return out;
}

function main(): void {
  const start = process.hrtime.bigint();
  const figures: Record<string, unknown> = {
    machine: { cores: os.cpus().length, node: process.version, quick: QUICK },
    address: addressBench(SIZES.address),
  };
  plainStackTraces(); // as every child does
  figures.exampleEstate = synthBench(SIZES.exampleRuns);
  figures.mixedEstate = mixedEstate();
  figures.constructPlan = constructPlan();
  figures.stackEstate = stackEstate();
  figures.import = importTime();
  figures.benchSeconds = Math.round(Number(process.hrtime.bigint() - start) / 1e8) / 10;
  console.log(JSON.stringify(figures));
}

main();
