import { AddressError, AddressPool, Cidr } from '../ipam';
import { NetworkPlan, PlannedRange, RangeRole, RangeSource } from './plan';
import { RuleDescription, Severity } from './rule';

// The plan of a CloudLink (a GCP network joined to an AWS network by HA VPN and a transit
// gateway): its tunnels' link-local /30s and the two BGP ASNs, planned for the whole estate so
// no two links collide, and recorded in the plan file like ranges. Pure: no constructs.

/** Where tunnel inside ranges come from: both clouds take BGP session addresses from link-local space. */
export const LINK_LOCAL = '169.254.0.0/16';

/**
 * Tunnel inside CIDRs AWS refuses (EC2 API `VpnTunnelOptionsSpecification.TunnelInsideCidr`:
 * "the following CIDR blocks are reserved and cannot be used").
 */
export const AWS_RESERVED_INSIDE_CIDRS = [
  '169.254.0.0/30', '169.254.1.0/30', '169.254.2.0/30', '169.254.3.0/30', '169.254.4.0/30', '169.254.5.0/30', '169.254.169.252/30',
];

/** The ASN a transit gateway has when `amazon_side_asn` is not set. */
export const AWS_DEFAULT_ASN = 64512;

/** Private ASN ranges (RFC 6996); a transit gateway's `amazon_side_asn` must be in one. */
const PRIVATE_ASNS: ReadonlyArray<readonly [number, number]> = [[64512, 65534], [4200000000, 4294967294]];

/**
 * ASNs AWS reserves for customer gateways (the GCP side's ASN), by region; `*` is every region
 * (AWS Site-to-Site VPN user guide, "Customer gateway options").
 */
export const AWS_RESERVED_CUSTOMER_ASNS: Readonly<Record<number, string>> = { 7224: '*', 9059: 'eu-west-1', 10124: 'ap-northeast-1', 17943: 'ap-southeast-1' };

/** Where the GCP side's ASN is chosen from when none is given or recorded. */
const GCP_ASN_FIRST = 65000;

/** Cloud Routers a VPC network may have in one region (Cloud Router "Quotas and limits": a system limit). */
export const GCP_ROUTERS_PER_REGION = 5;

/** Tunnel counts a link can have: one AWS VPN connection (2 tunnels) or two (4, GCP's 99.99% topology). */
export const LINK_TUNNEL_COUNTS = [2, 4];

/** The rules a CloudLink enforces while it is built, for the catalog and the README. */
export const LINK_RULES: RuleDescription[] = [
  { id: 'LINK-001', severity: Severity.ERROR, statement: 'A CloudLink joins a Network on Cloud.gcp() (`gcp`) to a Network on Cloud.aws() (`aws`) of the same estate, once, with 2 or 4 tunnels.' },
  { id: 'LINK-002', severity: Severity.ERROR, statement: 'BGP ASNs are valid and distinct: the AWS side (the transit gateway\'s amazon_side_asn) is private (64512-65534, 4200000000-4294967294) and one per transit gateway; the GCP side (Cloud Router, AWS customer gateway) is 1-4294967294, not 23456 or 65535, not reserved by AWS in the region.' },
  { id: 'LINK-003', severity: Severity.ERROR, statement: 'Tunnel inside ranges are distinct /30s of 169.254.0.0/16, none of AWS\'s reserved ones (169.254.0.0/30 to 169.254.5.0/30, 169.254.169.252/30).' },
  { id: 'LINK-004', severity: Severity.ERROR, statement: 'A recorded link keeps its ASNs, and a transit gateway already built keeps its ASN: changing either replaces gateways and drops every tunnel.' },
  { id: 'LINK-005', severity: Severity.ERROR, statement: 'A GCP network has at most 5 Cloud Routers in a region (a system limit): one for its Cloud NAT and one per link, so at most 4 links.' },
];

/** A link's problem, with the rule it breaks. */
export class LinkPlanError extends Error {
  constructor(public readonly ruleId: string, message: string) {
    super(message);
    this.name = 'LinkPlanError';
  }
}

/** The two BGP ASNs of a link. */
export interface LinkAsns {
  /** The GCP side: the Cloud Router's ASN, and the AWS customer gateways'. */
  readonly gcp: number;
  /** The AWS side: the transit gateway's `amazon_side_asn`. */
  readonly aws: number;
}

/** One tunnel of a link, as planned. */
export interface LinkTunnelPlan {
  /** `tunnel-1` ... `tunnel-4`. */
  readonly name: string;
  /** Its link-local /30 (`tunnelN_inside_cidr` on AWS). */
  readonly insideCidr: string;
  /** The AWS end of the BGP session: the /30's first host. */
  readonly awsAddress: string;
  /** The GCP end (the Cloud Router interface): the /30's second host. */
  readonly gcpAddress: string;
  /** Recorded by an earlier synth, or placed now. */
  readonly source: RangeSource;
}

/** What a link records in the plan file. */
export interface LinkRecord {
  /** Path of the GCP network. */
  readonly gcp: string;
  /** Path of the AWS network. */
  readonly aws: string;
  /** Its ASNs. */
  readonly asn: LinkAsns;
  /** Tunnel name -> inside /30. */
  readonly tunnels: Record<string, string>;
}

/** The resolved plan of one link. */
export interface CloudLinkPlan {
  /** Construct path of the link. */
  readonly path: string;
  /** Path of its GCP network. */
  readonly gcp: string;
  /** Path of its AWS network. */
  readonly aws: string;
  /** Its ASNs. */
  readonly asn: LinkAsns;
  /** Its tunnels, in order. */
  readonly tunnels: LinkTunnelPlan[];
}

/** What a link asks the planner for. */
export interface LinkRequest {
  readonly path: string;
  readonly gcp: string;
  readonly aws: string;
  /** The AWS network's region (AWS reserves some customer-gateway ASNs per region). */
  readonly awsRegion: string;
  readonly tunnels: number;
  readonly asn?: Partial<LinkAsns>;
  /** True when the plan file already records the AWS network: its transit gateway may exist. */
  readonly awsNetworkRecorded: boolean;
}

/**
 * Plans every link of an estate: records first (each recorded /30 is held before anything is
 * placed, so adding a link never moves another), then new /30s lowest first.
 */
export class LinkPlanner {
  private readonly pool = new AddressPool(LINK_LOCAL, { name: 'tunnel inside ranges (169.254.0.0/16)' });
  private readonly planned = new Map<string, CloudLinkPlan>();

  constructor(private readonly records: ReadonlyMap<string, LinkRecord>) {
    for (const cidr of AWS_RESERVED_INSIDE_CIDRS) this.pool.reserve(cidr, `AWS reserved ${cidr}`);
    const held = new Map<string, string>();
    for (const [path, record] of records) {
      for (const [name, inside] of Object.entries(record.tunnels)) {
        const where = `tunnel ${name} of link ${path} in the plan file`;
        const problem = insideProblem(inside);
        if (problem) throw new LinkPlanError('LINK-003', `${where} is ${inside}: ${problem}`);
        const other = [...held].find(([, c]) => Cidr.parse(c).overlaps(Cidr.parse(inside)));
        if (other) throw new LinkPlanError('LINK-003', `${where} is ${inside}, which ${other[0]} also holds: two tunnels cannot share a BGP session range — remove one of them from "links" in the plan file to plan it afresh`);
        held.set(`tunnel ${name} of link ${path}`, inside);
        this.pool.reserve(inside, tunnelOwner(path, name));
      }
    }
  }

  /** Every link planned so far, in order. */
  public plans(): CloudLinkPlan[] {
    return [...this.planned.values()];
  }

  /** Plans `request`'s ASNs and tunnels. */
  public plan(request: LinkRequest): CloudLinkPlan {
    if (this.planned.has(request.path)) throw new LinkPlanError('LINK-001', `a link ${request.path} was planned already: give each CloudLink its own id`);
    const asn = this.asns(request);
    const tunnels = Array.from({ length: request.tunnels }, (_, i) => this.tunnel(request.path, `tunnel-${i + 1}`));
    const plan: CloudLinkPlan = { path: request.path, gcp: request.gcp, aws: request.aws, asn, tunnels };
    this.planned.set(request.path, plan);
    return plan;
  }

  private tunnel(path: string, name: string): LinkTunnelPlan {
    const owner = tunnelOwner(path, name);
    const recorded = this.pool.get(owner);
    let cidr: Cidr;
    try {
      cidr = recorded ?? this.pool.allocate(30, owner);
    } catch (e) {
      if (e instanceof AddressError) throw new LinkPlanError('LINK-003', `no /30 is left in ${LINK_LOCAL} for ${name} of ${path}: remove links the estate no longer has from "links" in the plan file`);
      throw e;
    }
    return { name, insideCidr: cidr.toString(), awsAddress: cidr.address(1), gcpAddress: cidr.address(2), source: recorded ? RangeSource.RECORDED : RangeSource.ALLOCATED };
  }

  private asns(request: LinkRequest): LinkAsns {
    const record = this.records.get(request.path);
    const given = request.asn ?? {};
    for (const side of ['gcp', 'aws'] as const) {
      const wanted = given[side];
      if (wanted !== undefined && record && record.asn[side] !== wanted) {
        throw new LinkPlanError('LINK-004', `bgpAsn.${side} ${wanted} differs from ${record.asn[side]}, recorded for ${request.path} in the plan file: changing it replaces ${side === 'aws' ? 'the transit gateway' : 'the customer gateways and VPN connections'} and drops every tunnel — keep ${record.asn[side]}, or remove the link from "links" in the plan file to re-plan it on purpose`);
      }
    }
    // One transit gateway, one ASN: every link of the AWS network speaks with it.
    const sameGateway = [...this.planned.values(), ...this.records.values()].filter((p) => p.aws === request.aws);
    const aws = given.aws ?? record?.asn.aws ?? sameGateway[0]?.asn.aws ?? AWS_DEFAULT_ASN;
    checkAwsAsn(aws);
    const clash = sameGateway.find((p) => p.asn.aws !== aws);
    if (clash) {
      throw new LinkPlanError('LINK-002', `bgpAsn.aws ${aws} differs from ${clash.asn.aws}, which the same transit gateway (of ${request.aws}) uses for another link: a transit gateway has one ASN — give both links ${clash.asn.aws}`);
    }
    const known = sameGateway.some((p) => p.asn.aws === aws);
    if (aws !== AWS_DEFAULT_ASN && request.awsNetworkRecorded && !known) {
      throw new LinkPlanError('LINK-004', `bgpAsn.aws ${aws} would set amazon_side_asn on the transit gateway of ${request.aws}, which an earlier synth planned (it may exist): that replaces the transit gateway and every attachment — leave bgpAsn.aws unset (the gateway keeps ${AWS_DEFAULT_ASN})`);
    }
    const used = new Set([...this.planned.values(), ...this.records.values()].flatMap((p) => [p.asn.gcp, p.asn.aws]));
    const gcp = given.gcp ?? record?.asn.gcp ?? firstFreeAsn(used, aws);
    checkGcpAsn(gcp, request.awsRegion);
    if (gcp === aws) throw new LinkPlanError('LINK-002', `bgpAsn.gcp and bgpAsn.aws are both ${gcp}: the two sides of an eBGP session need different ASNs — change one`);
    return { gcp, aws };
  }
}

/** Records `plan` as the plan file keeps it. */
export function linkRecord(plan: CloudLinkPlan): LinkRecord {
  return { gcp: plan.gcp, aws: plan.aws, asn: plan.asn, tunnels: Object.fromEntries(plan.tunnels.map((t) => [t.name, t.insideCidr])) };
}

/** Why `inside` cannot be a tunnel inside range, or undefined when it can. */
export function insideProblem(inside: string): string | undefined {
  if (!Cidr.isValid(inside)) return 'not a CIDR range';
  const cidr = Cidr.parse(inside);
  if (cidr.family !== 4 || cidr.prefix !== 30 || !Cidr.parse(LINK_LOCAL).contains(cidr)) return `a tunnel inside range is a /30 of ${LINK_LOCAL}`;
  if (AWS_RESERVED_INSIDE_CIDRS.some((r) => Cidr.parse(r).equals(cidr))) return `AWS reserves ${cidr} (${AWS_RESERVED_INSIDE_CIDRS.join(', ')})`;
  return undefined;
}

function checkAwsAsn(asn: number): void {
  if (!Number.isInteger(asn) || !PRIVATE_ASNS.some(([lo, hi]) => asn >= lo && asn <= hi)) {
    throw new LinkPlanError('LINK-002', `bgpAsn.aws ${JSON.stringify(asn)} is not a private ASN: a transit gateway's amazon_side_asn is 64512-65534 or 4200000000-4294967294 — pick one there (default ${AWS_DEFAULT_ASN})`);
  }
}

function checkGcpAsn(asn: number, region: string): void {
  if (!Number.isInteger(asn) || asn < 1 || asn > 4294967294 || asn === 23456 || asn === 65535) {
    throw new LinkPlanError('LINK-002', `bgpAsn.gcp ${JSON.stringify(asn)} is not an ASN a Cloud Router takes: use 1-4294967294 except 23456 and 65535, best a private one (64512-65534)`);
  }
  const reserved = AWS_RESERVED_CUSTOMER_ASNS[asn];
  if (reserved === '*' || reserved === region) {
    throw new LinkPlanError('LINK-002', `bgpAsn.gcp ${asn} is reserved by AWS for customer gateways ${reserved === '*' ? 'in every region' : `in ${region}`}: use a private ASN (64512-65534)`);
  }
}

function firstFreeAsn(used: ReadonlySet<number>, aws: number): number {
  let asn = GCP_ASN_FIRST;
  while (used.has(asn) || asn === aws) asn++;
  return asn;
}

function tunnelOwner(path: string, name: string): string {
  return `${path}:${name}`;
}

/** Roles a network advertises over a link when they are routable in its own space. */
const ADVERTISED: ReadonlySet<RangeRole> = new Set([RangeRole.NODE, RangeRole.POD, RangeRole.SERVICE, RangeRole.GATEWAY]);

/**
 * The ranges `plan`'s network advertises over a link: what is routable in its own space —
 * node ranges, flat pod and service ranges, gateway subnets (proxy, NAT, exposed API
 * endpoints) — never island or archipelago private ranges, reserved ranges or unclaimed
 * records; and of those, what the cloud's hub carries (`carries`, the cloud profile's
 * `linkCarries`: on AWS the transit gateway routes neither EKS's virtual service ranges nor
 * the VPCs' edge blocks).
 */
export function advertisedRanges(plan: NetworkPlan, carries: (range: PlannedRange) => boolean = () => true): PlannedRange[] {
  return plan.ranges.filter((r) => r.routable && r.space === plan.path && !r.recordOf && ADVERTISED.has(r.role) && carries(r));
}
