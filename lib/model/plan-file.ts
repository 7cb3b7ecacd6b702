import * as fs from 'fs';
import * as path from 'path';
import { fileError, withLock, writeAtomically } from './plan-file-lock';
import { Cidr } from '../ipam';
import { LinkRecord } from './link-plan';
import { Ipv6SubnetRecords } from './ipv6-subnets';

/** Ranges one address pool holds, owner -> CIDR. */
export type PoolRecords = Record<string, string>;

/**
 * A range adopted from an existing estate (`cdktf-kube-networks plan import`): the planner
 * holds it like a `reserved` range of the network, under its name (version 2).
 */
export interface RecordedReservation {
  /** The range, e.g. `10.16.0.0/16`. */
  readonly cidr: string;
  /** Where it was adopted from, e.g. `aws_vpc.legacy (state.json)`. */
  readonly from?: string;
}

/** What the plan file records for one network. */
export interface NetworkRecords {
  /** The network's routable space, as written by the last synth (absent for a network only imported into so far). */
  readonly cidr?: string;
  /** Pool key (the network's path, or a private owner's `path` or `path:name`) -> its records. */
  readonly pools: Record<string, PoolRecords>;
  /** Adopted ranges by name (version 2). */
  readonly reserved?: Record<string, RecordedReservation>;
  /** Each cluster's address families, when not IPv4 only: cluster path -> IpFamily (version 4). */
  readonly families?: Record<string, string>;
  /** IPv6 subnet numbers in each VPC's deploy-time block: VPC owner path -> subnet -> netnum (version 4). */
  readonly ipv6Subnets?: Ipv6SubnetRecords;
}

/** What a network records beside its pools (version 4), when it has IPv6. */
export interface NetworkIpv6Records {
  readonly families?: Record<string, string>;
  readonly ipv6Subnets?: Ipv6SubnetRecords;
}

/** The whole plan file. */
export interface PlanFileContent {
  readonly '//'?: string;
  readonly version: number;
  readonly networks: Record<string, NetworkRecords>;
  /** CloudLinks by path: their ASNs and tunnel inside ranges (version 3). */
  readonly links?: Record<string, LinkRecord>;
}

/** A range adopted into a network, as `Network`'s `reserved` prop takes it. */
export interface PlanFileReservedRange {
  readonly cidr: string;
  readonly name: string;
}

/** Options of {@link PlanFile.load}. */
export interface PlanFileOptions {
  /**
   * Stage `save` calls in memory and write them only on `commit()` (or `PlanFile.commitAll()`),
   * so that a failed synth changes nothing.
   * @default false - every `save` writes at once
   */
  readonly deferred?: boolean;
}

/**
 * Versions this code reads. Version 2 adds `reserved` to a network and makes its `cidr`
 * optional; version 3 adds `links`; version 4 adds a network's `families` and `ipv6Subnets`. A file is written in the lowest version that holds it, so
 * an older release refuses a file it would lose records of rather than rewrite it.
 */
export const PLAN_FILE_VERSIONS = [1, 2, 3, 4];
const NOTE = 'Written by cdktf-kube-networks at synth. Commit it: synth reuses every range recorded here, so no subnet moves.';
/** Names of adopted ranges: what `Network`'s `reserved` prop accepts. */
export const RESERVED_NAME = /^[A-Za-z0-9][-A-Za-z0-9_.]*$/;
const RECOVER = 'repair it from version control, or delete it to plan afresh';
/** Owners recorded per network with their families, per file content (a pure function of it; content is replaced, never changed, on a write). */
const RECORDED_FAMILIES = new WeakMap<PlanFileContent, Map<string, ReadonlyMap<string, string>>>();
/** `1, 2, 3 or 4`, for messages. */
const VERSIONS_TEXT = `${PLAN_FILE_VERSIONS.slice(0, -1).join(', ')} or ${PLAN_FILE_VERSIONS[PLAN_FILE_VERSIONS.length - 1]}`;


/**
 * The plan file (`cidr-plan.lock.json`): every allocation, by network, pool and owner,
 * the way `cdk.context.json` records look-ups.
 *
 * Writes are atomic (a temp file in the same directory, fsynced, then renamed over the
 * file) and made under a lock file (`<file>.lock`, held by one synth at a time: see
 * plan-file-lock.ts), re-reading the file first and replacing only the networks being
 * saved: concurrent synths never lose each other's records. A file that cannot be read or is not a plan file is an error
 * naming the file and what is wrong, and is never overwritten.
 */
export class PlanFile {
  /** Reads the file at `file`; a missing file is an empty plan. */
  public static load(file: string, options: PlanFileOptions = {}): PlanFile {
    const content = readPlanFile(file) ?? emptyPlan();
    return new PlanFile(file, content, options.deferred ?? false);
  }

  /**
   * Writes the staged saves of `plans` (the plan files of one app), one locked write per
   * file. Returns the files written (changed or not).
   */
  public static commitAll(plans: Iterable<PlanFile>): string[] {
    const byFile = new Map<string, PlanFile[]>();
    for (const plan of [...plans].filter((p) => p.hasPending())) {
      const key = path.resolve(plan.file);
      byFile.set(key, [...(byFile.get(key) ?? []), plan]);
    }
    for (const plans of byFile.values()) {
      const entries = plans.flatMap((p) => [...p.staged.entries()]);
      const links = plans.flatMap((p) => [...p.stagedLinks.entries()]);
      const written = writeNetworks(plans[0].file, entries, links);
      for (const p of plans) {
        p.content = written;
        p.staged.clear();
        p.stagedLinks.clear();
      }
    }
    return [...byFile.keys()];
  }

  /** Forgets the staged saves of `plans`: a synth failed. */
  public static discardAll(plans: Iterable<PlanFile>): void {
    for (const plan of [...plans]) plan.discard();
  }

  private readonly staged = new Map<string, NetworkRecords>();
  private readonly stagedLinks = new Map<string, LinkRecord>();

  private constructor(public readonly file: string, private content: PlanFileContent, public readonly deferred: boolean) {}

  /** True when the file exists on disk. */
  public exists(): boolean {
    return fs.existsSync(this.file);
  }

  /** The records of `pool` in `network`. */
  public records(network: string, pool: string): PoolRecords {
    return { ...(this.content.networks[network]?.pools[pool] ?? {}) };
  }

  /** The ranges adopted into `network` (`plan import`), to hold like its `reserved` prop's, by name. */
  public reservedRanges(network: string): PlanFileReservedRange[] {
    return Object.entries(this.content.networks[network]?.reserved ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, r]) => ({ cidr: r.cidr, name }));
  }

  /** The address families the file records for the clusters of `network` (cluster path -> IpFamily; IPv4-only clusters are absent). */
  public families(network: string): Record<string, string> {
    return { ...(this.content.networks[network]?.families ?? {}) };
  }

  /**
   * Every owner the file records ranges of in `network`, with its address families: its
   * `families` entry, or IPV4 for an owner recorded without one. Read once per file content
   * (a plan asks it for every cluster).
   */
  public recordedFamilies(network: string): ReadonlyMap<string, string> {
    let byNetwork = RECORDED_FAMILIES.get(this.content);
    if (!byNetwork) RECORDED_FAMILIES.set(this.content, byNetwork = new Map());
    let families = byNetwork.get(network);
    if (!families) {
      const entry = this.content.networks[network];
      const found = new Map<string, string>();
      for (const records of Object.values(entry?.pools ?? {})) {
        for (const key of Object.keys(records)) found.set(key.slice(0, key.lastIndexOf(':')), 'IPV4');
      }
      for (const [cluster, family] of Object.entries(entry?.families ?? {})) found.set(cluster, family);
      byNetwork.set(network, families = found);
    }
    return families;
  }

  /** The IPv6 subnet numbers the file records for `network`'s VPCs. */
  public ipv6Subnets(network: string): Ipv6SubnetRecords {
    return structuredClone(this.content.networks[network]?.ipv6Subnets ?? {});
  }

  /** The networks the file records, by path. */
  public networks(): string[] {
    return Object.keys(this.content.networks).sort();
  }

  /** The links the file records, by path. */
  public links(): ReadonlyMap<string, LinkRecord> {
    return new Map(Object.entries(this.content.links ?? {}));
  }

  /** Replaces the record of link `path` (written like `save`: at once, or staged when deferred). */
  public saveLink(path: string, record: LinkRecord): void {
    this.stagedLinks.set(path, record);
    if (!this.deferred) this.commit();
  }

  /** The pools the file records for `network`, by key. */
  public pools(network: string): string[] {
    return Object.keys(this.content.networks[network]?.pools ?? {}).sort();
  }

  /**
   * Replaces the records of `network` (its cidr and pools; ranges adopted into it stay)
   * and writes the file, sorted and stable for diffs — or, when deferred, stages it for `commit()`.
   */
  public save(network: string, cidr: string, pools: Record<string, PoolRecords>, ipv6: NetworkIpv6Records = {}): void {
    this.staged.set(network, { cidr, pools, ...ipv6 });
    if (!this.deferred) this.commit();
  }

  /** True when saves are staged and not written yet. */
  public hasPending(): boolean {
    return this.staged.size > 0 || this.stagedLinks.size > 0;
  }

  /** Writes the staged saves (one locked write); nothing to do when none are staged. */
  public commit(): void {
    if (!this.hasPending()) return;
    this.content = writeNetworks(this.file, [...this.staged.entries()], [...this.stagedLinks.entries()]);
    this.staged.clear();
    this.stagedLinks.clear();
  }

  /** Forgets the staged saves. */
  public discard(): void {
    this.staged.clear();
    this.stagedLinks.clear();
  }
}

/**
 * Replaces the cidr and pools of each network of `entries`, and each link of `links`, in
 * `file`, under the lock; returns what was written. Everything else the file holds stays.
 */
function writeNetworks(file: string, entries: Array<[string, NetworkRecords]>, links: Array<[string, LinkRecord]> = []): PlanFileContent {
  return updatePlanFile(file, (current) => {
    const networks = { ...current.networks };
    for (const [network, { cidr, pools, families, ipv6Subnets }] of entries) {
      const reserved = current.networks[network]?.reserved;
      networks[network] = { cidr, pools, ...(reserved ? { reserved } : {}), ...(families ? { families } : {}), ...(ipv6Subnets ? { ipv6Subnets } : {}) };
    }
    return { ...current, networks, links: { ...current.links, ...Object.fromEntries(links) } };
  });
}

function emptyPlan(): PlanFileContent {
  return { version: 1, networks: {} };
}

/**
 * Reads and checks the plan file at `file`. Returns undefined when there is no file.
 * @throws Error naming the file, what is wrong and the fix, for anything but a plan file
 */
export function readPlanFile(file: string): PlanFileContent | undefined {
  const text = readText(file);
  return text === undefined ? undefined : parsePlanFile(text, file);
}

/** Parses and checks the text of a plan file; `file` names it in errors. */
export function parsePlanFile(text: string, file: string): PlanFileContent {
  if (text.charCodeAt(0) === 0xfeff) {
    throw new Error(`plan file ${file} starts with a byte-order mark (an editor saved it as "UTF-8 with BOM"): save it as UTF-8 without BOM, or ${RECOVER}`);
  }
  if (text.trim() === '') {
    throw new Error(`plan file ${file} is empty (was a write interrupted?): restore it from version control (git checkout -- ${file}), or delete it to plan afresh`);
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (e) {
    throw new Error(`plan file ${file} is not valid JSON (${(e as Error).message}): ${RECOVER}`);
  }
  return checkContent(content, file);
}

function readText(file: string): string | undefined {
  if (typeof file !== 'string' || file.trim() === '') {
    throw new Error(`plan file path ${JSON.stringify(file)} is empty: give the path of a file, e.g. cidr-plan.lock.json`);
  }
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw fileError(file, e as NodeJS.ErrnoException, 'read');
  }
}


/** `networks["corp/main"].pools["corp/main"]`: where a value is, in messages. */
function at(...keys: string[]): string {
  return keys.map((k, i) => (i === 0 ? k : `[${JSON.stringify(k)}]`)).join('');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkContent(content: unknown, file: string): PlanFileContent {
  const wrong = (where: string, what: string): Error => new Error(`plan file ${file}: ${where} ${what}: ${RECOVER}`);
  if (!isObject(content)) {
    throw new Error(`plan file ${file} is not a plan file (it holds ${typeName(content)}, not an object with "version" and "networks"): ${RECOVER}`);
  }
  const version = content.version;
  if (!PLAN_FILE_VERSIONS.includes(version as number)) {
    if (typeof version === 'number' && Number.isInteger(version) && version > Math.max(...PLAN_FILE_VERSIONS)) {
      throw new Error(`plan file ${file} is version ${version}, newer than this cdktf-kube-networks reads (${VERSIONS_TEXT}): upgrade cdktf-kube-networks, or ${RECOVER}`);
    }
    throw new Error(`plan file ${file} is not a plan file of version ${VERSIONS_TEXT} ("version" is ${version === undefined ? 'missing' : typeName(version)}): ${RECOVER}`);
  }
  for (const key of Object.keys(content)) {
    const known = (version as number) >= 3 ? ['//', 'version', 'networks', 'links'] : ['//', 'version', 'networks'];
    if (!known.includes(key)) throw wrong(`field "${key}"`, `is unknown in a version ${version} plan file (known: ${known.map((k) => `"${k}"`).join(', ')})`);
  }
  if (content.links !== undefined) checkLinks(content.links, wrong);
  if (!isObject(content.networks)) throw wrong('"networks"', `is ${typeName(content.networks)}, not an object of networks`);
  for (const [network, entry] of Object.entries(content.networks)) {
    const where = at('networks', network);
    if (network === '') throw wrong(where, 'has an empty network path');
    if (!isObject(entry)) throw wrong(where, `is ${typeName(entry)}, not an object with "cidr" and "pools"`);
    for (const key of Object.keys(entry)) {
      const known = version === 1 ? ['cidr', 'pools'] : (version as number) < 4 ? ['cidr', 'pools', 'reserved'] : ['cidr', 'pools', 'reserved', 'families', 'ipv6Subnets'];
      if (!known.includes(key)) throw wrong(`${where} field "${key}"`, `is unknown in a version ${version} plan file (known: ${known.join(', ')})`);
    }
    if (entry.cidr === undefined && version === 1) throw wrong(`${where}.cidr`, 'is missing');
    if (entry.cidr !== undefined) checkCidr(entry.cidr, `${where}.cidr`, wrong);
    if (!isObject(entry.pools)) throw wrong(`${where}.pools`, `is ${typeName(entry.pools)}, not an object of pools`);
    for (const [pool, records] of Object.entries(entry.pools)) {
      const poolAt = `${where}.pools${at('', pool)}`;
      if (pool === '') throw wrong(poolAt, 'has an empty pool name');
      if (!isObject(records)) throw wrong(poolAt, `is ${typeName(records)}, not an object of owner -> CIDR`);
      for (const [owner, cidr] of Object.entries(records)) {
        if (owner === '') throw wrong(poolAt, 'has an empty owner');
        checkCidr(cidr, `${poolAt}${at('', owner)}`, wrong);
      }
    }
    if (entry.reserved !== undefined) {
      if (!isObject(entry.reserved)) throw wrong(`${where}.reserved`, `is ${typeName(entry.reserved)}, not an object of name -> { cidr, from }`);
      for (const [name, reservation] of Object.entries(entry.reserved)) {
        const resAt = `${where}.reserved${at('', name)}`;
        if (!RESERVED_NAME.test(name)) throw wrong(resAt, 'is not a reserved range name (letters, digits, - _ ., starting with a letter or digit)');
        if (!isObject(reservation)) throw wrong(resAt, `is ${typeName(reservation)}, not an object with "cidr"`);
        for (const key of Object.keys(reservation)) {
          if (!['cidr', 'from'].includes(key)) throw wrong(`${resAt} field "${key}"`, 'is unknown (known: cidr, from)');
        }
        checkCidr(reservation.cidr, `${resAt}.cidr`, wrong);
        if (reservation.from !== undefined && typeof reservation.from !== 'string') throw wrong(`${resAt}.from`, `is ${typeName(reservation.from)}, not a string`);
      }
    }
    checkIpv6Records(entry, where, wrong);
  }
  return content as unknown as PlanFileContent;
}

const FAMILIES = ['IPV4', 'DUAL_STACK', 'IPV6'];

function checkIpv6Records(entry: Record<string, unknown>, where: string, wrong: (where: string, what: string) => Error): void {
  if (entry.families !== undefined) {
    if (!isObject(entry.families)) throw wrong(`${where}.families`, `is ${typeName(entry.families)}, not an object of cluster path -> IP family`);
    for (const [cluster, family] of Object.entries(entry.families)) {
      if (cluster === '') throw wrong(`${where}.families${at('', cluster)}`, 'has an empty cluster path');
      if (!FAMILIES.includes(family as string)) throw wrong(`${where}.families${at('', cluster)}`, `is ${typeName(family)}, not one of ${FAMILIES.join(', ')}`);
    }
  }
  if (entry.ipv6Subnets === undefined) return;
  if (!isObject(entry.ipv6Subnets)) throw wrong(`${where}.ipv6Subnets`, `is ${typeName(entry.ipv6Subnets)}, not an object of VPC owner path -> subnet -> netnum`);
  for (const [vpc, subnets] of Object.entries(entry.ipv6Subnets)) {
    const vpcAt = `${where}.ipv6Subnets${at('', vpc)}`;
    if (vpc === '') throw wrong(vpcAt, 'has an empty VPC owner path');
    if (!isObject(subnets)) throw wrong(vpcAt, `is ${typeName(subnets)}, not an object of subnet -> netnum`);
    const seen = new Map<number, string>();
    for (const [subnet, netnum] of Object.entries(subnets)) {
      if (subnet === '') throw wrong(vpcAt, 'has an empty subnet name');
      const subnetAt = `${vpcAt}${at('', subnet)}`;
      if (typeof netnum !== 'number' || !Number.isInteger(netnum) || netnum < 0 || netnum > 255) throw wrong(subnetAt, `is ${typeName(netnum)}, not a subnet number from 0 to 255`);
      const twin = seen.get(netnum);
      if (twin !== undefined) throw wrong(subnetAt, `has number ${netnum}, which ${twin} has too`);
      seen.set(netnum, subnet);
    }
  }
}

function checkLinks(links: unknown, wrong: (where: string, what: string) => Error): void {
  if (!isObject(links)) throw wrong('"links"', `is ${typeName(links)}, not an object of link path -> { gcp, aws, asn, tunnels }`);
  for (const [link, entry] of Object.entries(links)) {
    const where = at('links', link);
    if (link === '') throw wrong(where, 'has an empty link path');
    if (!isObject(entry)) throw wrong(where, `is ${typeName(entry)}, not an object with "gcp", "aws", "asn" and "tunnels"`);
    for (const key of Object.keys(entry)) {
      if (!['gcp', 'aws', 'asn', 'tunnels'].includes(key)) throw wrong(`${where} field "${key}"`, 'is unknown (known: gcp, aws, asn, tunnels)');
    }
    for (const side of ['gcp', 'aws']) {
      if (typeof entry[side] !== 'string' || entry[side] === '') throw wrong(`${where}.${side}`, `is ${typeName(entry[side])}, not a network path`);
    }
    if (!isObject(entry.asn)) throw wrong(`${where}.asn`, `is ${typeName(entry.asn)}, not an object with "gcp" and "aws" ASNs`);
    for (const side of ['gcp', 'aws']) {
      const asn = entry.asn[side];
      if (typeof asn !== 'number' || !Number.isInteger(asn) || asn < 1) throw wrong(`${where}.asn.${side}`, `is ${typeName(asn)}, not an ASN (a positive integer)`);
    }
    if (!isObject(entry.tunnels)) throw wrong(`${where}.tunnels`, `is ${typeName(entry.tunnels)}, not an object of tunnel -> inside /30`);
    for (const [tunnel, cidr] of Object.entries(entry.tunnels)) checkCidr(cidr, `${where}.tunnels${at('', tunnel)}`, wrong);
  }
}

function checkCidr(value: unknown, where: string, wrong: (where: string, what: string) => Error): void {
  if (typeof value !== 'string') throw wrong(where, `is ${typeName(value)}, not a CIDR string such as "10.0.0.0/16"`);
  try {
    Cidr.parse(value, where);
  } catch (e) {
    throw wrong(where, `is not a valid CIDR (${(e as Error).message})`);
  }
}

/** The file's text: sorted keys, two-space indents, the lowest version that holds it. */
export function serializePlanFile(content: PlanFileContent): string {
  const networks: Record<string, NetworkRecords> = {};
  for (const [name, entry] of Object.entries(content.networks)) {
    const reserved = entry.reserved && Object.keys(entry.reserved).length > 0 ? entry.reserved : undefined;
    const families = entry.families && Object.keys(entry.families).length > 0 ? entry.families : undefined;
    const ipv6Subnets = entry.ipv6Subnets && Object.keys(entry.ipv6Subnets).length > 0 ? entry.ipv6Subnets : undefined;
    networks[name] = {
      ...(entry.cidr !== undefined ? { cidr: entry.cidr } : {}), pools: entry.pools,
      ...(reserved ? { reserved } : {}), ...(families ? { families } : {}), ...(ipv6Subnets ? { ipv6Subnets } : {}),
    };
  }
  const links = content.links && Object.keys(content.links).length > 0 ? content.links : undefined;
  const needsV2 = Object.values(networks).some((n) => n.reserved || n.cidr === undefined);
  const needsV4 = Object.values(networks).some((n) => n.families || n.ipv6Subnets);
  const version = needsV4 ? 4 : links ? 3 : needsV2 ? 2 : 1;
  return JSON.stringify(sortKeys({ '//': NOTE, version, networks, ...(links ? { links } : {}) }), null, 2) + '\n';
}

/**
 * Changes the plan file at `file` safely: under its lock, re-reads it (a missing file is an
 * empty plan; a broken one is an error and stays as it is), applies `change`, and writes the
 * result atomically when it differs. Returns the content now in the file.
 */
export function updatePlanFile(file: string, change: (current: PlanFileContent) => PlanFileContent): PlanFileContent {
  readText(file); // fail on an empty path, a directory or an unreadable file before taking the lock
  return withLock(file, () => {
    const before = readText(file);
    const current = before === undefined ? emptyPlan() : parsePlanFile(before, file);
    const next = change(current);
    const text = serializePlanFile(next);
    if (text !== before) writeAtomically(file, text);
    return JSON.parse(text) as PlanFileContent;
  });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
