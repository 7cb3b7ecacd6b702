// IPv6 blocks as the verifier reads them. The cloud assigns them at deploy, so the Terraform
// holds references, not ranges: the verifier gives every VPC a placeholder block of its own
// (AWS: a /56 per VPC with `assign_generated_ipv6_cidr_block`; GCP: a /48 per VPC with
// `enable_ula_internal_ipv6`, and a /64 of it per dual-stack subnet, since Google picks those
// too), all distinct, from the documentation range 2001:db8::/32, then evaluates the few
// expression forms the Terraform holds with its own small parser. A form it does not know is
// an unknown, named with its resource and attribute — never silently dropped.
import { Cidr } from '../ipam';
import { TfResource, TfStack } from './terraform';

/** What an attribute's value is, read as IPv6. */
export type Ipv6Value =
  | { readonly kind: 'cidr'; readonly cidr: Cidr }
  /** IPv4, or absent: not an IPv6 block (nothing to report). */
  | { readonly kind: 'none' }
  /** An expression the verifier does not evaluate, or one that names no IPv6 block. */
  | { readonly kind: 'unknown'; readonly text: string; readonly why: string };

/** A value the verifier could not read as IPv6, with where it was found. */
export interface Ipv6Unknown {
  readonly resource: string;
  readonly path: string;
  readonly attr: string;
  readonly text: string;
  readonly why: string;
}

/** AWS VPCs' placeholder /56s: the i-th /56 of 2001:db8::/33. */
const AWS_SPACE = Cidr.parse('2001:db8::/33');
/** GCP VPCs' placeholder ULA /48s: the i-th /48 of 2001:db8:8000::/34. */
const GCP_SPACE = Cidr.parse('2001:db8:8000::/34');
/** GCP subnets' placeholder EXTERNAL /64s (global unicast Google assigns): the i-th /64 of 2001:db8:c000::/34. */
const GCP_EXTERNAL_SPACE = Cidr.parse('2001:db8:c000::/34');

/** A representative IPv6 address of the internet (outside every placeholder and ULA). */
export const IPV6_INTERNET_SAMPLE = Cidr.parse('2001:4860:4860::8888/128');
/** Unique local addresses (RFC 4193), where GCP's internal IPv6 lives. */
export const ULA = Cidr.parse('fc00::/7');
/** Google's IPv6 health-check ranges (Google's load-balancing documentation). */
export const HEALTH_CHECK_RANGES_V6 = ['2600:2d00:1:b029::/64', '2600:2d00:1:1::/64'].map((c) => Cidr.parse(c));

const REF = /^\$\{([a-z0-9_]+)\.([^.}\s]+)\.([a-z0-9_]+)\}$/;
const CIDRSUBNET = /^\$\{cidrsubnet\(\s*([a-z0-9_]+)\.([^.}\s,]+)\.([a-z0-9_]+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)\}$/;

/** The IPv6 blocks of one stack's VPCs and subnets, placeholders where the cloud decides. */
export class Ipv6Space {
  private readonly vpcs = new Map<string, Cidr>();
  private readonly gcpSubnets = new Map<string, Cidr>();
  /** GCP EXTERNAL subnets' /64s by VPC: global addresses of the VPC, outside its ULA /48. */
  private readonly externals = new Map<string, Cidr[]>();
  private readonly seen: Ipv6Unknown[] = [];

  constructor(private readonly tf: TfStack) {
    let aws = 0;
    for (const v of tf.ofType('aws_vpc')) {
      if (v.attrs.assign_generated_ipv6_cidr_block === true || v.attrs.ipv6_ipam_pool_id !== undefined) this.vpcs.set(v.address, AWS_SPACE.subnet(56, aws++));
    }
    let gcp = 0;
    for (const n of tf.ofType('google_compute_network')) {
      if (n.attrs.enable_ula_internal_ipv6 === true) this.vpcs.set(n.address, GCP_SPACE.subnet(48, gcp++));
    }
    // Google assigns each dual-stack subnet a /64: the n-th subnet of a VPC takes the n-th /64 of its /48.
    const perVpc = new Map<string, number>();
    let external = 0;
    for (const s of tf.ofType('google_compute_subnetwork')) {
      if (s.attrs.stack_type !== 'IPV4_IPV6' && s.attrs.stack_type !== 'IPV6_ONLY') continue;
      const vpc = tf.deref(s.attrs.network)?.address;
      if (s.attrs.ipv6_access_type === 'EXTERNAL') {
        const cidr = GCP_EXTERNAL_SPACE.subnet(64, external++);
        this.gcpSubnets.set(s.address, cidr);
        if (vpc) this.externals.set(vpc, [...(this.externals.get(vpc) ?? []), cidr]);
        continue;
      }
      const block = vpc ? this.vpcs.get(vpc) : undefined;
      if (!vpc || !block) continue;
      const n = perVpc.get(vpc) ?? 0;
      perVpc.set(vpc, n + 1);
      this.gcpSubnets.set(s.address, block.subnet(64, n));
    }
  }

  /** The VPC's IPv6 block (AWS /56, GCP ULA /48); undefined when it has none. */
  public vpcBlock(vpc: string | undefined): Cidr | undefined {
    return vpc ? this.vpcs.get(vpc) : undefined;
  }

  /**
   * Every IPv6 block of the VPC's own: its block (AWS /56, GCP ULA /48) and, on GCP, the global
   * /64 of each of its EXTERNAL subnets, which lies outside the /48; empty when it has none.
   */
  public vpcBlocks(vpc: string | undefined): Cidr[] {
    const block = this.vpcBlock(vpc);
    return [...(block ? [block] : []), ...(vpc ? this.externals.get(vpc) ?? [] : [])];
  }

  /** A subnet's IPv6 /64: AWS from its `ipv6_cidr_block`, GCP the placeholder of a dual-stack subnet. */
  public subnetBlock(subnet: TfResource): Ipv6Value {
    if (subnet.type === 'google_compute_subnetwork') {
      const cidr = this.gcpSubnets.get(subnet.address);
      if (cidr) return { kind: 'cidr', cidr };
      if (subnet.attrs.stack_type === 'IPV4_IPV6' || subnet.attrs.stack_type === 'IPV6_ONLY') {
        return this.unknown(subnet, 'stack_type', String(subnet.attrs.stack_type), 'a dual-stack subnet of a network without enable_ula_internal_ipv6 has no internal IPv6 range');
      }
      return { kind: 'none' };
    }
    return this.read(subnet, 'ipv6_cidr_block');
  }

  /** Reads `resource.attrs[attr]` (a string) as IPv6. */
  public read(resource: TfResource, attr: string): Ipv6Value {
    return this.value(resource, attr, resource.attrs[attr]);
  }

  /** Reads every entry of a list attribute as IPv6 (IPv4 entries are left out). */
  public readAll(resource: TfResource, attr: string, list: unknown = resource.attrs[attr]): Ipv6Value[] {
    return Array.isArray(list) ? list.map((v) => this.value(resource, attr, v)).filter((v) => v.kind !== 'none') : [];
  }

  /** The values the verifier could not read, in the order it met them. */
  public unknowns(): readonly Ipv6Unknown[] {
    return this.seen;
  }

  /** Evaluates one value of `resource.attr`. */
  public value(resource: TfResource, attr: string, value: unknown): Ipv6Value {
    if (value === undefined || value === null) return { kind: 'none' };
    if (typeof value !== 'string') return this.unknown(resource, attr, JSON.stringify(value), 'not a string');
    if (!value.includes('${')) {
      if (!value.includes(':')) return { kind: 'none' }; // IPv4 (or a keyword the IPv4 reading handles)
      return Cidr.isValid(value) ? { kind: 'cidr', cidr: Cidr.parse(value) } : this.unknown(resource, attr, value, 'not an IPv6 CIDR');
    }
    const sub = CIDRSUBNET.exec(value);
    if (sub) {
      const [, type, name, ref, newbits, netnum] = sub;
      const block = this.vpcs.get(`${type}.${name}`);
      if (type !== 'aws_vpc' || ref !== 'ipv6_cidr_block') return this.unknown(resource, attr, value, 'cidrsubnet of something other than an aws_vpc\'s ipv6_cidr_block');
      if (!block) return this.unknown(resource, attr, value, `${type}.${name} has no IPv6 block (no assign_generated_ipv6_cidr_block)`);
      const prefix = block.prefix + Number(newbits);
      if (prefix > 128 || BigInt(netnum) >= 1n << BigInt(newbits)) return this.unknown(resource, attr, value, `netnum ${netnum} does not fit ${newbits} new bits`);
      return { kind: 'cidr', cidr: block.subnet(prefix, BigInt(netnum)) };
    }
    const m = REF.exec(value);
    if (m) {
      const [, type, name, ref] = m;
      const address = `${type}.${name}`;
      if ((type === 'aws_vpc' && ref === 'ipv6_cidr_block') || (type === 'google_compute_network' && ref === 'internal_ipv6_range')) {
        const block = this.vpcs.get(address);
        return block ? { kind: 'cidr', cidr: block } : this.unknown(resource, attr, value, `${address} has no IPv6 block`);
      }
      if (type === 'google_compute_subnetwork' && (ref === 'internal_ipv6_prefix' || ref === 'external_ipv6_prefix')) {
        const target = this.tf.resources.find((r) => r.address === address);
        const external = target?.attrs.ipv6_access_type === 'EXTERNAL';
        const block = this.gcpSubnets.get(address);
        if (block && external === (ref === 'external_ipv6_prefix')) return { kind: 'cidr', cidr: block };
        return this.unknown(resource, attr, value, `${address} has no ${ref === 'external_ipv6_prefix' ? 'EXTERNAL' : 'INTERNAL'} IPv6 range`);
      }
      if (type === 'aws_subnet' && ref === 'ipv6_cidr_block') {
        const target = this.tf.resources.find((r) => r.address === address);
        return target ? this.read(target, 'ipv6_cidr_block') : this.unknown(resource, attr, value, `${address} is not in the stack`);
      }
      // A reference to another attribute: IPv4 when it resolves to an IPv4 literal (the IPv4 reading's).
      const text = this.tf.text(value);
      if (text !== undefined && !text.includes(':')) return { kind: 'none' };
      if (text !== undefined) return this.value(resource, attr, text);
      return this.unknown(resource, attr, value, 'a reference the verifier does not evaluate');
    }
    return this.unknown(resource, attr, value, 'an expression the verifier does not evaluate');
  }

  private unknown(resource: TfResource, attr: string, text: string, why: string): Ipv6Value {
    if (!this.seen.some((u) => u.resource === resource.address && u.attr === attr && u.text === text)) {
      this.seen.push({ resource: resource.address, path: resource.path, attr, text, why });
    }
    return { kind: 'unknown', text, why };
  }
}

/** The CIDRs among `values`. */
export function cidrsOf(values: readonly Ipv6Value[]): Cidr[] {
  return values.flatMap((v) => (v.kind === 'cidr' ? [v.cidr] : []));
}
