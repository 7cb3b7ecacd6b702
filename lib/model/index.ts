// The constructs users write and the plan they resolve to. Knows no cloud's resources.
export { Cloud, CloudProvider, GcpCloudProps, AwsCloudProps } from './cloud';
export { Ingress, Egress, IngressKind, EgressKind, NodePortIngressProps, LoadBalancerIngressProps, ProxyIngressProps } from './gateways';
export { NetworkModel, PodRouting, RangeRole, RangeSource, PlannedRange, GatewayPlan, ClusterPlan, NetworkPlan, PlanSuppression } from './plan';
export { Network, NetworkProps, ReservedRange } from './network';
export { ClusterBase, ClusterProps, ClusterSizeProps } from './cluster';
export { FlatCluster, FlatClusterProps } from './flat-cluster';
export { IsolatedCluster, IsolatedClusterProps } from './isolated-cluster';
export { IslandCluster, IslandClusterProps, GatewayProps } from './island-cluster';
export { Archipelago, ArchipelagoProps, ArchipelagoCluster, ArchipelagoClusterProps } from './archipelago';
