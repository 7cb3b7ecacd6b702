import { CLOUD_RESERVED_ADDRESSES } from '../ipam';
import { CloudProvider } from '../model/cloud';
import { CloudServices, CloudStrategy, PlanChecker, PlanReporter } from '../model/strategy';
import { GcpProfile } from './profile';
import type { GcpRenderer } from './renderer';

/** Where a GCP network lives. */
export interface GcpCloudProps {
  /**
   * Region of the subnets, routers and NAT, e.g. `us-central1`.
   */
  readonly region: string;
  /**
   * The region is newer than the library's table of GCP regions (lib/clouds/regions.ts): take
   * it anyway. Its name must still be well formed.
   * @default false - a region the table does not hold is refused (INPUT-003), naming the nearest ones
   */
  readonly unlistedRegion?: boolean;
  /**
   * Plan a routable /28 for each cluster's private GKE control plane
   * (`master_ipv4_cidr_block`, GCP-GKE-010), exposed as `GcpResources.of(cluster).masterIpv4CidrBlock`.
   * @default false
   */
  readonly privateControlPlanes?: boolean;
  /**
   * VPC flow logs (`log_config`: 5-second aggregation, half the packets sampled, all metadata)
   * on every subnet that hosts nodes or an API endpoint. Proxy-only subnets never get them (the
   * API refuses `log_config` there) and private-NAT subnets host no VMs. Turning them off is
   * reported as a warning (GCP-LOG-001) unless suppressed with a reason.
   * @default true
   */
  readonly flowLogs?: boolean;
}

/** Google Cloud in one region: its facts, planning profile, renderer and rules (Cloud.gcp()). */
export class GcpCloud implements CloudStrategy {
  public readonly provider = CloudProvider.GCP;
  public readonly region: string;
  public readonly availabilityZones: string[] = [];
  public readonly reservedAddressesPerSubnet = CLOUD_RESERVED_ADDRESSES.gcp;
  public readonly privateControlPlanes: boolean;
  public readonly flowLogs: boolean;
  public readonly profile: GcpProfile;
  public readonly checker: PlanChecker;
  public readonly reporter: PlanReporter;

  constructor(props: GcpCloudProps, services: CloudServices) {
    this.region = props.region;
    const privateControlPlanes: unknown = props.privateControlPlanes ?? false;
    if (typeof privateControlPlanes !== 'boolean') {
      throw new Error(`Cloud.gcp: INPUT-002: privateControlPlanes ${JSON.stringify(privateControlPlanes)} is not a boolean: write privateControlPlanes: true, or leave it out`);
    }
    this.privateControlPlanes = privateControlPlanes;
    this.profile = new GcpProfile(this.privateControlPlanes);
    this.flowLogs = flowLogsOf(props);
    this.checker = services.checker;
    this.reporter = services.reporter;
  }

  private loaded?: GcpRenderer;

  /**
   * The renderer, loaded when the cloud first renders: it brings the provider classes, the most
   * of the library's own import time, which a program on the other cloud (or the plan
   * commands) never pays.
   */
  public get renderer(): GcpRenderer {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return this.loaded ??= new (require('./renderer') as typeof import('./renderer')).GcpRenderer(this.flowLogs);
  }
}

/** The flow-log setting of `Cloud.gcp(props)`, checked. */
export function flowLogsOf(props: GcpCloudProps): boolean {
  const enabled = props.flowLogs ?? true;
  if (typeof enabled !== 'boolean') {
    throw new Error(`Cloud.gcp: flowLogs ${JSON.stringify(props.flowLogs)} must be true or false (GCP-LOG-001)`);
  }
  return enabled;
}
