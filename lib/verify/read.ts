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
  /** The stack's Terraform. */
  readonly tf?: TfStack;
}

/** A link named by the estate report, with the Terraform of the stack it was synthesized in. */
export interface LinkUnderTest {
  readonly path: string;
  /** Path of the GCP network. */
  readonly gcp: string;
  /** Path of the AWS network. */
  readonly aws: string;
  /** The link's stack; undefined when no stack of the output holds it. */
  readonly tf?: TfStack;
}

/** Networks of one estate, verified and drawn together, and the links between them. */
export interface EstateUnderTest {
  readonly estate: string;
  readonly networks: readonly NetworkUnderTest[];
  readonly links: readonly LinkUnderTest[];
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
  const stacks = new Map<string, TfStack>();
  for (const name of fs.readdirSync(stacksDir).sort()) {
    const dir = path.join(stacksDir, name);
    const tfFile = path.join(dir, 'cdk.tf.json');
    if (!fs.existsSync(tfFile)) continue;
    const tf = TfStack.parse(fs.readFileSync(tfFile, 'utf8'), tfFile);
    stacks.set(name, tf);
    const plans = fs.readdirSync(dir).filter((f) => /^address-plan(-.+)?\.json$/.test(f)).sort();
    for (const file of plans) {
      const plan = parsePlan(fs.readFileSync(path.join(dir, file), 'utf8'), path.join(dir, file));
      networks.push({ plan, stack: name, fabric: fabricFor(tf, plan), tf });
    }
  }
  if (!networks.length) {
    throw new Error(`verify: no stack of ${outdir} has an address-plan.json — synthesize with cdktf-kube-networks networks in the app (the report is written at synth)`);
  }
  // Estates of several networks have a file at the root; a lone network is an estate of its own.
  const estateOf = new Map<string, string>();
  const links = new Map<string, LinkUnderTest[]>();
  for (const file of fs.readdirSync(outdir).filter((f) => /^address-plan-estate-.+\.json$/.test(f))) {
    const json = JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8')) as {
      estate: string; networks: Array<{ network: string }>; links?: Array<{ path: string; gcp: { network: string }; aws: { network: string } }>;
    };
    for (const n of json.networks ?? []) estateOf.set(n.network, json.estate);
    // The report names the links; what they are made of is read from the link's stack.
    links.set(json.estate, (json.links ?? []).map((l) => ({ path: l.path, gcp: l.gcp.network, aws: l.aws.network, tf: stacks.get(l.path.split('/')[0]) })));
  }
  return group(networks, (n) => estateOf.get(n.plan.network) ?? n.plan.network, links);
}

/** One stack's JSON (what Testing.synth returns) with the address plans of its networks. */
export function readSynth(synth: string, addressPlans: readonly string[]): EstateUnderTest[] {
  const tf = TfStack.parse(synth, 'the synthesized stack');
  if (!addressPlans.length) {
    throw new Error('verify: no address plan given with the stack\'s JSON — pass addressPlans: [fs.readFileSync(<outdir>/stacks/<stack>/address-plan.json)] or the cdktf.out directory as outdir');
  }
  const networks = addressPlans.map((text, i) => {
    const plan = parsePlan(text, `addressPlans[${i}]`);
    // Paths Testing.synth did not record are read against the owners the plan names.
    const owners = [plan.network, ...plan.clusters.flatMap((c) => [c.path, ...(c.archipelago ? [c.archipelago] : [])])];
    const rebased = tf.rebase(plan.network.split('/')[0], owners);
    return { plan, stack: tf.name, fabric: fabricFor(rebased, plan), tf: rebased };
  });
  return group(networks, () => tf.name);
}

function group(networks: NetworkUnderTest[], key: (n: NetworkUnderTest) => string, links: ReadonlyMap<string, LinkUnderTest[]> = new Map()): EstateUnderTest[] {
  const estates = new Map<string, NetworkUnderTest[]>();
  for (const n of networks) estates.set(key(n), [...(estates.get(key(n)) ?? []), n]);
  return [...estates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([estate, members]) => ({ estate, networks: members, links: links.get(estate) ?? [] }));
}
