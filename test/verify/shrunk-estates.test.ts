// Estates test/verify/random-estates.property.test.ts found, shrunk to what broke: each now
// verifies clean, and the cell or resource that was wrong says so.
import * as path from 'path';
import { App } from 'cdktf';
import { cloudStack } from '../../examples/stack';
import { Cloud, FlatCluster, Network, PodRouting, verifyNetworkModel } from '../../lib';
import { synthExamples } from './support';

/** Synthesizes what `build` makes into a temp cdktf.out (plan file beside it) and verifies the whole output. */
function verified(build: (app: App, planFile: string) => void) {
  const outdir = synthExamples((app, planFile) => build(app, path.join(path.dirname(planFile), 'shrunk-plan.lock.json')));
  return verifyNetworkModel({ outdir });
}

test('a routes-based flat cluster on GCP: its pods reach the internet as their node, through the Cloud NAT of the nodes\' range (VERIFY-007)', () => {
  const result = verified((app, planFile) => {
    const cloud = Cloud.gcp({ region: 'us-central1' });
    const stack = cloudStack(app, 'routes', cloud);
    const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud, estate: 'routes', planFile });
    new FlatCluster(stack, 'legacy', { network, podRouting: PodRouting.ROUTES });
  });
  expect(result.findings.map((f) => f.message)).toEqual([]);
  const cell = result.estates.find((e) => e.estate === 'routes/main')!.cells.find((c) => c.from === 'routes/legacy pods' && c.to === 'internet')!;
  expect(cell.kind).toBe('NATED');
});
