// Dual-stack on GCP (issue #16): what a Network with ipv6: true and dual-stack clusters write,
// what an IPv4-only network still writes (nothing IPv6), and the GCP-IPV6 rules.
import { Testing } from 'cdktf';
import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { Archipelago, FlatCluster, GcpResources, Ingress, IpFamily, Ipv6AccessType, IslandCluster, IsolatedCluster, Policy, PodRouting } from '../../lib';
import { HEALTH_CHECK_RANGES_IPV6 } from '../../lib/gcp/health-checks';
import { externalFindings, firewallFamilyFindings, routesFindings, ulaFindings } from '../../lib/gcp/ipv6-rules';
import { GcpResourceOutline } from '../../lib/gcp/outline';
import { resourcesOf } from '../../lib/gcp/outline-rules';
import { gcpDualStackExample } from '../../examples/gcp-dualstack';
import { estate, synthError, synthStack, tempPlanFile } from '../support';

/* eslint-disable @typescript-eslint/no-explicit-any -- Terraform JSON, read as written */
const resources = (json: string, type: string): Record<string, any>[] => Object.values(JSON.parse(json).resource?.[type] ?? {});
/* eslint-enable @typescript-eslint/no-explicit-any */
const has = (json: string, type: string, properties: Record<string, unknown>) => expect(Testing.toHaveResourceWithProperties(json, type, properties)).toBe(true);
const ref = (type: string, json: string, name: string, attribute: string) => {
  const id = Object.entries(JSON.parse(json).resource[type]).find(([, r]) => (r as { name: string }).name === name)![0];
  return `\${${type}.${id}.${attribute}}`;
};

describe('the gcp-dualstack example', () => {
  const json = Testing.synth(gcpDualStackExample(Testing.app(), tempPlanFile()), true);

  test('every VPC it makes has an internal ULA /48, which Google picks', () => {
    for (const name of ['gcp-dualstack-main', 'gcp-dualstack-batch']) has(json, ComputeNetwork.tfResourceType, { name, enable_ula_internal_ipv6: true });
    expect(resources(json, ComputeNetwork.tfResourceType).map((n) => n.enable_ula_internal_ipv6)).toEqual([true, true]);
    expect(json).not.toContain('internal_ipv6_range":'); // never a made-up /48
  });

  test('the dual-stack clusters\' subnets are dual-stack, INTERNAL by default; nothing IPv6 is planned', () => {
    has(json, ComputeSubnetwork.tfResourceType, { name: 'gcp-dualstack-web', stack_type: 'IPV4_IPV6', ipv6_access_type: 'INTERNAL', ip_cidr_range: '10.0.144.0/25' });
    has(json, ComputeSubnetwork.tfResourceType, { name: 'gcp-dualstack-batch', stack_type: 'IPV4_IPV6', ipv6_access_type: 'INTERNAL' });
    expect(resources(json, ComputeSubnetwork.tfResourceType).filter((s) => s.stack_type === undefined)).toEqual([]);
  });

  test('the GKE cluster takes stack_type IPV4_IPV6 from GcpResources, VPC-native', () => {
    has(json, ContainerCluster.tfResourceType, {
      networking_mode: 'VPC_NATIVE',
      ip_allocation_policy: { cluster_secondary_range_name: 'pods', services_secondary_range_name: 'services', stack_type: 'IPV4_IPV6' },
    });
  });

  test('IPv6 twins: within each cluster, the main VPC\'s /48 to the flat pods, Google\'s IPv6 health checks', () => {
    const webV6 = ref(ComputeSubnetwork.tfResourceType, json, 'gcp-dualstack-web', 'internal_ipv6_prefix');
    const batchV6 = ref(ComputeSubnetwork.tfResourceType, json, 'gcp-dualstack-batch', 'internal_ipv6_prefix');
    const mainUla = ref(ComputeNetwork.tfResourceType, json, 'gcp-dualstack-main', 'internal_ipv6_range');
    has(json, ComputeFirewall.tfResourceType, { name: 'gcp-dualstack-web-intra-ipv6', source_ranges: [webV6], destination_ranges: [webV6], allow: [{ protocol: 'all' }] });
    has(json, ComputeFirewall.tfResourceType, { name: 'gcp-dualstack-web-main-to-pods-ipv6', source_ranges: [mainUla], destination_ranges: [webV6] });
    has(json, ComputeFirewall.tfResourceType, { name: 'gcp-dualstack-web-health-checks-ipv6', source_ranges: HEALTH_CHECK_RANGES_IPV6, destination_ranges: [webV6], allow: [{ protocol: 'tcp', ports: ['0-65535'] }] });
    has(json, ComputeFirewall.tfResourceType, { name: 'gcp-dualstack-batch-intra-ipv6', source_ranges: [batchV6], destination_ranges: [batchV6] });
    // The island's gateways stay IPv4: its load balancer's forwarding rule takes an IPv4 address.
    expect(resources(json, ComputeFirewall.tfResourceType).map((f) => f.name).filter((n) => n.endsWith('-ipv6')).sort()).toEqual([
      'gcp-dualstack-batch-intra-ipv6', 'gcp-dualstack-web-health-checks-ipv6', 'gcp-dualstack-web-intra-ipv6', 'gcp-dualstack-web-main-to-pods-ipv6',
    ]);
  });

  test('no firewall rule holds ranges of both families', () => {
    for (const f of resources(json, ComputeFirewall.tfResourceType)) {
      const ranges: string[] = [...f.source_ranges ?? [], ...f.destination_ranges ?? []];
      const v6 = ranges.map((r) => r.includes(':') || /ipv6/.test(r));
      expect([f.name, new Set(v6).size]).toEqual([f.name, 1]);
    }
  });
});

test('an IPv4-only network writes nothing IPv6, even with every model', () => {
  const { stack, network } = estate();
  const web = new FlatCluster(stack, 'web', { network });
  new IsolatedCluster(stack, 'vault', { network });
  new IslandCluster(stack, 'batch', { network, ingress: [Ingress.loadBalancer({ ports: [443] })] });
  new Archipelago(stack, 'fleet', { network }).addCluster('a');
  const json = synthStack(stack);
  expect(json).not.toMatch(/ipv6|stack_type|2600:/i);
  expect(GcpResources.of(web).stackType).toBe('IPV4');
  expect(GcpResources.of(web).ipv6AccessType).toBeUndefined();
});

test('an ipv6 network\'s IPv4 clusters keep IPv4 subnets and no twins; its VPCs still get their /48', () => {
  const { stack, network } = estate({ ipv6: true });
  new FlatCluster(stack, 'web', { network });
  const json = synthStack(stack);
  has(json, ComputeNetwork.tfResourceType, { name: 'corp-main', enable_ula_internal_ipv6: true });
  expect(resources(json, ComputeSubnetwork.tfResourceType).map((s) => s.stack_type)).toEqual([undefined]);
  expect(resources(json, ComputeFirewall.tfResourceType).filter((f) => f.name.endsWith('-ipv6'))).toEqual([]);
});

test('GcpResources: stackType and ipv6AccessType for GKE', () => {
  const { stack, network } = estate({ ipv6: true });
  const web = new FlatCluster(stack, 'web', { network, ipFamily: IpFamily.DUAL_STACK });
  const island = new IslandCluster(stack, 'batch', { network, ipFamily: IpFamily.DUAL_STACK, ipv6AccessType: Ipv6AccessType.EXTERNAL });
  expect([GcpResources.of(web).stackType, GcpResources.of(web).ipv6AccessType]).toEqual(['IPV4_IPV6', 'INTERNAL']);
  expect([GcpResources.of(island).stackType, GcpResources.of(island).ipv6AccessType]).toEqual(['IPV4_IPV6', 'EXTERNAL']);
  // EXTERNAL: the twins read the subnet's external prefix.
  const json = synthStack(stack);
  has(json, ComputeSubnetwork.tfResourceType, { name: 'corp-batch', stack_type: 'IPV4_IPV6', ipv6_access_type: 'EXTERNAL' });
  const batchV6 = ref(ComputeSubnetwork.tfResourceType, json, 'corp-batch', 'external_ipv6_prefix');
  has(json, ComputeFirewall.tfResourceType, { name: 'corp-batch-intra-ipv6', source_ranges: [batchV6] });
});

test('flat: an EXTERNAL cluster\'s global /64 lies outside the VPC\'s ULA /48, so every flat cluster admits it beside the /48, whichever was written first', () => {
  for (const order of [['ext', 'int'], ['int', 'ext']]) {
    const { stack, network } = estate({ ipv6: true });
    for (const id of order) new FlatCluster(stack, id, { network, ipFamily: IpFamily.DUAL_STACK, ...id === 'ext' ? { ipv6AccessType: Ipv6AccessType.EXTERNAL } : {} });
    const json = synthStack(stack);
    const ula = ref(ComputeNetwork.tfResourceType, json, 'corp-main', 'internal_ipv6_range');
    const ext = ref(ComputeSubnetwork.tfResourceType, json, 'corp-ext', 'external_ipv6_prefix');
    const int = ref(ComputeSubnetwork.tfResourceType, json, 'corp-int', 'internal_ipv6_prefix');
    has(json, ComputeFirewall.tfResourceType, { name: 'corp-int-main-to-pods-ipv6', source_ranges: [ula, ext], destination_ranges: [int] });
    has(json, ComputeFirewall.tfResourceType, { name: 'corp-ext-main-to-pods-ipv6', source_ranges: [ula, ext], destination_ranges: [ext] });
  }
});

describe('GCP-IPV6-001: a dual-stack GKE cluster is VPC-native', () => {
  test('passes VPC-native, fails routes-based, and cannot be suppressed', () => {
    const { stack, network } = estate({ ipv6: true });
    new FlatCluster(stack, 'web', { network, ipFamily: IpFamily.DUAL_STACK });
    new FlatCluster(stack, 'legacy', { network, podRouting: PodRouting.ROUTES });
    expect(routesFindings(network.plan)).toEqual([]);
    const legacy = new FlatCluster(stack, 'old', { network, ipFamily: IpFamily.DUAL_STACK, podRouting: PodRouting.ROUTES });
    expect(network.violations().filter((v) => v.ruleId === 'GCP-IPV6-001').map((v) => [v.path, v.message])).toEqual([['corp/old',
      'corp/old is dual-stack (IpFamily.DUAL_STACK) and routes-based (PodRouting.ROUTES); GKE takes stack_type IPV4_IPV6 in the IP allocation policy of VPC-native clusters alone, and has no IPv6 routes per node — use PodRouting.VPC_NATIVE, or leave ipFamily out for IPv4 only']]);
    Policy.suppress(legacy, 'GCP-IPV6-001', 'we will run it routes-based anyway');
    expect(synthError(stack)).toContain('GCP-IPV6-001 cannot be suppressed');
  });
});

describe('GCP-IPV6-002: an INTERNAL dual-stack subnet lies in a VPC with its ULA /48', () => {
  const vpc = (name: string, ula?: boolean): GcpResourceOutline => ({ type: 'google_compute_network', name, scope: 'project', owner: 'corp/main', ...(ula ? { ulaInternalIpv6: true } : {}) });
  const subnet = (ipv6AccessType: string): GcpResourceOutline =>
    ({ type: 'google_compute_subnetwork', name: 'corp-web', scope: 'region us-central1', owner: 'corp/web', vpc: 'corp-main', purpose: 'PRIVATE', stackType: 'IPV4_IPV6', ipv6AccessType });

  test('passes on what the renderer makes for every model', () => {
    const { stack, network } = estate({ ipv6: true });
    const dual = { ipFamily: IpFamily.DUAL_STACK };
    new FlatCluster(stack, 'web', { network, ...dual });
    new IsolatedCluster(stack, 'vault', { network, ...dual });
    new IslandCluster(stack, 'batch', { network, ...dual });
    new Archipelago(stack, 'fleet', { network }).addCluster('a', dual);
    expect(resourcesOf(network.plan).filter((r) => r.stackType === 'IPV4_IPV6')).toHaveLength(4);
    expect(ulaFindings(resourcesOf(network.plan))).toEqual([]);
    expect(ulaFindings([vpc('corp-main', true), subnet('INTERNAL')])).toEqual([]);
    expect(ulaFindings([vpc('corp-main'), subnet('EXTERNAL')])).toEqual([]);
  });

  test('fails on an INTERNAL subnet in a VPC without one', () => {
    expect(ulaFindings([vpc('corp-main'), subnet('INTERNAL')])).toEqual([{
      path: 'corp/web',
      message: 'subnet corp-web of corp/web takes INTERNAL IPv6, but its network corp-main has no internal IPv6 range (enable_ula_internal_ipv6); GCP assigns internal IPv6 subnet ranges from the network\'s ULA /48 alone — set ipv6: true on the Network',
    }]);
  });
});

describe('GCP-IPV6-003: EXTERNAL IPv6 past an island\'s or isolated cluster\'s edge', () => {
  test('passes INTERNAL anywhere and EXTERNAL on a flat cluster; warns on an EXTERNAL island, archipelago member, isolated cluster', () => {
    const { stack, network } = estate({ ipv6: true });
    const external = { ipFamily: IpFamily.DUAL_STACK, ipv6AccessType: Ipv6AccessType.EXTERNAL };
    new FlatCluster(stack, 'web', { network, ...external });
    new IslandCluster(stack, 'ml', { network, ipFamily: IpFamily.DUAL_STACK });
    expect(externalFindings(network.plan)).toEqual([]);
    new IslandCluster(stack, 'batch', { network, ...external });
    new IsolatedCluster(stack, 'vault', { network, ...external });
    new Archipelago(stack, 'fleet', { network }).addCluster('a', external);
    const warnings = network.violations().filter((v) => v.ruleId === 'GCP-IPV6-003');
    expect(warnings.map((v) => v.severity)).toEqual(['WARNING', 'WARNING', 'WARNING']);
    expect(warnings.map((v) => v.message)).toEqual([
      'island corp/batch takes EXTERNAL IPv6: its nodes and pods get global unicast addresses, reachable from the internet wherever a firewall admits them, past the gateways of its model — use Ipv6AccessType.INTERNAL, or Policy.suppress(cluster, \'GCP-IPV6-003\', reason)',
      'archipelago member corp/fleet/a takes EXTERNAL IPv6: its nodes and pods get global unicast addresses, reachable from the internet wherever a firewall admits them, past the gateways of its model — use Ipv6AccessType.INTERNAL, or Policy.suppress(cluster, \'GCP-IPV6-003\', reason)',
      'isolated cluster corp/vault takes EXTERNAL IPv6: its nodes and pods get global unicast addresses, reachable from the internet wherever a firewall admits them, past the isolation of its model — use Ipv6AccessType.INTERNAL, or Policy.suppress(cluster, \'GCP-IPV6-003\', reason)',
    ]);
  });
});

describe('GCP-IPV6-004: no firewall rule of both families', () => {
  test('passes IPv4 NodePort sourceRanges and the renderer\'s twins', () => {
    const { stack, network } = estate({ ipv6: true });
    new IslandCluster(stack, 'batch', { network, ipFamily: IpFamily.DUAL_STACK, ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16'] }), Ingress.loadBalancer({ ports: [443] })] });
    new FlatCluster(stack, 'web', { network, ipFamily: IpFamily.DUAL_STACK });
    expect(firewallFamilyFindings(resourcesOf(network.plan))).toEqual([]);
    expect(network.violations().filter((v) => v.ruleId === 'GCP-IPV6-004')).toEqual([]);
  });

  test('IPv6 NodePort sourceRanges are refused where they are written (INPUT-001): the gateway admits them to the IPv4 node range', () => {
    const { stack, network } = estate({ ipv6: true });
    expect(() => new IslandCluster(stack, 'batch', { network, ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16', 'fd20:1:2::/48'] })] })).toThrow(
      '[corp/batch] INPUT-001: Ingress.nodePort sourceRanges fd20:1:2::/48 is IPv6 but network corp/main (10.0.0.0/8) is IPv4: NodePorts are admitted to the node range, of the network\'s family (a firewall rule or security-group rule holds one family) — list IPv4 sourceRanges');
  });

  test('fails a firewall whose sources mix the families', () => {
    const mixed: GcpResourceOutline = { type: 'google_compute_firewall', name: 'corp-web-health-checks', scope: 'project', owner: 'corp/web', vpc: 'corp-main', sources: ['35.191.0.0/16', '2600:2d00:1:b029::/64'] };
    expect(firewallFamilyFindings([mixed])).toEqual([{
      path: 'corp/web',
      message: 'firewall corp-web-health-checks of corp/web admits IPv4 and IPv6 sources (35.191.0.0/16, 2600:2d00:1:b029::/64); a GCP firewall rule holds IPv4 or IPv6 ranges, never both — split it into an IPv4 rule and an IPv6 twin',
    }]);
  });
});
