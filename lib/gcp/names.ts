import { createHash } from 'crypto';
import { IConstruct } from 'constructs';

const MAX = 63;

/**
 * A GCP resource name for `scope` (plus a suffix): its construct path in lower case,
 * words joined by `-`, as GCP names must be (GCP-SUBNET-008: 1-63 characters,
 * `[a-z]([-a-z0-9]*[a-z0-9])?`). Too long a name keeps its start and gets a hash of the
 * whole path, so it stays unique and stable.
 */
export function gcpName(scope: IConstruct, suffix?: string): string {
  const full = [scope.node.path, suffix].filter(Boolean).join('-');
  let name = full.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(name)) name = `k-${name}`;
  if (name.length > MAX) {
    const hash = createHash('sha256').update(full).digest('hex').slice(0, 7);
    name = `${name.slice(0, MAX - hash.length - 1).replace(/-+$/, '')}-${hash}`;
  }
  return name;
}

/** GCP's name pattern (GCP-SUBNET-008), for the rule that checks names. */
export const GCP_NAME_PATTERN = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
