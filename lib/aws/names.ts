import { createHash } from 'crypto';
import { IConstruct } from 'constructs';

/** Longest name AWS takes for a load balancer or a target group. */
const LB_NAME_MAX = 32;
/** Longest tag value AWS takes. */
const TAG_MAX = 256;
/** Longest security group name or description, or rule description, EC2 takes. */
const EC2_TEXT_MAX = 255;
/** Longest IAM role description. */
const IAM_TEXT_MAX = 1000;

/** `corp/prod` + `nodes`, `eu-west-1a` -> `corp-prod-nodes-eu-west-1a`: the Name tag of a resource. */
export function nameTag(owner: IConstruct, ...parts: string[]): string {
  return [owner.node.path, ...parts].join('-').replace(/[^A-Za-z0-9.-]+/g, '-');
}

/** Tags of every resource: its Name, and the construct (network, cluster, archipelago) it was made for. */
export function tagsFor(owner: IConstruct, ...parts: string[]): Record<string, string> {
  return { 'Name': tagValue(nameTag(owner, ...parts)), 'kube-networks:owner': tagValue(owner.node.path) };
}

/**
 * A tag value every AWS service takes: at most 256 characters of letters, digits, spaces and
 * `+ - = . _ : / @` (EC2 takes any, but IAM, CloudWatch Logs and Elastic Load Balancing do not).
 * Anything else becomes `-`; a longer value keeps its start and gets a hash of the whole.
 */
function tagValue(text: string): string {
  return fit(text.replace(/[^\p{L}\p{N} +\-=._:/@]/gu, '-'), TAG_MAX, text);
}

/**
 * Text EC2 takes as a security group's description or a security group rule's: at most 255
 * characters of letters, digits, spaces and `._-:/()#,@[]+=&;{}!$*` (an apostrophe is refused).
 * Apostrophes are dropped and other characters become `-`; longer text keeps its start and gets a hash.
 */
export function ec2Text(text: string): string {
  return fit(text.replace(/'/g, '').replace(/[^A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, '-'), EC2_TEXT_MAX, text);
}

/** An IAM role's description: at most 1,000 characters of tab, newline, printable ASCII and Latin-1 (IAM's pattern); others become `-`. */
export function iamText(text: string): string {
  return fit(text.replace(/[^\t\n\r\u0020-\u007E\u00A1-\u00FF]/g, '-'), IAM_TEXT_MAX, text);
}

/**
 * The name of a security group: its Name tag, within EC2's 255 characters, never starting with
 * `sg-` (EC2 refuses such names: they read as group ids), so a stack named `sg` gets `k8s-sg-...`.
 */
export function securityGroupName(scope: IConstruct, id: string): string {
  const name = nameTag(scope, id);
  return fit(/^sg-/i.test(name) ? `k8s-${name}` : name, EC2_TEXT_MAX, name);
}

/**
 * A construct's path as part of a construct id, one to one: `corp/a-b` -> `corp--a-b`,
 * `corp/a/b` -> `corp--a--b` (constructs' own spelling of `/` in an id). A path with other
 * characters, or with `-` at either end of a name or twice in a row, has every run of them
 * made one `-` and gets a hash of the whole path, so two paths never share an id in one scope.
 */
export function pathId(target: IConstruct): string {
  const path = target.node.path;
  if (/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*(\/[A-Za-z0-9]+(-[A-Za-z0-9]+)*)*$/.test(path)) return path.replace(/\//g, '--');
  return `${path.replace(/[^A-Za-z0-9]+/g, '-')}-${hashOf(path)}`;
}

/**
 * The CloudWatch Logs group of a network's flow logs: `/cdktf-kube-networks/<network path>/flow-logs`.
 * A path with characters a log group name refuses has them replaced, plus a hash of the whole
 * path, so two networks of an app (whose paths differ) never share a group: `corp a/main` and
 * `corp-a/main` would both read `corp-a/main` otherwise.
 */
export function flowLogGroupName(network: IConstruct): string {
  const path = network.node.path;
  const clean = path.replace(/[^A-Za-z0-9._/#-]+/g, '-');
  const unique = clean === path ? clean : `${clean}-${hashOf(path)}`;
  return `/cdktf-kube-networks/${unique}/flow-logs`;
}

/**
 * A name for load balancers and target groups: letters, digits and hyphens, at most 32
 * characters, no leading or trailing hyphen. Too long a name keeps its start and gets a
 * hash of the whole, so it stays unique and stable.
 */
export function shortName(owner: IConstruct, suffix: string): string {
  const full = `${owner.node.path}-${suffix}`;
  const name = full.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (name.length <= LB_NAME_MAX) return name;
  const hash = hashOf(full);
  return `${name.slice(0, LB_NAME_MAX - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** Seven hex digits of a SHA-256: short, stable, and distinct for distinct inputs in any real app. */
function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 7);
}

/** `text` if it has at most `max` characters, else its start and a hash of `whole` (what it was made from). */
function fit(text: string, max: number, whole: string): string {
  return text.length <= max ? text : `${text.slice(0, max - 8)}-${hashOf(whole)}`;
}
