// What the library hands GKE (GcpResources.of(cluster)): GCP-GKE-001, GCP-GKE-005, GCP-GKE-011.
// Each passes on what the library hands every model, and fails on a hand-made handout with its exact message.
import { Construct } from 'constructs';
import { Archipelago, FlatCluster, GcpResources, IslandCluster, IsolatedCluster, PodRouting } from '../../lib';
import { allocationFindings, clusterNameFindings, GkeHandout, gkeClusterName, gkeHandoutsOf, serviceRangeFindings } from '../../lib/gcp/gke';
import { GcpResourceOutline } from '../../lib/gcp/outline';
import { GCP_RULES } from '../../lib/gcp/rules';
import { estate, handPlan } from '../support';

const subnet = (name: string, secondaryRanges: string[]): GcpResourceOutline =>
  ({ type: 'google_compute_subnetwork', name, scope: 'region us-central1', owner: 'corp/prod', vpc: 'corp-main', purpose: 'PRIVATE', secondaryRanges });
const handout = (extra: Partial<GkeHandout> = {}): GkeHandout =>
  ({ owner: 'corp/prod', name: 'corp-prod', subnet: subnet('corp-prod', ['pods', 'services']), podRangeName: 'pods', serviceRangeName: 'services', ...extra });

describe('what GcpResources.of(cluster) hands GKE', () => {
  test('every model keeps the GKE rules; the names are GKE names', () => {
    const { stack, network } = estate();
    const web = new FlatCluster(stack, 'web', { network });
    const legacy = new FlatCluster(stack, 'legacy', { network, podRouting: PodRouting.ROUTES });
    new IsolatedCluster(stack, 'vault', { network });
    new IslandCluster(stack, 'batch', { network });
    new Archipelago(stack, 'fleet', { network }).addCluster('a');
    const long = new FlatCluster(new Construct(stack, 'a-platform-team-with-a-long-name'), 'and-a-long-cluster-id', { network });
    expect(network.violations().filter((v) => ['GCP-GKE-001', 'GCP-GKE-005', 'GCP-GKE-011'].includes(v.ruleId))).toEqual([]);
    // The rules read the handouts; GcpResources hands out the same.
    const sketch = network.plan.appNetworks!.find((n) => n.path === 'corp/main')!;
    for (const h of gkeHandoutsOf(sketch)) {
      const given = GcpResources.of(stack.node.findAll().find((c) => c.node.path === h.owner)!);
      expect([h.name, h.podRangeName, h.serviceRangeName, h.subnet?.name]).toEqual([given.gkeClusterName, given.podRangeName, given.serviceRangeName, given.subnetwork.nameInput]);
    }
    expect(GcpResources.of(web).gkeClusterName).toBe('corp-web');
    expect([GcpResources.of(legacy).podRangeName, GcpResources.of(legacy).serviceRangeName]).toEqual(['', '']);
    const name = GcpResources.of(long).gkeClusterName;
    expect(name).toHaveLength(40);
    expect(name).toMatch(/^corp-a-platform-team-with-a-long-[0-9a-f]{7}$/);
    expect(gkeClusterName('corp/a-platform-team-with-a-long-name/other-cluster-id')).not.toBe(name);
  });

  test('a plan written by hand hands out nothing', () => {
    for (const id of ['GCP-GKE-001', 'GCP-GKE-005', 'GCP-GKE-011']) expect(GCP_RULES.find((r) => r.id === id)!.check(handPlan({}))).toEqual([]);
  });
});

describe('GCP-GKE-001: ranges by secondary range name or by CIDR, never both', () => {
  test('passes: VPC-native by name, routes-based by CIDR', () => {
    expect(allocationFindings([handout(), handout({ subnet: subnet('corp-prod', []), podRangeName: '', serviceRangeName: '' })])).toEqual([]);
  });

  test.each([
    [{ serviceRangeName: '' }, 'corp/prod hands GKE one range by name (pods) and the other by CIDR; GKE takes both by secondary range name or both by CIDR, never a mix — name both ranges or neither'],
    [{ podRangeName: '', serviceRangeName: '' }, 'corp/prod hands GKE its ranges by CIDR while its subnet corp-prod has secondary ranges pods, services; GKE takes cluster_ipv4_cidr_block or the secondary range names, never both — hand out the range names'],
    [{ subnet: subnet('corp-prod', ['pods']) }, 'corp/prod hands GKE secondary range names services that its subnet corp-prod does not have — name ranges of the cluster\'s own subnet'],
  ])('fails on %j', (extra, message) => {
    expect(allocationFindings([handout(extra as Partial<GkeHandout>)])).toEqual([{ path: 'corp/prod', message }]);
  });
});

describe('GCP-GKE-005: a services range of its own per cluster', () => {
  test('passes: each cluster its own subnet', () => {
    expect(serviceRangeFindings([handout(), handout({ owner: 'corp/batch', subnet: subnet('corp-batch', ['pods', 'services']) })])).toEqual([]);
  });

  test('fails when two clusters are handed one subnet\'s services range', () => {
    expect(serviceRangeFindings([handout(), handout({ owner: 'corp/batch' })])).toEqual([{
      path: 'corp/batch',
      message: 'corp/prod and corp/batch are both handed services range services of subnet corp-prod; each GKE cluster needs a services range of its own — give each cluster its own subnet',
    }]);
  });
});

describe('GCP-GKE-011: GKE cluster names', () => {
  test('passes on what gkeClusterName makes', () => {
    expect(clusterNameFindings([handout({ name: gkeClusterName('corp/' + 'x'.repeat(80)) })])).toEqual([]);
  });

  test.each([
    ['corp-prod-cluster-with-a-name-far-too-long', 'GKE cluster name "corp-prod-cluster-with-a-name-far-too-long" of corp/prod is not 1-40 characters of ^[a-z][a-z0-9-]*[a-z0-9]$, which GKE refuses — rename the construct'],
    ['Prod_1', 'GKE cluster name "Prod_1" of corp/prod is not 1-40 characters of ^[a-z][a-z0-9-]*[a-z0-9]$, which GKE refuses — rename the construct'],
  ])('fails on %s', (name, message) => {
    expect(clusterNameFindings([handout({ name })])).toEqual([{ path: 'corp/prod', message }]);
  });
});
