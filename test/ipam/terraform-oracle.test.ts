import { AddressPool, Cidr } from '../../lib/ipam';
import { evaluateAll, hclString, TERRAFORM_BIN, terraformVersion, TIMEOUT_MS } from '../terraform-console';

// Terraform as an oracle: Cidr.subnet must agree with cidrsubnet(), and AddressPool with
// cidrsubnets() where the two must agree. Every expression runs in ONE `terraform console`
// (about 50 ms; no providers, no network). Without terraform the suite is skipped, not failed.
//
// TERRAFORM_BIN picks the binary (default `terraform` on PATH). To see the skip:
//   TERRAFORM_BIN=/nonexistent npx jest test/ipam/terraform-oracle.test.ts --verbose


/** cidrsubnet(base, newbits, netnum) vs Cidr.parse(base).subnet(prefix + newbits, netnum). */
const SUBNET_CASES: ReadonlyArray<readonly [base: string, newbits: number, netnum: bigint]> = [
  ['10.0.0.0/8', 0, 0n],
  ['10.0.0.0/8', 8, 0n],
  ['10.0.0.0/8', 16, 65535n],
  ['10.1.0.0/16', 10, 1023n],
  ['100.64.0.0/10', 14, 12345n],
  ['192.168.1.0/24', 7, 127n],
  ['0.0.0.0/0', 1, 1n],
  ['0.0.0.0/0', 32, 4294967295n],
  ['2001:db8::/32', 32, 65536n],
  ['2001:db8::/56', 8, 255n],
  ['2001:db8:abcd::/48', 16, 0xbeefn],
  ['fd12:3456:789a::/48', 12, 4095n],
  ['2001:db8::/64', 64, 1n],
  ['fd00::/8', 56, (1n << 56n) - 1n],
  ['::/0', 64, 1n << 60n],
  ['::/0', 128, (1n << 128n) - 1n],
];

/**
 * cidrsubnets(base, newbits...) vs AddressPool(base).allocate(...) in the same order.
 *
 * cidrsubnets packs each block at the next address aligned to its size after the previous
 * one; the pool places each at the lowest free aligned address. They agree when no block
 * lands in a gap an earlier one left, which holds for two shapes of request list:
 * - sizes never grow (newbits non-decreasing): packing leaves no gap at all;
 * - sizes never shrink (newbits non-increasing): every gap sits before a block and is
 *   shorter than it, so it is too short for any later block, which is at least as large.
 * Lists that mix both directions can differ; see the last test.
 */
const SUBNETS_CASES: ReadonlyArray<readonly [base: string, newbits: readonly number[]]> = [
  // sizes never grow
  ['10.0.0.0/16', [4, 4, 8, 8, 8, 12]],
  ['172.16.0.0/12', [4, 8, 8, 10, 12, 12, 16]],
  ['192.168.0.0/24', [1, 2, 3, 3]], // fills the /24 exactly
  ['192.168.0.0/24', [2, 3, 4, 5, 6, 6, 8, 8]],
  ['2001:db8::/56', [4, 4, 8, 8, 8]],
  ['fd00::/48', [8, 12, 16]],
  // sizes never shrink: the gaps before the larger blocks stay empty in both
  ['10.0.0.0/16', [8, 4, 2]],
  ['10.20.0.0/16', [12, 10, 8, 8, 4]],
  ['2001:db8::/48', [16, 12, 8]],
  ['fd00:1::/64', [32, 16, 1]], // cidrsubnets allows at most 32 new bits per block
];

/** A list where they differ: the pool back-fills the gap cidrsubnets leaves. */
const DIVERGING_CASE = { base: '10.0.0.0/24', newbits: [4, 2, 4], pool: ['10.0.0.0/28', '10.0.0.64/26', '10.0.0.16/28'] };

/** The pool's answer to a cidrsubnets() list: one allocation per entry, in order. */
function poolAllocations(base: string, newbits: readonly number[]): string[] {
  const pool = new AddressPool(base);
  return newbits.map((bits, i) => pool.allocate(pool.range.prefix + bits, `block${i}`).toString());
}

const version = terraformVersion();
const maybeDescribe = version ? describe : describe.skip;
const title = version
  ? `terraform ${version} as an oracle`
  : `terraform as an oracle (skipped: no working "${TERRAFORM_BIN}"; install terraform or set TERRAFORM_BIN)`;
if (!version) console.warn(title);

maybeDescribe(title, () => {
  let subnetResults: string[];
  let subnetsResults: string[][];
  let divergingResult: string[];

  beforeAll(() => {
    const subnetExpressions = SUBNET_CASES
      .map(([base, newbits, netnum]) => `cidrsubnet(${hclString(base)}, ${newbits}, ${netnum})`);
    const subnetsExpressions = [...SUBNETS_CASES, [DIVERGING_CASE.base, DIVERGING_CASE.newbits] as const]
      .map(([base, newbits]) => `cidrsubnets(${hclString(base)}, ${newbits.join(', ')})`);
    const values = evaluateAll([...subnetExpressions, ...subnetsExpressions]);
    subnetResults = values.slice(0, SUBNET_CASES.length) as string[];
    subnetsResults = values.slice(SUBNET_CASES.length, -1) as string[][];
    divergingResult = values[values.length - 1] as string[];
  }, TIMEOUT_MS + 5_000);

  test.each(SUBNET_CASES.map(([base, newbits, netnum], i) => [base, newbits, netnum.toString(), i] as const))(
    'cidrsubnet(%s, %d, %s) = Cidr.subnet',
    (base, newbits, netnum, i) => {
      const parent = Cidr.parse(base);
      const subnet = parent.subnet(parent.prefix + newbits, BigInt(netnum));
      // Same text, not just the same block: toString claims RFC 5952, as Terraform (Go) prints.
      expect(subnet.toString()).toBe(subnetResults[i]);
    },
  );

  test.each(SUBNETS_CASES.map(([base, newbits], i) => [base, newbits.join(', '), i] as const))(
    'cidrsubnets(%s, %s) = AddressPool.allocate in order',
    (_base, _newbits, i) => {
      const [base, newbits] = SUBNETS_CASES[i];
      expect(poolAllocations(base, newbits)).toEqual(subnetsResults[i]);
    },
  );

  const diverging = `cidrsubnets(${DIVERGING_CASE.base}, ${DIVERGING_CASE.newbits.join(', ')})`;
  test(`${diverging} differs: the pool fills the gap (first fit), by design`, () => {
    expect(divergingResult).toEqual(['10.0.0.0/28', '10.0.0.64/26', '10.0.0.128/28']);
    expect(poolAllocations(DIVERGING_CASE.base, DIVERGING_CASE.newbits)).toEqual(DIVERGING_CASE.pool);
  });
});
