// The outline the name and NAT rules read is what synth writes: every named GCP resource, and nothing else.
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Archipelago, Egress, FlatCluster, Ingress, IpFamily, Ipv6AccessType, IslandCluster, IsolatedCluster, PodRouting } from '../../lib';
import { HEALTH_CHECK_RANGES, HEALTH_CHECK_RANGES_IPV6 } from '../../lib/gcp/health-checks';
import { outlineOf } from '../../lib/gcp/outline';
import { estate, synthStack, tempPlanFile, withProvider } from '../support';
import { Cloud, Network } from '../../lib';

/** Resources whose `name` is a GCP name the library makes (DNS record sets are named by their domain). */
const NAMED = (type: string) => type.startsWith('google_') && type !== 'google_dns_record_set' && type !== 'google_project_service';

/* eslint-disable @typescript-eslint/no-explicit-any -- Terraform JSON, read as written */
type Tf = Record<string, Record<string, Record<string, any>>>;

/** Each named resource of synth as one line: its type, name and what the outline rules read. */
function synthesized(json: string): string[] {
  const tf = JSON.parse(json).resource as Tf;
  // `${google_compute_subnetwork.x.id}` -> the subnet's name, and the like.
  const nameOf = (ref: string) => {
    const m = /^\$\{(\w+)\.([^.]+)\.(id|name|self_link)\}$/.exec(ref ?? '');
    return m ? tf[m[1]][m[2]].name : ref;
  };
  const vpcOf = (r: Record<string, any>) => r.network ? nameOf(r.network) : r.router
    ? nameOf(Object.values(tf.google_compute_router).find((x) => `\${google_compute_router.${Object.keys(tf.google_compute_router).find((k) => tf.google_compute_router[k] === x)}.name}` === r.router)!.network)
    : r.linked_vpc_network ? nameOf(r.linked_vpc_network.uri)
      : r.subnetwork && typeof r.subnetwork === 'string' ? nameOf(tf.google_compute_subnetwork[/^\$\{\w+\.([^.]+)\./.exec(r.subnetwork)![1]].network) : '';
  return Object.entries(tf).filter(([type]) => NAMED(type)).flatMap(([type, byId]) => Object.values(byId).map((r) => {
    const parts = [type, r.name, `vpc=${vpcOf(r)}`];
    if (type === 'google_compute_network') parts.push(`ula=${r.enable_ula_internal_ipv6 === true}`);
    if (type === 'google_compute_subnetwork') {
      parts.push(r.purpose ?? 'PRIVATE', `role=${r.role ?? ''}`, `secondary=${(r.secondary_ip_range ?? []).map((x: any) => x.range_name).join(',')}`,
        `stack=${r.stack_type ?? ''}:${r.ipv6_access_type ?? ''}`);
    }
    if (type === 'google_compute_router_nat') {
      parts.push(r.type ?? 'PUBLIC', r.source_subnetwork_ip_ranges_to_nat, `alloc=${r.nat_ip_allocate_option ?? ''}`,
        `subnets=${(r.subnetwork ?? []).map((x: any) => `${nameOf(x.name)}:${x.source_ip_ranges_to_nat.join('+')}:${(x.secondary_ip_range_names ?? []).join('+')}`).join(',')}`,
        `rules=${(r.rules ?? []).map((x: any) => `${x.rule_number}:${x.action.source_nat_active_ranges.map(nameOf).join('+')}`).join(',')}`);
    }
    const literal = [HEALTH_CHECK_RANGES, HEALTH_CHECK_RANGES_IPV6].some((h) => JSON.stringify(r.source_ranges) === JSON.stringify(h));
    if (type === 'google_compute_firewall') parts.push(`sources=${literal ? r.source_ranges.join('+') : ''}`);
    return parts.join(' ');
  })).sort();
}

/* eslint-enable @typescript-eslint/no-explicit-any */

/** The same lines from the outline. */
function outlined(network: Network): string[] {
  const sketch = network.plan.appNetworks!.find((n) => n.path === network.node.path)!;
  return outlineOf(sketch).map((r) => {
    // Health checks and backend services name no network in Terraform (the forwarding rule does).
    const networkless = ['google_compute_network', 'google_network_connectivity_hub', 'google_compute_region_health_check', 'google_compute_region_backend_service'];
    const parts = [r.type, r.name, `vpc=${networkless.includes(r.type) || r.type.startsWith('google_dns') ? '' : r.vpc}`];
    if (r.type === 'google_compute_network') parts.push(`ula=${r.ulaInternalIpv6 === true}`);
    if (r.type === 'google_compute_subnetwork') {
      parts.push(r.purpose!, `role=${r.role ?? ''}`, `secondary=${(r.secondaryRanges ?? []).join(',')}`, `stack=${r.stackType ?? ''}:${r.ipv6AccessType ?? ''}`);
    }
    if (r.nat) {
      parts.push(r.nat.type, r.nat.sourceSubnetworkIpRangesToNat, `alloc=${r.nat.natIpAllocateOption ?? ''}`,
        `subnets=${r.nat.subnetworks.map((x) => `${x.name}:${x.sourceIpRangesToNat.join('+')}:${(x.secondaryIpRangeNames ?? []).join('+')}`).join(',')}`,
        `rules=${(r.nat.rules ?? []).map((x) => `${x.ruleNumber}:${x.sourceNatActiveRanges.join('+')}`).join(',')}`);
    }
    if (r.type === 'google_compute_firewall') parts.push(`sources=${(r.sources ?? []).join('+')}`);
    return parts.join(' ');
  }).sort();
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
    expect(outlined(network)).toEqual(synthesized(json));
  });

  test('a dual-stack network: every model, INTERNAL and EXTERNAL, ULA on every VPC, the IPv6 twins', () => {
    const { stack, network } = estate({ ipv6: true });
    const dual = { ipFamily: IpFamily.DUAL_STACK };
    new FlatCluster(stack, 'web', { network, ...dual });
    new FlatCluster(stack, 'v4', { network });
    new IsolatedCluster(stack, 'vault', { network, ...dual, exposeApiEndpoint: true });
    new IslandCluster(stack, 'batch', { network, ...dual, ipv6AccessType: Ipv6AccessType.EXTERNAL, egress: Egress.nat(), ingress: [Ingress.nodePort(), Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()] });
    const fleet = new Archipelago(stack, 'fleet', { network });
    fleet.addCluster('a', dual);
    fleet.addCluster('b');
    const ipv4 = new Archipelago(stack, 'ipv4', { network });
    ipv4.addCluster('c');
    const json = synthStack(stack);
    expect(outlined(network)).toEqual(synthesized(json));
    // Twins: 3 intra, main-to-pods, health checks, archipelago members; 4 dual-stack subnets; 5 VPCs with their ULA /48.
    expect(outlined(network).filter((l) => l.includes('ipv6') || l.includes('IPV4_IPV6'))).toHaveLength(10);
    expect(outlined(network).filter((l) => l.includes('ula=true'))).toHaveLength(5);
  });

  test('an estate of flat clusters only', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'prod', { network });
    expect(outlined(network)).toEqual(synthesized(synthStack(stack)));
  });

  test('an empty network', () => {
    const app: App = Testing.app();
    const stack = new TerraformStack(app, 'corp');
    const cloud = Cloud.gcp({ region: 'us-central1' });
    withProvider(stack, cloud);
    const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud, planFile: tempPlanFile(), frozen: false });
    expect(outlined(network)).toEqual(synthesized(synthStack(stack)));
  });
});
