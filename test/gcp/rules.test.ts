// Every GCP-* rule: one plan that keeps it, one that breaks it, with the exact message.
import { Testing } from 'cdktf';
import { Archipelago, Cloud, FlatCluster, Ingress, IslandCluster, NetworkModel, NetworkPlan, PodRouting, RangeRole, RangeSource, Severity } from '../../lib';
import { GCP_RULES } from '../../lib/gcp/rules';
import { estate, handPlan, synthError } from '../support';

const violations = (network: { violations(): Array<{ ruleId: string; path: string; message: string; severity: Severity }> }, ruleId: string) =>
  network.violations().filter((v) => v.ruleId === ruleId).map((v) => `[${v.path}] ${v.message}`);

describe('GCP-SUBNET-001 (warning): subnet ranges in GCP\'s private ranges', () => {
  test('passes in 10.0.0.0/8', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network });
    expect(violations(network, 'GCP-SUBNET-001')).toEqual([]);
  });

  test('warns on privately used public ranges; synth goes on', () => {
    const { stack, network } = estate({ cidr: '11.0.0.0/8' });
    new FlatCluster(stack, 'prod', { network, podCidr: '11.0.0.0/16', serviceCidr: '10.96.0.0/20', nodeCidr: '10.240.0.0/24' });
    expect(violations(network, 'GCP-SUBNET-001')).toEqual([
      '[corp/prod] pod range 11.0.0.0/16 of corp/prod is outside GCP\'s private ranges, so GCP uses it as a privately used public range — keep it only if you own it, or pin a range in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10',
    ]);
    expect(network.violations().find((v) => v.ruleId === 'GCP-SUBNET-001')?.severity).toBe(Severity.WARNING);
  });
});

describe('GCP-SUBNET-002: no prohibited range', () => {
  test('fails on link-local pods', () => {
    const { stack, network } = estate({ cidr: '128.0.0.0/1' });
    new FlatCluster(stack, 'prod', { network, podCidr: '169.254.0.0/16', nodeCidr: '172.16.0.0/24', serviceCidr: '172.17.0.0/20' });
    expect(synthError(stack)).toContain(
      '[corp/prod] GCP-SUBNET-002: pod range 169.254.0.0/16 of corp/prod overlaps 169.254.0.0/16, which GCP prohibits in subnets — pin a range elsewhere',
    );
  });

  test('passes on private ranges', () => {
    const { stack, network } = estate({ cidr: '128.0.0.0/1' });
    new FlatCluster(stack, 'prod', { network, podCidr: '172.18.0.0/16', nodeCidr: '172.16.0.0/24', serviceCidr: '172.17.0.0/20' });
    expect(violations(network, 'GCP-SUBNET-002')).toEqual([]);
  });
});

describe('GCP-SUBNET-004: primary ranges are /29 or larger', () => {
  test('passes on a /29', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network, nodeCidr: '10.240.0.0/29' });
    expect(violations(network, 'GCP-SUBNET-004')).toEqual([]);
  });

  test('fails on a /30', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network, nodeCidr: '10.240.0.0/30' });
    expect(synthError(stack)).toContain(
      '[corp/prod] GCP-SUBNET-004: node range 10.240.0.0/30 of corp/prod is smaller than a /29, GCP\'s smallest primary range (4 of its addresses are GCP\'s) — widen it',
    );
  });
});

// GCP-SUBNET-008 (names unique in their scope across the app): test/gcp/names.test.ts.

describe('GCP-GKE-002: a node block holds twice maxPodsPerNode, at most 256 pods', () => {
  test('passes at GKE\'s table: 110 pods on a /24', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network, maxPodsPerNode: 110 });
    expect(violations(network, 'GCP-GKE-002')).toEqual([]);
  });

  test('fails when the block is too small for GKE (though it holds the pods)', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network, maxPodsPerNode: 110, nodeMaskSize: 25 });
    expect(synthError(stack)).toContain(
      '[corp/prod] GCP-GKE-002: a /25 node block of corp/prod has 128 addresses; GKE gives each node twice maxPodsPerNode 110 — use nodeMaskSize 24 or fewer pods per node',
    );
  });

  test('fails above 256 pods per node', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network, maxPodsPerNode: 300 });
    expect(violations(network, 'GCP-GKE-002')).toEqual([
      '[corp/prod] maxPodsPerNode 300 of corp/prod is more than GKE\'s 256 — ask for 256 or fewer',
    ]);
  });
});

describe('GCP-GKE-003: pod ranges are /24 or larger', () => {
  test('passes on a /24', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network, maxNodes: 1 });
    expect(violations(network, 'GCP-GKE-003')).toEqual([]);
  });

  test('fails on a /25', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network, podCidr: '10.0.0.0/25', nodeMaskSize: 25, maxPodsPerNode: 64 });
    expect(synthError(stack)).toContain(
      '[corp/prod] GCP-GKE-003: pod range 10.0.0.0/25 of corp/prod is smaller than the /24 GKE needs — widen podCidr or raise maxNodes',
    );
  });
});

describe('GCP-GKE-010: a control-plane range is a /28 outside 172.17.0.0/16', () => {
  const rule = GCP_RULES.find((r) => r.id === 'GCP-GKE-010')!;
  const planWith = (cidr: string): NetworkPlan => handPlan({
    ranges: [{ owner: 'corp/prod', name: 'control-plane', role: RangeRole.GATEWAY, cidr, routable: true, space: 'corp/main', source: RangeSource.ALLOCATED, model: NetworkModel.FLAT }],
  });

  test('passes: what Cloud.gcp({ privateControlPlanes: true }) plans', () => {
    expect(rule.check(planWith('10.1.0.0/28'))).toEqual([]);
  });

  test('fails on any other size', () => {
    expect(rule.check(planWith('10.1.0.0/27'))).toEqual([{
      path: 'corp/prod',
      message: 'control-plane subnet 10.1.0.0/27 of corp/prod is not a /28, the only size GKE takes for master_ipv4_cidr_block — use a /28',
    }]);
  });

  test('fails in 172.17.0.0/16 (a record from before the planner kept out of it)', () => {
    expect(rule.check(planWith('172.17.17.0/28'))).toEqual([{
      path: 'corp/prod',
      message: 'control-plane subnet 172.17.17.0/28 of corp/prod lies in 172.17.0.0/16, which GKE refuses for master_ipv4_cidr_block (the Docker bridge) — release the record (cdktf-kube-networks plan rm corp/prod:control-plane) so the planner places it elsewhere',
    }]);
  });

  test('the planner never places one there: on 172.16.0.0/12 the /28 skips 172.17.0.0/16', () => {
    const { stack, network } = estate({ cidr: '172.16.0.0/12', cloud: Cloud.gcp({ region: 'us-central1', privateControlPlanes: true }) });
    new FlatCluster(stack, 'prod', { network, maxNodes: 250 });
    const planned = network.plan.ranges.filter((r) => r.owner === 'corp/prod').map((r) => `${r.name} ${r.cidr}`);
    expect(planned).toEqual(['pods 172.16.0.0/16', 'services 172.18.0.0/20', 'nodes 172.18.16.0/24', 'control-plane 172.18.17.0/28']);
    expect(synthError(stack)).toBe('');
  });
});

describe('GCP-GKE-012 (warning): nodes, pods and services out of 172.17.0.0/16', () => {
  test('passes: what the planner plans', () => {
    const { stack, network } = estate({ cidr: '172.16.0.0/12' });
    new FlatCluster(stack, 'prod', { network });
    expect(violations(network, 'GCP-GKE-012')).toEqual([]);
  });

  test('warns on a pin there; synth goes on', () => {
    const { stack, network } = estate({ cidr: '172.16.0.0/12' });
    new FlatCluster(stack, 'prod', { network, nodeCidr: '172.17.4.0/24' });
    expect(violations(network, 'GCP-GKE-012')).toEqual([
      '[corp/prod] node range 172.17.4.0/24 of corp/prod overlaps 172.17.0.0/16, the Docker bridge of GKE nodes — pin nodeCidr outside it (the planner never places a range there)',
    ]);
    expect(synthError(stack)).toBe('');
  });
});

describe('GCP-NAT-004 (warning): NAT IPs for the flat clusters\' nodes', () => {
  test('passes up to 1,008 nodes', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network, maxNodes: 1000 });
    expect(violations(network, 'GCP-NAT-004')).toEqual([]);
  });

  test('warns beyond; synth goes on', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network, maxNodes: 1000 });
    new FlatCluster(stack, 'batch', { network, maxNodes: 1000 });
    expect(violations(network, 'GCP-NAT-004')).toEqual([
      '[corp/main] the Cloud NAT of corp/main serves up to 2000 nodes of flat clusters: at 64 ports per VM that takes 2 NAT IPs (1,008 VMs each), which AUTO_ONLY allocates from the project\'s external IP quota — check the quota, or lower maxNodes',
    ]);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe('GCP-LB-001: a proxy-only subnet is a /26 or larger', () => {
  test('passes on the default /23', () => {
    const { stack, network } = estate();
    new IslandCluster(stack, 'batch', { network, ingress: [Ingress.proxy()] });
    expect(violations(network, 'GCP-LB-001')).toEqual([]);
  });

  test('fails on a /27', () => {
    const { stack, network } = estate();
    const batch = new IslandCluster(stack, 'batch', { network, ingress: [Ingress.proxy({ subnetMaskSize: 27 })] });
    expect(synthError(stack)).toContain(
      `[corp/batch] GCP-LB-001: proxy-only subnet ${batch.proxySubnetCidrs[0]} of corp/batch is smaller than the /26 GCP needs (a /23 is recommended) — use Ingress.proxy({ subnetMaskSize: 23 })`,
    );
  });

  test('an archipelago\'s members share one proxy-only subnet: a /27 is reported once, of the member that holds it', () => {
    const { stack, network } = estate();
    const fleet = new Archipelago(stack, 'fleet', { network });
    fleet.addCluster('a', { ingress: [Ingress.proxy({ subnetMaskSize: 27 })] });
    fleet.addCluster('b', { ingress: [Ingress.proxy({ subnetMaskSize: 27 })] });
    const [a, b] = network.plan.clusters.map((c) => c.ingress[0].subnetCidrs);
    expect(b).toEqual(a);
    expect(violations(network, 'GCP-LB-001')).toEqual([
      `[corp/fleet/a] proxy-only subnet ${a[0]} of corp/fleet/a is smaller than the /26 GCP needs (a /23 is recommended) — use Ingress.proxy({ subnetMaskSize: 23 })`,
    ]);
  });
});

describe('GCP-GKE-009: a routes-based pod range is RFC 1918', () => {
  test('passes in 10.0.0.0/8', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network, podRouting: PodRouting.ROUTES });
    expect(violations(network, 'GCP-GKE-009')).toEqual([]);
  });

  test('fails outside RFC 1918', () => {
    const { stack, network } = estate({ cidr: '100.0.0.0/8' });
    new FlatCluster(stack, 'prod', { network, podRouting: PodRouting.ROUTES, podCidr: '100.64.0.0/16' });
    expect(synthError(stack)).toContain(
      '[corp/prod] GCP-GKE-009: pod range 100.64.0.0/16 of routes-based corp/prod is outside 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16, which GKE requires of cluster_ipv4_cidr — pin podCidr in RFC 1918, or use PodRouting.VPC_NATIVE',
    );
  });

  test('VPC-native clusters are not its business', () => {
    const { stack, network } = estate({ cidr: '100.0.0.0/8' });
    new FlatCluster(stack, 'prod', { network, podCidr: '100.64.0.0/16' });
    expect(violations(network, 'GCP-GKE-009')).toEqual([]);
  });
});

describe('GCP-GKE-013 (warning): islands do not reach routes-based pods across the NCC hub', () => {
  test('passes with no island, and with VPC-native pods beside islands', () => {
    const alone = estate();
    new FlatCluster(alone.stack, 'legacy', { network: alone.network, podRouting: PodRouting.ROUTES });
    expect(violations(alone.network, 'GCP-GKE-013')).toEqual([]);
    const native = estate();
    new FlatCluster(native.stack, 'prod', { network: native.network });
    new IslandCluster(native.stack, 'batch', { network: native.network });
    expect(violations(native.network, 'GCP-GKE-013')).toEqual([]);
  });

  test('warns on a routes-based cluster beside an island or archipelago; synth goes on', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'legacy', { network, podRouting: PodRouting.ROUTES });
    new IslandCluster(stack, 'batch', { network });
    expect(violations(network, 'GCP-GKE-013')).toEqual([
      '[corp/legacy] pods of routes-based corp/legacy (10.0.0.0/16) are reached through routes GKE makes in the main VPC, which the NCC hub does not exchange: corp/batch cannot reach them — use PodRouting.VPC_NATIVE (the pod range becomes a subnet range the hub exchanges), or Policy.suppress(cluster, \'GCP-GKE-013\', reason) if no island needs them',
    ]);
    expect(network.violations().find((v) => v.ruleId === 'GCP-GKE-013')?.severity).toBe(Severity.WARNING);
    expect(synthError(stack)).toBe('');
  });
});
