// Helpers of the policy tests: an estate to build plans in, and what synth said about it.
import { AnnotationMetadataEntryType, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { Network, PolicyViolation, Severity } from '../../lib';
import { annotations, Estate, synthStack } from '../support';

export { estate, Estate, synthStack, tempPlanFile } from '../support';

/** Other: a host that already exists in the main network (the talk's 10.128.1.1). */
export const OTHER = { cidr: '10.128.1.1/32', name: 'other' };

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

export const annotationsOf = annotations;

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
  expect(() => synthStack(e.stack)).not.toThrow();
}
