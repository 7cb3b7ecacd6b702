// Synth bench of the example estate (part of `npm run bench`). Builds the example estate (every
// model on both clouds, 20 stacks) with cdktf-kube-networks, and the very same resources
// with raw cdktf (TerraformResource with the synthesized attributes), and reports the ratio
// of the two synth times: what planning and policy cost on top of cdktf itself. The raw side
// gives every attribute as the literal the plan produced, so it also skips what cdktf charges
// for references between resources (a token with a stack trace each): an upper bound.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { allExamples } from '../examples/main';

type TfJson = { resource?: Record<string, Record<string, Record<string, unknown>>> };

/** Our synth: construct the estate, plan, check every rule, synthesize every stack. */
function ours(): Record<string, TfJson> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  fs.copyFileSync(path.join(__dirname, '..', 'examples', 'cidr-plan.lock.json'), path.join(dir, 'plan.json'));
  const app = Testing.app();
  allExamples(app, path.join(dir, 'plan.json'));
  const out: Record<string, TfJson> = {};
  for (const stack of app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c))) {
    out[stack.node.id] = JSON.parse(Testing.synth(stack, true));
  }
  return out;
}

/** Raw cdktf: the same resources, attributes given as they are, synthesized the same way. */
function raw(estate: Record<string, TfJson>): number {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-raw-')) });
  let count = 0;
  for (const [id, json] of Object.entries(estate)) {
    const stack = new TerraformStack(app, id);
    if (id.startsWith('aws') || id === 'eks' || id === 'enterprise-aws') new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    else new GoogleProvider(stack, 'google', { project: 'acme', region: 'us-central1' });
    for (const [type, resources] of Object.entries(json.resource ?? {})) {
      for (const [name, attributes] of Object.entries(resources)) {
        const resource = new TerraformResource(stack, name, { terraformResourceType: type });
        for (const [key, value] of Object.entries(attributes)) if (key !== '//') resource.addOverride(key, value);
        count++;
      }
    }
    Testing.synth(stack, true);
  }
  return count;
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The example estate's synth against raw cdktf, best of `runs`. */
export function synthBench(runs = 3): { stacks: number; resources: number; oursMs: number; rawMs: number; ratio: number } {
  const estate = ours(); // warm up, and the resources raw cdktf rebuilds
  let resources = 0;
  raw(estate);
  const oursMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    oursMs.push(time(() => ours()));
    rawMs.push(time(() => { resources = raw(estate); }));
  }
  const best = (xs: number[]) => Math.min(...xs);
  const stacks = Object.keys(estate).length;
  console.log(`\nsynth of the example estate (${stacks} stacks, ${resources} resources), best of ${runs}:`);
  console.log(`  cdktf-kube-networks   ${best(oursMs).toFixed(0).padStart(6)} ms  (construct, plan, check every rule, synthesize)`);
  console.log(`  raw cdktf             ${best(rawMs).toFixed(0).padStart(6)} ms  (the same resources as literals, synthesized)`);
  console.log(`  ratio                 ${(best(oursMs) / best(rawMs)).toFixed(2)}x`);
  return { stacks, resources, oursMs: Math.round(best(oursMs)), rawMs: Math.round(best(rawMs)), ratio: Math.round((best(oursMs) / best(rawMs)) * 100) / 100 };
}

if (require.main === module) synthBench(process.argv.includes('--quick') ? 1 : 3);
