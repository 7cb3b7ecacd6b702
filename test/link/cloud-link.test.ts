// CloudLink: a GCP and an AWS network of one estate joined by HA VPN and a transit gateway.
// What crosses follows the models (the oracle here is each cluster's own ranges, read from its
// getters, by model), tunnel ranges and ASNs are planned once and recorded, and bad links fail
// with their rule ids.
import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Archipelago, AwsResources, CloudLink, FlatCluster, GcpResources, Ingress, IslandCluster, IsolatedCluster, Network } from '../../lib';
import { outlineOf } from '../../lib/gcp/outline';
import { estate, tempDir } from '../support';
import { synthAll, twoClouds } from './support';

type Resources = Record<string, Record<string, unknown>>;
const resources = (synth: string, type: string): Resources => JSON.parse(synth).resource?.[type] ?? {};
const only = (synth: string, type: string): Record<string, unknown> => {
  const all = Object.values(resources(synth, type));
  expect(all).toHaveLength(1);
  return all[0];
};

/** The estate of examples/multicloud.ts, plus an archipelago and an isolated cluster with an exposed endpoint on each side. */
function linked(linkFirst = false) {
  const e = twoClouds();
  const link = linkFirst ? new CloudLink(e.linkStack, 'gcp-aws', { gcp: e.gcp, aws: e.aws }) : undefined;
  const web = new FlatCluster(e.gcpStack, 'web', { network: e.gcp, maxNodes: 250 });
  const batch = new IslandCluster(e.gcpStack, 'batch', { network: e.gcp, maxNodes: 500, ingress: [Ingress.proxy()] });
  const east = new Archipelago(e.gcpStack, 'east', { network: e.gcp, podCidr: '100.64.0.0/14' });
  const a = east.addCluster('a', { maxNodes: 50 });
  const vault = new IsolatedCluster(e.gcpStack, 'vault', { network: e.gcp, nodeCidr: '192.168.0.0/24', podCidr: '192.168.64.0/18', exposeApiEndpoint: true });
  const payments = new FlatCluster(e.awsStack, 'payments', { network: e.aws, maxNodes: 100 });
  const analytics = new IslandCluster(e.awsStack, 'analytics', { network: e.aws, maxNodes: 500 });
  const cloudLink = link ?? new CloudLink(e.linkStack, 'gcp-aws', { gcp: e.gcp, aws: e.aws });
  return { ...e, link: cloudLink, web, batch, east, a, vault, payments, analytics };
}

describe('what crosses the link follows the models', () => {
  test('GCP advertises nodes, flat pods and services, gateway subnets — never island or archipelago private ranges', () => {
    const e = linked();
    const router = only(Testing.synth(e.linkStack, true), 'google_compute_router') as { bgp: { advertise_mode: string; advertised_ip_ranges: Array<{ range: string }>; asn: number } };
    const advertised = router.bgp.advertised_ip_ranges.map((r) => r.range).sort();
    e.gcp.planNow();
    const expected = [
      e.web.nodeCidr, e.web.podCidr, e.web.serviceCidr, // flat: all routable
      e.batch.nodeCidr, ...e.batch.proxySubnetCidrs, // island: nodes and its proxy subnet
      e.a.nodeCidr, // archipelago member: nodes
      e.vault.apiEndpointCidr!, // isolated: only the exposed endpoint
    ].sort();
    expect(advertised).toEqual(expected);
    expect(router.bgp.advertise_mode).toBe('CUSTOM');
    for (const hidden of [e.batch.podCidr, e.batch.serviceCidr, e.a.podCidr, e.east.podCidr, e.vault.podCidr, e.vault.nodeCidr]) {
      expect(advertised).not.toContain(hidden);
    }
  });

  test('AWS advertises what its hub routes: the VPN attachments use the hub\'s route table, which holds no island pod range', () => {
    const e = linked();
    const link = Testing.synth(e.linkStack, true);
    const aws = Testing.synth(e.awsStack, true);
    const hubTable = Object.keys(resources(aws, 'aws_ec2_transit_gateway_route_table'))[0];
    for (const type of ['aws_ec2_transit_gateway_route_table_association', 'aws_ec2_transit_gateway_route_table_propagation']) {
      const all = Object.values(resources(link, type));
      expect(all).toHaveLength(2);
      for (const r of all) {
        expect(r.transit_gateway_route_table_id).toBe(`\${aws_ec2_transit_gateway_route_table.${hubTable}.id}`);
        expect(String(r.transit_gateway_attachment_id)).toMatch(/^\$\{aws_vpn_connection\..*\.transit_gateway_attachment_id\}$/);
      }
    }
    e.aws.planNow();
    const hubRoutes = Object.values(resources(aws, 'aws_ec2_transit_gateway_route')).map((r) => r.destination_cidr_block);
    expect(hubRoutes).toEqual(expect.arrayContaining([e.payments.nodeCidr, e.payments.podCidr, e.analytics.nodeCidr]));
    expect(hubRoutes).not.toContain(e.analytics.podCidr);
  });

  test('each side reaches the other: AWS route tables and flat security groups take the GCP space; GCP flat pods admit the AWS space', () => {
    const e = linked();
    const aws = Testing.synth(e.awsStack, true);
    const toGcp = Object.entries(resources(aws, 'aws_route')).filter(([, r]) => r.destination_cidr_block === '10.0.0.0/9');
    // payments and analytics: one private route table per zone each
    expect(toGcp.map(([id]) => id.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual([
      'analytics_private-route-table-eu-west-1a-link-enterprise-link--gcp-aws',
      'analytics_private-route-table-eu-west-1b-link-enterprise-link--gcp-aws',
      'payments_private-route-table-eu-west-1a-link-enterprise-link--gcp-aws',
      'payments_private-route-table-eu-west-1b-link-enterprise-link--gcp-aws',
    ]);
    for (const [, r] of toGcp) expect(String(r.transit_gateway_id)).toMatch(/^\$\{aws_ec2_transit_gateway\./);
    expect(Testing.toHaveResourceWithProperties(aws, 'aws_vpc_security_group_ingress_rule', { cidr_ipv4: '10.0.0.0/9', ip_protocol: '-1' })).toBe(true);
    const gcp = Testing.synth(e.gcpStack, true);
    expect(Testing.toHaveResourceWithProperties(gcp, 'google_compute_firewall', { name: 'enterprise-gcp-web-main-to-pods', source_ranges: ['10.0.0.0/9', '10.128.0.0/9'] })).toBe(true);
  });

  test('the order constructs are written in changes nothing', () => {
    const after = linked(false);
    const before = linked(true);
    for (const stack of ['gcpStack', 'awsStack', 'linkStack'] as const) {
      expect(Testing.synth(before[stack], true)).toEqual(Testing.synth(after[stack], true));
    }
  });

  test('without islands there is no hub, and the tunnels join none', () => {
    const e = twoClouds();
    new FlatCluster(e.gcpStack, 'web', { network: e.gcp });
    new CloudLink(e.linkStack, 'gcp-aws', { gcp: e.gcp, aws: e.aws });
    expect(resources(Testing.synth(e.linkStack, true), 'google_network_connectivity_spoke')).toEqual({});
  });
});

describe('the tunnels', () => {
  test('four tunnels: two AWS connections, each pair on one HA VPN interface, BGP on the /30s AWS allows', () => {
    const e = linked();
    const synth = Testing.synth(e.linkStack, true);
    const tunnels = Object.values(resources(synth, 'google_compute_vpn_tunnel'));
    expect(tunnels.map((t) => [t.vpn_gateway_interface, t.peer_external_gateway_interface, t.ike_version])).toEqual([[0, 0, 2], [0, 1, 2], [1, 2, 2], [1, 3, 2]]);
    expect(only(synth, 'google_compute_external_vpn_gateway').redundancy_type).toBe('FOUR_IPS_REDUNDANCY');
    // Independent oracle: the first /30s of 169.254.0.0/16 that are not AWS's reserved 169.254.0.0/30.
    const inside = ['169.254.0.4/30', '169.254.0.8/30', '169.254.0.12/30', '169.254.0.16/30'];
    const connections = Object.values(resources(synth, 'aws_vpn_connection'));
    expect(connections.flatMap((c) => [c.tunnel1_inside_cidr, c.tunnel2_inside_cidr])).toEqual(inside);
    for (const c of connections) expect(c).toMatchObject({ type: 'ipsec.1', static_routes_only: false, tunnel1_ike_versions: ['ikev2'], tunnel2_ike_versions: ['ikev2'] });
    const interfaces = Object.values(resources(synth, 'google_compute_router_interface')).map((i) => i.ip_range);
    expect(interfaces).toEqual(['169.254.0.6/30', '169.254.0.10/30', '169.254.0.14/30', '169.254.0.18/30']);
    const peers = Object.values(resources(synth, 'google_compute_router_peer'));
    expect(peers.map((p) => [p.peer_ip_address, p.peer_asn])).toEqual([['169.254.0.5', 64512], ['169.254.0.9', 64512], ['169.254.0.13', 64512], ['169.254.0.17', 64512]]);
    expect(Object.values(resources(synth, 'aws_customer_gateway')).map((g) => [g.bgp_asn, g.ip_address])).toEqual([
      ['65000', '${google_compute_ha_vpn_gateway.gcp-aws_ha-vpn-gateway_102FC25C.vpn_interfaces[0].ip_address}'],
      ['65000', '${google_compute_ha_vpn_gateway.gcp-aws_ha-vpn-gateway_102FC25C.vpn_interfaces[1].ip_address}'],
    ]);
    expect(tunnels[2].shared_secret).toBe('${aws_vpn_connection.gcp-aws_vpn-connection-2_6A776EDE.tunnel1_preshared_key}');
  });

  test('two tunnels: one connection, both from the first interface', () => {
    const e = twoClouds();
    new CloudLink(e.linkStack, 'gcp-aws', { gcp: e.gcp, aws: e.aws, tunnels: 2 });
    const synth = Testing.synth(e.linkStack, true);
    expect(Object.values(resources(synth, 'google_compute_vpn_tunnel')).map((t) => t.vpn_gateway_interface)).toEqual([0, 0]);
    expect(only(synth, 'google_compute_external_vpn_gateway').redundancy_type).toBe('TWO_IPS_REDUNDANCY');
    expect(Object.keys(resources(synth, 'aws_vpn_connection'))).toHaveLength(1);
  });

  test('a given AWS ASN is the transit gateway\'s; the default leaves the gateway as it is', () => {
    const e = twoClouds();
    new CloudLink(e.linkStack, 'gcp-aws', { gcp: e.gcp, aws: e.aws, bgpAsn: { aws: 65100, gcp: 65200 } });
    expect(only(Testing.synth(e.awsStack, true), 'aws_ec2_transit_gateway').amazon_side_asn).toBe(65100);
    expect(only(Testing.synth(e.linkStack, true), 'google_compute_router')).toMatchObject({ bgp: { asn: 65200 } });
    const plain = linked();
    expect(only(Testing.synth(plain.awsStack, true), 'aws_ec2_transit_gateway').amazon_side_asn).toBeUndefined();
  });
});

describe('the plan file records the link', () => {
  test('ASNs and tunnels are recorded (version 3) and reused: a second link never moves the first', () => {
    const first = linked();
    synthAll(first);
    const file = JSON.parse(fs.readFileSync(first.planFile, 'utf8'));
    expect(file.version).toBe(3);
    expect(file.links['enterprise-link/gcp-aws']).toEqual({
      gcp: 'enterprise-gcp/main', aws: 'enterprise-aws/main', asn: { gcp: 65000, aws: 64512 },
      tunnels: { 'tunnel-1': '169.254.0.4/30', 'tunnel-2': '169.254.0.8/30', 'tunnel-3': '169.254.0.12/30', 'tunnel-4': '169.254.0.16/30' },
    });

    // A new app on the same file: a second AWS network linked first takes other ranges and ASNs.
    const again = twoClouds({ planFile: first.planFile });
    const otherAws = new Network(again.awsStack, 'second', { cidr: '172.16.0.0/12', cloud: again.aws.cloud, estate: 'enterprise', planFile: first.planFile, frozen: false });
    const second = new CloudLink(again.linkStack, 'second', { gcp: again.gcp, aws: otherAws });
    const link = new CloudLink(again.linkStack, 'gcp-aws', { gcp: again.gcp, aws: again.aws });
    expect(link.plan.tunnels.map((t) => t.insideCidr)).toEqual(['169.254.0.4/30', '169.254.0.8/30', '169.254.0.12/30', '169.254.0.16/30']);
    expect(link.plan.tunnels.every((t) => t.source === 'RECORDED')).toBe(true);
    expect(second.plan.tunnels.map((t) => t.insideCidr)).toEqual(['169.254.0.20/30', '169.254.0.24/30', '169.254.0.28/30', '169.254.0.32/30']);
    expect(second.plan.asn).toEqual({ gcp: 65001, aws: 64512 });
  });

  test('LINK-004: a recorded ASN is kept', () => {
    const first = linked();
    synthAll(first);
    const again = twoClouds({ planFile: first.planFile });
    expect(() => new CloudLink(again.linkStack, 'gcp-aws', { gcp: again.gcp, aws: again.aws, bgpAsn: { gcp: 65010 } })).toThrow(
      '[enterprise-link/gcp-aws] LINK-004: bgpAsn.gcp 65010 differs from 65000, recorded for enterprise-link/gcp-aws in the plan file: changing it replaces the customer gateways and VPN connections and drops every tunnel — keep 65000, or remove the link from "links" in the plan file to re-plan it on purpose',
    );
  });

  test('LINK-004: a transit gateway an earlier synth planned keeps its ASN', () => {
    const first = twoClouds();
    new FlatCluster(first.awsStack, 'payments', { network: first.aws });
    synthAll(first);
    const again = twoClouds({ planFile: first.planFile });
    expect(() => new CloudLink(again.linkStack, 'gcp-aws', { gcp: again.gcp, aws: again.aws, bgpAsn: { aws: 65100 } })).toThrow(
      '[enterprise-link/gcp-aws] LINK-004: bgpAsn.aws 65100 would set amazon_side_asn on the transit gateway of enterprise-aws/main, which an earlier synth planned (it may exist): that replaces the transit gateway and every attachment — leave bgpAsn.aws unset (the gateway keeps 64512)',
    );
  });

  test('LINK-003: a hand-edited tunnel range AWS refuses fails, naming the file\'s entry', () => {
    const e = twoClouds();
    fs.writeFileSync(e.planFile, JSON.stringify({ version: 3, networks: {}, links: { 'enterprise-link/gcp-aws': { gcp: 'enterprise-gcp/main', aws: 'enterprise-aws/main', asn: { gcp: 65000, aws: 64512 }, tunnels: { 'tunnel-1': '169.254.169.252/30' } } } }));
    const again = twoClouds({ planFile: e.planFile });
    expect(() => new CloudLink(again.linkStack, 'gcp-aws', { gcp: again.gcp, aws: again.aws })).toThrow(
      '[enterprise-link/gcp-aws] LINK-003: tunnel tunnel-1 of link enterprise-link/gcp-aws in the plan file is 169.254.169.252/30: AWS reserves 169.254.169.252/30',
    );
  });

  test('a version 2 file with links is refused: an older release would drop them', () => {
    const e = twoClouds();
    fs.writeFileSync(e.planFile, JSON.stringify({ version: 2, networks: {}, links: {} }));
    expect(() => twoClouds({ planFile: e.planFile })).toThrow('field "links" is unknown in a version 2 plan file');
  });
});

describe('LINK-001 and LINK-002: what cannot be linked', () => {
  test.each([
    ['the clouds swapped', (e: ReturnType<typeof twoClouds>) => ({ gcp: e.aws, aws: e.gcp }), 'LINK-001: gcp enterprise-aws/main (on AWS) is not a Network on Cloud.gcp(): pass the GCP Network to gcp'],
    ['3 tunnels', (e: ReturnType<typeof twoClouds>) => ({ gcp: e.gcp, aws: e.aws, tunnels: 3 }), 'LINK-001: tunnels 3 is not 2 or 4'],
    ['a private AWS ASN out of range', (e: ReturnType<typeof twoClouds>) => ({ gcp: e.gcp, aws: e.aws, bgpAsn: { aws: 65535 } }), 'LINK-002: bgpAsn.aws 65535 is not a private ASN'],
    ['AS_TRANS on GCP', (e: ReturnType<typeof twoClouds>) => ({ gcp: e.gcp, aws: e.aws, bgpAsn: { gcp: 23456 } }), 'LINK-002: bgpAsn.gcp 23456 is not an ASN a Cloud Router takes'],
    ['an ASN AWS reserves in eu-west-1', (e: ReturnType<typeof twoClouds>) => ({ gcp: e.gcp, aws: e.aws, bgpAsn: { gcp: 9059 } }), 'LINK-002: bgpAsn.gcp 9059 is reserved by AWS for customer gateways in eu-west-1'],
    ['one ASN on both sides', (e: ReturnType<typeof twoClouds>) => ({ gcp: e.gcp, aws: e.aws, bgpAsn: { gcp: 64512 } }), 'LINK-002: bgpAsn.gcp and bgpAsn.aws are both 64512'],
    ['a string ASN from JavaScript', (e: ReturnType<typeof twoClouds>) => ({ gcp: e.gcp, aws: e.aws, bgpAsn: { gcp: '65000' as unknown as number } }), 'LINK-002: bgpAsn.gcp "65000" is not a number'],
  ])('%s', (_name, props, message) => {
    const e = twoClouds();
    expect(() => new CloudLink(e.linkStack, 'gcp-aws', props(e))).toThrow(`[enterprise-link/gcp-aws] ${message}`);
  });

  test('networks of two estates', () => {
    const e = twoClouds({ aws: { estate: 'lab' } });
    expect(() => new CloudLink(e.linkStack, 'gcp-aws', { gcp: e.gcp, aws: e.aws })).toThrow(
      '[enterprise-link/gcp-aws] LINK-001: gcp enterprise-gcp/main is in estate "enterprise" and aws enterprise-aws/main in "lab"',
    );
  });

  test('the same two networks twice', () => {
    const e = twoClouds();
    new CloudLink(e.linkStack, 'one', { gcp: e.gcp, aws: e.aws });
    expect(() => new CloudLink(e.linkStack, 'two', { gcp: e.gcp, aws: e.aws })).toThrow(
      '[enterprise-link/two] LINK-001: enterprise-gcp/main and enterprise-aws/main are joined already by enterprise-link/one',
    );
  });

  test('two links on one transit gateway with different AWS ASNs', () => {
    const e = twoClouds();
    const g2 = new Network(e.gcpStack, 'second', { cidr: '172.16.0.0/12', cloud: e.gcp.cloud, estate: 'enterprise', planFile: e.planFile, frozen: false });
    new CloudLink(e.linkStack, 'one', { gcp: e.gcp, aws: e.aws, bgpAsn: { aws: 65100 } });
    expect(() => new CloudLink(e.linkStack, 'two', { gcp: g2, aws: e.aws, bgpAsn: { aws: 65101 } })).toThrow(
      '[enterprise-link/two] LINK-002: bgpAsn.aws 65101 differs from 65100, which the same transit gateway (of enterprise-aws/main) uses for another link: a transit gateway has one ASN — give both links 65100',
    );
    // Unset, it takes the gateway's.
    expect(new CloudLink(e.linkStack, 'three', { gcp: g2, aws: e.aws }).plan.asn.aws).toBe(65100);
  });

  test('LINK-005: a fifth link from one GCP network would need a sixth Cloud Router', () => {
    const e = twoClouds();
    const aws = [1, 2, 3, 4, 5].map((i) => new Network(e.awsStack, `aws-${i}`, { cidr: `172.${15 + i}.0.0/16`, cloud: e.aws.cloud, estate: 'enterprise', planFile: e.planFile, frozen: false }));
    aws.slice(0, 4).forEach((n, i) => new CloudLink(e.linkStack, `link-${i + 1}`, { gcp: e.gcp, aws: n }));
    expect(() => new CloudLink(e.linkStack, 'link-5', { gcp: e.gcp, aws: aws[4] })).toThrow(
      '[enterprise-link/link-5] LINK-005: enterprise-gcp/main has 4 links already: with this one and its Cloud NAT it would need 6 Cloud Routers in europe-west1, and GCP allows 5 per network and region',
    );
  });

  test('a valid link passes every rule: the estate synthesizes', () => {
    const e = linked();
    for (const stack of [e.gcpStack, e.awsStack, e.linkStack]) expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(e.gcp.violations().filter((v) => v.severity === 'ERROR')).toEqual([]);
  });

  test('a network on its own (no link) is unchanged: no peer routes or sources', () => {
    const e = estate();
    new FlatCluster(e.stack, 'web', { network: e.network });
    expect(Testing.synth(e.stack, true)).not.toContain('link-');
  });
});

describe('the estate report draws the link', () => {
  test('Markdown, JSON and SVG name the tunnels, the ASNs and what each side advertises', () => {
    const outdir = tempDir();
    const e = twoClouds({ app: new App({ outdir }) });
    const batch = new IslandCluster(e.gcpStack, 'batch', { network: e.gcp });
    const web = new FlatCluster(e.gcpStack, 'web', { network: e.gcp });
    const payments = new FlatCluster(e.awsStack, 'payments', { network: e.aws });
    new CloudLink(e.linkStack, 'gcp-aws', { gcp: e.gcp, aws: e.aws });
    e.app.synth();
    const base = path.join(outdir, 'address-plan-estate-enterprise');
    const json = JSON.parse(fs.readFileSync(`${base}.json`, 'utf8'));
    const [link] = json.links;
    expect(link.path).toBe('enterprise-link/gcp-aws');
    expect(link.tunnels.map((t: { insideCidr: string }) => t.insideCidr)).toEqual(['169.254.0.4/30', '169.254.0.8/30', '169.254.0.12/30', '169.254.0.16/30']);
    const gcpAdvertised = link.gcp.advertised.map((r: { cidr: string }) => r.cidr).sort();
    expect(gcpAdvertised).toEqual([web.nodeCidr, web.podCidr, web.serviceCidr, batch.nodeCidr].sort());
    // AWS: nodes and pods, not the (virtual) service range.
    expect(link.aws.advertised.map((r: { cidr: string }) => r.cidr).sort()).toEqual([payments.nodeCidr, payments.podCidr].sort());
    const markdown = fs.readFileSync(`${base}.md`, 'utf8').split('# Links')[1];
    expect(markdown).toContain('## enterprise-link/gcp-aws');
    expect(markdown).toContain('| tunnel-1 | `169.254.0.4/30` | `169.254.0.5` | `169.254.0.6` |');
    expect(markdown).not.toContain(batch.podCidr);
    const svg = fs.readFileSync(`${base}.svg`, 'utf8');
    expect(svg).toContain('Link enterprise-link/gcp-aws');
    expect(svg.match(/<line /g)?.length).toBeGreaterThanOrEqual(4);
  });
});

test('GcpResources.ofLink and AwsResources.ofLink give what each side made', () => {
  const e = linked();
  const gcp = GcpResources.ofLink(e.link);
  expect(gcp.tunnels).toHaveLength(4);
  expect(gcp.spoke).toBeDefined(); // batch is an island: the hub exists
  expect(AwsResources.ofLink(e.link).vpnConnections).toHaveLength(2);
  expect(() => AwsResources.ofLink(e.web)).toThrow('enterprise-gcp/web has no AWS resources: it is not a CloudLink');
});

describe('the names a link makes on GCP are in the outline the name rule reads', () => {
  test('the outline lists exactly the GCP resources the link\'s stack holds', () => {
    const e = linked();
    const synth = JSON.parse(Testing.synth(e.linkStack, true)).resource as Record<string, Record<string, { name?: string }>>;
    const made = Object.entries(synth).filter(([type]) => type.startsWith('google_')).flatMap(([type, byId]) => Object.values(byId).map((r) => `${type} ${r.name}`)).sort();
    const sketch = e.gcp.plan.appNetworks!.find((n) => n.path === e.gcp.node.path)!;
    const outlined = outlineOf(sketch).filter((r) => r.owner === 'enterprise-link/gcp-aws').map((r) => `${r.type} ${r.name}`).sort();
    expect(outlined).toEqual(made);
    expect(made).toHaveLength(16); // gateway, router, external gateway, 4 x (tunnel, interface, peer), spoke
  });

  test('GCP-SUBNET-008: a network whose router takes the link router\'s name is refused, naming both', () => {
    const e = twoClouds();
    new CloudLink(e.linkStack, 'gcp-aws', { gcp: e.gcp, aws: e.aws });
    // A network at enterprise-link/gcp/aws is named enterprise-link-gcp-aws, as the link is: their routers clash.
    const other = new Network(new Construct(e.linkStack, 'gcp'), 'aws', { cidr: '172.16.0.0/12', cloud: e.gcp.cloud, estate: 'lab', planFile: e.planFile, frozen: false });
    new FlatCluster(e.linkStack, 'web', { network: other, nodeCidr: '172.16.0.0/24', podCidr: '172.17.0.0/16' });
    const found = [...e.gcp.violations(), ...other.violations()].filter((v) => v.ruleId === 'GCP-SUBNET-008').map((v) => v.message);
    expect(found.join('\n')).toContain('enterprise-link-gcp-aws-router');
    expect(found.join('\n')).toContain('enterprise-link/gcp-aws');
  });
});
