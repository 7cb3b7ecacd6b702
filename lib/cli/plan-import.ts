// plan import: adopt existing ranges (terraform show -json, or CSV cidr,name) as reserved ranges.
import * as fs from 'fs';
import { Cidr } from '../ipam';
import { PlanFileContent, RecordedReservation, RESERVED_NAME, readPlanFile, updatePlanFile } from '../model/plan-file';
import { Command, CommandError, EXIT_OK, out, PLAN_FILE_OPTION, planFileOf } from './args';
import { checkPath } from './plan-records';

export const planImport: Command = {
  usage: `Usage: cdktf-kube-networks plan import FILE [--network PATH] [--plan-file FILE]

Adopts ranges that already exist as reserved ranges of a network, recorded in the plan file:
synth then never allocates over them, as if they were in the network's reserved prop.
FILE is either
  - the output of terraform show -json (state, or a saved plan): aws_vpc, aws_subnet,
    aws_vpc_ipv4_cidr_block_association and google_compute_subnetwork (with its
    secondary_ip_range) are read; or
  - a CSV of cidr,name lines (a header line cidr,name and # comments are allowed).
A range inside one already recorded or adopted (or inside a VPC of the same import) is
skipped; a range that would contain a recorded one is refused, and nothing is written.

Options:
  --network PATH    the Network construct to adopt into (default: the only network of the plan file)
  --plan-file FILE  the plan file (default: ./cidr-plan.lock.json)
  -h, --help        this text`,
  options: { ...PLAN_FILE_OPTION, network: { type: 'string' } },
  positionals: ['FILE'],
  run: (args) => {
    const file = planFileOf(args);
    const input = args.positionals[0];
    const found = readInput(input);
    const wanted = args.values.network === undefined ? undefined : checkPath(args.values.network as string, '--network');
    readPlanFile(file); // a broken plan file fails here, before anything else
    const lines: string[] = [];
    let network = '';
    let adopted = 0;
    updatePlanFile(file, (content) => {
      network = wanted ?? onlyNetwork(content, file);
      const result = adopt(content, network, found);
      lines.push(...result.lines);
      adopted = result.adopted;
      return result.content;
    });
    out(lines.join('\n'));
    out(`adopted ${adopted} of ${found.length} ranges from ${input} into ${network} in ${file}`);
    return EXIT_OK;
  },
};

/** One range found in the input. */
export interface FoundRange {
  readonly cidr: Cidr;
  readonly name: string;
  /** Where it was found, e.g. `aws_vpc.legacy` or `ranges.csv line 3`. */
  readonly from: string;
}

function readInput(input: string): FoundRange[] {
  let text: string;
  try {
    text = fs.readFileSync(input, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CommandError(`${input} does not exist: give the output of terraform show -json, or a CSV of cidr,name`);
    if (code === 'EISDIR') throw new CommandError(`${input} is a directory: give the output of terraform show -json (terraform show -json > state.json), or a CSV of cidr,name`);
    throw new CommandError(`${input} cannot be read (${code}): check its permissions`);
  }
  text = text.replace(/^\uFEFF/, '');
  const found = /^\s*[[{]/.test(text) ? fromTerraform(text, input) : fromCsv(text, input);
  if (found.length === 0) throw new CommandError(`${input} holds no range to adopt: nothing was written`);
  return found;
}

interface TfModule {
  readonly resources?: TfResource[];
  readonly child_modules?: TfModule[];
}

interface TfResource {
  readonly address?: string;
  readonly type?: string;
  readonly mode?: string;
  readonly values?: Record<string, unknown>;
}

/** The ranges of a `terraform show -json` document (state or saved plan). */
export function fromTerraform(text: string, input: string): FoundRange[] {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CommandError(`${input} is not valid JSON (${(e as Error).message}): give the output of terraform show -json, or a CSV of cidr,name`);
  }
  const values = (doc?.values ?? doc?.planned_values) as { root_module?: TfModule } | undefined;
  if (!values?.root_module) {
    const what = doc && typeof doc === 'object' && 'networks' in doc && 'version' in doc ? 'a plan file' : 'JSON but not the output of terraform show -json (it has no values.root_module)';
    throw new CommandError(`${input} is ${what}: run terraform show -json > state.json in the stack's directory (cdktf.out/stacks/STACK) and import that`);
  }
  const found: FoundRange[] = [];
  const add = (cidr: unknown, name: unknown, from: string) => {
    if (typeof cidr !== 'string' || cidr === '') return; // unknown until applied, or not set
    found.push({ cidr: parseCidr(cidr, `${input}: ${from}`), name: cleanName(typeof name === 'string' && name ? name : from), from });
  };
  const walk = (module: TfModule) => {
    for (const r of module.resources ?? []) {
      if (r.mode && r.mode !== 'managed') continue;
      const v = r.values ?? {};
      const address = r.address ?? `${r.type}`;
      const tags = (v.tags ?? {}) as Record<string, unknown>;
      switch (r.type) {
        case 'aws_vpc':
        case 'aws_subnet':
          add(v.cidr_block, tags?.Name, address);
          break;
        case 'aws_vpc_ipv4_cidr_block_association':
          add(v.cidr_block, undefined, address);
          break;
        case 'google_compute_subnetwork':
          add(v.ip_cidr_range, v.name, address);
          for (const secondary of (v.secondary_ip_range ?? []) as Array<Record<string, unknown>>) {
            add(secondary.ip_cidr_range, `${v.name ?? address}-${secondary.range_name ?? 'secondary'}`, `${address} secondary ${secondary.range_name}`);
          }
          break;
      }
    }
    for (const child of module.child_modules ?? []) walk(child);
  };
  walk(values.root_module);
  if (found.length === 0) {
    throw new CommandError(`${input} has no aws_vpc, aws_subnet, aws_vpc_ipv4_cidr_block_association or google_compute_subnetwork with a range: nothing to adopt`);
  }
  return found;
}

/** The ranges of a CSV of `cidr,name` lines. */
export function fromCsv(text: string, input: string): FoundRange[] {
  const found: FoundRange[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(',').map((f) => f.trim());
    if (i === 0 && fields[0].toLowerCase() === 'cidr') return;
    const at = `${input} line ${i + 1}`;
    if (fields.length !== 2 || fields[1] === '') {
      throw new CommandError(`${at}: expected cidr,name (e.g. 10.16.0.0/16,legacy-vpc), got ${JSON.stringify(line)}`);
    }
    found.push({ cidr: parseCidr(fields[0], at), name: cleanName(fields[1]), from: at });
  });
  return found;
}

function parseCidr(text: string, at: string): Cidr {
  try {
    return Cidr.parse(text, `range ${JSON.stringify(text)}`);
  } catch (e) {
    throw new CommandError(`${at}: ${(e as Error).message}`);
  }
}

/** A name `Network`'s reserved prop takes: letters, digits, - _ . */
function cleanName(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/-+$/, '');
  return clean === '' ? 'imported' : clean;
}

function onlyNetwork(content: PlanFileContent, file: string): string {
  const networks = Object.keys(content.networks).sort();
  if (networks.length === 1) return networks[0];
  if (networks.length === 0) throw new CommandError(`${file} records no network yet: pass --network PATH (the Network construct's path, e.g. corp/main)`);
  throw new CommandError(`${file} records ${networks.length} networks (${networks.join(', ')}): pass --network PATH to choose one`);
}

/** `content` with `found` adopted into `network`; what was done, line by line. */
export function adopt(content: PlanFileContent, network: string, found: FoundRange[]): { content: PlanFileContent; lines: string[]; adopted: number } {
  const entry = content.networks[network] ?? { pools: {} };
  const family = entry.cidr ? Cidr.parse(entry.cidr).family : undefined;
  const reserved: Record<string, RecordedReservation> = { ...(entry.reserved ?? {}) };
  const held: Array<{ cidr: Cidr; what: string }> = [
    ...Object.entries(entry.pools).flatMap(([, records]) => Object.entries(records).map(([owner, cidr]) => ({ cidr: Cidr.parse(cidr), what: `the record of ${owner}` }))),
    ...Object.entries(reserved).map(([name, r]) => ({ cidr: Cidr.parse(r.cidr), what: `adopted as ${name}` })),
  ];
  const taken = new Set([...Object.keys(reserved), ...Object.values(entry.pools).flatMap((r) => Object.keys(r))
    .filter((owner) => owner.startsWith(`${network}:`)).map((owner) => owner.slice(network.length + 1))]);
  const lines: string[] = [];
  const conflicts: string[] = [];
  let adopted = 0;
  // Largest first: a VPC is adopted before the subnets inside it, which it then covers.
  for (const range of [...found].sort((a, b) => a.cidr.prefix - b.cidr.prefix || Cidr.compare(a.cidr, b.cidr))) {
    if (family !== undefined && range.cidr.family !== family) {
      lines.push(`skipped ${range.cidr} (${range.from}): IPv${range.cidr.family}, and ${network} is IPv${family}`);
      continue;
    }
    const cover = held.find((h) => h.cidr.contains(range.cidr));
    if (cover) {
      lines.push(`skipped ${range.cidr} (${range.from}): within ${cover.cidr}, ${cover.what}`);
      continue;
    }
    const inside = held.filter((h) => range.cidr.contains(h.cidr));
    if (inside.length > 0) {
      conflicts.push(`${range.cidr} (${range.from}) would contain ${inside.map((h) => `${h.cidr}, ${h.what}`).join('; ')}`);
      continue;
    }
    let name = range.name;
    for (let n = 2; taken.has(name); n++) name = `${range.name}-${n}`;
    if (!RESERVED_NAME.test(name)) name = `imported-${adopted + 1}`;
    taken.add(name);
    reserved[name] = { cidr: range.cidr.toString(), from: range.from };
    held.push({ cidr: range.cidr, what: `adopted as ${name}` });
    lines.push(`adopted ${range.cidr} as ${network}:${name} (${range.from})`);
    adopted++;
  }
  if (conflicts.length > 0) {
    throw new CommandError(`nothing was adopted: a reserved range cannot hold ranges the planner placed —\n  ${conflicts.join('\n  ')}\n` +
      'import the smaller ranges (e.g. a CSV of the subnets), or release the records inside first (cdktf-kube-networks plan rm PATH)');
  }
  return { content: { ...content, networks: { ...content.networks, [network]: { ...entry, reserved } } }, lines, adopted };
}
