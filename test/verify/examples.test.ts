// The verifier on the example estate: no false alarm on either cloud, and the matrix says what
// the models promise (expected verdicts written from the models, not from the verifier).
import * as fs from 'fs';
import * as path from 'path';
import { NetworkVerifier, verifyNetworkModel } from '../../lib';
import { stacksOf, synthExamples } from './support';

const outdir = synthExamples();
const result = verifyNetworkModel({ outdir });
const cellOf = (estate: string, from: string, to: string) => {
  const e = result.estates.find((x) => x.estate === estate)!;
  return e.cells.find((c) => c.from === from && c.to === to)?.kind;
};

test('no finding on any example, GCP and AWS', () => {
  expect(result.findings.map((f) => f.message)).toEqual([]);
  expect(result.ok).toBe(true);
});

test('every stack verifies on its own too (Testing.synth output with its address plan)', () => {
  const stacks = stacksOf(outdir);
  expect(stacks.length).toBe(19);
  for (const s of stacks) expect(verifyNetworkModel({ synth: s.synth, addressPlans: s.addressPlans }).findings).toEqual([]);
  // Testing.synth drops cdktf's metadata: construct paths are read back from the logical ids.
  for (const s of stacks) {
    const tf = JSON.parse(s.synth);
    delete tf['//'];
    for (const byName of Object.values<Record<string, Record<string, unknown>>>(tf.resource)) for (const body of Object.values(byName)) delete body['//'];
    expect({ stack: s.name, findings: verifyNetworkModel({ synth: JSON.stringify(tf), addressPlans: s.addressPlans }).findings }).toEqual({ stack: s.name, findings: [] });
  }
});

test('networks of one estate are read together; lone networks are estates of their own', () => {
  const estates = result.estates.map((e) => e.estate);
  expect(estates).toContain('enterprise');
  expect(estates).toContain('talk-island/main');
  const enterprise = result.estates.find((e) => e.estate === 'enterprise')!;
  expect(enterprise.endpoints).toEqual(expect.arrayContaining(['enterprise-gcp/web pods', 'enterprise-aws/payments pods']));
});

test.each([
  // Across the CloudLink of examples/multicloud.ts: routable ranges cross, private ones never.
  ['enterprise-gcp/web pods', 'enterprise-aws/payments pods', 'DIRECT'],
  ['enterprise-aws/payments pods', 'enterprise-gcp/web pods', 'DIRECT'],
  ['enterprise-gcp/batch pods', 'enterprise-aws/payments pods', 'MASQUERADED'],
  ['enterprise-aws/analytics pods', 'enterprise-gcp/web pods', 'MASQUERADED'],
  ['enterprise-gcp/web pods', 'enterprise-aws/analytics pods', 'NONE'],
  ['enterprise-aws/payments pods', 'enterprise-gcp/batch pods', 'NONE'],
  ['on-prem 10.255.0.0/16', 'enterprise-gcp/web pods', 'NONE'],
])('enterprise, across the link: %s -> %s is %s', (from, to, kind) => {
  expect(cellOf('enterprise', from, to)).toBe(kind);
});

test.each([
  // [estate, from, to, kind]: what each model promises.
  ['gcp-flat/main', 'gcp-flat/prod pods', 'gcp-flat/staging pods', 'DIRECT'],
  ['aws-flat/main', 'aws-flat/prod pods', 'aws-flat/staging pods', 'DIRECT'],
  ['aws-flat/main', 'other 10.128.0.0/16', 'aws-flat/prod pods', 'DIRECT'],
  ['gcp-flat/main', 'gcp-flat/prod pods', 'internet', 'NATED'],
  ['gcp-island/main', 'gcp-island/batch pods', 'other 10.128.0.0/16', 'MASQUERADED'],
  ['aws-island/main', 'aws-island/batch pods', 'other 10.128.0.0/16', 'MASQUERADED'],
  ['gcp-island/main', 'gcp-island/ml pods', 'other 10.128.0.0/16', 'NATED'],
  ['aws-island/main', 'aws-island/ml pods', 'other 10.128.0.0/16', 'NATED'],
  ['gcp-island/main', 'other 10.128.0.0/16', 'gcp-island/batch pods', 'NONE'],
  ['aws-island/main', 'other 10.128.0.0/16', 'aws-island/batch pods', 'NONE'],
  ['gcp-island/main', 'other 10.128.0.0/16', 'gcp-island/batch nodes', 'GATEWAY_ONLY'],
  ['aws-island/main', 'other 10.128.0.0/16', 'aws-island/batch nodes', 'GATEWAY_ONLY'],
  ['gcp-island/main', 'gcp-island/batch pods', 'gcp-island/ml pods', 'NONE'],
  ['gcp-archipelago/main', 'gcp-archipelago/east/a pods', 'gcp-archipelago/east/b pods', 'DIRECT'],
  ['aws-archipelago/main', 'aws-archipelago/east/a pods', 'aws-archipelago/east/b pods', 'DIRECT'],
  ['aws-archipelago/main', 'aws-archipelago/east/a pods', 'aws-archipelago/west/c pods', 'NONE'],
  ['gcp-isolated/main', 'gcp-isolated/vault pods', 'other 10.128.0.0/16', 'NONE'],
  ['aws-isolated/main', 'other 10.128.0.0/16', 'aws-isolated/build nodes', 'NONE'],
  ['aws-isolated/main', 'aws-isolated/build pods', 'internet', 'NONE'],
  // Dual-stack (examples/gcp-dualstack.ts): the IPv4 promises of each model hold beside the IPv6 twins.
  ['gcp-dualstack/main', 'gcp-dualstack/batch pods', 'gcp-dualstack/web pods', 'MASQUERADED'],
  ['gcp-dualstack/main', 'gcp-dualstack/web pods', 'gcp-dualstack/batch pods', 'NONE'],
  ['gcp-dualstack/main', 'gcp-dualstack/web pods', 'internet', 'NATED'],
])('%s: %s -> %s is %s', (estate, from, to, kind) => {
  expect(cellOf(estate, from, to)).toBe(kind);
});

test('the matrix comes as Markdown and SVG', () => {
  const e = result.estates.find((x) => x.estate === 'talk-island/main')!;
  expect(e.markdown).toContain('| 7 other 10.128.1.1/32 |');
  expect(e.svg.startsWith('<svg')).toBe(true);
  expect((e.svg.match(/class="cell /g) ?? []).length).toBe(e.cells.length);
});

test('the README shows the current matrix of talk-island', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const shown = readme.split('<!-- matrix:start talk-island/main (kept in sync by test/verify/examples.test.ts) -->\n')[1]?.split('\n<!-- matrix:end -->')[0];
  const markdown = result.estates.find((x) => x.estate === 'talk-island/main')!.markdown;
  expect(shown).toBe(markdown.split('\n').slice(4).join('\n').trimEnd());
});

test('the promises are listed with their ids', () => {
  expect(NetworkVerifier.promises()[0]).toMatch(/^VERIFY-001: flat/);
});

test('errors name the input and the fix', () => {
  expect(() => verifyNetworkModel({})).toThrow(/nothing to verify — pass \{ outdir/);
  expect(() => verifyNetworkModel({ outdir: '/nonexistent' })).toThrow(/\/nonexistent has no stacks\/ folder/);
  expect(() => verifyNetworkModel({ synth: 'nope', addressPlans: ['{}'] })).toThrow(/is not Terraform JSON/);
  expect(() => verifyNetworkModel({ synth: '{}' })).toThrow(/no address plan given/);
});
