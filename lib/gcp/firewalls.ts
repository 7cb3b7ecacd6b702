import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { Construct } from 'constructs';
import { gcpName } from './names';
import { refOf } from '../model/refs';

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
