// Helpers of the policy tests: an estate to build plans in, and what synth said about it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnnotationMetadataEntryType, App, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { Cloud, Network, NetworkProps, PolicyViolation, Severity } from '../../lib';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A plan file path in a fresh temp dir (never the repository's `cidr-plan.lock.json`). */
export function tempPlanFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-networks-policy-'));
  tempDirs.push(dir);
  return path.join(dir, 'cidr-plan.lock.json');
}

/** Other: a host that already exists in the main network (the talk's 10.128.1.1). */
export const OTHER = { cidr: '10.128.1.1/32', name: 'other' };

export interface Estate {
  readonly app: App;
  readonly stack: TerraformStack;
  readonly network: Network;
  readonly planFile: string;
}

/**
 * An app, a stack `corp` and a Network `corp/main` on 10.0.0.0/8 (GCP), with its plan
 * file in a fresh temp dir and `frozen: false` (CI=true would otherwise freeze it).
 */
export function estate(props: Partial<NetworkProps> = {}, stackId: string = 'corp'): Estate {
  const app = Testing.app();
  const stack = new TerraformStack(app, stackId);
  const planFile = props.planFile ?? tempPlanFile();
  const network = new Network(stack, 'main', {
    cidr: '10.0.0.0/8',
    cloud: Cloud.gcp({ region: 'us-central1' }),
    frozen: false,
    ...props,
    planFile,
  });
  return { app, stack, network, planFile };
}

/** The violations of one rule. */
export function violationsOf(network: Network, ruleId: string): PolicyViolation[] {
  return network.violations().filter((v) => v.ruleId === ruleId);
}

/** The `[path] RULE: message` lines of the synth error; fails the test when synth passes. */
export function synthErrorLines(stack: TerraformStack): string[] {
  let error: Error | undefined;
  try {
    Testing.synth(stack, true);
  } catch (e) {
    error = e as Error;
  }
  if (!error) throw new Error(`synth of ${stack.node.path} passed; expected it to fail`);
  return error.message.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('['));
}

/** Annotations of one level (`@cdktf/warn`, `@cdktf/info`) on `construct` itself. */
export function annotationsOf(construct: IConstruct, level: AnnotationMetadataEntryType): string[] {
  return construct.node.metadata.filter((m) => m.type === level).map((m) => String(m.data));
}

export const warningsOf = (construct: IConstruct) => annotationsOf(construct, AnnotationMetadataEntryType.WARN);
export const infosOf = (construct: IConstruct) => annotationsOf(construct, AnnotationMetadataEntryType.INFO);

/** One finding as a test expects it: where it is reported and its full message. */
export interface ExpectedFinding {
  readonly path: string;
  readonly message: string;
}

/**
 * Asserts that `ruleId` (an ERROR rule) finds exactly `findings` on the estate's network,
 * and that synth fails listing each as `[path] RULE: message`.
 */
export function expectErrors(e: Pick<Estate, 'stack' | 'network'>, ruleId: string, findings: ExpectedFinding[]): void {
  expect(violationsOf(e.network, ruleId)).toEqual(findings.map((f) => ({ ruleId, severity: Severity.ERROR, ...f })));
  for (const f of findings) {
    expect(() => Testing.synth(e.stack, true)).toThrow(`[${f.path}] ${ruleId}: ${f.message}`);
  }
}

/** Asserts that `ruleId` finds nothing on the estate's network. */
export function expectNoViolation(e: Pick<Estate, 'network'>, ruleId: string): void {
  expect(violationsOf(e.network, ruleId)).toEqual([]);
}

/** Asserts that synth of the stack passes every validation. */
export function expectSynthPasses(e: Pick<Estate, 'stack'>): void {
  expect(() => Testing.synth(e.stack, true)).not.toThrow();
}
