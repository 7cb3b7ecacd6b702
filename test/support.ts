// Helpers shared by the tests: an estate to build plans in, and what synth said about it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnnotationMetadataEntryType, App, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Cloud, CloudProvider, ICloud, Network, NetworkPlan, NetworkProps } from '../lib';
import { commitPlanFiles } from '../lib/model/estate';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp directory, removed after the file's tests. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-networks-'));
  tempDirs.push(dir);
  return dir;
}

/** A plan file path in a fresh temp dir (never the repository's `cidr-plan.lock.json`). */
export function tempPlanFile(): string {
  return path.join(tempDir(), 'cidr-plan.lock.json');
}

export interface Estate {
  readonly app: App;
  readonly stack: TerraformStack;
  readonly network: Network;
  readonly planFile: string;
}

/**
 * An app, a stack (`corp`) and a Network `main` on 10.0.0.0/8 (GCP) unless overridden, with
 * its plan file in a fresh temp dir and `frozen: false` (CI=true would otherwise freeze it).
 */
export function estate(props: Partial<NetworkProps> = {}, stackId: string = 'corp', app: App = Testing.app()): Estate {
  const stack = new TerraformStack(app, stackId);
  const cloud = props.cloud ?? Cloud.gcp({ region: 'us-central1' });
  withProvider(stack, cloud);
  const planFile = props.planFile ?? tempPlanFile();
  const network = new Network(stack, 'main', {
    cidr: '10.0.0.0/8',
    frozen: false,
    ...props,
    cloud,
    planFile,
  });
  return { app, stack, network, planFile };
}

/** Adds the provider a stack on `cloud` needs (offline: no credentials are read at synth). */
export function withProvider(stack: TerraformStack, cloud: ICloud): void {
  if (cloud.provider === CloudProvider.AWS) new AwsProvider(stack, 'aws', { region: cloud.region });
  else new GoogleProvider(stack, 'google', { project: 'acme', region: cloud.region });
}

/**
 * Synthesizes one stack with its validations, then writes the app's plan files as
 * `App.synth()` does once every stack passed: the synthesized JSON.
 */
export function synthStack(stack: TerraformStack): string {
  const json = Testing.synth(stack, true);
  commitPlanFiles(stack);
  return json;
}

/** The synth error text, or '' when synth passes. */
export function synthError(stack: TerraformStack): string {
  try {
    synthStack(stack);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/** Messages of one annotation level (cdktf's `@cdktf/warn`, `@cdktf/info`, ...) on `construct` itself. */
export function annotations(construct: IConstruct, level: AnnotationMetadataEntryType): string[] {
  return construct.node.metadata.filter((m) => m.type === level).map((m) => String(m.data));
}

/**
 * A plan written by hand, for pure rules and for violations the constructs cannot produce:
 * network corp/main on 10.0.0.0/8 on `plan.cloud` (GCP unless given), nothing planned yet.
 */
export function handPlan(plan: Partial<NetworkPlan>): NetworkPlan {
  return {
    path: 'corp/main',
    cloud: CloudProvider.GCP,
    cidr: '10.0.0.0/8',
    islandCidr: '100.64.0.0/10',
    ranges: [],
    clusters: [],
    otherNetworksRanges: [],
    planFile: 'hand-written.lock.json',
    frozen: false,
    unclaimedRecords: [],
    suppressions: [],
    availabilityZones: [],
    ...plan,
  };
}
