// An independent check of what AWS refuses, read from the synthesized Terraform of every AWS
// example: its own small IPv4 math, not the library's. AWS's VPC association table: no block
// from 10.0.0.0/16 beside any other block in 10.0.0.0/15 (whichever Terraform associates first),
// none from 198.19.0.0/16, no RFC 1918 range beside a primary in another; blocks /16 to /28,
// disjoint; every subnet /16 to /28 inside one block of its VPC, subnets disjoint.
import * as fs from 'fs';
import { TerraformStack, Testing } from 'cdktf';
import { allExamples } from '../../examples/main';
import { tempPlanFile } from '../support';

interface V4 { readonly start: number; readonly end: number; readonly prefix: number; readonly text: string }

function v4(text: string): V4 {
  const [address, bits] = text.split('/');
  const octets = address.split('.').map(Number);
  const prefix = Number(bits);
  const start = ((octets[0] * 256 + octets[1]) * 256 + octets[2]) * 256 + octets[3];
  return { start, end: start + 2 ** (32 - prefix) - 1, prefix, text };
}
const inside = (outer: V4, inner: V4) => outer.start <= inner.start && inner.end <= outer.end;
const overlap = (a: V4, b: V4) => a.start <= b.end && b.start <= a.end;
const RFC1918 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(v4);
const home = (c: V4) => RFC1918.find((r) => inside(r, c));

/** The problems AWS would refuse the VPCs and subnets of one synthesized stack for. */
function refusals(json: { resource?: Record<string, Record<string, Record<string, unknown>>> }): string[] {
  const resources = json.resource ?? {};
  const vpcs = Object.entries(resources.aws_vpc ?? {});
  const problems: string[] = [];
  for (const [name, vpc] of vpcs) {
    const ref = `\${aws_vpc.${name}.id}`;
    const primary = v4(String(vpc.cidr_block));
    const associated = Object.values(resources.aws_vpc_ipv4_cidr_block_association ?? {}).filter((a) => a.vpc_id === ref).map((a) => v4(String(a.cidr_block)));
    const blocks = [primary, ...associated];
    for (const b of blocks) if (b.prefix < 16 || b.prefix > 28) problems.push(`${name}: block ${b.text} is not /16 to /28`);
    blocks.forEach((a, i) => blocks.slice(i + 1).forEach((b) => { if (overlap(a, b)) problems.push(`${name}: blocks ${a.text} and ${b.text} overlap`); }));
    for (const b of associated) {
      if (overlap(b, v4('198.19.0.0/16'))) problems.push(`${name}: ${b.text} from 198.19.0.0/16`);
      if (overlap(b, v4('10.0.0.0/16')) && blocks.some((o) => o !== b && inside(v4('10.0.0.0/15'), o))) problems.push(`${name}: ${b.text} from 10.0.0.0/16 beside a block in 10.0.0.0/15`);
      const mine = home(primary);
      const theirs = RFC1918.find((r) => overlap(r, b));
      if (theirs && mine !== theirs) problems.push(`${name}: ${b.text} beside primary ${primary.text}`);
    }
    const subnets = Object.values(resources.aws_subnet ?? {}).filter((s) => s.vpc_id === ref).map((s) => v4(String(s.cidr_block)));
    for (const s of subnets) {
      if (s.prefix < 16 || s.prefix > 28) problems.push(`${name}: subnet ${s.text} is not /16 to /28`);
      if (!blocks.some((b) => inside(b, s))) problems.push(`${name}: subnet ${s.text} lies in no block`);
    }
    subnets.forEach((a, i) => subnets.slice(i + 1).forEach((b) => { if (overlap(a, b)) problems.push(`${name}: subnets ${a.text} and ${b.text} overlap`); }));
    // EKS: a cluster's service range is RFC 1918 and overlaps no block of its VPC (read from the report below).
  }
  return problems;
}

test('every AWS example deploys as far as the VPC API is concerned: blocks, associations, subnets', () => {
  const planFile = tempPlanFile();
  fs.copyFileSync(`${__dirname}/../../examples/cidr-plan.lock.json`, planFile);
  const app = Testing.app();
  allExamples(app, planFile);
  const stacks = app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c))
    .filter((s) => s.node.id.startsWith('aws-') || s.node.id === 'eks' || s.node.id === 'enterprise-aws');
  expect(stacks.length).toBe(7);
  let vpcs = 0;
  for (const stack of stacks) {
    const json = JSON.parse(Testing.synth(stack, true));
    vpcs += Object.keys(json.resource?.aws_vpc ?? {}).length;
    expect({ stack: stack.node.id, problems: refusals(json) }).toEqual({ stack: stack.node.id, problems: [] });
  }
  expect(vpcs).toBeGreaterThanOrEqual(8);
});

test('the checker catches the defect it was written for: two pod blocks 10.0.0.0/17 and 10.1.0.0/17 in one VPC', () => {
  const json = {
    resource: {
      aws_vpc: { east: { cidr_block: '10.4.0.0/26' } },
      aws_vpc_ipv4_cidr_block_association: {
        a: { vpc_id: '${aws_vpc.east.id}', cidr_block: '10.0.0.0/17' },
        b: { vpc_id: '${aws_vpc.east.id}', cidr_block: '10.1.0.0/17' },
      },
    },
  };
  expect(refusals(json)).toEqual(['east: 10.0.0.0/17 from 10.0.0.0/16 beside a block in 10.0.0.0/15']);
});
