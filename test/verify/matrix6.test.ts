// The IPv6 half of the reachability matrix: the nodes of every IPv6 or dual-stack cluster, to each
// other and from the internet. Expected kinds are written from the models: flat clusters reach each
// other directly; an island's IPv6 stays in its VPC; nothing admits IPv6 from the internet.
import { allExamples } from '../../examples/main';
import { verifyNetworkModel } from '../../lib';
import { stacksOf, synthExamples } from './support';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON
type Json = any;

const stacks = stacksOf(synthExamples(allExamples));
const stack = (name: string) => stacks.find((s) => s.name === name)!;
const verified = (name: string, tf: Json = JSON.parse(stack(name).synth)) => verifyNetworkModel({ synth: JSON.stringify(tf), addressPlans: stack(name).addressPlans }).estates[0];
/** `from -> to: KIND` of every IPv6 cell but a cluster's own. */
const kinds = (name: string, tf?: Json) => verified(name, tf).ipv6Cells.filter((c) => c.kind !== 'IN_CLUSTER').map((c) => `${c.from} -> ${c.to}: ${c.kind}`);
const cell = (name: string, from: string, to: string, tf?: Json) => verified(name, tf).ipv6Cells.find((c) => c.from === from && c.to === to)!;
const nodes = (path: string) => `${path} nodes (IPv6)`;

describe('aws-ipv6: flat api (IPV6) and edge (DUAL_STACK), island shop (DUAL_STACK)', () => {
  test('the two flat clusters reach each other directly across the hub; the island and the internet reach no one, and no one the island', () => {
    const [api, edge, shop] = ['aws-ipv6/api', 'aws-ipv6/edge', 'aws-ipv6/shop'].map(nodes);
    expect(verified('aws-ipv6').ipv6Endpoints).toEqual([edge, api, shop]);
    expect(kinds('aws-ipv6')).toEqual([
      `${edge} -> ${api}: DIRECT`, `${edge} -> ${shop}: NONE`,
      `${api} -> ${edge}: DIRECT`, `${api} -> ${shop}: NONE`,
      `${shop} -> ${edge}: NONE`, `${shop} -> ${api}: NONE`,
      `internet (IPv6) -> ${edge}: NONE`, `internet (IPv6) -> ${api}: NONE`, `internet (IPv6) -> ${shop}: NONE`,
    ]);
    expect(cell('aws-ipv6', edge, api).detail).toMatch(/transit gateway|tgw|hub/i);
  });

  test('drawn as a second table and a second grid', () => {
    const { markdown, svg } = verified('aws-ipv6');
    expect(markdown).toContain('## IPv6 reachability of aws-ipv6');
    expect(markdown).toContain(`| internet (IPv6) | — | — | — |`);
    expect(svg).toContain('IPv6 reachability of aws-ipv6');
  });

  test('api\'s security group without the rule admitting edge\'s /56: edge -> api is NONE, api -> edge stays DIRECT', () => {
    const tf = JSON.parse(stack('aws-ipv6').synth);
    const rules = tf.resource.aws_vpc_security_group_ingress_rule;
    const key = Object.keys(rules).find((k) => k.startsWith('api_nodes-sg-from-ipv6-'))!;
    delete rules[key];
    expect(cell('aws-ipv6', nodes('aws-ipv6/edge'), nodes('aws-ipv6/api'), tf)).toMatchObject({ kind: 'NONE', detail: expect.stringMatching(/^no rule in front of .* admits /) });
    expect(cell('aws-ipv6', nodes('aws-ipv6/api'), nodes('aws-ipv6/edge'), tf).kind).toBe('DIRECT');
  });

  test('a rule admitting ::/0 on 443 to the island: the internet row shows it', () => {
    const tf = JSON.parse(stack('aws-ipv6').synth);
    const rules = tf.resource.aws_vpc_security_group_ingress_rule;
    const [key, rule] = Object.entries<Json>(rules).find(([k]) => k.startsWith('shop_'))!;
    rules[`${key}-open`] = { ...rule, cidr_ipv4: undefined, referenced_security_group_id: undefined, cidr_ipv6: '::/0', ip_protocol: 'tcp', from_port: 443, to_port: 443 };
    expect(cell('aws-ipv6', 'internet (IPv6)', nodes('aws-ipv6/shop'), tf)).toMatchObject({ kind: 'PORTS', detail: expect.stringContaining('(::/0): tcp 443') });
  });
});

test('gcp-dualstack: the flat cluster and the island do not reach each other over IPv6 (the island\'s IPv6 stays in its VPC)', () => {
  const [web, batch] = ['gcp-dualstack/web', 'gcp-dualstack/batch'].map(nodes);
  expect(kinds('gcp-dualstack')).toEqual([
    `${web} -> ${batch}: NONE`, `${batch} -> ${web}: NONE`,
    `internet (IPv6) -> ${web}: NONE`, `internet (IPv6) -> ${batch}: NONE`,
  ]);
});

test('an IPv4-only estate has no IPv6 matrix, and its drawings only the IPv4 one', () => {
  const name = stacks.find((s) => !/ipv6|dualstack/.test(s.name))!.name;
  const v = verified(name);
  expect([v.ipv6Endpoints, v.ipv6Cells]).toEqual([[], []]);
  expect(v.markdown).not.toContain('IPv6');
  expect(v.svg).not.toContain('IPv6');
});
