// Estates the bench builds: the same code on either cloud, sized by cluster count.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Archipelago, Cloud, CloudProvider, Egress, FlatCluster, ICloud, Ingress, IslandCluster, Network } from '../lib';

export type CloudName = 'gcp' | 'aws';

export const CLOUDS: Record<CloudName, ICloud> = {
  gcp: Cloud.gcp({ region: 'us-central1' }),
  aws: Cloud.aws({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] }),
};

/** A fresh, empty plan file: every range is allocated, nothing is read from a previous run. */
export function freshPlanFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-plan-')), 'plan.json');
}

/** A stack with its cloud's provider. */
export function cloudStack(app: App, id: string, cloud: CloudName): TerraformStack {
  const stack = new TerraformStack(app, id);
  if (CLOUDS[cloud].provider === CloudProvider.AWS) new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  else new GoogleProvider(stack, 'google', { project: 'acme', region: 'us-central1' });
  return stack;
}

function network(stack: TerraformStack, cloud: CloudName, planFile: string, estate: string, cidr = '10.0.0.0/8'): Network {
  return new Network(stack, 'main', {
    cidr,
    cloud: CLOUDS[cloud],
    // On AWS the estate's islands live in a hole of the /8, as they always have here (figures stay
    // comparable); a smaller network keeps the default island space (its services then come from
    // 172.20.0.0/16, AWS-EKS-002), since a /14 hole would cover it (MODEL-005).
    islandCidr: CLOUDS[cloud].provider === CloudProvider.AWS && cidr === '10.0.0.0/8' ? '10.0.0.0/14' : undefined,
    estate,
    planFile,
  });
}

/**
 * The mixed estate of issue 14 in one stack on 10.0.0.0/8: of `clusters`, half flat, a
 * quarter islands with NodePort + load balancer + NAT, a quarter in two-member archipelagos.
 */
export function mixedEstate(app: App, cloud: CloudName, clusters: number, planFile: string): TerraformStack {
  const stack = cloudStack(app, `mixed-${cloud}`, cloud);
  const main = network(stack, cloud, planFile, stack.node.id);
  const flat = Math.floor(clusters / 2);
  const islands = Math.floor(clusters / 4);
  const archipelagos = Math.floor((clusters - flat - islands) / 2);
  for (let i = 0; i < flat; i++) new FlatCluster(stack, `flat${i}`, { network: main, maxNodes: 30, maxPodsPerNode: 32 });
  for (let i = 0; i < islands; i++) {
    new IslandCluster(stack, `island${i}`, {
      network: main,
      maxNodes: 30,
      ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16'] }), Ingress.loadBalancer({ ports: [443] })],
      egress: Egress.nat(),
    });
  }
  for (let i = 0; i < archipelagos; i++) {
    const arch = new Archipelago(stack, `arch${i}`, { network: main });
    arch.addCluster('a', { maxNodes: 30 });
    arch.addCluster('b', { maxNodes: 30 });
  }
  return stack;
}

/** `clusters` small flat clusters in one network of one stack: the construct+plan estate. */
export function smallClusters(app: App, cloud: CloudName, clusters: number, planFile: string): { stack: TerraformStack; network: Network } {
  const stack = cloudStack(app, `small-${cloud}`, cloud);
  const main = network(stack, cloud, planFile, stack.node.id);
  for (let i = 0; i < clusters; i++) new FlatCluster(stack, `c${i}`, { network: main, maxNodes: 10, maxPodsPerNode: 16, maxServices: 100 });
  return { stack, network: main };
}

/** `stacks` stacks of one estate, one network with one small flat cluster each, on disjoint /16s (from 10.1.0.0/16: AWS keeps VPC blocks out of 10.0.0.0/16). */
export function stackEstate(app: App, cloud: CloudName, stacks: number, planFile: string): TerraformStack[] {
  return Array.from({ length: stacks }, (_, i) => {
    const stack = cloudStack(app, `net${i}`, cloud);
    const main = network(stack, cloud, planFile, 'estate', `10.${i + 1}.0.0/16`);
    // EKS takes service ranges of /24 or larger (AWS-EKS-002).
    new FlatCluster(stack, 'c', { network: main, maxNodes: 10, maxPodsPerNode: 16, maxServices: cloud === 'aws' ? 254 : 100 });
    return stack;
  });
}
