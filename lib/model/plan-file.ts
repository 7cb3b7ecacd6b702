import * as fs from 'fs';
import * as path from 'path';

/** Ranges one address pool holds, owner -> CIDR. */
export type PoolRecords = Record<string, string>;

interface NetworkRecords {
  readonly cidr: string;
  readonly pools: Record<string, PoolRecords>;
}

interface PlanFileContent {
  readonly '//'?: string;
  readonly version: number;
  readonly networks: Record<string, NetworkRecords>;
}

const VERSION = 1;
const NOTE = 'Written by cdktf-kube-networks at synth. Commit it: synth reuses every range recorded here, so no subnet moves.';

/**
 * The plan file (`cidr-plan.lock.json`): every allocation, by network, pool and owner,
 * the way `cdk.context.json` records look-ups.
 */
export class PlanFile {
  /** Reads the file at `file`; a missing file is an empty plan. */
  public static load(file: string): PlanFile {
    if (!fs.existsSync(file)) return new PlanFile(file, { version: VERSION, networks: {} });
    let content: PlanFileContent;
    try {
      content = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`plan file ${file} is not valid JSON (${(e as Error).message}): repair it from version control, or delete it to plan afresh`);
    }
    if (content?.version !== VERSION || typeof content.networks !== 'object' || content.networks === null) {
      throw new Error(`plan file ${file} is not a version ${VERSION} plan file: repair it from version control, or delete it to plan afresh`);
    }
    return new PlanFile(file, content);
  }

  private constructor(public readonly file: string, private content: PlanFileContent) {}

  /** True when the file exists on disk. */
  public exists(): boolean {
    return fs.existsSync(this.file);
  }

  /** The records of `pool` in `network`. */
  public records(network: string, pool: string): PoolRecords {
    return { ...(this.content.networks[network]?.pools[pool] ?? {}) };
  }

  /** Replaces every record of `network` and writes the file (sorted, stable for diffs). */
  public save(network: string, cidr: string, pools: Record<string, PoolRecords>): void {
    const current = PlanFile.load(this.file).content; // another network may have written meanwhile
    const networks: Record<string, NetworkRecords> = { ...current.networks, [network]: { cidr, pools } };
    this.content = { '//': NOTE, 'version': VERSION, networks };
    const text = JSON.stringify(sortKeys(this.content), null, 2) + '\n';
    fs.mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    if (!fs.existsSync(this.file) || fs.readFileSync(this.file, 'utf8') !== text) fs.writeFileSync(this.file, text);
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
