import { EgressKind, IngressKind } from '../model/gateways';
import { ClusterSketch, IpFamily, Ipv6AccessType, NetworkModel, NetworkSketch, PodRouting } from '../model/plan';
import { HEALTH_CHECK_RANGES, HEALTH_CHECK_RANGES_IPV6 } from './health-checks';
import { gcpName } from './names';

// Every GCP resource the renderer makes for a network, listed from what its constructs decided
// (a NetworkSketch) before anything is planned or rendered: a pure function the rules call
// (GCP-SUBNET-008 compares names across the app; the NAT, subnet and firewall rules read the
// attributes). test/gcp/outline.test.ts holds it to what synth writes, resource by resource.

/** Where a GCP name must be unique, besides its resource type. */
export type NameScope = 'project' | `region ${string}` | `router ${string} in ${string}`;

/** One GCP resource the renderer makes, as far as the rules need it. */
export interface GcpResourceOutline {
  /** Terraform resource type, e.g. `google_compute_subnetwork`. */
  readonly type: string;
  /** Its GCP name. */
  readonly name: string;
  /** Where the name must be unique (with the type). */
  readonly scope: NameScope;
  /** Construct path it is made for (network, cluster or archipelago). */
  readonly owner: string;
  /** GCP name of the VPC network it belongs to (subnets, routers, NATs, firewalls, spokes, health checks). */
  readonly vpc?: string;
  /** Subnet `purpose` (GCP-SUBNET-009). */
  readonly purpose?: string;
  /** Subnet `role` (GCP-SUBNET-009). */
  readonly role?: string;
  /** Names of a subnet's secondary ranges (GCP-SUBNET-007). */
  readonly secondaryRanges?: readonly string[];
  /** A NAT's settings (GCP-NAT-001/002/003/006). */
  readonly nat?: NatOutline;
  /** A firewall's sources, when they are Google's health-check ranges, IPv4 or IPv6 (GCP-FW-001, GCP-IPV6-004). */
  readonly sources?: readonly string[];
  /** A VPC network's internal ULA /48 (`enable_ula_internal_ipv6`; GCP-IPV6-002). */
  readonly ulaInternalIpv6?: boolean;
  /** A dual-stack subnet's `stack_type` (IPV4_IPV6); absent for IPv4 only (GCP-IPV6-002). */
  readonly stackType?: string;
  /** A dual-stack subnet's `ipv6_access_type` (GCP-IPV6-002). */
  readonly ipv6AccessType?: string;
}

/** A Cloud NAT, as far as the GCP-NAT rules need it. */
export interface NatOutline {
  readonly type: 'PUBLIC' | 'PRIVATE';
  readonly sourceSubnetworkIpRangesToNat: string;
  readonly natIpAllocateOption?: string;
  readonly natIps?: readonly string[];
  readonly subnetworks: ReadonlyArray<{ readonly name: string; readonly sourceIpRangesToNat: readonly string[]; readonly secondaryIpRangeNames?: readonly string[] }>;
  /** Private NAT rules: their match and the names of their active PRIVATE_NAT subnets. */
  readonly rules?: ReadonlyArray<{ readonly ruleNumber: number; readonly match: string; readonly sourceNatActiveRanges: readonly string[] }>;
}

/** Secondary range names of a VPC-native cluster's subnet. */
const SECONDARY = ['pods', 'services'];
/** Private Google Access zones of an isolated cluster (private-google-access.ts). */
const PGA_ZONES = ['googleapis-com', 'gcr-io', 'pkg-dev'];

/**
 * Outlines by sketch: a pure function's results, kept as long as the sketch (a network makes a
 * new sketch when a cluster or archipelago joins it), so the rules and every network of the
 * app share one outline per network and check.
 */
const OUTLINES = new WeakMap<NetworkSketch, readonly GcpResourceOutline[]>();

/** Every resource the GCP renderer makes for `network`, in the order it makes them. */
export function outlineOf(network: NetworkSketch): readonly GcpResourceOutline[] {
  let outline = OUTLINES.get(network);
  if (!outline) {
    outline = Object.freeze(outlineOnce(network));
    OUTLINES.set(network, outline);
  }
  return outline;
}

function outlineOnce(network: NetworkSketch): GcpResourceOutline[] {
  const out: GcpResourceOutline[] = [];
  const region = `region ${network.region}` as const;
  const name = (path: string, suffix?: string) => gcpName({ node: { path } } as never, suffix);
  const add: Adders['add'] = (type, owner, suffix, scope, extra = {}) => out.push({ type, name: name(owner, suffix), scope, owner, ...extra });
  const subnet: Adders['subnet'] = (owner, suffix, vpc, extra = {}) =>
    add('google_compute_subnetwork', owner, suffix, region, { vpc, purpose: 'PRIVATE', ...extra });
  const firewall: Adders['firewall'] = (owner, suffix, vpc, sources) => add('google_compute_firewall', owner, suffix, 'project', { vpc, sources });
  const adders: Adders = { add, subnet, firewall, region };

  const main = network.path;
  const mainVpc = name(main);
  const ula = network.ipv6 ? { ulaInternalIpv6: true } : {};
  add('google_compute_network', main, undefined, 'project', ula);
  const islanders = network.clusters.filter((c) => c.model === NetworkModel.ISLAND || c.model === NetworkModel.ARCHIPELAGO);
  if (islanders.length > 0 || network.archipelagos.length > 0) {
    add('google_network_connectivity_hub', main, 'hub', 'project');
    add('google_network_connectivity_spoke', main, 'spoke', 'project', { vpc: mainVpc });
  }
  const flat = network.clusters.filter((c) => c.model === NetworkModel.FLAT);
  if (flat.length > 0) {
    add('google_compute_router', main, 'router', region, { vpc: mainVpc });
    add('google_compute_router_nat', main, 'nat', `router ${name(main, 'router')} in ${network.region}`, {
      vpc: mainVpc,
      nat: {
        type: 'PUBLIC', sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS', natIpAllocateOption: 'AUTO_ONLY',
        subnetworks: flat.map((c) => c.podRouting === PodRouting.ROUTES
          ? { name: name(c.path), sourceIpRangesToNat: ['PRIMARY_IP_RANGE'] }
          : { name: name(c.path), sourceIpRangesToNat: ['PRIMARY_IP_RANGE', 'LIST_OF_SECONDARY_IP_RANGES'], secondaryIpRangeNames: ['pods'] }),
      },
    });
  }

  // CloudLinks ending here (lib/gcp/link.ts): HA VPN gateway, router, the AWS side as an
  // external gateway, a tunnel with its router interface and BGP peer each, a hybrid spoke on the hub.
  for (const link of network.links ?? []) {
    add('google_compute_ha_vpn_gateway', link.path, 'vpn', region, { vpc: mainVpc });
    add('google_compute_router', link.path, 'router', region, { vpc: mainVpc });
    add('google_compute_external_vpn_gateway', link.path, 'aws', 'project');
    const router = `router ${name(link.path, 'router')} in ${network.region}` as const;
    for (let i = 1; i <= link.tunnels; i++) {
      add('google_compute_vpn_tunnel', link.path, `tunnel-${i}`, region, { vpc: mainVpc });
      add('google_compute_router_interface', link.path, `tunnel-${i}-interface`, router, { vpc: mainVpc });
      add('google_compute_router_peer', link.path, `tunnel-${i}-peer`, router, { vpc: mainVpc });
    }
    if (islanders.length > 0 || network.archipelagos.length > 0) add('google_network_connectivity_spoke', link.path, 'spoke', 'project', { vpc: mainVpc });
  }

  // Islands and archipelagos: a network each, its spoke, its router and NATs.
  const island = (owner: string, members: ClusterSketch[]) => {
    const vpc = name(owner);
    add('google_compute_network', owner, undefined, 'project', ula);
    add('google_network_connectivity_spoke', owner, 'spoke', 'project', { vpc });
    if (members.length === 0) return;
    const router = `router ${name(owner, 'router')} in ${network.region}` as const;
    add('google_compute_router', owner, 'router', region, { vpc });
    add('google_compute_router_nat', owner, 'nat', router, {
      vpc,
      nat: {
        type: 'PUBLIC', sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS', natIpAllocateOption: 'AUTO_ONLY',
        subnetworks: members.map((c) => ({ name: name(c.path), sourceIpRangesToNat: [c.egress === EgressKind.NAT ? 'ALL_IP_RANGES' : 'PRIMARY_IP_RANGE'] })),
      },
    });
    const natted = members.filter((c) => c.egress === EgressKind.NAT);
    if (natted.length > 0) {
      subnet(owner, 'private-nat', vpc, { purpose: 'PRIVATE_NAT' });
      add('google_compute_router_nat', owner, 'private-nat', router, {
        vpc,
        nat: {
          type: 'PRIVATE', sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS',
          subnetworks: natted.map((c) => ({ name: name(c.path), sourceIpRangesToNat: ['ALL_IP_RANGES'] })),
          rules: [{ ruleNumber: 100, match: `nexthop.hub == '//networkconnectivity.googleapis.com/${name(main, 'hub')}'`, sourceNatActiveRanges: [name(owner, 'private-nat')] }],
        },
      });
    }
  };
  for (const archipelago of network.archipelagos) {
    island(archipelago, network.clusters.filter((c) => c.archipelago === archipelago));
    firewall(archipelago, 'members', name(archipelago));
    if (network.clusters.some((c) => c.archipelago === archipelago && dualStack(c))) firewall(archipelago, 'members-ipv6', name(archipelago));
  }

  const proxied = new Set<string>();
  for (const c of network.clusters) {
    const vpcNative = c.podRouting !== PodRouting.ROUTES;
    const v6 = dualStack(c);
    const stack = v6 ? { stackType: 'IPV4_IPV6', ipv6AccessType: c.ipv6AccessType ?? Ipv6AccessType.INTERNAL } : {};
    const clusterSubnet = (vpc: string) => subnet(c.path, undefined, vpc, { secondaryRanges: vpcNative ? SECONDARY : [], ...stack });
    // Nodes and pods reach each other, and over IPv6 in a twin when dual-stack (renderer.ts).
    const intra = (vpc: string) => {
      firewall(c.path, 'intra', vpc);
      if (v6) firewall(c.path, 'intra-ipv6', vpc);
    };
    switch (c.model) {
      case NetworkModel.FLAT:
        clusterSubnet(mainVpc);
        intra(mainVpc);
        firewall(c.path, 'main-to-pods', mainVpc);
        firewall(c.path, 'health-checks', mainVpc, HEALTH_CHECK_RANGES);
        if (v6) {
          firewall(c.path, 'main-to-pods-ipv6', mainVpc);
          firewall(c.path, 'health-checks-ipv6', mainVpc, HEALTH_CHECK_RANGES_IPV6);
        }
        break;
      case NetworkModel.ISOLATED: {
        const vpc = name(c.path);
        add('google_compute_network', c.path, undefined, 'project', ula);
        clusterSubnet(vpc);
        intra(vpc);
        add('google_compute_route', c.path, 'google-apis', 'project', { vpc });
        for (const zone of PGA_ZONES) add('google_dns_managed_zone', c.path, zone, 'project');
        if (c.exposesApiEndpoint) {
          subnet(c.path, 'api', mainVpc);
          firewall(c.path, 'api', mainVpc);
        }
        break;
      }
      case NetworkModel.ISLAND:
      case NetworkModel.ARCHIPELAGO: {
        const owner = c.archipelago ?? c.path;
        const vpc = name(owner);
        if (c.model === NetworkModel.ISLAND) island(c.path, [c]);
        clusterSubnet(vpc);
        if (c.model === NetworkModel.ISLAND) intra(vpc);
        gateways(c, vpc, proxied.has(owner), adders);
        if (c.ingress.includes(IngressKind.PROXY)) proxied.add(owner);
        break;
      }
    }
  }
  return out;
}

const dualStack = (c: ClusterSketch) => c.ipFamily === IpFamily.DUAL_STACK;

interface Adders {
  readonly add: (type: string, owner: string, suffix: string | undefined, scope: NameScope, extra?: Partial<GcpResourceOutline>) => void;
  readonly subnet: (owner: string, suffix: string | undefined, vpc: string, extra?: Partial<GcpResourceOutline>) => void;
  readonly firewall: (owner: string, suffix: string, vpc: string, sources?: readonly string[]) => void;
  readonly region: NameScope;
}

/** An island's gateways (gateways.ts): NodePort firewalls, internal load balancers, one proxy-only subnet per island network. */
function gateways(c: ClusterSketch, vpc: string, proxySubnetMade: boolean, { add, subnet, firewall, region }: Adders): void {
  const seen = new Map<IngressKind, number>();
  for (const kind of c.ingress) {
    const count = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, count);
    const suffix = count > 1 ? `-${count}` : '';
    if (kind === IngressKind.NODE_PORT) firewall(c.path, `node-ports${suffix}`, vpc);
    if (kind === IngressKind.LOAD_BALANCER) {
      for (const type of ['google_compute_address', 'google_compute_region_health_check', 'google_compute_region_backend_service', 'google_compute_forwarding_rule']) {
        add(type, c.path, `lb${suffix}`, region, { vpc });
      }
      firewall(c.path, `lb${suffix}-health-checks`, vpc, HEALTH_CHECK_RANGES);
      firewall(c.path, `lb${suffix}-clients`, vpc);
    }
  }
  if (c.ingress.includes(IngressKind.PROXY)) {
    if (!proxySubnetMade) subnet(c.path, 'proxy', vpc, { purpose: 'REGIONAL_MANAGED_PROXY', role: 'ACTIVE' });
    firewall(c.path, 'proxy', vpc);
  }
}
