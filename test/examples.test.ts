// The examples synthesize with every rule checked (offline, no credentials).
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { corpExample } from '../examples/corp';
import { gkeExample } from '../examples/gke';
import { tempPlanFile } from './support';

test('the GKE example: VPC-native on the plan\'s subnet, named ranges, a /28 control plane', () => {
  const stack = gkeExample(Testing.app(), tempPlanFile());
  const synth = Testing.synth(stack, true);
  expect(Testing.toHaveResourceWithProperties(synth, ContainerCluster.tfResourceType, {
    networking_mode: 'VPC_NATIVE',
    ip_allocation_policy: { cluster_secondary_range_name: 'pods', services_secondary_range_name: 'services' },
    default_max_pods_per_node: 110,
    private_cluster_config: { enable_private_nodes: true, master_ipv4_cidr_block: '172.17.17.0/28' },
  })).toBe(true);
  expect(Testing.toHaveResourceWithProperties(synth, ComputeSubnetwork.tfResourceType, { name: 'gke-prod', ip_cidr_range: '172.17.16.0/24' })).toBe(true);
  expect(synth).toMatchSnapshot();
});

test('the corp example: every model, all rules kept, on the committed plan file without moving a range', () => {
  const committed = path.join(__dirname, '..', 'examples', 'cidr-plan.lock.json');
  const planFile = tempPlanFile();
  fs.copyFileSync(committed, planFile);
  const app = Testing.app();
  const stack = corpExample(app, planFile);
  gkeExample(app, planFile);
  expect(Testing.synth(stack, true)).toMatchSnapshot();
  expect(fs.readFileSync(planFile, 'utf8')).toBe(fs.readFileSync(committed, 'utf8'));
});
