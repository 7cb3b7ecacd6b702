import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnnotationMetadataEntryType, App, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { Cloud, Network, NetworkProps } from '../lib';

/** A fresh temp dir for a plan file (never the repository's). */
export function tempPlanFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-networks-')), 'cidr-plan.lock.json');
}

/** An app, a stack `corp`, and a Network `main` (10.0.0.0/8 on GCP unless overridden), unfrozen. */
export function estate(props: Partial<NetworkProps> = {}): { app: App; stack: TerraformStack; network: Network } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'corp');
  const network = new Network(stack, 'main', {
    cidr: '10.0.0.0/8',
    cloud: Cloud.gcp({ region: 'us-central1' }),
    planFile: tempPlanFile(),
    frozen: false,
    ...props,
  });
  return { app, stack, network };
}

/** The synth error text, or '' when synth passes. */
export function synthError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/** Messages of one annotation level (cdktf's `@cdktf/warn`, `@cdktf/info`, ...) on a construct. */
export function annotations(construct: IConstruct, level: AnnotationMetadataEntryType): string[] {
  return construct.node.metadata.filter((m) => m.type === level).map((m) => String(m.data));
}
