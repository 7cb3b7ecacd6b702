// The outline the name and NAT rules read is what synth writes: every named GCP resource, and nothing else.
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Archipelago, Egress, FlatCluster, Ingress, IslandCluster, IsolatedCluster, PodRouting } from '../../lib';
import { outlineOf } from '../../lib/gcp/outline';
import { estate, synthStack, tempPlanFile, withProvider } from '../support';
import { Cloud, Network } from '../../lib';

/** Resources whose `name` is a GCP name the library makes (DNS record sets are named by their domain). */
const NAMED = (type: string) => type.startsWith('google_') && type !== 'google_dns_record_set' && type !== 'google_project_service';

function synthesizedNames(json: string): string[] {
  const resources = JSON.parse(json).resource as Record<string, Record<string, { name?: string; purpose?: string; type?: string }>>;
  return Object.entries(resources).filter(([type]) => NAMED(type))
    .flatMap(([type, byId]) => Object.values(byId).map((r) => `${type} ${r.name}${type === 'google_compute_subnetwork' ? ` ${r.purpose ?? 'PRIVATE'}` : ''}${type === 'google_compute_router_nat' ? ` ${r.type ?? 'PUBLIC'}` : ''}`))
    .sort();
}

function outlinedNames(network: Network): string[] {
  const sketch = network.plan.appNetworks!.find((n) => n.path === network.node.path)!;
  return outlineOf(sketch)
    .map((r) => `${r.type} ${r.name}${r.type === 'google_compute_subnetwork' ? ` ${r.purpose}` : ''}${r.nat ? ` ${r.nat.type}` : ''}`)
    .sort();
}

describe('outlineOf lists what the GCP renderer makes', () => {
  test('every model, gateway and egress in one network', () => {
    const { stack, network } = estate({ cloud: Cloud.gcp({ region: 'europe-west1', privateControlPlanes: true }) });
    new FlatCluster(stack, 'web', { network });
    new FlatCluster(stack, 'legacy', { network, podRouting: PodRouting.ROUTES });
    new IsolatedCluster(stack, 'vault', { network, exposeApiEndpoint: true });
    new IsolatedCluster(stack, 'lab', { network });
    new IslandCluster(stack, 'batch', {
      network,
      egress: Egress.nat(),
      ingress: [Ingress.nodePort(), Ingress.loadBalancer({ ports: [443] }), Ingress.loadBalancer({ ports: [80] }), Ingress.proxy()],
    });
    new IslandCluster(new Construct(stack, 'team'), 'ml', { network });
    const fleet = new Archipelago(stack, 'fleet', { network, egress: Egress.nat(), ingress: [Ingress.proxy()] });
    fleet.addCluster('a');
    fleet.addCluster('b', { ingress: [Ingress.proxy(), Ingress.loadBalancer({ ports: [8080] })], egress: Egress.masquerade() });
    new Archipelago(stack, 'empty', { network });
    const json = synthStack(stack);
    expect(outlinedNames(network)).toEqual(synthesizedNames(json));
  });

  test('an estate of flat clusters only', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network });
    expect(outlinedNames(network)).toEqual(synthesizedNames(synthStack(stack)));
  });

  test('an empty network', () => {
    const app: App = Testing.app();
    const stack = new TerraformStack(app, 'corp');
    const cloud = Cloud.gcp({ region: 'us-central1' });
    withProvider(stack, cloud);
    const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud, planFile: tempPlanFile(), frozen: false });
    expect(outlinedNames(network)).toEqual(synthesizedNames(synthStack(stack)));
  });
});
