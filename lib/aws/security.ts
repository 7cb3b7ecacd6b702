import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { ec2Text, tagsFor } from './names';
import { AwsVpc } from './vpc';
import { refOf } from '../model/refs';

/** Where allowed traffic comes from: an IPv4 range, an IPv6 range, or the members of a security group. */
export type Source = { readonly cidr: string } | { readonly cidrIpv6: string } | { readonly group: SecurityGroup };

/** TCP ports from `from` to `to`; undefined allows every protocol and port. */
export interface TcpPorts {
  readonly from: number;
  readonly to: number;
}

/** Allows `source` into `group` (on TCP `ports`, or everything). */
export function allowIn(scope: Construct, id: string, group: SecurityGroup, source: Source, description: string, ports?: TcpPorts): VpcSecurityGroupIngressRule {
  return new VpcSecurityGroupIngressRule(scope, id, {
    securityGroupId: refOf(group, 'id'),
    description: ec2Text(description),
    ipProtocol: ports ? 'tcp' : '-1',
    fromPort: ports?.from,
    toPort: ports?.to,
    cidrIpv4: 'cidr' in source ? source.cidr : undefined,
    cidrIpv6: 'cidrIpv6' in source ? source.cidrIpv6 : undefined,
    referencedSecurityGroupId: 'group' in source ? refOf(source.group, 'id') : undefined,
    tags: tagsFor(scope, id),
  });
}

/** Lets `group` send anywhere (routes decide what is reachable). */
export function allowAllOut(scope: Construct, id: string, group: SecurityGroup): VpcSecurityGroupEgressRule {
  return new VpcSecurityGroupEgressRule(scope, `${id}-egress`, {
    securityGroupId: refOf(group, 'id'),
    description: 'Anywhere the routes lead',
    ipProtocol: '-1',
    cidrIpv4: '0.0.0.0/0',
    tags: tagsFor(scope, id, 'egress'),
  });
}

/** Lets `group` send anywhere over IPv6 too (an IPv6 or dual-stack cluster's groups). */
export function allowAllOutIpv6(scope: Construct, id: string, group: SecurityGroup): VpcSecurityGroupEgressRule {
  return new VpcSecurityGroupEgressRule(scope, `${id}-egress-ipv6`, {
    securityGroupId: refOf(group, 'id'),
    description: 'Anywhere the routes lead, over IPv6',
    ipProtocol: '-1',
    cidrIpv6: '::/0',
    tags: tagsFor(scope, id, 'egress-ipv6'),
  });
}

/** A security group whose members reach each other freely, and send anywhere. */
export function openAmongMembers(scope: Construct, vpc: AwsVpc, id: string, description: string): SecurityGroup {
  const group = vpc.addSecurityGroup(scope, id, description);
  allowIn(scope, `${id}-self`, group, { group }, 'Members of this group reach each other');
  allowAllOut(scope, id, group);
  return group;
}
