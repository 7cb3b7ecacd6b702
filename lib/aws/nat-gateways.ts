/** How many NAT gateways of each kind a VPC gets. */
export enum AwsNatGateways {
  /** One per availability zone: a zone's outage leaves the others' egress up. */
  ONE_PER_ZONE = 'ONE_PER_ZONE',
  /** One, in the first zone, shared by all: cheaper, a single point of failure. */
  SINGLE = 'SINGLE',
}
