import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeRoute } from '@cdktf/provider-google/lib/compute-route';
import { DnsManagedZone } from '@cdktf/provider-google/lib/dns-managed-zone';
import { DnsRecordSet } from '@cdktf/provider-google/lib/dns-record-set';
import { Construct } from 'constructs';
import { gcpName } from './names';
import { refOf } from '../model/refs';

/** private.googleapis.com: the Google API addresses reachable without the internet (Private Google Access). */
export const PRIVATE_GOOGLE_APIS = '199.36.153.8/30';
const PRIVATE_GOOGLE_API_IPS = ['199.36.153.8', '199.36.153.9', '199.36.153.10', '199.36.153.11'];
/** The domains nodes reach Google through: the APIs, and the registries images are pulled from. */
const DOMAINS = ['googleapis.com', 'gcr.io', 'pkg.dev'];

/** What Private Google Access needs in a network with no default route. */
export interface PrivateGoogleAccessResources {
  /** The route to private.googleapis.com (and nothing else) through Google's own gateway. */
  readonly route: ComputeRoute;
  /** Private zones that send the APIs' and registries' names to private.googleapis.com. */
  readonly zones: DnsManagedZone[];
  readonly records: DnsRecordSet[];
}

/**
 * Private Google Access for a network whose default route was deleted (an isolated cluster's):
 * a route to private.googleapis.com alone, and private DNS zones mapping googleapis.com, gcr.io
 * and pkg.dev to it, so nodes reach the Google APIs and pull images with no path to anywhere else.
 */
export function privateGoogleAccess(scope: Construct, network: ComputeNetwork): PrivateGoogleAccessResources {
  const route = new ComputeRoute(scope, 'google-apis-route', {
    name: gcpName(scope, 'google-apis'),
    network: refOf(network, 'id'),
    destRange: PRIVATE_GOOGLE_APIS,
    nextHopGateway: 'default-internet-gateway',
    description: 'Private Google Access: private.googleapis.com only, no other destination',
  });
  const zones: DnsManagedZone[] = [];
  const records: DnsRecordSet[] = [];
  for (const domain of DOMAINS) {
    const id = domain.replace(/\./g, '-');
    const zone = new DnsManagedZone(scope, `${id}-zone`, {
      name: gcpName(scope, id),
      dnsName: `${domain}.`,
      visibility: 'private',
      description: `${domain} through private.googleapis.com (Private Google Access)`,
      privateVisibilityConfig: { networks: [{ networkUrl: refOf(network, 'id') }] },
    });
    zones.push(zone);
    // googleapis.com answers at private.googleapis.com; the registries at their apex.
    const apex = domain === 'googleapis.com' ? `private.${domain}.` : `${domain}.`;
    records.push(new DnsRecordSet(scope, `${id}-a`, { managedZone: zone.name, name: apex, type: 'A', ttl: 300, rrdatas: PRIVATE_GOOGLE_API_IPS }));
    records.push(new DnsRecordSet(scope, `${id}-cname`, { managedZone: zone.name, name: `*.${domain}.`, type: 'CNAME', ttl: 300, rrdatas: [apex] }));
  }
  return { route, zones, records };
}
