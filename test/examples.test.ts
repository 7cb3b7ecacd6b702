// The examples synthesize with every rule checked (offline, no credentials), on the committed
// plan file, without moving a recorded range.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { Network } from '../lib';
import { gkeExample } from '../examples/gke';
import { allExamples } from '../examples/main';
import { tempPlanFile } from './support';

const COMMITTED = path.join(__dirname, '..', 'examples', 'cidr-plan.lock.json');

/** Every example in one app, on a copy of the committed plan file. */
function examples() {
  const planFile = tempPlanFile();
  fs.copyFileSync(COMMITTED, planFile);
  const app = Testing.app();
  allExamples(app, planFile);
  const stacks = app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c));
  return { app, planFile, stacks };
}

test('every example stack synthesizes with validations on, and matches its snapshot', () => {
  const { planFile, stacks } = examples();
  expect(stacks.map((s) => s.node.id)).toEqual([
    'corp', 'gke', 'eks',
    'gcp-flat', 'gcp-isolated', 'gcp-island', 'gcp-archipelago',
    'aws-flat', 'aws-isolated', 'aws-island', 'aws-archipelago',
    'talk-flat', 'talk-isolated', 'talk-island', 'talk-archipelago',
    'enterprise-gcp', 'enterprise-aws', 'enterprise-link',
    'aws-ipv6',
    'gcp-dualstack',
  ]);
  for (const stack of stacks) expect(Testing.synth(stack, true)).toMatchSnapshot(stack.node.id);
  // Nothing new was planned: the committed plan file already held every range.
  expect(fs.readFileSync(planFile, 'utf8')).toBe(fs.readFileSync(COMMITTED, 'utf8'));
});

test('every example network keeps every rule: no warning left unexplained', () => {
  const { app } = examples();
  const networks = app.node.findAll().filter((c): c is Network => Network.isNetwork(c));
  expect(networks.length).toBe(19);
  for (const network of networks) {
    expect(network.violations().filter((v) => v.severity === 'ERROR')).toEqual([]);
  }
});

test('the GKE example: VPC-native on the plan\'s subnet, named ranges, a /28 control plane', () => {
  const stack = gkeExample(Testing.app(), tempPlanFile());
  const synth = Testing.synth(stack, true);
  expect(Testing.toHaveResourceWithProperties(synth, ContainerCluster.tfResourceType, {
    networking_mode: 'VPC_NATIVE',
    ip_allocation_policy: { cluster_secondary_range_name: 'pods', services_secondary_range_name: 'services' },
    default_max_pods_per_node: 110,
    private_cluster_config: { enable_private_nodes: true, master_ipv4_cidr_block: '172.18.17.0/28' },
  })).toBe(true);
  expect(Testing.toHaveResourceWithProperties(synth, ComputeSubnetwork.tfResourceType, { name: 'gke-prod', ip_cidr_range: '172.18.16.0/24' })).toBe(true);
});

test('deploy defect: on 172.16.0.0/12 no GKE range lands in 172.17.0.0/16 (the Docker bridge, which GKE refuses for a control plane)', () => {
  const stack = gkeExample(Testing.app(), tempPlanFile());
  const json = JSON.parse(Testing.synth(stack, true));
  // Every CIDR in the synthesized Terraform, read from the JSON: none in 172.17.0.0/16 (172.17.x.y).
  const cidrs = JSON.stringify(json).match(/\b\d+\.\d+\.\d+\.\d+\/\d+\b/g) ?? [];
  expect(cidrs.length).toBeGreaterThan(3);
  expect(cidrs.filter((c) => c.startsWith('172.17.'))).toEqual([]);
});

test('secure defaults in every example: flow logs where the cloud takes them, no public IPs from subnets', () => {
  const { stacks } = examples();
  let subnets = 0;
  for (const stack of stacks) {
    const resources = JSON.parse(Testing.synth(stack)).resource ?? {};
    for (const subnet of Object.values<Record<string, unknown>>(resources.google_compute_subnetwork ?? {})) {
      subnets++;
      const hostsVms = subnet.purpose === undefined || subnet.purpose === 'PRIVATE';
      // The API refuses log_config on proxy-only subnets; private-NAT subnets host no VMs.
      expect([subnet.name, subnet.log_config !== undefined]).toEqual([subnet.name, hostsVms]);
    }
    for (const subnet of Object.values<Record<string, unknown>>(resources.aws_subnet ?? {})) {
      subnets++;
      expect(subnet.map_public_ip_on_launch).toBe(false);
    }
    const vpcs = Object.keys(resources.aws_vpc ?? {}).map((id) => `\${aws_vpc.${id}.id}`).sort();
    const logged = Object.values<Record<string, unknown>>(resources.aws_flow_log ?? {}).map((f) => String(f.vpc_id)).sort();
    expect(logged).toEqual(vpcs);
  }
  expect(subnets).toBeGreaterThan(50);
});
