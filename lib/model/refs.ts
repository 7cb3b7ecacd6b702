import { IConstruct } from 'constructs';
import { attach, attached } from './attached';

// One token per attribute of a resource. cdktf makes a new reference — and captures a full
// stack trace for it — on every read of an attribute; a VPC's id is read by every subnet and
// firewall in it, so reading it once per VPC keeps synth time to what the resources need.
// The tokens are kept on the resource itself (no module state).

const REFS = Symbol('cdktf-kube-networks.gcp.refs');

/** `resource[attribute]` (a cdktf token), read once and reused: the same token resolves to the same reference. */
export function refOf<T extends IConstruct, K extends keyof T & string>(resource: T, attribute: K): T[K] {
  let refs = attached<Map<string, unknown>>(resource, REFS);
  if (!refs) attach(resource, REFS, refs = new Map());
  if (!refs.has(attribute)) refs.set(attribute, resource[attribute]);
  return refs.get(attribute) as T[K];
}
