// The model layer: the constructs users write and the plan they resolve to, the planner that
// places every range, and the estate that checks and records plans at synth. It knows no
// cloud and no policy: each cloud object (ICloud) brings its renderer, rules and checker.
export { CloudProvider, ICloud } from './cloud';
export { Ingress, Egress, IngressKind, EgressKind, NodePortIngressProps, LoadBalancerIngressProps, ProxyIngressProps, GatewayProps } from './gateways';
export { NetworkModel, PodRouting, IpFamily, Ipv6AccessType, RangeRole, RangeSource, PlannedRange, GatewayPlan, ClusterPlan, NetworkPlan, PlanSuppression, NetworkSketch, ClusterSketch, LinkSketch } from './plan';
export { Severity, PolicyFinding, IPolicyRule, PolicyViolation, RuleDescription } from './rule';
export { INetwork, ICluster, IArchipelago, IAskedRange, ICloudLink } from './interfaces';
export { CloudLink, CloudLinkProps, CloudLinkAsns } from './cloud-link';
export { CloudLinkPlan, LinkAsns, LinkTunnelPlan } from './link-plan';
export { Network, NetworkProps, ReservedRange } from './network';
export { Ipv6SubnetPlan } from './ipv6-subnets';
export { ClusterProps, ClusterSizeProps } from './cluster';
export { FlatCluster, FlatClusterProps } from './flat-cluster';
export { IsolatedCluster, IsolatedClusterProps } from './isolated-cluster';
export { IslandCluster, IslandClusterProps } from './island-cluster';
export { Archipelago, ArchipelagoProps, ArchipelagoCluster, ArchipelagoClusterProps } from './archipelago';
