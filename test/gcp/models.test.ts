// Every model on GCP: a snapshot of the synthesized plan, and the attributes that matter.
import { Testing, Token } from 'cdktf';
import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeForwardingRule } from '@cdktf/provider-google/lib/compute-forwarding-rule';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeRouterNat } from '@cdktf/provider-google/lib/compute-router-nat';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { NetworkConnectivityHub } from '@cdktf/provider-google/lib/network-connectivity-hub';
import { NetworkConnectivitySpoke } from '@cdktf/provider-google/lib/network-connectivity-spoke';
import { Archipelago, Cloud, Egress, FlatCluster, GcpResources, Ingress, IslandCluster, IsolatedCluster, PodRouting } from '../../lib';
import { estate } from '../support';

const has = (synth: string, type: string, properties: Record<string, unknown>) =>
  expect(Testing.toHaveResourceWithProperties(synth, type, properties)).toBe(true);
const hasNo = (synth: string, type: string) => expect(Testing.toHaveResource(synth, type)).toBe(false);

describe('FlatCluster on GCP', () => {
  const build = () => {
    const e = estate({ reserved: [{ cidr: '10.128.0.0/16', name: 'other' }] });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 250 });
    return { ...e, prod, synth: Testing.synth(e.stack, true) };
  };

  test('snapshot', () => {
    expect(build().synth).toMatchSnapshot();
  });

  test('a subnet of the main custom-mode VPC with named secondary ranges, private Google access on', () => {
    const { synth } = build();
    has(synth, ComputeNetwork.tfResourceType, { name: 'corp-main', auto_create_subnetworks: false });
    has(synth, ComputeSubnetwork.tfResourceType, {
      name: 'corp-prod',
      ip_cidr_range: '10.1.16.0/24',
      private_ip_google_access: true,
      secondary_ip_range: [
        { range_name: 'pods', ip_cidr_range: '10.0.0.0/16' },
        { range_name: 'services', ip_cidr_range: '10.1.0.0/20' },
      ],
    });
    hasNo(synth, NetworkConnectivityHub.tfResourceType);
  });

  test('one Cloud NAT for node and pod ranges', () => {
    has(build().synth, ComputeRouterNat.tfResourceType, {
      name: 'corp-main-nat',
      nat_ip_allocate_option: 'AUTO_ONLY',
      source_subnetwork_ip_ranges_to_nat: 'LIST_OF_SUBNETWORKS',
      subnetwork: [{
        name: '${google_compute_subnetwork.prod_subnetwork_8F9E45DC.id}',
        source_ip_ranges_to_nat: ['PRIMARY_IP_RANGE', 'LIST_OF_SECONDARY_IP_RANGES'],
        secondary_ip_range_names: ['pods'],
      }],
    });
  });

  test('firewalls: within the cluster, main network to pods, health checks to nodes', () => {
    const { synth } = build();
    has(synth, ComputeFirewall.tfResourceType, { name: 'corp-prod-intra', source_ranges: ['10.1.16.0/24', '10.0.0.0/16'], allow: [{ protocol: 'all' }] });
    has(synth, ComputeFirewall.tfResourceType, { name: 'corp-prod-main-to-pods', source_ranges: ['10.0.0.0/8'], destination_ranges: ['10.0.0.0/16'] });
    has(synth, ComputeFirewall.tfResourceType, {
      name: 'corp-prod-health-checks', source_ranges: ['35.191.0.0/16', '130.211.0.0/22'], destination_ranges: ['10.1.16.0/24'],
    });
  });

  test('the resources a GKE cluster attaches to', () => {
    const { prod, network } = build();
    const resources = GcpResources.of(prod);
    expect(resources.podRangeName).toBe('pods');
    expect(resources.serviceRangeName).toBe('services');
    expect(resources.network).toBe(GcpResources.ofNetwork(network).network);
    expect(resources.nat).toBe(GcpResources.ofNetwork(network).nat);
    expect(resources.masterIpv4CidrBlock).toBeUndefined();
  });
});

describe('IsolatedCluster on GCP', () => {
  const build = () => {
    const e = estate();
    const vault = new IsolatedCluster(e.stack, 'vault', { network: e.network, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16', exposeApiEndpoint: true });
    return { ...e, vault, synth: Testing.synth(e.stack, true) };
  };

  test('snapshot', () => {
    expect(build().synth).toMatchSnapshot();
  });

  test('its own network with no route out, no NAT, no spoke; firewall only within itself', () => {
    const { synth } = build();
    has(synth, ComputeNetwork.tfResourceType, { name: 'corp-vault', delete_default_routes_on_create: true });
    has(synth, ComputeSubnetwork.tfResourceType, { name: 'corp-vault', ip_cidr_range: '10.0.0.0/16' });
    hasNo(synth, ComputeRouterNat.tfResourceType);
    hasNo(synth, NetworkConnectivitySpoke.tfResourceType);
    has(synth, ComputeFirewall.tfResourceType, { name: 'corp-vault-intra', source_ranges: ['10.0.0.0/16', '10.1.0.0/16'] });
  });

  test('the exposed API endpoint is a /28 subnet of the main network', () => {
    const { synth, vault, network } = build();
    has(synth, ComputeSubnetwork.tfResourceType, {
      // Planned off the cluster's own ranges too (10.0.0.0/16 nodes, 10.1.0.0/16 pods).
      name: 'corp-vault-api', ip_cidr_range: '10.2.0.0/28', network: '${google_compute_network.main_vpc_5EEF3244.id}',
    });
    expect(GcpResources.of(vault).apiEndpointSubnetwork).toBeDefined();
    expect(GcpResources.of(vault).network).not.toBe(GcpResources.ofNetwork(network).network);
  });

  test('deploy defect: with no default route, Private Google Access gets its route and DNS, and nothing else leaves', () => {
    const { synth } = build();
    const json = JSON.parse(synth).resource;
    // One route in the isolated network: to private.googleapis.com (199.36.153.8/30, Google's documented range) alone.
    const routes = Object.values(json.google_compute_route as Record<string, Record<string, unknown>>);
    expect(routes.map((r) => [r.dest_range, r.next_hop_gateway, r.network])).toEqual([
      ['199.36.153.8/30', 'default-internet-gateway', '${google_compute_network.vault_vpc_539E574B.id}'],
    ]);
    // The subnet still asks for Private Google Access, and the names resolve to those addresses.
    has(synth, ComputeSubnetwork.tfResourceType, { name: 'corp-vault', private_ip_google_access: true });
    const zones = Object.values(json.google_dns_managed_zone as Record<string, Record<string, unknown>>);
    expect(zones.map((z) => [z.dns_name, z.visibility]).sort()).toEqual([['gcr.io.', 'private'], ['googleapis.com.', 'private'], ['pkg.dev.', 'private']]);
    const records = Object.values(json.google_dns_record_set as Record<string, Record<string, unknown>>).map((r) => `${r.type} ${r.name} ${(r.rrdatas as string[]).join(',')}`);
    expect(records).toContain('A private.googleapis.com. 199.36.153.8,199.36.153.9,199.36.153.10,199.36.153.11');
    expect(records).toContain('CNAME *.googleapis.com. private.googleapis.com.');
    expect(records).toContain('CNAME *.gcr.io. gcr.io.');
    expect(records).toContain('CNAME *.pkg.dev. pkg.dev.');
  });
});

describe('IslandCluster on GCP', () => {
  const build = (egress = Egress.masquerade()) => {
    const e = estate();
    const batch = new IslandCluster(e.stack, 'batch', {
      network: e.network,
      maxNodes: 100,
      egress,
      ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16'] }), Ingress.loadBalancer({ ports: [443, 8443] }), Ingress.proxy()],
    });
    return { ...e, batch, synth: Testing.synth(e.stack, true) };
  };

  test('snapshot (masquerade)', () => {
    expect(build().synth).toMatchSnapshot();
  });

  test('snapshot (nat)', () => {
    expect(build(Egress.nat()).synth).toMatchSnapshot();
  });

  test('its own network on the hub, a spoke that never exports the private ranges', () => {
    const { synth } = build();
    has(synth, NetworkConnectivityHub.tfResourceType, { name: 'corp-main-hub' });
    has(synth, NetworkConnectivitySpoke.tfResourceType, { name: 'corp-main-spoke' });
    has(synth, NetworkConnectivitySpoke.tfResourceType, {
      name: 'corp-batch-spoke',
      linked_vpc_network: { exclude_export_ranges: ['100.64.0.0/17', '100.64.128.0/20'] },
    });
    has(synth, ComputeSubnetwork.tfResourceType, {
      name: 'corp-batch',
      ip_cidr_range: '10.0.0.0/25',
      secondary_ip_range: [{ range_name: 'pods', ip_cidr_range: '100.64.0.0/17' }, { range_name: 'services', ip_cidr_range: '100.64.128.0/20' }],
    });
  });

  test('masquerade: only node addresses are NATed; ip-masq-agent keeps pod addresses inside the island', () => {
    const { synth, batch } = build();
    has(synth, ComputeRouterNat.tfResourceType, { name: 'corp-batch-nat', subnetwork: [{ source_ip_ranges_to_nat: ['PRIMARY_IP_RANGE'] }] });
    hasNo(synth, ComputeRouterNat.tfResourceType + '_private');
    expect(Testing.toHaveResourceWithProperties(synth, ComputeRouterNat.tfResourceType, { type: 'PRIVATE' })).toBe(false);
    expect(Testing.synth(batch.node.scope as never).includes('PRIVATE_NAT')).toBe(false);
  });

  test('nat: a private NAT towards the hub from a PRIVATE_NAT subnet, plus Cloud NAT of every range', () => {
    const { synth, batch } = build(Egress.nat());
    has(synth, ComputeSubnetwork.tfResourceType, { name: 'corp-batch-private-nat', purpose: 'PRIVATE_NAT', ip_cidr_range: '10.0.0.128/27' });
    has(synth, ComputeRouterNat.tfResourceType, {
      name: 'corp-batch-private-nat',
      type: 'PRIVATE',
      source_subnetwork_ip_ranges_to_nat: 'LIST_OF_SUBNETWORKS',
      rules: [{ rule_number: 100, match: "nexthop.hub == '//networkconnectivity.googleapis.com/${google_network_connectivity_hub.main_hub_B0561322.id}'" }],
    });
    has(synth, ComputeRouterNat.tfResourceType, { name: 'corp-batch-nat', subnetwork: [{ source_ip_ranges_to_nat: ['ALL_IP_RANGES'] }] });
    expect(GcpResources.of(batch).ipMasqAgentNonMasqueradeCidrs).toEqual(['0.0.0.0/0']);
  });

  test('ingress: NodePorts from the given sources, an internal passthrough LB, a proxy-only subnet', () => {
    const { synth } = build();
    has(synth, ComputeFirewall.tfResourceType, {
      name: 'corp-batch-node-ports', source_ranges: ['10.128.0.0/16'], destination_ranges: ['10.0.0.0/25'], allow: [{ protocol: 'tcp', ports: ['30000-32767'] }],
    });
    has(synth, ComputeForwardingRule.tfResourceType, { name: 'corp-batch-lb', load_balancing_scheme: 'INTERNAL', ip_protocol: 'TCP', ports: ['443', '8443'] });
    has(synth, ComputeFirewall.tfResourceType, { name: 'corp-batch-lb-health-checks', source_ranges: ['35.191.0.0/16', '130.211.0.0/22'], allow: [{ protocol: 'tcp', ports: ['443', '8443'] }] });
    has(synth, ComputeSubnetwork.tfResourceType, { name: 'corp-batch-proxy', purpose: 'REGIONAL_MANAGED_PROXY', role: 'ACTIVE', ip_cidr_range: '10.0.2.0/23' });
    has(synth, ComputeFirewall.tfResourceType, { name: 'corp-batch-proxy', destination_ranges: ['100.64.0.0/17'], allow: [{ protocol: 'tcp', ports: ['0-65535'] }] });
  });
});

describe('Archipelago on GCP', () => {
  const build = () => {
    const e = estate();
    const east = new Archipelago(e.stack, 'east', { network: e.network, podCidr: '100.64.0.0/14', egress: Egress.nat() });
    const a = east.addCluster('a', { maxNodes: 50 });
    const b = east.addCluster('b', { maxNodes: 50, egress: Egress.masquerade() });
    return { ...e, east, a, b, synth: Testing.synth(e.stack, true) };
  };

  test('snapshot', () => {
    expect(build().synth).toMatchSnapshot();
  });

  test('one network per archipelago, a subnet per member, one spoke that never exports the super-range', () => {
    const { synth, a, b } = build();
    has(synth, ComputeNetwork.tfResourceType, { name: 'corp-east' });
    has(synth, NetworkConnectivitySpoke.tfResourceType, { name: 'corp-east-spoke', linked_vpc_network: { exclude_export_ranges: ['100.64.0.0/14'] } });
    has(synth, ComputeSubnetwork.tfResourceType, { name: 'corp-east-a', ip_cidr_range: '10.0.0.0/26' });
    // a's egress is NAT, so the archipelago's PRIVATE_NAT /27 (10.0.0.64/27) comes before b's nodes.
    has(synth, ComputeSubnetwork.tfResourceType, { name: 'corp-east-b', ip_cidr_range: '10.0.0.128/26' });
    expect(GcpResources.of(a).network).toBe(GcpResources.of(b).network);
    expect(GcpResources.of(a).spoke).toBe(GcpResources.of(b).spoke);
  });

  test('flat inside: one firewall lets every member node and pod reach the others', () => {
    has(build().synth, ComputeFirewall.tfResourceType, { name: 'corp-east-members', source_ranges: ['100.64.0.0/14', '10.0.0.0/26', '10.0.0.128/26'] });
  });

  test('island to the rest: each member\'s egress on the archipelago\'s NATs', () => {
    const { synth, b } = build();
    has(synth, ComputeRouterNat.tfResourceType, {
      name: 'corp-east-nat',
      subnetwork: [{ source_ip_ranges_to_nat: ['ALL_IP_RANGES'] }, { source_ip_ranges_to_nat: ['PRIMARY_IP_RANGE'] }],
    });
    has(synth, ComputeRouterNat.tfResourceType, { name: 'corp-east-private-nat', type: 'PRIVATE' });
    expect(GcpResources.of(b).ipMasqAgentNonMasqueradeCidrs).toEqual(['100.64.0.0/14']);
  });

  test('one proxy-only subnet for the members\' proxies: planned once, and the plan says every member\'s proxy is it', () => {
    const e = estate();
    const east = new Archipelago(e.stack, 'east', { network: e.network, ingress: [Ingress.proxy()] });
    const [a, b] = [east.addCluster('a'), east.addCluster('b')];
    const c = east.addCluster('c', { ingress: [] });
    const synth = Testing.synth(e.stack, true);
    // GCP takes one active proxy-only subnet per network and region: nothing is planned that is not built.
    expect(e.network.plan.ranges.filter((r) => r.name === 'proxy').map((r) => `${r.owner} ${r.cidr}`)).toEqual(['corp/east/a 10.0.2.0/23']);
    expect(Object.values(JSON.parse(synth).resource[ComputeSubnetwork.tfResourceType]).filter((s) => (s as { purpose?: string }).purpose === 'REGIONAL_MANAGED_PROXY')).toHaveLength(1);
    expect([a.proxySubnetCidrs, b.proxySubnetCidrs, c.proxySubnetCidrs]).toEqual([['10.0.2.0/23'], ['10.0.2.0/23'], []]);
    expect(e.network.plan.clusters.map((x) => x.ingress.map((g) => g.subnetCidrs))).toEqual([[['10.0.2.0/23']], [['10.0.2.0/23']], []]);
  });

  test('members asking different proxy-only masks are refused where written: the later one would share the first\'s', () => {
    const e = estate();
    const east = new Archipelago(e.stack, 'east', { network: e.network });
    east.addCluster('a', { ingress: [Ingress.proxy({ subnetMaskSize: 24 })] });
    expect(() => east.addCluster('b', { ingress: [Ingress.proxy()] })).toThrow(
      '[corp/east/b] INPUT-002: Ingress.proxy({ subnetMaskSize: 23 }) of corp/east/b asks its own proxy-only subnet, but the members of corp/east share one ' +
      '(GCP takes one per network and region): corp/east/a\'s /24 — give every member\'s Ingress.proxy() the same subnetMaskSize, or none (a /23)');
    expect(() => east.addCluster('c', { ingress: [Ingress.proxy({ subnetMaskSize: 24 })] })).not.toThrow();
  });
});

describe('an island load balancer of more ports than a forwarding rule lists', () => {
  // GCP: an internal passthrough forwarding rule lists up to 5 ports, or forwards all ports.
  const build = (ports: number[]) => {
    const e = estate();
    new IslandCluster(e.stack, 'batch', { network: e.network, ingress: [Ingress.loadBalancer({ ports })] });
    return Testing.synth(e.stack, true);
  };
  const rules = (synth: string) => Object.values<Record<string, unknown>>(JSON.parse(synth).resource[ComputeForwardingRule.tfResourceType]);

  test('5 ports: listed', () => {
    const [rule] = rules(build([80, 443, 8080, 8443, 9000]));
    expect([rule.ports, rule.all_ports]).toEqual([['80', '443', '8080', '8443', '9000'], undefined]);
  });

  test('6 ports: the rule forwards all ports and the firewall admits the 6 alone', () => {
    const synth = build([80, 443, 8080, 8443, 9000, 9443]);
    const [rule] = rules(synth);
    expect([rule.ports, rule.all_ports]).toEqual([undefined, true]);
    has(synth, ComputeFirewall.tfResourceType, { name: 'corp-batch-lb-clients', allow: [{ protocol: 'tcp', ports: ['80', '443', '8080', '8443', '9000', '9443'] }] });
  });
});

describe('a mixed estate on GCP', () => {
  test('snapshot: every model in one main network, with private control planes', () => {
    const e = estate({ reserved: [{ cidr: '10.128.0.0/16', name: 'other' }], cloud: Cloud.gcp({ region: 'europe-west1', privateControlPlanes: true }) });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network });
    new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 100, ingress: [Ingress.loadBalancer({ ports: [443] })] });
    new Archipelago(e.stack, 'east', { network: e.network }).addCluster('a');
    new IsolatedCluster(e.stack, 'vault', { network: e.network });
    const synth = Testing.synth(e.stack, true);
    expect(synth).toMatchSnapshot();
    const controlPlane = e.network.plan.ranges.find((r) => r.owner === 'corp/prod' && r.name === 'control-plane');
    expect(controlPlane?.cidr).toBe('10.1.17.0/28');
    expect(Token.isUnresolved(GcpResources.of(prod).masterIpv4CidrBlock)).toBe(true);
  });
});

describe('a routes-based FlatCluster on GCP', () => {
  const build = () => {
    const e = estate();
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, podRouting: PodRouting.ROUTES });
    return { ...e, prod, synth: Testing.synth(e.stack, true) };
  };

  test('a subnet without secondary ranges; the Cloud NAT takes node addresses only', () => {
    const { synth, prod } = build();
    const subnet = JSON.parse(synth).resource.google_compute_subnetwork.prod_subnetwork_8F9E45DC;
    expect(subnet.secondary_ip_range).toBeUndefined();
    has(synth, ComputeRouterNat.tfResourceType, { subnetwork: [{ source_ip_ranges_to_nat: ['PRIMARY_IP_RANGE'] }] });
    expect([GcpResources.of(prod).podRangeName, GcpResources.of(prod).serviceRangeName]).toEqual(['', '']);
  });

  test('kube-controller-manager configures cloud routes; the plan says so', () => {
    const { prod, network } = build();
    expect(prod.kubeControllerManagerArgs).toContain('--configure-cloud-routes=true');
    expect(network.plan.clusters[0].podRouting).toBe(PodRouting.ROUTES);
    expect(new FlatCluster(prod.node.scope as never, 'default', { network }).kubeControllerManagerArgs).toContain('--configure-cloud-routes=false');
  });
});
