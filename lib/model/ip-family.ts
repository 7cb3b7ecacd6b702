import { IConstruct } from 'constructs';
import { CloudProvider } from './cloud';
import { planError, shown, typeOf } from './errors';
import { IpFamily, Ipv6AccessType, NetworkModel } from './plan';

/** What a cluster decided about its address families. */
export interface ClusterFamily {
  readonly ipFamily: IpFamily;
  /** GCP dual-stack subnets only. */
  readonly ipv6AccessType?: Ipv6AccessType;
}

/** The network's IPv6 props, as a cluster checks its own against them. */
export interface NetworkFamily {
  readonly path: string;
  readonly ipv6: boolean;
  readonly provider: string;
}

/**
 * A cluster's ipFamily and ipv6AccessType, checked (INPUT-006): values of their enums, IPv6 only
 * on a network with `ipv6: true`, the access type only for a GCP dual-stack cluster, and IPv6
 * pods only where the model and the cloud have them.
 */
export function checkClusterFamily(scope: IConstruct, model: NetworkModel, network: NetworkFamily, props: { ipFamily?: unknown; ipv6AccessType?: unknown }): ClusterFamily {
  const fail = (message: string) => planError(scope, 'INPUT-006', message);
  const { ipFamily = IpFamily.IPV4, ipv6AccessType } = props;
  if (!Object.values(IpFamily).includes(ipFamily as IpFamily)) {
    throw fail(`ipFamily ${shown(ipFamily)} is ${typeof ipFamily === 'string' ? 'not' : `${typeOf(ipFamily)}, not`} one of IpFamily.IPV4, IpFamily.DUAL_STACK, IpFamily.IPV6`);
  }
  if (ipv6AccessType !== undefined && !Object.values(Ipv6AccessType).includes(ipv6AccessType as Ipv6AccessType)) {
    throw fail(`ipv6AccessType ${shown(ipv6AccessType)} is ${typeof ipv6AccessType === 'string' ? 'not' : `${typeOf(ipv6AccessType)}, not`} one of Ipv6AccessType.INTERNAL, Ipv6AccessType.EXTERNAL`);
  }
  const family = ipFamily as IpFamily;
  if (family !== IpFamily.IPV4 && !network.ipv6) {
    throw fail(`ipFamily ${family} needs IPv6 in the network, but network ${network.path} has ipv6 off: ` +
      `set ipv6: true on the Network, or leave ipFamily out for IpFamily.IPV4`);
  }
  if (family === IpFamily.IPV6 && (model === NetworkModel.ISLAND || model === NetworkModel.ARCHIPELAGO)) {
    const kind = model === NetworkModel.ISLAND ? 'an island' : 'an archipelago member';
    throw fail(`ipFamily IPV6 on ${kind}: every IPv6 pod address is unique, so there is no private range to reuse — ` +
      'use a FlatCluster with IpFamily.IPV6, or IpFamily.DUAL_STACK to keep the island\'s IPv4 half');
  }
  if (family === IpFamily.IPV6 && network.provider === CloudProvider.GCP) {
    throw fail('ipFamily IPV6 is not available on GCP: GKE has no IPv6-only clusters — use IpFamily.DUAL_STACK (IPv4 and IPv6 pods)');
  }
  if (ipv6AccessType !== undefined && network.provider !== CloudProvider.GCP) {
    throw fail(`ipv6AccessType ${ipv6AccessType} is a GCP subnet setting: AWS subnets' IPv6 addresses are reached as their route tables allow — remove ipv6AccessType`);
  }
  if (ipv6AccessType !== undefined && family !== IpFamily.DUAL_STACK) {
    throw fail(`ipv6AccessType ${ipv6AccessType} is given but ipFamily is ${family}: set ipFamily: IpFamily.DUAL_STACK, or remove ipv6AccessType`);
  }
  return family === IpFamily.DUAL_STACK && network.provider === CloudProvider.GCP
    ? { ipFamily: family, ipv6AccessType: (ipv6AccessType as Ipv6AccessType | undefined) ?? Ipv6AccessType.INTERNAL }
    : { ipFamily: family };
}

/**
 * A network's ipv6 and ipv6IpamPoolId, checked (INPUT-006): a boolean, and a pool id only with
 * IPv6 on AWS (GCP assigns the VPC's /48 itself).
 */
export function checkNetworkIpv6(scope: IConstruct, provider: string, props: { ipv6?: unknown; ipv6IpamPoolId?: unknown; cidr?: unknown }): { ipv6: boolean; ipv6IpamPoolId?: string } {
  const fail = (message: string) => planError(scope, 'INPUT-006', message);
  const { ipv6, ipv6IpamPoolId } = props;
  if (ipv6 !== undefined && typeof ipv6 !== 'boolean') {
    throw fail(`ipv6 ${shown(ipv6)} is ${typeOf(ipv6)}, not a boolean: write ipv6: true, or leave it out`);
  }
  if (ipv6IpamPoolId === undefined) return { ipv6: ipv6 === true };
  if (typeof ipv6IpamPoolId !== 'string' || !/^ipam-pool-[0-9a-f]+$/.test(ipv6IpamPoolId)) {
    throw fail(`ipv6IpamPoolId ${shown(ipv6IpamPoolId)} is not an IPAM pool id: give the id of an IPv6 IPAM pool, e.g. 'ipam-pool-0123456789abcdef0'`);
  }
  if (provider !== CloudProvider.AWS) {
    throw fail(`ipv6IpamPoolId ${ipv6IpamPoolId} is an AWS setting: GCP gives each VPC its internal IPv6 /48 itself — remove ipv6IpamPoolId`);
  }
  if (ipv6 !== true) {
    throw fail(`ipv6IpamPoolId ${ipv6IpamPoolId} is given but ipv6 is off: set ipv6: true, or remove ipv6IpamPoolId`);
  }
  return { ipv6: true, ipv6IpamPoolId };
}
