import { createHash } from 'crypto';
import { IConstruct } from 'constructs';

/** Longest name AWS takes for a load balancer or a target group. */
const SHORT = 32;

/** `corp/prod` + `nodes`, `eu-west-1a` -> `corp-prod-nodes-eu-west-1a`: the Name tag of a resource. */
export function nameTag(owner: IConstruct, ...parts: string[]): string {
  return [owner.node.path, ...parts].join('-').replace(/[^A-Za-z0-9.-]+/g, '-');
}

/** Tags of every resource: its Name, and the construct (network, cluster, archipelago) it was made for. */
export function tagsFor(owner: IConstruct, ...parts: string[]): Record<string, string> {
  return { 'Name': nameTag(owner, ...parts), 'kube-networks:owner': owner.node.path };
}

/**
 * A name for load balancers and target groups: letters, digits and hyphens, at most 32
 * characters, no leading or trailing hyphen. Too long a name keeps its start and gets a
 * hash of the whole, so it stays unique and stable.
 */
export function shortName(owner: IConstruct, suffix: string): string {
  const full = `${owner.node.path}-${suffix}`;
  const name = full.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (name.length <= SHORT) return name;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 7);
  return `${name.slice(0, SHORT - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
