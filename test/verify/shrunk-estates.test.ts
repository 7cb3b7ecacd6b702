// Estates test/verify/random-estates.property.test.ts found, shrunk to what broke: each now
// verifies clean, and the cell or resource that was wrong says so.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { cloudStack } from '../../examples/stack';
import { Archipelago, Cloud, CloudLink, FlatCluster, Ingress, IpFamily, Ipv6AccessType, IslandCluster, IsolatedCluster, Network, PodRouting, verifyNetworkModel } from '../../lib';
import { stacksOf, synthExamples } from './support';

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

test('an isolated cluster reusing a flat cluster\'s ranges on a linked network: advertising the flat ranges leaks nothing of it (VERIFY-014)', () => {
  let vault: IsolatedCluster | undefined;
  let api: FlatCluster | undefined;
  const result = verified((app, planFile) => {
    const gcpCloud = Cloud.gcp({ region: 'us-central1' });
    const awsCloud = Cloud.aws({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
    const gcpStack = cloudStack(app, 'reuse-gcp', gcpCloud);
    const awsStack = cloudStack(app, 'reuse-aws', awsCloud);
    const gcp = new Network(gcpStack, 'main', { cidr: '172.24.0.0/13', cloud: gcpCloud, estate: 'reuse', planFile });
    const aws = new Network(awsStack, 'main', { cidr: '172.16.0.0/13', cloud: awsCloud, estate: 'reuse', planFile });
    new FlatCluster(gcpStack, 'web', { network: gcp });
    // It plans in its own space, the network's cidr as if nothing else were there: the flat cluster's pod range again.
    vault = new IsolatedCluster(awsStack, 'vault', { network: aws });
    api = new FlatCluster(awsStack, 'api', { network: aws });
    const link = new TerraformStack(app, 'reuse-link');
    new GoogleProvider(link, 'google', { project: 'acme', region: 'us-central1' });
    new AwsProvider(link, 'aws', { region: 'eu-west-1' });
    new CloudLink(link, 'gcp-aws', { gcp, aws });
  });
  expect(vault!.podCidr).toBe(api!.podCidr); // the reuse is real
  expect(result.findings.map((f) => f.message)).toEqual([]);
});

test('GCP EXTERNAL IPv6 on an island, an archipelago member and an isolated cluster: the subnet\'s global /64 is its VPC\'s own, so the rules within it admit nothing from outside (VERIFY-017, VERIFY-008)', () => {
  const result = verified((app, planFile) => {
    const cloud = Cloud.gcp({ region: 'us-central1' });
    const stack = cloudStack(app, 'external', cloud);
    const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud, ipv6: true, estate: 'external', planFile });
    const external = { ipFamily: IpFamily.DUAL_STACK, ipv6AccessType: Ipv6AccessType.EXTERNAL };
    new IslandCluster(stack, 'batch', { network, ...external });
    const east = new Archipelago(stack, 'east', { network });
    east.addCluster('a', external);
    east.addCluster('b', { ipFamily: IpFamily.DUAL_STACK });
    new IsolatedCluster(stack, 'vault', { network, ...external });
  });
  expect(result.findings.map((f) => f.message)).toEqual([]);
});

test('a routes-based flat cluster beside an archipelago on GCP: the members find no route to its pods, since the NCC hub exchanges no static routes (VERIFY-005, as GCP-GKE-013 warns)', () => {
  const result = verified((app, planFile) => {
    const cloud = Cloud.gcp({ region: 'us-central1' });
    const stack = cloudStack(app, 'legacy', cloud);
    const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud, estate: 'legacy', planFile });
    new FlatCluster(stack, 'old', { network, podRouting: PodRouting.ROUTES });
    new Archipelago(stack, 'east', { network }).addCluster('a');
  });
  expect(result.findings.map((f) => f.message)).toEqual([
    expect.stringMatching(/^VERIFY-005 legacy\/main: legacy\/east\/a pods -> legacy\/old pods: spoke google_network_connectivity_spoke\.main_spoke_\w+ does not export 10\.0\.0\.0\/16 to hub /),
  ]);
});

describe.each(['gcp', 'aws'] as const)('an isolated cluster on %s exposing its API endpoint to Other alone (apiEndpointSourceRanges)', (name) => {
  const build = (app: App, planFile: string) => {
    const cloud = name === 'gcp' ? Cloud.gcp({ region: 'us-central1' }) : Cloud.aws({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
    const stack = cloudStack(app, `api-${name}`, cloud);
    const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud, estate: `api-${name}`, planFile, reserved: [{ cidr: '10.255.0.0/16', name: 'other' }] });
    new IsolatedCluster(stack, 'vault', { network, exposeApiEndpoint: true, apiEndpointSourceRanges: ['10.255.0.0/16'] });
  };

  test('is reached on 443 from the ranges it admits, not asked of the whole main network (VERIFY-009)', () => {
    expect(verified(build).findings.map((f) => f.message)).toEqual([]);
  });

  test('the address plan says who it admits', () => {
    const outdir = synthExamples((app, planFile) => build(app, path.join(path.dirname(planFile), 'shrunk-plan.lock.json')));
    const [stack] = stacksOf(outdir).filter((s) => s.name === `api-${name}`);
    expect(JSON.parse(stack.addressPlans[0]).clusters[0].apiEndpointSourceRanges).toEqual(['10.255.0.0/16']);
    if (name === 'gcp') return; // on GCP what fronts the endpoint is the user's: the verifier reads its route, not its firewall
    // On AWS: a security-group rule that stops admitting them is found.
    const tf = JSON.parse(stack.synth);
    const admitting = Object.values<Record<string, unknown>>(tf.resource.aws_vpc_security_group_ingress_rule).filter((r) => r.cidr_ipv4 === '10.255.0.0/16');
    expect(admitting).toHaveLength(1);
    admitting[0].cidr_ipv4 = '10.254.0.0/16';
    expect(verifyNetworkModel({ synth: JSON.stringify(tf), addressPlans: stack.addressPlans }).findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^VERIFY-009 api-aws\/main: API clients 10\.255\.0\.0\/16 -> api-aws\/vault api-endpoint: /),
    ]);
  });
});

test.each(['gcp', 'aws'] as const)('Testing.synth output on %s (no construct paths recorded): ids with _, ., an id its scope\'s id ends with, are read back against the plan\'s owners', (name) => {
  const app = Testing.app();
  const cloud = name === 'gcp' ? Cloud.gcp({ region: 'us-central1' }) : Cloud.aws({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
  const stack = cloudStack(app, 'corp', cloud);
  const planFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ids-')), 'cidr-plan.lock.json');
  const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud, planFile });
  new FlatCluster(stack, 'web_prod', { network });             // web_prod_subnetwork_<hash>: not web/prod/subnetwork
  new FlatCluster(new Construct(stack, 'prod-web'), 'web', { network }); // prod-web_subnetwork_<hash>: cdktf drops the second web
  new Archipelago(stack, 'east', { network }).addCluster('east');         // east_subnetwork_<hash> for east/east/subnetwork
  new IsolatedCluster(stack, 'vault.v2', { network });                    // vaultv2_vpc_<hash>: cdktf drops the dot
  const synth = Testing.synth(stack, true);
  expect(JSON.stringify(JSON.parse(synth).resource)).not.toContain('"//"'); // no paths recorded: they are read from the names
  const addressPlans = [fs.readFileSync(path.join(app.outdir, 'stacks', 'corp', 'address-plan.json'), 'utf8')];
  expect(verifyNetworkModel({ synth, addressPlans }).findings.map((f) => f.message)).toEqual([]);
});

test('a GCP island load balancer of 6 ports: its forwarding rule forwards all ports (GCP lists 5 at most), and the gateway promise still holds on each', () => {
  const result = verified((app, planFile) => {
    const cloud = Cloud.gcp({ region: 'us-central1' });
    const stack = cloudStack(app, 'ports', cloud);
    const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud, estate: 'ports', planFile });
    new IslandCluster(stack, 'batch', { network, ingress: [Ingress.loadBalancer({ ports: [80, 443, 8080, 8443, 9000, 9443] })] });
  });
  // VERIFY-011 asks the forwarding rule for each declared port: all_ports forwards them all (the old reading reported all six).
  expect(result.findings.map((f) => f.message)).toEqual([]);
});
