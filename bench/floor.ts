// The floor the synth figures are held to: cdktf constructing the very same resources with
// the typed provider classes (@cdktf/provider-google, @cdktf/provider-aws), attributes given
// as the literals our synth produced. No planning, no rules: what cdktf itself costs.
import { TerraformResource, TerraformStack } from 'cdktf';

export type TfJson = { resource?: Record<string, Record<string, Record<string, unknown>>> };

type ResourceClass = new (scope: TerraformStack, id: string, config: Record<string, unknown>) => TerraformResource;

/** Attributes whose value is a map: their keys are data (tag names), not attribute names. */
const MAP_ATTRIBUTES = new Set(['tags', 'tags_all', 'labels', 'resource_labels', 'metadata']);

/** The typed class of a Terraform resource type, e.g. google_compute_subnetwork -> ComputeSubnetwork. */
export function typedClass(type: string): ResourceClass {
  const [provider, ...words] = type.split('_');
  const pkg = provider === 'google' ? '@cdktf/provider-google' : provider === 'aws' ? '@cdktf/provider-aws' : undefined;
  if (!pkg) throw new Error(`no typed provider package for ${type}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(`${pkg}/lib/${words.join('-')}`) as Record<string, ResourceClass>;
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  if (!module[name]) throw new Error(`${pkg}/lib/${words.join('-')} has no class ${name}`);
  return module[name];
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** One resource to construct: its typed class, logical name, synthesized attributes. */
export interface FloorResource {
  readonly cls: ResourceClass;
  readonly address: string;
  readonly name: string;
  readonly attributes: Record<string, unknown>;
}

/** `${type.name.attribute}`: a reference the way a hand-written program makes it (resource.attribute). */
const REFERENCE = /^\$\{([a-z0-9_]+\.[^.}]+)\.([a-z0-9_]+)\}$/;
const EMBEDDED = /\$\{([a-z0-9_]+\.[^.}]+)\./g;

/**
 * Every resource of `json`, typed classes loaded, in an order where a resource comes after
 * those it references (as a hand-written program must construct them).
 */
export function floorInput(json: TfJson): FloorResource[] {
  const all = new Map<string, FloorResource>();
  for (const [type, resources] of Object.entries(json.resource ?? {})) {
    const cls = typedClass(type);
    for (const [name, attributes] of Object.entries(resources)) all.set(`${type}.${name}`, { cls, address: `${type}.${name}`, name, attributes });
  }
  const ordered: FloorResource[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (resource: FloorResource) => {
    if (state.get(resource.address)) return;
    state.set(resource.address, 'visiting');
    const text = JSON.stringify(resource.attributes);
    const targets = [...text.matchAll(EMBEDDED)].map((m) => m[1]);
    const dependsOn = resource.attributes.depends_on;
    if (Array.isArray(dependsOn)) targets.push(...(dependsOn as string[]));
    for (const target of targets) {
      const next = all.get(target);
      if (next && !state.get(target)) visit(next);
    }
    state.set(resource.address, 'done');
    ordered.push(resource);
  };
  for (const resource of all.values()) visit(resource);
  return ordered;
}

/**
 * Constructs `input` in `stack` with the typed classes: attributes as camelCase config,
 * references as the referenced resource's attribute (a token, as `subnet.id` gives),
 * depends_on as constructs.
 */
export function buildFloor(stack: TerraformStack, input: readonly FloorResource[]): number {
  const built = new Map<string, TerraformResource>();
  const config = (value: unknown, isMap = false): unknown => {
    if (typeof value === 'string') {
      const ref = REFERENCE.exec(value);
      const target = ref ? built.get(ref[1]) : undefined;
      return target ? target.getStringAttribute(ref![2]) : value;
    }
    if (Array.isArray(value)) return value.map((v) => config(v));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== '//')
      .map(([key, v]) => (isMap ? [key, config(v)] : [camel(key), config(v, MAP_ATTRIBUTES.has(key))])));
  };
  for (const { cls, address, name, attributes } of input) {
    const { depends_on: dependsOn, ...rest } = attributes;
    const typed = config(rest) as Record<string, unknown>;
    if (Array.isArray(dependsOn)) typed.dependsOn = (dependsOn as string[]).map((d) => built.get(d));
    built.set(address, new cls(stack, name, typed));
  }
  return built.size;
}

/**
 * How many resources of `floor` have exactly the attributes of the same-typed resources of
 * `ours` (compared as multisets per type, names aside): the floor must build what we build.
 */
export function sameResources(ours: TfJson, floor: TfJson): { same: number; total: number } {
  let same = 0;
  let total = 0;
  const body = (attributes: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(attributes).filter(([k]) => k !== '//')));
  for (const [type, resources] of Object.entries(ours.resource ?? {})) {
    const theirs = new Map<string, number>();
    for (const attributes of Object.values(floor.resource?.[type] ?? {})) theirs.set(body(attributes), (theirs.get(body(attributes)) ?? 0) + 1);
    for (const attributes of Object.values(resources)) {
      total++;
      const left = theirs.get(body(attributes)) ?? 0;
      if (left > 0) {
        same++;
        theirs.set(body(attributes), left - 1);
      }
    }
  }
  return { same, total };
}
