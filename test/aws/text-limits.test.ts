// What EC2 and the other AWS APIs take as text, written here from their API references (not read
// from the library): security group names and descriptions and security group rule descriptions
// are at most 255 characters of letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* (EC2
// API_Ipv6Range / API_IpRange / CreateSecurityGroup), a group name never starts with sg-; tag
// values are at most 256 characters of letters, digits, spaces and + - = . _ : / @ (the set every
// AWS service takes); an IAM role description is at most 1,000 characters of tab, newline,
// printable ASCII and Latin-1 (IAM API_CreateRole). Checked on every AWS example and on an estate of awkward construct ids.
import { Construct } from 'constructs';
import { Archipelago, FlatCluster, Ingress, IpFamily, IslandCluster, IsolatedCluster } from '../../lib';
import { allExamples } from '../../examples/main';
import { stacksOf, synthExamples } from '../verify/support';
import { synthStack } from '../support';
import { awsEstate } from './support';

const EC2_TEXT = /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]{0,255}$/;
const TAG_VALUE = /^[\p{L}\p{N} +\-=._:/@]{0,256}$/u;
const IAM_DESCRIPTION = /^[\t\n\r\u0020-\u007E\u00A1-\u00FF]{0,1000}$/;

/** Every text of `synth` that breaks the limits above, as `type.id field: value`. */
function refused(synth: string): string[] {
  const out: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON
  for (const [type, resources] of Object.entries<Record<string, any>>(JSON.parse(synth).resource ?? {})) {
    if (!type.startsWith('aws_')) continue;
    for (const [id, r] of Object.entries(resources)) {
      const bad = (field: string, value: unknown) => out.push(`${type}.${id} ${field}: ${JSON.stringify(value)}`);
      if (['aws_security_group', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'].includes(type) && r.description !== undefined && !EC2_TEXT.test(r.description)) bad('description', r.description);
      if (type === 'aws_iam_role' && r.description !== undefined && !IAM_DESCRIPTION.test(r.description)) bad('description', r.description);
      if (type === 'aws_security_group' && (!EC2_TEXT.test(r.name) || /^sg-/i.test(r.name))) bad('name', r.name);
      for (const [key, value] of Object.entries<string>(r.tags ?? {})) if (!TAG_VALUE.test(value)) bad(`tags.${key}`, value);
    }
  }
  return out;
}

test('every AWS example writes text AWS takes', () => {
  const aws = stacksOf(synthExamples(allExamples)).filter((s) => s.synth.includes('"aws_vpc"'));
  expect(aws.length).toBeGreaterThan(3);
  for (const s of aws) expect({ stack: s.name, refused: refused(s.synth) }).toEqual({ stack: s.name, refused: [] });
});

test('awkward construct ids (apostrophes, brackets, accents, a stack named sg, a 300-character path) still make text AWS takes', () => {
  const e = awsEstate({ ipv6: true, islandCidr: '10.0.0.0/14' }, 'sg');
  // The flow-log role's description names the network: IAM takes Latin-1 at most.
  const tokyo = awsEstate({}, 'tokyo-東京');
  new FlatCluster(tokyo.stack, 'web', { network: tokyo.network });
  expect(synthStack(tokyo.stack)).toContain('"aws_iam_role"');
  expect(refused(synthStack(tokyo.stack))).toEqual([]);
  const deep = ['team "platform"', 'x'.repeat(120), 'y'.repeat(120)].reduce<Construct>((scope, id) => new Construct(scope, id), e.stack);
  new FlatCluster(e.stack, "o'brien", { network: e.network, ipFamily: IpFamily.DUAL_STACK });
  new FlatCluster(deep, 'café<1>', { network: e.network, ipFamily: IpFamily.IPV6 });
  new IslandCluster(deep, 'isle%2', { network: e.network, ingress: [Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()] });
  new IsolatedCluster(e.stack, 'vault~1', { network: e.network, exposeApiEndpoint: true });
  new Archipelago(deep, 'fleet?', { network: e.network }).addCluster('a|b');
  const synth = synthStack(e.stack);
  expect(refused(synth)).toEqual([]);
  // Apostrophes dropped, other characters as "-": the description still names the cluster.
  expect(synth).toContain('"description": "Nodes and pods of sg/obrien"');
  expect(synth).toContain('"name": "k8s-sg-o-brien-nodes-sg"');
});
