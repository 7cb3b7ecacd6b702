// The GCP layer: renders the model into @cdktf/provider-google resources (deep imports
// only), plans what GCP builds beyond each cluster's ranges (GcpProfile), and holds the
// GCP-* rules. A GcpCloud object (Cloud.gcp()) carries all three to the model.
export { GcpCloudProps } from './cloud';
export { GcpResources, GcpClusterResources, GcpNetworkResources, GcpPrivateGoogleAccess, GcpLinkResources } from './resources';
