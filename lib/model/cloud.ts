import { CLOUD_RESERVED_ADDRESSES } from '../ipam';

/** The cloud a network is built on. */
export enum CloudProvider {
  /** Google Cloud: VPC networks, subnets with secondary ranges, NCC hubs. */
  GCP = 'GCP',
  /** Amazon Web Services: VPCs, subnets per availability zone, transit gateways. */
  AWS = 'AWS',
}

/** Where a GCP network lives. */
export interface GcpCloudProps {
  /**
   * Region of the subnets, routers and NAT, e.g. `us-central1`.
   */
  readonly region: string;
  /**
   * Plan a routable /28 for each cluster's private GKE control plane
   * (`master_ipv4_cidr_block`, GCP-GKE-010), exposed as `GcpResources.of(cluster).masterIpv4CidrBlock`.
   * @default false
   */
  readonly privateControlPlanes?: boolean;
}

/** Where an AWS network lives. */
export interface AwsCloudProps {
  /**
   * Region of the VPCs, e.g. `eu-west-1`.
   */
  readonly region: string;
  /**
   * Availability zones to spread subnets over. EKS needs at least two (AWS-EKS-001).
   * @default - zones `a` and `b` of the region, e.g. `eu-west-1a` and `eu-west-1b`
   */
  readonly availabilityZones?: string[];
}

/**
 * The cloud a `Network` is rendered on, with the facts planning needs from it.
 *
 * Built with `Cloud.gcp()` or `Cloud.aws()`.
 */
export class Cloud {
  /** Google Cloud in one region. */
  public static gcp(props: GcpCloudProps): Cloud {
    checkRegion(props.region, 'Cloud.gcp', 'us-central1');
    return new Cloud(CloudProvider.GCP, props.region, [], CLOUD_RESERVED_ADDRESSES.gcp, props.privateControlPlanes ?? false);
  }

  /** AWS in one region, over two or more availability zones. */
  public static aws(props: AwsCloudProps): Cloud {
    checkRegion(props.region, 'Cloud.aws', 'eu-west-1');
    const zones = props.availabilityZones ?? [`${props.region}a`, `${props.region}b`];
    if (new Set(zones).size !== zones.length || zones.some((zone) => !zone)) {
      throw new Error(
        `Cloud.aws: availabilityZones ${JSON.stringify(zones)} must be distinct, non-empty zone names, e.g. ["${props.region}a", "${props.region}b"]`,
      );
    }
    return new Cloud(CloudProvider.AWS, props.region, zones, CLOUD_RESERVED_ADDRESSES.aws, false);
  }

  /** Which cloud. */
  public readonly provider: CloudProvider;
  /** The region. */
  public readonly region: string;
  /** Availability zones (AWS); empty on GCP, whose subnets are regional. */
  public readonly availabilityZones: string[];
  /** Addresses the cloud keeps in every subnet (GCP 4, AWS 5). */
  public readonly reservedAddressesPerSubnet: number;
  /** Whether each cluster gets a routable /28 for a private control plane (GCP). */
  public readonly privateControlPlanes: boolean;

  private constructor(provider: CloudProvider, region: string, availabilityZones: string[], reserved: number, privateControlPlanes: boolean) {
    this.provider = provider;
    this.region = region;
    this.availabilityZones = availabilityZones;
    this.reservedAddressesPerSubnet = reserved;
    this.privateControlPlanes = privateControlPlanes;
  }
}

function checkRegion(region: string, factory: string, example: string): void {
  if (typeof region !== 'string' || !/^[a-z]+(-[a-z0-9]+)+$/.test(region)) {
    throw new Error(`${factory}: region ${JSON.stringify(region)} is not a region name: use one like "${example}"`);
  }
}
