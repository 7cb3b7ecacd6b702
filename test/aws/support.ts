// Helpers of the AWS tests. Importing lib/aws registers the AWS renderer and rules
// (the package's index loads it too, once it exports the AWS layer).
import { DefaultTokenResolver, StringConcat, Testing, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { Cloud, CloudProvider, Network, NetworkPlan, NetworkProps } from '../../lib';
import { estate, Estate, handPlan as sharedHandPlan, synthError } from '../support';

export { synthError, tempPlanFile } from '../support';

export const REGION = 'eu-west-1';
export const ZONES = ['eu-west-1a', 'eu-west-1b'];
/** Other: hosts that already exist in the main network. */
export const OTHER = { cidr: '10.128.0.0/16', name: 'other' };
/** The talk's hole: island and archipelago ranges in 10.0.0.0/14, inside 10.0.0.0/8 (RFC 1918, as EKS wants services). */
export const HOLE: Partial<NetworkProps> = { islandCidr: '10.0.0.0/14' };

/** An app, a stack `corp` with the AWS provider, and a Network `main` on 10.0.0.0/8 in eu-west-1 (zones a and b). */
export function awsEstate(props: Partial<NetworkProps> = {}, stackId: string = 'corp'): Estate {
  return estate({ cloud: Cloud.aws({ region: REGION }), ...props }, stackId);
}

/** Asserts that `synth` has a resource of `type` with `properties` (a subset; lists match whole). */
export function has(synth: string, type: string, properties: Record<string, unknown>): void {
  if (!Testing.toHaveResourceWithProperties(synth, type, properties)) {
    throw new Error(`no ${type} with ${JSON.stringify(properties)}; found:\n${JSON.stringify(resourcesOf(synth, type), null, 1)}`);
  }
}

/** Every resource of `type` in `synth`, by logical id. */
export function resourcesOf(synth: string, type: string): Record<string, Record<string, unknown>> {
  return JSON.parse(synth).resource?.[type] ?? {};
}

/** How many resources of `type` `synth` has. */
export function countOf(synth: string, type: string): number {
  return Object.keys(resourcesOf(synth, type)).length;
}

/** Values of `field` of every resource of `type`, sorted. */
export function valuesOf(synth: string, type: string, field: string): unknown[] {
  return Object.values(resourcesOf(synth, type)).map((r) => r[field]).sort();
}

/** The `[path] message` of every violation of `ruleId` on `network`. */
export function findings(network: Network, ruleId: string): string[] {
  return network.violations().filter((v) => v.ruleId === ruleId).map((v) => `[${v.path}] ${v.message}`);
}

/** Asserts that `ruleId` finds exactly `expected` (`[path] message`) on `e`'s network, and synth fails listing each. */
export function expectErrors(e: Estate, ruleId: string, expected: string[]): void {
  expect(findings(e.network, ruleId)).toEqual(expected);
  const error = synthError(e.stack);
  for (const line of expected) {
    const [, path, message] = /^\[([^\]]+)\] (.*)$/.exec(line)!;
    expect(error).toContain(`[${path}] ${ruleId}: ${message}`);
  }
}

/** A plan written by hand on AWS (see test/support.ts), over the zones the AWS tests use. */
export function handPlan(plan: Partial<NetworkPlan>): NetworkPlan {
  return sharedHandPlan({ cloud: CloudProvider.AWS, availabilityZones: ZONES, ...plan });
}

/** `value` with its tokens resolved as synth would (`${aws_subnet.x.id}` for references). */
export function resolved(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

/** `cidr zone` of the subnets whose Name tag starts with `<owner>-<role>-` (e.g. `corp-prod`, `nodes`), sorted. */
export function subnets(synth: string, owner: string, role: string): string[] {
  return Object.values(resourcesOf(synth, 'aws_subnet'))
    .filter((s) => String((s.tags as Record<string, string>).Name).startsWith(`${owner}-${role}-`))
    .map((s) => `${s.cidr_block} ${s.availability_zone}`)
    .sort();
}
