// What the verifier asks of a cloud's resources, whichever cloud: where a range lives, how a
// packet travels from there, what a firewall admits, and which routes lead into a network.
import { Cidr } from '../ipam';
import { Ipv6Space } from './ipv6';
import { Endpoint, PlanCluster } from './plan';

/** Protocols and TCP ports a firewall admits: everything, some TCP ports, or nothing. */
export interface Ports {
  readonly all: boolean;
  readonly tcp: ReadonlyArray<readonly [number, number]>;
}

export const NO_PORTS: Ports = { all: false, tcp: [] };
export const ALL_PORTS: Ports = { all: true, tcp: [] };

/** True when `ports` admits anything. */
export function anyPort(ports: Ports): boolean {
  return ports.all || ports.tcp.length > 0;
}

/** Union of two port sets. */
export function unionPorts(a: Ports, b: Ports): Ports {
  return a.all || b.all ? ALL_PORTS : { all: false, tcp: [...a.tcp, ...b.tcp] };
}

/** True when `ports` admits every TCP port from `from` to `to`. */
export function admitsTcp(ports: Ports, from: number, to: number): boolean {
  if (ports.all) return true;
  // Merge the ranges, then look for one that covers [from, to].
  const sorted = [...ports.tcp].sort((a, b) => a[0] - b[0]);
  let lo = -1;
  let hi = -2;
  for (const [a, b] of sorted) {
    if (a > hi + 1) { lo = a; hi = b; } else hi = Math.max(hi, b);
    if (lo <= from && hi >= to) return true;
  }
  return false;
}

/** `all`, or the TCP ranges as text. */
export function portsText(ports: Ports): string {
  if (ports.all) return 'all protocols';
  if (!ports.tcp.length) return 'nothing';
  return 'tcp ' + ports.tcp.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
}

/** One step of a path, with the resource that makes it (or breaks it). */
export interface Step {
  readonly text: string;
  readonly resource?: string;
}

/** Where addresses live: a subnet of a network, the main network's hub side, or the internet. */
export interface Place {
  readonly kind: 'subnet' | 'main' | 'internet';
  /** The network (VPC) resource address; for `main`, the main VPC on GCP, the transit gateway on AWS. */
  readonly vpc?: string;
  /** The subnet resource address. */
  readonly subnet?: string;
}

/** A packet's trip towards a destination. */
export interface Trip {
  /** Where it arrived; undefined when it did not. */
  readonly at?: Place;
  /** Its source address on arrival. */
  readonly source: Cidr;
  /** A NAT translated it on the way. */
  readonly natted: boolean;
  readonly steps: readonly Step[];
  /** What stopped it. */
  readonly missing?: Step;
}

/** The resources of one stack, seen as a network fabric. */
export interface Fabric {
  /** Where `endpoint`'s addresses live (several subnets, e.g. one per zone); empty when nowhere. */
  places(endpoint: Endpoint): Place[];
  /** Carries a packet from `from` with `source` towards `dest`. */
  travel(from: Place, source: Cidr, dest: Endpoint): Trip;
  /** True when a reply from `at` finds its way back to `source`, which lives at `home`. */
  returns(at: Place, source: Cidr, home: Place): Step | undefined;
  /** What the firewalls in front of `dest` at `at` admit from `source` (member of `from`'s security groups when not translated). */
  admits(dest: Endpoint, at: Place, source: Cidr, from: Endpoint | undefined, natted: boolean): { ports: Ports; resources: string[] };
  /** Routes elsewhere in the stack that carry `cidr` into the network `vpc`. */
  leaks(cidr: Cidr, vpc: string): Step[];
  /** What connects the network `vpc` to anything outside it, apart from `allowed` ranges (an exposed API endpoint). */
  exits(vpc: string, allowed: readonly Cidr[]): Step[];
  /** Firewall rules of `vpc` that admit a source in `cidr`-space outside `inside` to `dest`: [rule, source, ports]. */
  openings(dest: Endpoint, inside: readonly Cidr[]): Array<{ resource: string; source: string; ports: Ports }>;
  /**
   * Leaves `from` through its network's hub spoke, for routes a hybrid spoke (a CloudLink's
   * tunnels) brings to every spoke: where it arrives is the hub. GCP only.
   */
  towardsHub?(from: Place, source: Cidr): Trip;
  /** The network (VPC) a cluster's nodes live in. */
  vpcOf(endpoint: Endpoint): string | undefined;
  /**
   * True when `pods` hold no address range of their own in the network, so they live on their
   * nodes (GCP routes-based: the cloud controller routes each node's pod block to it). A NAT
   * translates only the network's own ranges, so such pods reach the internet as their node
   * (ip-masq-agent masquerades every destination outside its non-masquerade list, and the
   * internet always is). Absent: pods always hold a range of their own (AWS).
   */
  podsOnNodes?(pods: Endpoint): boolean;
  /** The same resources read for IPv6. */
  readonly ipv6: Ipv6Fabric;
  /** What is missing for a declared gateway of `nodes`' cluster (LOAD_BALANCER on `ports`, or PROXY); undefined when it is all there. */
  gateway(nodes: Endpoint, kind: 'LOAD_BALANCER' | 'PROXY', ports: readonly number[], main: Endpoint): Step | undefined;
}

/** Representative addresses of the internet, for firewall checks. */
export const PUBLIC_SAMPLE = Cidr.parse('198.51.100.7/32');

/** Where Google's health checks come from (they reach load-balanced nodes through the firewall). */
export const HEALTH_CHECK_RANGES = ['35.191.0.0/16', '130.211.0.0/22'].map((c) => Cidr.parse(c));

/** A subnet's IPv6 block. */
export interface Place6 {
  readonly vpc: string;
  readonly subnet: string;
  readonly cidr: Cidr;
}

/** An IPv6 packet's trip from one subnet to another. */
export interface Trip6 {
  readonly ok: boolean;
  readonly steps: readonly Step[];
  readonly missing?: Step;
}

/** An ingress rule that admits an IPv6 source. */
export interface Opening6 {
  readonly resource: string;
  readonly source: string;
  readonly ports: Ports;
}

/**
 * What the verifier asks of a cloud's resources over IPv6. The blocks are the placeholders of
 * `space` (the cloud assigns the real ones at deploy), so only their relations count.
 */
export interface Ipv6Fabric {
  readonly space: Ipv6Space;
  /** The IPv6 blocks of `cluster`'s node subnets, and what keeps a node subnet from having one. */
  nodes(cluster: PlanCluster): { places: Place6[]; missing: Step[] };
  /** Carries a packet from `from` to `to` (its source `from.cidr`). */
  travel(from: Place6, to: Place6): Trip6;
  /** What the firewalls in front of `cluster`'s nodes at `at` admit from `source` (of `from`'s nodes). */
  admits(cluster: PlanCluster, at: Place6, source: Cidr, from?: PlanCluster): { ports: Ports; resources: string[] };
  /** What is wrong with `from`'s way to the internet over IPv6 (outbound only); undefined when nothing. */
  egress(from: Place6): Step | undefined;
  /** Ingress rules in front of `cluster`'s nodes admitting IPv6 sources outside `inside`. */
  openings(cluster: PlanCluster, inside: readonly Cidr[]): Opening6[];
  /** What carries the IPv6 block of `vpc` into it from elsewhere. */
  leaks(vpc: string): Step[];
  /** IPv6 routes leading out of `vpc` (gateways and attachments are the IPv4 reading's `exits`). */
  exits(vpc: string): Step[];
}
