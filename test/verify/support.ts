// The example estate synthesized once into a temp cdktf.out, and what the verifier reads of it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { allExamples } from '../../examples/main';

const COMMITTED = path.join(__dirname, '..', '..', 'examples', 'cidr-plan.lock.json');

/** Synthesizes the examples `build` makes (every one by default, on a copy of the committed plan file) into a fresh cdktf.out; returns its path. */
export function synthExamples(build: (app: App, planFile: string) => unknown = allExamples): string {
  process.env.CHECKPOINT_DISABLE = '1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-'));
  const planFile = path.join(dir, 'cidr-plan.lock.json');
  fs.copyFileSync(COMMITTED, planFile);
  const app = new App({ outdir: path.join(dir, 'cdktf.out') });
  build(app, planFile);
  app.synth();
  return path.join(dir, 'cdktf.out');
}

/** One synthesized stack: its Terraform JSON and address plans, as text. */
export interface SynthesizedStack {
  readonly name: string;
  readonly synth: string;
  readonly addressPlans: string[];
}

/** Every stack of `outdir` that has an address plan. */
export function stacksOf(outdir: string): SynthesizedStack[] {
  const root = path.join(outdir, 'stacks');
  return fs.readdirSync(root).sort().flatMap((name) => {
    const dir = path.join(root, name);
    const plans = fs.readdirSync(dir).filter((f) => /^address-plan.*\.json$/.test(f)).sort();
    if (!plans.length) return [];
    return [{ name, synth: fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8'), addressPlans: plans.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) }];
  });
}
