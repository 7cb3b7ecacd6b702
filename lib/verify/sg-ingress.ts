// What AWS security groups admit, read once for both families: the three ways Terraform writes
// an ingress rule (aws_vpc_security_group_ingress_rule, aws_security_group_rule, a group's
// inline `ingress`), each rule's ranges read by the family's own reader.
import { Cidr } from '../ipam';
import { Ports } from './fabric';
import { ruleProtocolPorts } from './ports';
import { TfResource, TfStack } from './terraform';

/** One thing a group admits: a range, or the members of a group, on some ports. */
export interface SgOpening {
  readonly resource: string;
  readonly cidr?: Cidr;
  readonly group?: string;
  readonly ports: Ports;
}

/** How a family reads the ranges of each kind of rule (IPv4: cidr_ipv4 / cidr_blocks; IPv6: cidr_ipv6 / ipv6_cidr_blocks). */
export interface SgRangeReader {
  /** The ranges of an aws_vpc_security_group_ingress_rule. */
  vpcRule(rule: TfResource): Cidr[];
  /** The ranges of an aws_security_group_rule. */
  groupRule(rule: TfResource): Cidr[];
  /** The ranges of one inline `ingress` block of `group`. */
  inline(group: TfResource, block: Record<string, unknown>): Cidr[];
}

/** Every opening of the security groups `groups` (by address), in the order Terraform holds them. */
export function sgIngress(tf: TfStack, groups: readonly string[], read: SgRangeReader): SgOpening[] {
  const out: SgOpening[] = [];
  for (const r of tf.ofType('aws_vpc_security_group_ingress_rule')) {
    const group = tf.deref(r.attrs.security_group_id)?.address;
    if (!group || !groups.includes(group)) continue;
    for (const cidr of read.vpcRule(r)) out.push({ resource: r.address, cidr, ports: ruleProtocolPorts(r.attrs) });
    const ref = tf.deref(r.attrs.referenced_security_group_id)?.address;
    if (ref) out.push({ resource: r.address, group: ref, ports: ruleProtocolPorts(r.attrs) });
  }
  for (const r of tf.ofType('aws_security_group_rule')) {
    const group = tf.deref(r.attrs.security_group_id)?.address;
    if (r.attrs.type !== 'ingress' || !group || !groups.includes(group)) continue;
    for (const cidr of read.groupRule(r)) out.push({ resource: r.address, cidr, ports: ruleProtocolPorts(r.attrs) });
    if (r.attrs.self === true) out.push({ resource: r.address, group, ports: ruleProtocolPorts(r.attrs) });
    const ref = tf.deref(r.attrs.source_security_group_id)?.address;
    if (ref) out.push({ resource: r.address, group: ref, ports: ruleProtocolPorts(r.attrs) });
  }
  for (const g of tf.ofType('aws_security_group').filter((x) => groups.includes(x.address))) {
    for (const block of (g.attrs.ingress as Array<Record<string, unknown>> | undefined) ?? []) {
      for (const cidr of read.inline(g, block)) out.push({ resource: g.address, cidr, ports: ruleProtocolPorts(block) });
    }
  }
  return out;
}
