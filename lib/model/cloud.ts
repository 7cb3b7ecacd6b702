/** The cloud a network is built on. */
export enum CloudProvider {
  /** Google Cloud: VPC networks, subnets with secondary ranges, NCC hubs. */
  GCP = 'GCP',
  /** Amazon Web Services: VPCs, subnets per availability zone, transit gateways. */
  AWS = 'AWS',
}

/**
 * The cloud a `Network` is rendered on, with the facts planning needs from it.
 *
 * Built with `Cloud.gcp()` or `Cloud.aws()`: each carries its cloud's renderer, rules and
 * planning profile, which the model reaches through this interface only.
 */
export interface ICloud {
  /** Which cloud. */
  readonly provider: CloudProvider;
  /** The region. */
  readonly region: string;
  /** Availability zones subnets are spread over (AWS); empty on GCP, whose subnets are regional. */
  readonly availabilityZones: string[];
  /** Addresses the cloud keeps in every subnet (GCP 4, AWS 5). */
  readonly reservedAddressesPerSubnet: number;
}
