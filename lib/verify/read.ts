// Reads what the verifier works on: a cdktf.out directory (every stack, its address plans,
// the estate files that say which networks belong together) or one stack's JSON and plans.
import * as fs from 'fs';
import * as path from 'path';
import { AwsFabric } from './aws';
import { Fabric } from './fabric';
import { GcpFabric } from './gcp';
import { parsePlan, PlanNetwork } from './plan';
import { TfStack } from './terraform';

/** One network, with the fabric of the stack it was synthesized in. */
export interface NetworkUnderTest {
  readonly plan: PlanNetwork;
  readonly stack: string;
  readonly fabric: Fabric;
}

/** Networks of one estate, verified and drawn together. */
export interface EstateUnderTest {
  readonly estate: string;
  readonly networks: readonly NetworkUnderTest[];
}

/** The fabric of `plan`'s cloud over `tf`. */
export function fabricFor(tf: TfStack, plan: PlanNetwork): Fabric {
  if (plan.cloud === 'GCP') return new GcpFabric(tf, plan);
  if (plan.cloud === 'AWS') return new AwsFabric(tf, plan);
  throw new Error(`verify: network ${plan.network} is on cloud ${JSON.stringify(plan.cloud)}, which the verifier does not know — it reads GCP and AWS networks`);
}

/** Every stack of `outdir` (a cdktf.out directory), grouped by estate. */
export function readOutdir(outdir: string): EstateUnderTest[] {
  const stacksDir = path.join(outdir, 'stacks');
  if (!fs.existsSync(stacksDir)) {
    throw new Error(`verify: ${outdir} has no stacks/ folder — pass a cdktf.out directory (run cdktf synth first) or a stack's JSON`);
  }
  const networks: NetworkUnderTest[] = [];
  for (const name of fs.readdirSync(stacksDir).sort()) {
    const dir = path.join(stacksDir, name);
    const tfFile = path.join(dir, 'cdk.tf.json');
    if (!fs.existsSync(tfFile)) continue;
    const tf = TfStack.parse(fs.readFileSync(tfFile, 'utf8'), tfFile);
    const plans = fs.readdirSync(dir).filter((f) => /^address-plan(-.+)?\.json$/.test(f)).sort();
    for (const file of plans) {
      const plan = parsePlan(fs.readFileSync(path.join(dir, file), 'utf8'), path.join(dir, file));
      networks.push({ plan, stack: name, fabric: fabricFor(tf, plan) });
    }
  }
  if (!networks.length) {
    throw new Error(`verify: no stack of ${outdir} has an address-plan.json — synthesize with cdktf-kube-networks networks in the app (the report is written at synth)`);
  }
  // Estates of several networks have a file at the root; a lone network is an estate of its own.
  const estateOf = new Map<string, string>();
  for (const file of fs.readdirSync(outdir).filter((f) => /^address-plan-estate-.+\.json$/.test(f))) {
    const json = JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8')) as { estate: string; networks: Array<{ network: string }> };
    for (const n of json.networks ?? []) estateOf.set(n.network, json.estate);
  }
  return group(networks, (n) => estateOf.get(n.plan.network) ?? n.plan.network);
}

/** One stack's JSON (what Testing.synth returns) with the address plans of its networks. */
export function readSynth(synth: string, addressPlans: readonly string[]): EstateUnderTest[] {
  const tf = TfStack.parse(synth, 'the synthesized stack');
  if (!addressPlans.length) {
    throw new Error('verify: no address plan given with the stack\'s JSON — pass addressPlans: [fs.readFileSync(<outdir>/stacks/<stack>/address-plan.json)] or the cdktf.out directory as outdir');
  }
  const networks = addressPlans.map((text, i) => {
    const plan = parsePlan(text, `addressPlans[${i}]`);
    return { plan, stack: tf.name, fabric: fabricFor(tf.rebase(plan.network.split('/')[0]), plan) };
  });
  return group(networks, () => tf.name);
}

function group(networks: NetworkUnderTest[], key: (n: NetworkUnderTest) => string): EstateUnderTest[] {
  const estates = new Map<string, NetworkUnderTest[]>();
  for (const n of networks) estates.set(key(n), [...(estates.get(key(n)) ?? []), n]);
  return [...estates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([estate, members]) => ({ estate, networks: members }));
}
