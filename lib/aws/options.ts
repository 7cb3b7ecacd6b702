import { IConstruct } from 'constructs';

/** How many NAT gateways of each kind a VPC gets. */
export enum AwsNatGateways {
  /** One per availability zone: a zone's outage leaves the others' egress up. */
  ONE_PER_ZONE = 'ONE_PER_ZONE',
  /** One, in the first zone, shared by all: cheaper, a single point of failure. */
  SINGLE = 'SINGLE',
}

/** Choices the AWS layer makes for the VPCs of clusters under a construct. */
export interface AwsOptionsProps {
  /**
   * NAT gateways per VPC, public ones (internet egress) and private ones (`Egress.nat()`).
   * @default AwsNatGateways.ONE_PER_ZONE
   */
  readonly natGateways?: AwsNatGateways;
}

const OPTIONS = new WeakMap<IConstruct, AwsOptionsProps>();

/**
 * AWS choices for the clusters and archipelagos under a construct (a stack, or any scope
 * they are built in), or on a Network for all of its clusters:
 * `AwsOptions.apply(stack, { natGateways: AwsNatGateways.SINGLE })`. Set them before the
 * clusters are built: their resources are made in their constructors.
 */
export class AwsOptions {
  /** Sets `options` for everything built under `scope` (or on the network `scope`) from now on. */
  public static apply(scope: IConstruct, options: AwsOptionsProps): void {
    const natGateways = options?.natGateways;
    if (natGateways !== undefined && !Object.values(AwsNatGateways).includes(natGateways)) {
      throw new Error(`[${scope.node.path}] AwsOptions.apply: natGateways ${JSON.stringify(natGateways)} is not one of ${Object.values(AwsNatGateways).join(', ')}`);
    }
    OPTIONS.set(scope, { ...OPTIONS.get(scope), ...options });
  }

  /**
   * The options in force for `construct`: the nearest scope's that set each one, then its
   * network's (`network`), then the defaults.
   */
  public static of(construct: IConstruct, network?: IConstruct): AwsOptionsProps {
    const scopes = [...construct.node.scopes].reverse();
    if (network) scopes.push(...[...network.node.scopes].reverse());
    const natGateways = scopes.map((s) => OPTIONS.get(s)?.natGateways).find((v) => v !== undefined);
    return { natGateways: natGateways ?? AwsNatGateways.ONE_PER_ZONE };
  }

  private constructor() {}
}
