import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Edge } from './edge';
import { renderIslandEdge } from './island';
import { Transit } from './network';
import { AwsArchipelagoResources, AwsClusterResources, recordArchipelago } from './resources';
import { allOutIpv6, membersGroup } from './group-rules';
import { makeGroups, makeRule } from './security';
import { memberBlocks, edgeOf, sourcesOf } from './sources';
import { AwsVpc } from './vpc';
import { renderWorkloads } from './workloads';
import { IArchipelago, ICluster } from '../model/interfaces';

/** An archipelago's VPC, which its members add their blocks and subnets to. */
export interface ArchipelagoVpc {
  readonly vpc: AwsVpc;
  readonly edge: Edge;
  /** On every member's nodes and pods: flat inside the archipelago. */
  readonly members: SecurityGroup;
}

/**
 * IArchipelago: one VPC, its primary block the archipelago's edge block (routable), with the
 * transit-gateway attachment, internet egress and a security group shared by all members.
 */
export function renderArchipelago(archipelago: IArchipelago, transit: Transit): ArchipelagoVpc {
  const network = archipelago.network;
  const edgeSource = edgeOf(archipelago);
  const vpc = new AwsVpc(archipelago, network, [edgeSource], transit.flowLogs);
  const edge = new Edge(vpc, transit, edgeSource, []);
  // Its members' IPv6 egress comes with the first dual-stack member (renderMember).
  const members = makeGroups(archipelago, vpc, [membersGroup(archipelago.node.path, false)]).get('members-sg')!;
  recordArchipelago(archipelago, (): AwsArchipelagoResources => ({
    ...vpc.resources(),
    internetGateway: edge.internetGateway,
    egressOnlyInternetGateway: edge.egressOnlyInternetGateway,
    transitGatewayAttachment: edge.attachment,
    membersSecurityGroup: members,
  }));
  return { vpc, edge, members };
}

/**
 * A member: its node range (routable) and pod range (from the super-range, split into /16
 * blocks if larger) become blocks of the archipelago's VPC, with subnets per zone; members
 * reach each other directly; towards the rest it is an island (renderIslandEdge). The first
 * dual-stack member gives the archipelago's edge subnets IPv6, its VPC an egress-only internet
 * gateway and its members' group `::/0` out.
 */
export function renderMember(cluster: ICluster, archipelago: ArchipelagoVpc): () => AwsClusterResources {
  if (archipelago.vpc.useIpv6(cluster)) {
    archipelago.edge.enableIpv6();
    makeRule(archipelago.vpc.owner, archipelago.members, allOutIpv6('members-sg'), new Map());
  }
  const sources = sourcesOf(cluster);
  const associations = memberBlocks(cluster, sources, archipelago.vpc);
  const w = renderWorkloads(cluster, archipelago.vpc, sources, associations);
  return renderIslandEdge(cluster, archipelago.vpc, archipelago.edge, w, [archipelago.members]);
}
