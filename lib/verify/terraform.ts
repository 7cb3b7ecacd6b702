// The Terraform JSON of a synthesized stack, as the verifier reads it: resources by address,
// the construct path cdktf records for each, and `${type.name.attr}` references resolved.
import { createHash } from 'crypto';

/** One resource of a stack. */
export interface TfResource {
  /** `type.name`, as Terraform addresses it. */
  readonly address: string;
  readonly type: string;
  /** The construct path cdktf recorded (`//.metadata.path`), e.g. `corp/batch/subnetwork`. */
  readonly path: string;
  readonly attrs: Record<string, unknown>;
}

/** The resources of one stack, with look-ups by type, reference and construct path. */
export class TfStack {
  /** Parses `text` (a `cdk.tf.json`, or what `Testing.synth` returns); `source` names it in errors. */
  public static parse(text: string, source: string): TfStack {
    let json: { resource?: Record<string, Record<string, Record<string, unknown>>>; '//'?: { metadata?: { stackName?: string } } };
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new Error(`verify: ${source} is not Terraform JSON (${(e as Error).message}) — pass what Testing.synth(stack) returns or a cdk.tf.json file`);
    }
    if (json === null || typeof json !== 'object') {
      throw new Error(`verify: ${source} is ${JSON.stringify(json)}, not a Terraform JSON object — pass what Testing.synth(stack) returns or a cdk.tf.json file`);
    }
    const resources: TfResource[] = [];
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      for (const [name, body] of Object.entries(byName)) {
        const meta = (body['//'] as { metadata?: { path?: string } } | undefined)?.metadata;
        resources.push({ address: `${type}.${name}`, type, path: meta?.path ?? `?/${pathFromName(name)}`, attrs: body });
      }
    }
    return new TfStack(json['//']?.metadata?.stackName ?? source, resources);
  }

  private readonly byAddress: Map<string, TfResource>;

  constructor(public readonly name: string, public readonly resources: readonly TfResource[]) {
    this.byAddress = new Map(resources.map((r) => [r.address, r]));
  }

  /**
   * This stack with the paths cdktf did not record read back from the logical ids, under `stack`
   * (`Testing.synth` drops the metadata). cdktf joins the path below the stack with `_` and ends
   * it with a hash of that path (`east_a_nodes-eu-west-1a_A3D1ABEE`), but an id may hold `_`
   * itself (`web_prod`): so the name is read against `owners`, the construct paths the address
   * plan names — the owner whose ids begin the name, the rest split at `_` — and the hash picks
   * the owner that makes exactly the name (the longest one that begins it when none does).
   */
  public rebase(stack: string, owners: readonly string[] = []): TfStack {
    const mine = [...new Set(owners)].filter((o) => o.startsWith(`${stack}/`)).map((o) => o.split('/').slice(1)).sort((a, b) => b.length - a.length)
      .map((ids): Owner => ({ ids, human: humanId(ids) }));
    return new TfStack(this.name, this.resources.map((r) => (r.path.startsWith('?/') ? { ...r, path: `${stack}/${pathBelowStack(r.address.slice(r.type.length + 1), mine)}` } : r)));
  }

  /** Every resource of `type`. */
  public ofType(type: string): TfResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The resource a `${type.name.attr}` reference (or a plain address) points at. */
  public deref(value: unknown): TfResource | undefined {
    const ref = parseRef(value);
    return ref ? this.byAddress.get(ref.address) : undefined;
  }

  /** A string attribute, with a reference to a literal attribute of another resource resolved. */
  public text(value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    const ref = parseRef(value);
    if (!ref) return value;
    const target = this.byAddress.get(ref.address);
    const resolved = target?.attrs[ref.attr];
    return typeof resolved === 'string' && !resolved.includes('${') ? resolved : undefined;
  }

  /** A list attribute of strings, each resolved (unresolvable entries are left out). */
  public texts(value: unknown): string[] {
    if (!Array.isArray(value)) return [];
    return value.map((v) => this.text(v)).filter((v): v is string => v !== undefined);
  }
}

/** `${aws_vpc.x.id}` -> `{ address: 'aws_vpc.x', attr: 'id' }`. */
export function parseRef(value: unknown): { address: string; attr: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\$\{([a-z0-9_]+)\.([^.}]+)\.([a-z0-9_]+)\}$/.exec(value);
  return m ? { address: `${m[1]}.${m[2]}`, attr: m[3] } : undefined;
}

/** A construct path (below the stack) from a cdktf logical id: `east_a_nodes-eu-west-1a_A3D1ABEE` -> `east/a/nodes-eu-west-1a`. */
function pathFromName(name: string): string {
  return name.replace(/_[0-9A-F]{8}$/, '').split('_').join('/');
}

/** An owner's ids below the stack, and the human part of a logical id they make (read once per rebase, not per resource). */
interface Owner {
  readonly ids: readonly string[];
  readonly human: string;
}

/**
 * The path below the stack of the resource cdktf named `name`, read against `owners` (paths
 * below the stack, longest first): cdktf's logical id is the path's ids (each kept to
 * `[A-Za-z0-9_-]`, an id dropped where the one before it ends with it) joined by `_`, then `_`
 * and the first 8 hex digits of the MD5 of the path joined by `/` (cdktf's makeUniqueId).
 */
function pathBelowStack(name: string, owners: readonly Owner[]): string {
  const m = /^(.*)_([0-9A-F]{8})$/.exec(name);
  if (!m) return pathFromName(name);
  const [, human, hash] = m;
  let longest: string[] | undefined;
  for (const owner of owners) {
    const prefix = owner.human;
    const rest = human === prefix ? [] : human.startsWith(`${prefix}_`) ? human.slice(prefix.length + 1).split('_') : undefined;
    if (!rest) continue;
    const path = [...owner.ids, ...rest];
    if (createHash('md5').update(path.join('/')).digest('hex').slice(0, 8).toUpperCase() === hash) return path.join('/');
    longest ??= path;
  }
  return longest ? longest.join('/') : pathFromName(name);
}

/** The human part cdktf makes of a path's ids (its makeUniqueId, before the hash). */
function humanId(ids: readonly string[]): string {
  const kept: string[] = [];
  for (const id of ids.filter((x) => x !== 'Default')) if (!kept.length || !kept[kept.length - 1].endsWith(id)) kept.push(id);
  return kept.filter((x) => x !== 'Resource').map((x) => x.replace(/[^A-Za-z0-9_-]/g, '')).join('_');
}

/** True when `path` is `owner` or inside it. */
export function under(path: string, owner: string): boolean {
  return path === owner || path.startsWith(`${owner}/`);
}
