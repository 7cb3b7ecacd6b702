import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { Construct } from 'constructs';
import { gcpName } from './names';
import { refOf } from '../model/refs';

/** Where Google's health checks come from; backends must let them in (Google's health-check docs). */
export const HEALTH_CHECK_RANGES = ['35.191.0.0/16', '130.211.0.0/22'];

/**
 * Where Google's IPv6 health checks come from (Google's load-balancing docs: the IPv6 probe
 * range for internal passthrough and regional load balancers). 2600:2d00:1:1::/64 is not one:
 * it is where global external Application Load Balancers' front ends connect from, not probes.
 * A firewall rule holds IPv4 or IPv6 ranges, never both (GCP-IPV6-004): this goes in a twin.
 */
export const HEALTH_CHECK_RANGES_IPV6 = ['2600:2d00:1:b029::/64'];

/** What one ingress firewall rule lets in. */
export interface Opening {
  /** Construct id and name suffix, e.g. `intra`. */
  readonly id: string;
  readonly description: string;
  readonly sources: string[];
  readonly destinations?: string[];
  /** TCP ports or ranges (`30000-32767`); omitted means every protocol. */
  readonly tcpPorts?: string[];
}

/** An ingress allow rule on `network`, named after `scope`. */
export function allowIngress(scope: Construct, network: ComputeNetwork, opening: Opening): ComputeFirewall {
  return new ComputeFirewall(scope, `firewall-${opening.id}`, {
    name: gcpName(scope, opening.id),
    network: refOf(network, 'id'),
    description: opening.description,
    direction: 'INGRESS',
    sourceRanges: opening.sources,
    destinationRanges: opening.destinations,
    allow: opening.tcpPorts ? [{ protocol: 'tcp', ports: opening.tcpPorts }] : [{ protocol: 'all' }],
  });
}
