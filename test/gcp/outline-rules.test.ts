// The GCP rules over what the renderer makes: each passes on what the renderer makes for every
// model, and fails, with its exact message, on a resource list written by hand (the renderer
// never makes one that breaks it; test/gcp/outline.test.ts holds the outline to synth).
import { Archipelago, Egress, FlatCluster, Ingress, IslandCluster, IsolatedCluster, Network, Policy, PodRouting } from '../../lib';
import { GcpResourceOutline, NatOutline } from '../../lib/gcp/outline';
import {
  healthCheckFindings, natAddressFindings, natCoverageFindings, natRangeFindings, privateNatFindings, purposeFindings, resourcesOf, secondaryRangeFindings,
} from '../../lib/gcp/outline-rules';
import { GCP_RULES } from '../../lib/gcp/rules';
import { estate, handPlan, synthError } from '../support';

/** A network with every model, gateway and egress: what the renderer makes for it keeps every outline rule. */
function everything(): Network {
  const { stack, network } = estate();
  new FlatCluster(stack, 'web', { network });
  new FlatCluster(stack, 'legacy', { network, podRouting: PodRouting.ROUTES });
  new IsolatedCluster(stack, 'vault', { network, exposeApiEndpoint: true });
  new IslandCluster(stack, 'batch', { network, egress: Egress.nat(), ingress: [Ingress.nodePort(), Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()] });
  const fleet = new Archipelago(stack, 'fleet', { network, egress: Egress.nat(), ingress: [Ingress.loadBalancer({ ports: [80] })] });
  fleet.addCluster('a');
  fleet.addCluster('b', { egress: Egress.masquerade() });
  return network;
}

const IDS = ['GCP-SUBNET-007', 'GCP-SUBNET-009', 'GCP-NAT-001', 'GCP-NAT-002', 'GCP-NAT-003', 'GCP-NAT-006', 'GCP-FW-001'];

const subnet = (name: string, extra: Partial<GcpResourceOutline> = {}): GcpResourceOutline =>
  ({ type: 'google_compute_subnetwork', name, scope: 'region us-central1', owner: 'corp/batch', vpc: 'corp-batch', purpose: 'PRIVATE', ...extra });
const nat = (name: string, settings: Partial<NatOutline>, extra: Partial<GcpResourceOutline> = {}): GcpResourceOutline => ({
  type: 'google_compute_router_nat', name, scope: 'router corp-batch-router in us-central1', owner: 'corp/batch', vpc: 'corp-batch',
  nat: { type: 'PUBLIC', sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS', natIpAllocateOption: 'AUTO_ONLY', subnetworks: [{ name: 'corp-batch', sourceIpRangesToNat: ['ALL_IP_RANGES'] }], ...settings },
  ...extra,
});
const spoke: GcpResourceOutline = { type: 'google_network_connectivity_spoke', name: 'corp-batch-spoke', scope: 'project', owner: 'corp/batch', vpc: 'corp-batch' };
const node = subnet('corp-batch', { secondaryRanges: ['pods', 'services'] });
const privateNatSubnet = subnet('corp-batch-private-nat', { purpose: 'PRIVATE_NAT' });
const privateNat = (settings: Partial<NatOutline>) => nat('corp-batch-private-nat', {
  type: 'PRIVATE', natIpAllocateOption: undefined,
  rules: [{ ruleNumber: 100, match: 'nexthop.hub == \'//networkconnectivity.googleapis.com/hub\'', sourceNatActiveRanges: ['corp-batch-private-nat'] }],
  ...settings,
});

describe('the outline rules pass on what the renderer makes', () => {
  test('every model, gateway and egress: no finding, and synth passes', () => {
    const network = everything();
    expect(resourcesOf(network.plan).length).toBeGreaterThan(40);
    expect(network.violations().filter((v) => IDS.includes(v.ruleId))).toEqual([]);
  });

  test('the same checks pass on the hand-made base resources the failing cases below start from', () => {
    const base = [node, privateNatSubnet, spoke, nat('corp-batch-nat', {}), privateNat({})];
    for (const check of [secondaryRangeFindings, purposeFindings, natCoverageFindings, natRangeFindings, natAddressFindings, privateNatFindings, healthCheckFindings]) {
      expect(check(base)).toEqual([]);
    }
  });

  test('a plan written by hand has no outline: nothing to check', () => {
    for (const id of IDS) expect(GCP_RULES.find((r) => r.id === id)!.check(handPlan({}))).toEqual([]);
  });

  test('rules the API enforces cannot be suppressed; GCP-FW-001 can', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'web', { network });
    Policy.suppress(network, 'GCP-NAT-001', 'we know what we are doing here');
    expect(synthError(stack)).toContain('[corp/main] INPUT-002: Policy.suppress: GCP-NAT-001 cannot be suppressed');
    const second = estate();
    new FlatCluster(second.stack, 'web', { network: second.network });
    Policy.suppress(second.network, 'GCP-FW-001', 'health checks are not used in this lab');
    expect(synthError(second.stack)).toBe('');
  });
});

describe('GCP-SUBNET-007: at most 170 secondary ranges per subnet, each name once', () => {
  test('fails on 171', () => {
    const many = Array.from({ length: 171 }, (_, i) => `r${i}`);
    expect(secondaryRangeFindings([subnet('corp-batch', { secondaryRanges: many })])).toEqual([{
      path: 'corp/batch', message: 'subnet corp-batch of corp/batch has 171 secondary ranges, more than the 170 GCP takes per subnet — split the cluster\'s ranges over more subnets',
    }]);
  });

  test('fails on a name twice', () => {
    expect(secondaryRangeFindings([subnet('corp-batch', { secondaryRanges: ['pods', 'pods'] })])).toEqual([{
      path: 'corp/batch', message: 'subnet corp-batch of corp/batch names two secondary ranges pods; GCP takes each name once per subnet — rename one',
    }]);
  });
});

describe('GCP-SUBNET-009: purposes GCP knows, roles on proxy-only subnets alone', () => {
  test.each([
    [{ purpose: 'PRIVATE_RFC_1918' }, 'subnet corp-batch of corp/batch has purpose PRIVATE_RFC_1918, which GCP does not know — use one of PRIVATE, REGIONAL_MANAGED_PROXY, GLOBAL_MANAGED_PROXY, PRIVATE_SERVICE_CONNECT, PRIVATE_NAT'],
    [{ purpose: 'REGIONAL_MANAGED_PROXY' }, 'proxy-only subnet corp-batch of corp/batch has role (none); GCP needs ACTIVE or BACKUP on a REGIONAL_MANAGED_PROXY subnet — set role ACTIVE'],
    [{ role: 'ACTIVE' }, 'subnet corp-batch of corp/batch has role ACTIVE, which GCP takes on proxy-only subnets alone (purpose PRIVATE) — drop the role'],
  ])('fails on %j', (extra, message) => {
    expect(purposeFindings([subnet('corp-batch', extra)])).toEqual([{ path: 'corp/batch', message }]);
  });
});

describe('GCP-NAT-001: what a NAT covers', () => {
  test.each([
    [nat('corp-batch-nat', { sourceSubnetworkIpRangesToNat: 'SOME_SUBNETWORKS' }), 'NAT corp-batch-nat of corp/batch has source_subnetwork_ip_ranges_to_nat SOME_SUBNETWORKS, which GCP does not know — use one of ALL_SUBNETWORKS_ALL_IP_RANGES, ALL_SUBNETWORKS_ALL_PRIMARY_IP_RANGES, LIST_OF_SUBNETWORKS'],
    [nat('corp-batch-nat', { subnetworks: [] }), 'NAT corp-batch-nat of corp/batch lists no subnetwork under LIST_OF_SUBNETWORKS — list the subnets it translates'],
    [nat('corp-batch-nat', { sourceSubnetworkIpRangesToNat: 'ALL_SUBNETWORKS_ALL_IP_RANGES' }), 'NAT corp-batch-nat of corp/batch lists subnetworks under ALL_SUBNETWORKS_ALL_IP_RANGES; GCP takes subnetwork blocks with LIST_OF_SUBNETWORKS alone — use LIST_OF_SUBNETWORKS'],
  ])('fails on %#', (resource, message) => {
    expect(natCoverageFindings([resource])).toEqual([{ path: 'corp/batch', message }]);
  });

  test('fails on an ALL_* NAT beside another NAT of the network and region (the private one)', () => {
    const all = nat('corp-batch-nat', { sourceSubnetworkIpRangesToNat: 'ALL_SUBNETWORKS_ALL_IP_RANGES', subnetworks: [] });
    expect(natCoverageFindings([all, privateNat({})])).toEqual([{
      path: 'corp/batch',
      message: 'NAT corp-batch-nat of corp/batch translates ALL_SUBNETWORKS_ALL_IP_RANGES of network corp-batch, which excludes any other NAT there, yet corp-batch-private-nat is one — use LIST_OF_SUBNETWORKS',
    }]);
  });
});

describe('GCP-NAT-002: what each subnetwork of a NAT translates', () => {
  const withSubnet = (s: NatOutline['subnetworks'][number]) => [node, nat('corp-batch-nat', { subnetworks: [s] })];
  test.each([
    [{ name: 'corp-batch', sourceIpRangesToNat: ['EVERYTHING'] }, 'subnetwork corp-batch of NAT corp-batch-nat (corp/batch) translates ["EVERYTHING"]; GCP takes ALL_IP_RANGES, PRIMARY_IP_RANGE, LIST_OF_SECONDARY_IP_RANGES — list one or more of them'],
    [{ name: 'corp-batch', sourceIpRangesToNat: ['ALL_IP_RANGES', 'PRIMARY_IP_RANGE'] }, 'subnetwork corp-batch of NAT corp-batch-nat (corp/batch) combines ALL_IP_RANGES with PRIMARY_IP_RANGE; GCP takes ALL_IP_RANGES alone — drop the others'],
    [{ name: 'corp-batch', sourceIpRangesToNat: ['LIST_OF_SECONDARY_IP_RANGES'] }, 'subnetwork corp-batch of NAT corp-batch-nat (corp/batch) translates LIST_OF_SECONDARY_IP_RANGES but names none — name the secondary ranges (secondary_ip_range_names)'],
    [{ name: 'corp-batch', sourceIpRangesToNat: ['PRIMARY_IP_RANGE'], secondaryIpRangeNames: ['pods'] }, 'subnetwork corp-batch of NAT corp-batch-nat (corp/batch) names secondary ranges pods without LIST_OF_SECONDARY_IP_RANGES, which GCP refuses — add LIST_OF_SECONDARY_IP_RANGES or drop the names'],
    [{ name: 'corp-web', sourceIpRangesToNat: ['PRIMARY_IP_RANGE'] }, 'subnetwork corp-web of NAT corp-batch-nat (corp/batch) is no subnet of network corp-batch — a NAT translates its own network\'s subnets'],
    [{ name: 'corp-batch', sourceIpRangesToNat: ['LIST_OF_SECONDARY_IP_RANGES'], secondaryIpRangeNames: ['pod'] }, 'subnetwork corp-batch of NAT corp-batch-nat (corp/batch) names secondary ranges pod, which subnet corp-batch does not have — name ranges of the subnet'],
  ])('fails on %j', (s, message) => {
    expect(natRangeFindings(withSubnet(s))).toEqual([{ path: 'corp/batch', message }]);
  });
});

describe('GCP-NAT-003: a NAT\'s addresses', () => {
  test.each([
    [nat('corp-batch-nat', { natIpAllocateOption: 'AUTO' }), 'NAT corp-batch-nat of corp/batch has nat_ip_allocate_option AUTO; GCP takes AUTO_ONLY or MANUAL_ONLY — use AUTO_ONLY'],
    [nat('corp-batch-nat', { natIps: ['1.2.3.4'] }), 'NAT corp-batch-nat of corp/batch lists nat_ips with AUTO_ONLY; GCP takes them with MANUAL_ONLY alone — use MANUAL_ONLY or drop nat_ips'],
    [nat('corp-batch-nat', { natIpAllocateOption: 'MANUAL_ONLY' }), 'NAT corp-batch-nat of corp/batch is MANUAL_ONLY with no nat_ips — list its addresses or use AUTO_ONLY'],
    [privateNat({ natIpAllocateOption: 'AUTO_ONLY' }), 'private NAT corp-batch-private-nat of corp/batch sets nat_ip_allocate_option AUTO_ONLY; a PRIVATE NAT translates to its PRIVATE_NAT subnets and takes no external address — drop it'],
  ])('fails on %#', (resource, message) => {
    expect(natAddressFindings([resource])).toEqual([{ path: 'corp/batch', message }]);
  });
});

describe('GCP-NAT-006: a private NAT towards the NCC hub', () => {
  test.each([
    [[privateNatSubnet, spoke, privateNat({ rules: [] })], 'private NAT corp-batch-private-nat of corp/batch has no rule; Private NAT for NCC needs one matching nexthop.hub — add a rule towards the hub'],
    [[privateNatSubnet, privateNat({})], 'private NAT corp-batch-private-nat of corp/batch is on network corp-batch, which is no NCC spoke; Private NAT translates between spokes only (not peering) — join the network to the hub'],
    [[privateNatSubnet, spoke, privateNat({ rules: [{ ruleNumber: 65001, match: 'nexthop.hub == \'h\'', sourceNatActiveRanges: ['corp-batch-private-nat'] }] })], 'rule 65001 of private NAT corp-batch-private-nat (corp/batch) is outside 0-65000 — renumber it'],
    [[privateNatSubnet, spoke, privateNat({ rules: [{ ruleNumber: 1, match: 'destination.ip == \'10.0.0.1\'', sourceNatActiveRanges: ['corp-batch-private-nat'] }] })], 'rule 1 of private NAT corp-batch-private-nat (corp/batch) matches "destination.ip == \'10.0.0.1\'", not nexthop.hub — match the NCC hub'],
    [[node, spoke, privateNat({ rules: [{ ruleNumber: 1, match: 'nexthop.hub == \'h\'', sourceNatActiveRanges: ['corp-batch'] }] })], 'rule 1 of private NAT corp-batch-private-nat (corp/batch) translates to corp-batch, which is no PRIVATE_NAT subnet of network corp-batch — use a PRIVATE_NAT subnet'],
  ])('fails on %#', (resources, message) => {
    expect(privateNatFindings(resources)).toEqual([{ path: 'corp/batch', message }]);
  });
});

describe('GCP-FW-001: load balancers\' backends let Google\'s health checks in', () => {
  const check: GcpResourceOutline = { type: 'google_compute_region_health_check', name: 'corp-batch-lb', scope: 'region us-central1', owner: 'corp/batch', vpc: 'corp-batch' };
  const firewall = (sources: string[]): GcpResourceOutline => ({ type: 'google_compute_firewall', name: 'corp-batch-lb-health-checks', scope: 'project', owner: 'corp/batch', vpc: 'corp-batch', sources });

  test('passes with both ranges', () => {
    expect(healthCheckFindings([check, firewall(['35.191.0.0/16', '130.211.0.0/22'])])).toEqual([]);
  });

  test('fails when one range is missing', () => {
    expect(healthCheckFindings([check, firewall(['35.191.0.0/16'])])).toEqual([{
      path: 'corp/batch',
      message: 'health check corp-batch-lb of corp/batch probes from 35.191.0.0/16 and 130.211.0.0/22, and no firewall of network corp-batch lets both in to its backends — add an ingress rule from them',
    }]);
  });
});
