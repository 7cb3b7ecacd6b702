// The estate-scale measurements of `npm run bench`. Each job runs in a child process of its
// own (bench/child.ts) so its peak RSS is its own and no job warms the heap for another;
// `--quick` runs them in the bench process instead, as a smoke.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformResource, Testing } from 'cdktf';
import { buildFloor, floorInput, sameResources, TfJson, typedClass } from './floor';
import { cloudStack, CloudName, freshPlanFile, mixedEstate, smallClusters, stackEstate } from './estates';

/**
 * Turns off source-map-support's stack traces (ts-node installs it): it maps every frame of
 * every stack trace cdktf captures (each token records its creation stack), which a compiled
 * program does not pay, so the bench does not either.
 */
export function plainStackTraces(): void {
  (Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;
}

/** What a job reports: its figures, plus the process's peak RSS when it ran in a child. */
export type JobResult = Record<string, unknown>;

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function resourceCount(json: TfJson): number {
  return Object.values(json.resource ?? {}).reduce((sum, r) => sum + Object.keys(r).length, 0);
}

/**
 * The mixed estate of `clusters` on `cloud`: construct, plan, check every rule, synthesize.
 * Writes the synthesized JSON to `out` for the floor. A small estate first warms the JIT.
 */
export function synthOurs(cloud: CloudName, clusters: number, out: string): JobResult {
  Testing.synth(mixedEstate(Testing.app(), cloud, 8, freshPlanFile()), true);
  const planFile = freshPlanFile();
  const start = process.hrtime.bigint();
  const stack = mixedEstate(Testing.app(), cloud, clusters, planFile);
  const text = Testing.synth(stack, true);
  const ms = elapsedMs(start);
  fs.writeFileSync(out, text);
  return { ms: Math.round(ms), resources: resourceCount(JSON.parse(text) as TfJson) };
}

/**
 * The floor of synthOurs: the same resources (read from `input`) constructed with the typed
 * provider classes, references as tokens, and synthesized. A slice of them first warms the JIT.
 */
export function synthFloor(cloud: CloudName, input: string): JobResult {
  const ours = JSON.parse(fs.readFileSync(input, 'utf8')) as TfJson;
  const resources = floorInput(ours); // loads the classes: a hand-written program imports them too
  buildFloor(cloudStack(Testing.app(), 'warm-up', cloud), resources.slice(0, 200));
  const start = process.hrtime.bigint();
  const stack = cloudStack(Testing.app(), `mixed-${cloud}`, cloud);
  buildFloor(stack, resources);
  const text = Testing.synth(stack, true);
  const ms = elapsedMs(start);
  const { same, total } = sameResources(ours, JSON.parse(text) as TfJson);
  return { ms: Math.round(ms), resources: total, same };
}

/** Construct `clusters` small flat clusters and plan every range (read the plan): no rules, no synth. */
export function planOurs(cloud: CloudName, clusters: number): JobResult {
  if (smallClusters(Testing.app(), cloud, 5, freshPlanFile()).network.plan.ranges.length === 0) throw new Error('warm-up planned nothing');
  const planFile = freshPlanFile();
  const start = process.hrtime.bigint();
  const { stack, network } = smallClusters(Testing.app(), cloud, clusters, planFile);
  const plan = network.plan;
  const ms = elapsedMs(start);
  const types: Record<string, number> = {};
  for (const c of stack.node.findAll()) {
    if (c instanceof TerraformResource) types[c.terraformResourceType] = (types[c.terraformResourceType] ?? 0) + 1;
  }
  return { ms: Math.round(ms), ranges: plan.ranges.length, resources: Object.values(types).reduce((a, b) => a + b, 0), types };
}

/** The floor of planOurs: as many bare typed resources of the same types, constructed only. */
export function planFloor(cloud: CloudName, typesJson: string): JobResult {
  const types = JSON.parse(typesJson) as Record<string, number>;
  const classes = Object.entries(types).map(([type, count]) => [typedClass(type), count] as const);
  const build = (scale: number) => {
    const stack = cloudStack(Testing.app(), 'bare', cloud);
    let i = 0;
    for (const [cls, count] of classes) for (let k = 0; k < Math.ceil(count * scale); k++) new cls(stack, `r${i++}`, {});
    return i;
  };
  build(0.01); // warm-up
  const start = process.hrtime.bigint();
  const resources = build(1);
  return { ms: Math.round(elapsedMs(start)), resources };
}

/** An estate of `stacks` stacks of one network (one small cluster) each, synthesized as cdktf synth does. */
export function stacksOurs(cloud: CloudName, stacks: number): JobResult {
  const outdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bench-stacks-'));
  new App({ outdir: outdir() }).synth(); // warm-up of the synth path
  stackEstate(new App({ outdir: outdir() }), cloud, 2, freshPlanFile());
  const start = process.hrtime.bigint();
  const app = new App({ outdir: outdir() });
  stackEstate(app, cloud, stacks, freshPlanFile());
  app.synth();
  return { ms: Math.round(elapsedMs(start)) };
}

/** Jobs by name, as bench/child.ts runs them (arguments as strings). */
export const JOBS: Record<string, (...args: string[]) => JobResult> = {
  'synth-ours': (cloud, clusters, out) => synthOurs(cloud as CloudName, Number(clusters), out),
  'synth-floor': (cloud, input) => synthFloor(cloud as CloudName, input),
  'plan-ours': (cloud, clusters) => planOurs(cloud as CloudName, Number(clusters)),
  'plan-floor': (cloud, types) => planFloor(cloud as CloudName, types),
  'stacks-ours': (cloud, stacks) => stacksOurs(cloud as CloudName, Number(stacks)),
};

