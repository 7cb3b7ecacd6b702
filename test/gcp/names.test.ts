// GCP-SUBNET-008: every GCP name the app makes is unique in its scope, across constructs, networks and stacks.
import { Construct } from 'constructs';
import { Archipelago, Cloud, Egress, FlatCluster, Ingress, IslandCluster, IsolatedCluster, Network, Policy } from '../../lib';
import { nameFindings, NamedResource } from '../../lib/gcp/name-rule';
import { estate, handPlan, synthError } from '../support';
import { GCP_RULES } from '../../lib/gcp/rules';

const names = (network: Network) => network.violations().filter((v) => v.ruleId === 'GCP-SUBNET-008').map((v) => `[${v.path}] ${v.message}`);
const TAIL = '; GCP refuses a second resource of one kind and name there — rename one construct (GCP names are construct paths with "/" and other characters as "-")';

describe('GCP-SUBNET-008: generated names are unique in their scope', () => {
  test('passes on distinct names, across models, gateways and egress', () => {
    const { stack, network } = estate();
    new IslandCluster(stack, 'x', { network, egress: Egress.nat(), ingress: [Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()] });
    new FlatCluster(stack, 'web', { network });
    new IsolatedCluster(stack, 'db', { network, exposeApiEndpoint: true });
    const fleet = new Archipelago(stack, 'fleet', { network, egress: Egress.nat() });
    fleet.addCluster('a');
    expect(names(network)).toEqual([]);
    expect(synthError(stack)).toBe('');
  });

  test('island x with Egress.nat() and flat x-private-nat: subnet corp-x-private-nat', () => {
    const { stack, network } = estate();
    new IslandCluster(stack, 'x', { network, egress: Egress.nat() });
    new FlatCluster(stack, 'x-private-nat', { network });
    expect(names(network)).toEqual([
      `[corp/x-private-nat] corp/x and corp/x-private-nat get the same GCP names: subnetwork corp-x-private-nat in region us-central1${TAIL}`,
    ]);
    expect(synthError(stack)).toContain('[corp/x-private-nat] GCP-SUBNET-008: corp/x and corp/x-private-nat get the same GCP names: subnetwork corp-x-private-nat in region us-central1');
  });

  test('isolated db exposing its endpoint and flat db-api: subnet corp-db-api', () => {
    const { stack, network } = estate();
    new IsolatedCluster(stack, 'db', { network, exposeApiEndpoint: true });
    new FlatCluster(stack, 'db-api', { network });
    expect(names(network)).toEqual([
      `[corp/db-api] corp/db and corp/db-api get the same GCP names: subnetwork corp-db-api in region us-central1${TAIL}`,
    ]);
  });

  test('island a with a load balancer and flat a-lb: firewall corp-a-lb-health-checks', () => {
    const { stack, network } = estate();
    new IslandCluster(stack, 'a', { network, ingress: [Ingress.loadBalancer({ ports: [443] })] });
    new FlatCluster(stack, 'a-lb', { network });
    expect(names(network)).toEqual([
      `[corp/a-lb] corp/a and corp/a-lb get the same GCP names: firewall corp-a-lb-health-checks in the project${TAIL}`,
    ]);
  });

  test('networks main and main_ in one stack: network corp-main', () => {
    const { stack, network } = estate();
    const other = new Network(stack, 'main_', { cidr: '172.16.0.0/12', cloud: network.cloud, planFile: network.planFile, frozen: false, estate: 'lab' });
    expect(names(network)).toEqual([]);
    expect(names(other)).toEqual([`[corp/main_] corp/main and corp/main_ get the same GCP names: network corp-main in the project${TAIL}`]);
  });

  test('stacks corp (cluster x-y) and corp-x (cluster y) in one app: subnet and firewalls corp-x-y', () => {
    const first = estate();
    new FlatCluster(first.stack, 'x-y', { network: first.network });
    const second = estate({ cidr: '172.16.0.0/12', planFile: first.planFile }, 'corp-x', first.app);
    new FlatCluster(second.stack, 'y', { network: second.network });
    expect(names(first.network)).toEqual([]);
    expect(names(second.network)).toEqual([
      `[corp-x/y] corp/x-y and corp-x/y get the same GCP names: subnetwork corp-x-y in region us-central1, firewall corp-x-y-intra in the project, firewall corp-x-y-main-to-pods in the project, firewall corp-x-y-health-checks in the project${TAIL}`,
    ]);
    expect(synthError(second.stack)).toContain('[corp-x/y] GCP-SUBNET-008: corp/x-y and corp-x/y get the same GCP names');
  });

  test('regional names in different regions do not collide; global ones do', () => {
    const first = estate();
    new FlatCluster(first.stack, 'x-y', { network: first.network });
    const second = estate({ cidr: '172.16.0.0/12', planFile: first.planFile, cloud: Cloud.gcp({ region: 'europe-west1' }) }, 'corp-x', first.app);
    new FlatCluster(second.stack, 'y', { network: second.network });
    // Both subnets are corp-x-y, in two regions: fine. The firewalls are global.
    expect(names(second.network)).toEqual([
      `[corp-x/y] corp/x-y and corp-x/y get the same GCP names: firewall corp-x-y-intra in the project, firewall corp-x-y-main-to-pods in the project, firewall corp-x-y-health-checks in the project${TAIL}`,
    ]);
  });

  test('two paths that make one name (corp/prod-a and corp/prod/a)', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod-a', { network });
    new FlatCluster(new Construct(stack, 'prod'), 'a', { network });
    expect(synthError(stack)).toContain(
      '[corp/prod/a] GCP-SUBNET-008: corp/prod-a and corp/prod/a get the same GCP names: subnetwork corp-prod-a in region us-central1, firewall corp-prod-a-intra in the project',
    );
  });

  test('cannot be suppressed: the API refuses the second name', () => {
    const { stack, network } = estate();
    new IsolatedCluster(stack, 'db', { network, exposeApiEndpoint: true });
    const api = new FlatCluster(stack, 'db-api', { network });
    Policy.suppress(api, 'GCP-SUBNET-008', 'we know what we are doing here');
    const error = synthError(stack);
    expect(error).toContain('[corp/db-api] INPUT-002: Policy.suppress: GCP-SUBNET-008 cannot be suppressed');
    expect(error).toContain('[corp/db-api] GCP-SUBNET-008: corp/db and corp/db-api get the same GCP names');
  });

  test('a name outside GCP\'s pattern (a hand-made resource list: gcpName never makes one)', () => {
    const resources: NamedResource[] = [{ type: 'google_compute_subnetwork', name: 'Corp_Prod', scope: 'region us-central1', owner: 'corp/prod', network: 'corp/main' }];
    expect(nameFindings('corp/main', resources)).toEqual([{
      path: 'corp/prod',
      message: 'subnetwork name "Corp_Prod" of corp/prod does not match GCP\'s pattern [a-z]([-a-z0-9]{0,61}[a-z0-9])? — rename the construct',
    }]);
  });

  test('a plan written by hand lists no networks of the app: nothing to compare', () => {
    expect(GCP_RULES.find((r) => r.id === 'GCP-SUBNET-008')!.check(handPlan({}))).toEqual([]);
  });
});
