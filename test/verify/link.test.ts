// The verifier treats a CloudLink as a path made of what the link's stack holds: break a piece
// of it in the synthesized JSON and the promise it kept fails (VERIFY-013, VERIFY-014).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { verifyNetworkModel } from '../../lib';
import { multiCloudExample } from '../../examples/multicloud';
import { synthExamples } from './support';

const pristine = synthExamples(multiCloudExample);

/** A copy of the synthesized output with the link stack's JSON changed by `edit`. */
function mutated(edit: (tf: { resource: Record<string, Record<string, Record<string, unknown>>> }) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-link-mut-'));
  fs.cpSync(pristine, dir, { recursive: true });
  const file = path.join(dir, 'stacks', 'enterprise-link', 'cdk.tf.json');
  const tf = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(tf);
  fs.writeFileSync(file, JSON.stringify(tf));
  return dir;
}

const router = (tf: { resource: Record<string, Record<string, Record<string, unknown>>> }) =>
  Object.values(tf.resource.google_compute_router)[0] as { bgp: { advertised_ip_ranges: Array<{ range: string }> } };

test('the link as synthesized keeps every promise', () => {
  expect(verifyNetworkModel({ outdir: pristine }).findings).toEqual([]);
});

test('VERIFY-013: a Cloud Router that stops advertising the flat pods breaks them', () => {
  const outdir = mutated((tf) => {
    const bgp = router(tf).bgp;
    bgp.advertised_ip_ranges = bgp.advertised_ip_ranges.filter((r) => r.range !== '10.0.0.0/16'); // enterprise-gcp/web pods
  });
  const messages = verifyNetworkModel({ outdir }).findings.map((f) => f.message);
  expect(messages).toContain('VERIFY-013 enterprise-link/gcp-aws: enterprise-aws/payments pods -> enterprise-gcp/web pods: NONE: enterprise-gcp/main does not advertise 10.0.0.0/16 across enterprise-link/gcp-aws');
  expect(messages).toContain('VERIFY-013 enterprise-link/gcp-aws: enterprise-gcp/web pods -> enterprise-aws/payments pods: NONE: enterprise-gcp/main does not advertise 10.0.0.0/16 across enterprise-link/gcp-aws: replies find no way back');
});

test('VERIFY-013: a VPN connection whose attachment is associated with no route table advertises nothing', () => {
  const outdir = mutated((tf) => {
    const [first] = Object.keys(tf.resource.aws_ec2_transit_gateway_route_table_association);
    delete tf.resource.aws_ec2_transit_gateway_route_table_association[first];
  });
  expect(verifyNetworkModel({ outdir }).findings.map((f) => f.message)).toEqual([
    expect.stringMatching(/^VERIFY-013 enterprise-link\/gcp-aws: enterprise-gcp\/main -> enterprise-aws\/main: link enterprise-link\/gcp-aws: 1 VPN attachment\(s\) associated with no transit-gateway route table advertise nothing \[aws_vpn_connection\./),
  ]);
});

test('VERIFY-014: an island pod range advertised across the link is found', () => {
  const outdir = mutated((tf) => router(tf).bgp.advertised_ip_ranges.push({ range: '100.64.0.0/15' })); // enterprise-gcp/batch pods
  expect(verifyNetworkModel({ outdir }).findings.map((f) => f.message)).toContain(
    'VERIFY-014 enterprise-link/gcp-aws: enterprise-gcp/main -> enterprise-gcp/batch pods 100.64.0.0/15: advertised across the link as 100.64.0.0/15',
  );
});

test('without the hybrid spoke, an island on GCP learns no route across', () => {
  const outdir = mutated((tf) => delete tf.resource.google_network_connectivity_spoke);
  const result = verifyNetworkModel({ outdir });
  const cell = result.estates.find((e) => e.estate === 'enterprise')!.cells.find((c) => c.from === 'enterprise-gcp/batch pods' && c.to === 'enterprise-aws/payments pods')!;
  expect(cell.kind).toBe('NONE');
  expect(cell.detail).toContain('tunnels are no spoke of its hub');
});
