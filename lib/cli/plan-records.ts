// The plan file as a flat list of records, and construct paths within its keys.
import { NetworkRecords, PlanFileContent } from '../model/plan-file';
import { CommandError } from './args';

/** One recorded range. */
export interface FlatRecord {
  /** The network's path. */
  readonly network: string;
  /**
   * The pool key (the network's path, or a private owner's `path` or `path:name`); `reserved`
   * for adopted ranges, `families` for clusters' address families, `ipv6Subnets` for IPv6 subnet numbers.
   */
  readonly pool: string;
  /** The owner key (`path:range`), the adopted range's name, a cluster's path (a family) or `vpc:subnet` (an IPv6 subnet). */
  readonly owner: string;
  /** What the range is for, when the key says it. */
  readonly role: string;
  /** The range; a family's IpFamily; an IPv6 subnet's number in its VPC's block. */
  readonly cidr: string;
  /** Where an adopted range came from. */
  readonly from?: string;
}

/** The pool key adopted ranges are listed under. */
export const ADOPTED = 'reserved';
/** The pool keys clusters' families and IPv6 subnet numbers are listed under (version 4). */
export const FAMILIES = 'families';
export const IPV6_SUBNETS = 'ipv6Subnets';

const GATEWAY_NAMES = /^(api-endpoint|aws-edge|control-plane|private-nat|proxy(-.*)?)$/;

/** Every record of `content`, sorted by network, pool and owner. */
export function flatten(content: PlanFileContent): FlatRecord[] {
  const records: FlatRecord[] = [];
  for (const network of Object.keys(content.networks).sort()) {
    const entry = content.networks[network];
    for (const pool of Object.keys(entry.pools).sort()) {
      for (const owner of Object.keys(entry.pools[pool]).sort()) {
        records.push({ network, pool, owner, role: roleOf(network, pool, owner, entry), cidr: entry.pools[pool][owner] });
      }
    }
    for (const name of Object.keys(entry.reserved ?? {}).sort()) {
      const { cidr, from } = entry.reserved![name];
      records.push({ network, pool: ADOPTED, owner: name, role: 'reserved (imported)', cidr, from });
    }
    for (const cluster of Object.keys(entry.families ?? {}).sort()) {
      records.push({ network, pool: FAMILIES, owner: cluster, role: 'family', cidr: entry.families![cluster] });
    }
    for (const vpc of Object.keys(entry.ipv6Subnets ?? {}).sort()) {
      const subnets = entry.ipv6Subnets![vpc];
      for (const name of Object.keys(subnets).sort()) records.push({ network, pool: IPV6_SUBNETS, owner: `${vpc}:${name}`, role: 'ipv6-subnet', cidr: String(subnets[name]) });
    }
  }
  return records;
}

/** The record's identity across two plans. */
export function keyOf(r: FlatRecord): string {
  return `${r.network}\n${r.pool}\n${r.owner}`;
}

/** The role the key of a record implies (see `RangeRole`), or `-`. */
export function roleOf(network: string, pool: string, owner: string, entry: NetworkRecords): string {
  const cut = owner.lastIndexOf(':');
  if (cut < 0) return '-';
  const [path, name] = [owner.slice(0, cut), owner.slice(cut + 1)];
  if (name === 'hole' && path === network) return 'hole';
  if (name === 'nodes') return 'node';
  if (name === 'services') return 'service';
  if (name === 'pods') return pool === path && `${path}:members` in entry.pools ? 'super-range' : 'pod';
  if (GATEWAY_NAMES.test(name)) return 'gateway';
  if (path === network && pool === network) return 'reserved';
  return '-';
}

/** The construct path a key starts with: `corp/x` of `corp/x:members`. */
export function pathOfKey(key: string): string {
  const cut = key.indexOf(':');
  return cut < 0 ? key : key.slice(0, cut);
}

/** True when `key`'s construct path is `path` or lies under it. */
export function isUnder(key: string, path: string): boolean {
  const own = pathOfKey(key);
  return own === path || own.startsWith(path + '/');
}

/** `key` with its construct path moved from under `from` to under `to` (unchanged when not under `from`). */
export function moveKey(key: string, from: string, to: string): string {
  return isUnder(key, from) ? to + key.slice(from.length) : key;
}

/** Checks a construct path given on the command line; returns it without a trailing slash. */
export function checkPath(value: string, what: string): string {
  const trimmed = value.replace(/\/+$/, '');
  if (trimmed === '' || trimmed.startsWith('/') || trimmed.includes('//') || trimmed.includes(':')) {
    throw new CommandError(`${what} ${JSON.stringify(value)} is not a construct path: give it as plan show lists it, e.g. corp/prod`);
  }
  return trimmed;
}
