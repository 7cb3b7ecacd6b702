import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { later } from '../model/tokens';
import { Edge } from './edge';
import { AwsClusterResources, AwsCniSettings, AwsSubnet, AwsSubnetRole } from './resources';
import { clusterGroups, GroupPlan } from './group-rules';
import { Groups, makeGroups } from './security';
import { Associations, ClusterSources } from './sources';
import { AwsVpc } from './vpc';
import { ICluster } from '../model/interfaces';
import { hasIpv4Pods } from '../model/plan';
import { EKS_IP_FAMILY } from './layout';

/** A cluster's own subnets and the security groups of its nodes and pods. */
export interface Workloads {
  /** Node subnets, one or more per zone (routable). */
  readonly nodeSubnets: AwsSubnet[];
  /** Pod subnets, one or more per zone (the VPC CNI's custom networking). */
  readonly podSubnets: AwsSubnet[];
  /** ALB subnets of a proxy gateway, one per zone. */
  readonly proxySubnets: AwsSubnet[];
  /** The exposed API endpoint's subnet (isolated clusters). */
  readonly apiSubnets: AwsSubnet[];
  /** Attached to the nodes (and, in flat and isolated clusters, the pods). */
  readonly nodeGroup: SecurityGroup;
  /** What the ENIConfigs give the pods: a group of their own in islands and archipelago members (clusterGroups), else nodeGroup. */
  readonly podGroup: SecurityGroup;
  /** Every security group of the cluster (nodes, pods, load balancers, API endpoint), by id, made with the rules clusterGroups lists. */
  readonly groups: Groups;
  /** What each group holds (clusterGroups), nodes' first. */
  readonly groupPlans: readonly GroupPlan[];
}

/** Splits the node and pod ranges over the zones, makes the proxy and API subnets, and the cluster's security groups (nodes', island pods', load balancers', API endpoint's). */
export function renderWorkloads(cluster: ICluster, vpc: AwsVpc, sources: ClusterSources, associations: Associations): Workloads {
  const zoneSubnets = (role: AwsSubnetRole, kind: 'nodes' | 'pods') =>
    (sources[kind] ?? []).flatMap((source) => vpc.addZoneSubnets(cluster, role, source, associations.get(source.id) ?? []));
  const wholeSubnets = (role: AwsSubnetRole, kind: 'proxy' | 'api-endpoint') =>
    (sources[kind] ?? []).map((source) => vpc.addSubnet(cluster, {
      id: source.id,
      role,
      zone: source.zone ?? vpc.zones[0],
      cidr: later(source.cidr),
      dependsOn: associations.get(source.id),
    }));
  const subject = { path: cluster.node.path, model: cluster.model, ipFamily: cluster.ipFamily, ingress: cluster.ingress, apiEndpointSourceRanges: cluster.apiEndpointSourceRanges };
  const groupPlans = clusterGroups(subject, cluster.network.cidr, vpc.ipv6CidrBlock ?? '');
  const groups = makeGroups(cluster, vpc, groupPlans);
  const nodeGroup = groups.get('nodes-sg')!;
  return {
    nodeSubnets: zoneSubnets(AwsSubnetRole.NODES, 'nodes'),
    podSubnets: zoneSubnets(AwsSubnetRole.PODS, 'pods'),
    proxySubnets: wholeSubnets(AwsSubnetRole.PROXY, 'proxy'),
    apiSubnets: wholeSubnets(AwsSubnetRole.API_ENDPOINT, 'api-endpoint'),
    nodeGroup,
    // Islands' and archipelago members' pods hold their own (clusterGroups); flat and isolated pods the nodes'.
    podGroup: groups.get('pods-sg') ?? nodeGroup,
    groups,
    groupPlans,
  };
}

/** The load balancers a cluster's gateways made. */
export type GatewayResources = Pick<AwsClusterResources, 'networkLoadBalancer' | 'targetGroups' | 'listeners' | 'applicationLoadBalancer'>;

/** Assembles what `AwsResources.of(cluster)` returns. */
export function clusterResources(cluster: ICluster, vpc: AwsVpc, w: Workloads, cni: AwsCniSettings, more: {
  readonly edge?: Edge;
  readonly gateways?: GatewayResources;
  readonly attachment?: AwsClusterResources['transitGatewayAttachment'];
}): () => AwsClusterResources {
  // An IPv6 cluster has no IPv4 service range: EKS picks its IPv6 one itself (from fc00::/7).
  const serviceIpv4Cidr = hasIpv4Pods(cluster) ? later(() => cluster.serviceCidr) : undefined;
  return () => ({
    ...vpc.resources(cluster),
    internetGateway: more.edge?.internetGateway,
    egressOnlyInternetGateway: more.edge?.egressOnlyInternetGateway,
    transitGatewayAttachment: more.edge?.attachment ?? more.attachment,
    nodeSubnetIds: w.nodeSubnets.map((s) => s.subnet.id),
    nodeSecurityGroup: w.nodeGroup,
    podSecurityGroup: w.podGroup,
    targetGroups: [],
    listeners: [],
    ...more.gateways,
    ipFamily: EKS_IP_FAMILY[cluster.ipFamily],
    serviceIpv4Cidr,
    cni,
  });
}
