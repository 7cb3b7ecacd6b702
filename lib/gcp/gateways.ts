import { ComputeAddress } from '@cdktf/provider-google/lib/compute-address';
import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeForwardingRule } from '@cdktf/provider-google/lib/compute-forwarding-rule';
import { ComputeRegionBackendService } from '@cdktf/provider-google/lib/compute-region-backend-service';
import { ComputeRegionHealthCheck } from '@cdktf/provider-google/lib/compute-region-health-check';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { Construct } from 'constructs';
import { Ingress, IngressKind, NODE_PORT_RANGE } from '../model/gateways';
import { later, laterList } from '../model/tokens';
import { allowIngress } from './firewalls';
import { HEALTH_CHECK_RANGES } from './health-checks';
import { IslandNetwork } from './island-network';
import { gcpName } from './names';
import { ICluster } from '../model/interfaces';
import { refOf } from '../model/refs';

/** What the gateways of one cluster made. */
export interface GatewayResources {
  readonly firewalls: ComputeFirewall[];
  readonly proxySubnet?: ComputeSubnetwork;
}

/** The three gateways into an island of Hockin's talk (see docs/ARCHITECTURE.md): NodePorts, an internal L4 load balancer (VIP), an L7 proxy. */
export function renderIngress(cluster: ICluster, island: IslandNetwork, subnet: ComputeSubnetwork): GatewayResources {
  const firewalls: ComputeFirewall[] = [];
  const nodes = later(() => cluster.nodeCidr);
  const seen = new Map<IngressKind, number>();
  for (const gateway of cluster.ingress) {
    // A second gateway of a kind gets `-2` on its ids and names.
    const count = (seen.get(gateway.kind) ?? 0) + 1;
    seen.set(gateway.kind, count);
    const suffix = count > 1 ? `-${count}` : '';
    if (gateway.kind === IngressKind.NODE_PORT) {
      firewalls.push(allowIngress(cluster, island.vpc, {
        id: `node-ports${suffix}`,
        description: `NodePorts of ${cluster.node.path}, from the main network`,
        sources: gateway.sourceRanges ?? [cluster.network.cidr],
        destinations: [nodes],
        tcpPorts: [`${NODE_PORT_RANGE.from}-${NODE_PORT_RANGE.to}`],
      }));
    } else if (gateway.kind === IngressKind.LOAD_BALANCER) {
      firewalls.push(...loadBalancer(cluster, island, subnet, gateway, suffix));
    }
  }
  const proxy = cluster.ingress.find((g) => g.kind === IngressKind.PROXY);
  if (proxy) {
    // One active proxy-only subnet per network and region (GCP-LB-001): archipelago members share the first.
    island.proxySubnet ??= new ComputeSubnetwork(cluster, 'proxy-subnetwork', {
      name: gcpName(cluster, 'proxy'),
      network: refOf(island.vpc, 'id'),
      region: cluster.network.cloud.region,
      purpose: 'REGIONAL_MANAGED_PROXY',
      role: 'ACTIVE',
      ipCidrRange: later(() => cluster.proxySubnetCidrs[0]),
    });
    const proxySubnet = island.proxySubnet;
    firewalls.push(allowIngress(cluster, island.vpc, {
      id: 'proxy',
      description: `The L7 proxy's Envoys to the pods of ${cluster.node.path}`,
      sources: [proxySubnet.ipCidrRange],
      destinations: [later(() => cluster.podCidr)],
      tcpPorts: ['0-65535'],
    }));
  }
  return { firewalls, proxySubnet: proxy ? island.proxySubnet : undefined };
}

/**
 * GCP's most ports a forwarding rule of an internal passthrough network load balancer lists;
 * past them it forwards all ports (`all_ports`), and the firewall admits the listed ones alone.
 */
export const FORWARDING_RULE_PORTS = 5;

/** An internal passthrough network load balancer: address, health check, backend service, forwarding rule. */
function loadBalancer(cluster: ICluster, island: IslandNetwork, subnet: ComputeSubnetwork, gateway: Ingress, suffix: string): ComputeFirewall[] {
  const scope = new Construct(cluster, `load-balancer${suffix}`);
  const name = gcpName(cluster, `lb${suffix}`);
  const region = cluster.network.cloud.region;
  const ports = gateway.ports.map(String);
  const address = new ComputeAddress(scope, 'address', {
    name,
    region,
    addressType: 'INTERNAL',
    subnetwork: subnet.id,
  });
  const healthCheck = new ComputeRegionHealthCheck(scope, 'health-check', {
    name,
    region,
    tcpHealthCheck: { port: gateway.ports[0] },
  });
  const backend = new ComputeRegionBackendService(scope, 'backend', {
    name,
    region,
    loadBalancingScheme: 'INTERNAL',
    protocol: 'TCP',
    healthChecks: [healthCheck.id],
  });
  new ComputeForwardingRule(scope, 'forwarding-rule', {
    name,
    region,
    loadBalancingScheme: 'INTERNAL',
    ipProtocol: 'TCP',
    ...ports.length <= FORWARDING_RULE_PORTS ? { ports } : { allPorts: true },
    ipAddress: address.address,
    backendService: backend.id,
    network: refOf(island.vpc, 'id'),
    subnetwork: subnet.id,
  });
  const nodes = laterList(() => [cluster.nodeCidr]);
  return [
    allowIngress(cluster, island.vpc, {
      id: `lb${suffix}-health-checks`,
      description: `Google health checks to the load balancer's nodes of ${cluster.node.path}`,
      sources: HEALTH_CHECK_RANGES,
      destinations: nodes,
      tcpPorts: ports,
    }),
    allowIngress(cluster, island.vpc, {
      id: `lb${suffix}-clients`,
      description: `Main-network clients of the load balancer of ${cluster.node.path} (passthrough keeps their address)`,
      sources: [cluster.network.cidr],
      destinations: nodes,
      tcpPorts: ports,
    }),
  ];
}
