// The bad-input suite's harness: one estate per case, built in memory as a user writes it, on
// either cloud; a case passes when what it wrote is refused with the rule id, the message names
// the prop and the value, and nothing was written (no stack output, the plan file as it was).
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { Cloud, ICloud, Network, NetworkProps } from '../../lib';
import { tempDir, withProvider } from '../support';

export type CloudName = 'gcp' | 'aws';
export const CLOUDS: CloudName[] = ['gcp', 'aws'];

/** The cloud a case runs on, in the region the estate's provider has. */
export function cloudOf(name: CloudName): ICloud {
  return name === 'aws' ? Cloud.aws({ region: 'eu-west-1' }) : Cloud.gcp({ region: 'us-central1' });
}

export interface BadEstate {
  readonly app: App;
  readonly stack: TerraformStack;
  readonly network: Network;
  readonly cloud: CloudName;
}

/** What a refusal must say: its rule id, and the prop and value it names (each a substring). */
export interface Refusal {
  readonly id: string;
  readonly says: string[];
}

/** An app with its own synth dir, a stack `corp` with the cloud's provider. */
export function bareStack(cloud: CloudName, outdir: string = tempDir()): { app: App; stack: TerraformStack } {
  const app = Testing.app({ outdir });
  const stack = new TerraformStack(app, 'corp');
  withProvider(stack, cloudOf(cloud));
  return { app, stack };
}

/**
 * Runs `write` (what the user wrote) in a fresh estate on `cloud` — network `corp/main` on
 * 10.0.0.0/8, its plan file in a temp dir, holding `planText` when given — then synthesizes the
 * app (as `cdktf synth` does) when `write` did not throw. Returns the error message, having
 * checked that nothing was written.
 */
export function refusedMessage(cloud: CloudName, write: (e: BadEstate) => void, options: { network?: Partial<NetworkProps>; planText?: string } = {}): string {
  const outdir = tempDir();
  const planFile = path.join(tempDir(), 'cidr-plan.lock.json');
  if (options.planText !== undefined) fs.writeFileSync(planFile, options.planText);
  const before = options.planText;
  let message: string | undefined;
  try {
    const { app, stack } = bareStack(cloud, outdir);
    const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud: cloudOf(cloud), planFile, frozen: false, ...options.network });
    write({ app, stack, network, cloud });
    app.synth();
  } catch (e) {
    message = (e as Error).message;
  }
  if (message === undefined) throw new Error('nothing was refused: the estate synthesized');
  expectNothingWritten(outdir, planFile, before);
  return message;
}

/** The synth dir holds no stack's Terraform, and the plan file is as it was (absent, or the same bytes). */
export function expectNothingWritten(outdir: string, planFile: string, before: string | undefined): void {
  const stacks = path.join(outdir, 'stacks');
  const written = fs.existsSync(stacks) ? fs.readdirSync(stacks).filter((s) => fs.existsSync(path.join(stacks, s, 'cdk.tf.json'))) : [];
  expect(written).toEqual([]);
  if (before === undefined) expect(fs.existsSync(planFile)).toBe(false);
  else expect(fs.readFileSync(planFile, 'utf8')).toBe(before);
}

/** Asserts `message` carries the refusal's rule id (as `ID:`) and names everything it must. */
export function expectRefusal(message: string, refusal: Refusal): void {
  expect(message).toContain(`${refusal.id}: `);
  for (const text of refusal.says) expect(message).toContain(text);
}

/** A case: what the user wrote, and what its refusal must say. */
export type Case = [title: string, write: (e: BadEstate) => void, refusal: Refusal];

/** Each case on each of `clouds`: refused as it says, nothing written. */
export function refuses(cases: Case[], clouds: CloudName[] = CLOUDS): void {
  const rows = clouds.flatMap((cloud) => cases.map(([title, write, refusal]) => [cloud, title, write, refusal] as const));
  test.each(rows)('%s: %s', (cloud, _title, write, refusal) => {
    expectRefusal(refusedMessage(cloud, write), refusal);
  });
}

/** A factory call refused where it is written (no estate is needed): `Factory: ID: ...`. */
export function refusesCall(cases: Array<[title: string, call: () => unknown, refusal: Refusal & { factory: string }]>): void {
  test.each(cases)('%s', (_title, call, refusal) => {
    let message = '';
    try {
      call();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`${refusal.factory}: ${refusal.id}: `);
    for (const text of refusal.says) expect(message).toContain(text);
  });
}

/** Network props written wrong, on each of `clouds`: refused as each case says, nothing written. */
export function refusesNetwork(cases: Array<[title: string, props: Record<string, unknown>, refusal: Refusal]>, clouds: CloudName[] = CLOUDS): void {
  const rows = clouds.flatMap((cloud) => cases.map(([title, props, refusal]) => [cloud, title, props, refusal] as const));
  test.each(rows)('%s: %s', (cloud, _title, props, refusal) => {
    expectRefusal(refusedMessage(cloud, () => undefined, { network: props as Partial<NetworkProps> }), refusal);
  });
}
