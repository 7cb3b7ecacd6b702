// The aws-ipv6 example's IPv6 subnets, judged from the synthesized JSON alone with Terraform as
// the oracle: each subnet's ipv6_cidr_block is cidrsubnet() of its OWN VPC's /56; given any /56
// per VPC (the blocks AWS would assign), terraform console turns every expression into a /64
// inside that VPC's /56, none taken twice. Skipped without a working terraform binary.
import { Testing } from 'cdktf';
import { Cidr } from '../../lib/ipam';
import { awsIpv6Example } from '../../examples/aws-ipv6';
import { tempPlanFile } from '../support';
import { evaluateAll, TERRAFORM_BIN, terraformVersion, TIMEOUT_MS } from '../terraform-console';

interface Ipv6Subnet {
  readonly name: string;
  readonly vpc: string;
  readonly expression: string;
}

/** Every aws_subnet with an IPv6 block: its own VPC (from vpc_id) and its ipv6_cidr_block expression. */
function ipv6Subnets(json: { resource?: Record<string, Record<string, Record<string, unknown>>> }): Ipv6Subnet[] {
  return Object.entries(json.resource?.aws_subnet ?? {})
    .filter(([, s]) => s.ipv6_cidr_block !== undefined)
    .map(([name, s]) => {
      const vpc = /^\$\{aws_vpc\.([\w-]+)\.id\}$/.exec(String(s.vpc_id))?.[1];
      if (!vpc) throw new Error(`subnet ${name}: vpc_id ${String(s.vpc_id)} is not a VPC of the stack`);
      return { name, vpc, expression: String(s.ipv6_cidr_block) };
    });
}

const version = terraformVersion();
const maybeDescribe = version ? describe : describe.skip;
if (!version) console.warn(`aws-ipv6 oracle skipped: no working "${TERRAFORM_BIN}"`);

maybeDescribe(`the aws-ipv6 example's IPv6 subnets, evaluated by terraform ${version ?? ''}`, () => {
  const json = JSON.parse(Testing.synth(awsIpv6Example(Testing.app(), tempPlanFile())));
  const subnets = ipv6Subnets(json);
  const vpcs = [...new Set(subnets.map((s) => s.vpc))].sort();
  // Any /56 per VPC will do: the blocks AWS might assign, distinct per VPC.
  const blockOf = new Map(vpcs.map((vpc, i) => [vpc, `2600:1f18:abcd:${(i + 1).toString(16)}00::/56`]));
  let values: string[];

  beforeAll(() => {
    // Each expression names a VPC's ipv6_cidr_block: replace it by that VPC's literal /56, then let terraform evaluate it.
    const expressions = subnets.map((s) => {
      const inner = /^\$\{(.*)\}$/.exec(s.expression)?.[1] ?? s.expression;
      return inner.replace(/aws_vpc\.([\w-]+)\.ipv6_cidr_block/g, (_, vpc: string) => {
        const block = blockOf.get(vpc);
        if (!block) throw new Error(`${s.name} reads the IPv6 block of aws_vpc.${vpc}, which holds none of the IPv6 subnets`);
        return JSON.stringify(block);
      });
    });
    values = evaluateAll(expressions) as string[];
  }, TIMEOUT_MS + 5_000);

  test('the example has IPv6 subnets in more than one VPC, each reading its own VPC\'s block', () => {
    expect(subnets.length).toBeGreaterThan(6);
    expect(vpcs.length).toBeGreaterThan(1);
    for (const s of subnets) expect([s.name, s.expression]).toEqual([s.name, expect.stringContaining(`aws_vpc.${s.vpc}.ipv6_cidr_block`)]);
  });

  test('every block is a /64 of its own VPC\'s /56, none taken twice in a VPC', () => {
    const seen = new Map<string, string>();
    subnets.forEach((s, i) => {
      const range = Cidr.parse(values[i]);
      expect([s.name, range.prefix, Cidr.parse(blockOf.get(s.vpc)!).contains(range)]).toEqual([s.name, 64, true]);
      const twin = seen.get(range.toString());
      expect([s.name, twin]).toEqual([s.name, undefined]);
      seen.set(range.toString(), s.name);
    });
  });

  test('the subnets assign IPv6 on creation', () => {
    for (const [name, s] of Object.entries<Record<string, unknown>>(json.resource.aws_subnet)) {
      if (s.ipv6_cidr_block !== undefined) expect([name, s.assign_ipv6_address_on_creation]).toEqual([name, true]);
    }
  });
});
