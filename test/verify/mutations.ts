// Ways to break a synthesized stack, one thing at a time, each with the promise it breaks.
// A mutation edits the parsed Terraform JSON in place and says whether it found its target.
/* eslint-disable @typescript-eslint/no-explicit-any */

type Json = any;
interface Plan {
  network: string;
  cidr: string;
  ranges: Array<{ role: string; owner: string; name: string; cidr: string }>;
  clusters: Array<{ path: string; model: string; podCidr: string; nodeCidr: string; archipelago?: string; egress?: string; ipFamily?: string; ingress: Array<{ kind: string }> }>;
}

export interface Mutation {
  readonly name: string;
  /** The finding id it must cause. */
  readonly expect: string;
  apply(tf: Json, plan: Plan): boolean;
}

/** [name, body] of every resource of `type` whose construct path matches `path`. */
function all(tf: Json, type: string, path: RegExp = /./): Array<[string, Json]> {
  return Object.entries(tf.resource?.[type] ?? {}).filter(([, b]: [string, any]) => path.test(b['//']?.metadata?.path ?? '')) as Array<[string, Json]>;
}
const pathOf = (body: Json): string => body['//'].metadata.path;
const del = (tf: Json, type: string, name: string) => { delete tf.resource[type][name]; };
const add = (tf: Json, type: string, name: string, path: string, body: Json) => {
  tf.resource[type] ??= {};
  tf.resource[type][name] = { '//': { metadata: { path } }, ...body };
};
const ref = (type: string, name: string, attr = 'id') => `\${${type}.${name}.${attr}}`;
const hasOther = (plan: Plan) => plan.ranges.some((r) => r.role === 'reserved');
const clusters = (plan: Plan, ...models: string[]) => plan.clusters.filter((c) => models.includes(c.model));
const under = (path: string, owner: string) => path === owner || path.startsWith(`${owner}/`);
/** Something in the main network island pods reach: Other ranges, or a flat cluster's IPv4 pods (an IPv6 flat cluster has none). */
const reachable = (plan: Plan) => hasOther(plan) || clusters(plan, 'FLAT').some((c) => c.podCidr !== '');
/** The clusters `tf` renders on `cloud` (by the resources' types). */
const on = (tf: Json, cloud: 'gcp' | 'aws') => Object.keys(tf.resource ?? {}).some((t) => t.startsWith(cloud === 'gcp' ? 'google_' : 'aws_'));

/** IPv6 or dual-stack clusters of `models`. */
const dual = (plan: Plan, ...models: string[]) => clusters(plan, ...models).filter((c) => c.ipFamily === 'DUAL_STACK' || c.ipFamily === 'IPV6');
/** The address (`type.name`) of the VPC `c`'s nodes live in, by its reference. */
const vpcNameOf = (tf: Json, c: Plan['clusters'][number]) => /^\$\{[a-z_]+\.([^.]+)\.id\}$/.exec(vpcRefOf(tf, c) ?? '')?.[1];

/** Deletes the first resource of `type` whose path matches and which `when` accepts. */
function deleteFirst(tf: Json, type: string, path: RegExp, when: (body: Json) => boolean = () => true): boolean {
  const hit = all(tf, type, path).find(([, b]) => when(b));
  if (hit) del(tf, type, hit[0]);
  return !!hit;
}

/** The subnetwork (GCP) or nodes subnet (AWS) of cluster `c`, and its network reference. */
function vpcRefOf(tf: Json, c: Plan['clusters'][number]): string | undefined {
  const gcp = all(tf, 'google_compute_subnetwork').find(([, b]) => under(pathOf(b), c.path) && b.ip_cidr_range === c.nodeCidr);
  if (gcp) return gcp[1].network;
  const aws = all(tf, 'aws_subnet').find(([, b]) => under(pathOf(b), c.path) && /\/nodes-/.test(pathOf(b)));
  return aws?.[1].vpc_id;
}

export const MUTATIONS: readonly Mutation[] = [
  // GCP
  { name: 'GCP: delete a flat cluster\'s main-to-pods firewall', expect: 'VERIFY-002',
    apply: (tf, plan) => hasOther(plan) && deleteFirst(tf, 'google_compute_firewall', /\/firewall-main-to-pods$/) },
  { name: 'GCP: delete a cluster\'s intra firewall', expect: 'VERIFY-012',
    apply: (tf) => deleteFirst(tf, 'google_compute_firewall', /\/firewall-intra$/) },
  { name: 'GCP: drop an NCC spoke\'s export exclusion', expect: 'VERIFY-003',
    apply: (tf) => {
      const hit = all(tf, 'google_network_connectivity_spoke').find(([, b]) => b.linked_vpc_network?.exclude_export_ranges?.length);
      if (hit) hit[1].linked_vpc_network.exclude_export_ranges = [];
      return !!hit;
    } },
  { name: 'GCP: open a firewall to 0.0.0.0/0 on island pods', expect: 'VERIFY-004',
    apply: (tf, plan) => {
      const c = clusters(plan, 'ISLAND', 'ARCHIPELAGO')[0];
      const network = c && vpcRefOf(tf, c);
      if (!network || !on(tf, 'gcp')) return false;
      add(tf, 'google_compute_firewall', 'mutant', `${c.path}/mutant`, { network, direction: 'INGRESS', source_ranges: ['0.0.0.0/0'], destination_ranges: [c.podCidr], allow: [{ protocol: 'all' }] });
      return true;
    } },
  { name: 'GCP: delete an island\'s public Cloud NAT', expect: 'VERIFY-007',
    apply: (tf, plan) => clusters(plan, 'ISLAND', 'ARCHIPELAGO').some((c) =>
      deleteFirst(tf, 'google_compute_router_nat', /./, (b) => b.type !== 'PRIVATE' && under(pathOf(b), c.archipelago ?? c.path))) },
  { name: 'GCP: delete an island\'s private NAT (Egress.nat)', expect: 'VERIFY-005',
    apply: (tf, plan) => reachable(plan) && deleteFirst(tf, 'google_compute_router_nat', /./, (b) => b.type === 'PRIVATE') },
  { name: 'GCP: delete the flat clusters\' Cloud NAT', expect: 'VERIFY-007',
    apply: (tf, plan) => deleteFirst(tf, 'google_compute_router_nat', new RegExp(`^${plan.network}/nat$`)) },
  { name: 'GCP: delete an island\'s NCC spoke', expect: 'VERIFY-005',
    apply: (tf, plan) => reachable(plan) && clusters(plan, 'ISLAND', 'ARCHIPELAGO').some((c) =>
      deleteFirst(tf, 'google_network_connectivity_spoke', /./, (b) => under(pathOf(b), c.archipelago ?? c.path))) },
  { name: 'GCP: attach the isolated VPC to the hub', expect: 'VERIFY-008',
    apply: (tf, plan) => {
      const c = clusters(plan, 'ISOLATED')[0];
      const network = c && vpcRefOf(tf, c);
      if (!network || !on(tf, 'gcp')) return false;
      add(tf, 'google_network_connectivity_hub', 'mutant', `${plan.network}/mutant-hub`, { name: 'mutant' });
      add(tf, 'google_network_connectivity_spoke', 'mutant', `${c.path}/mutant-spoke`, { hub: ref('google_network_connectivity_hub', 'mutant'), linked_vpc_network: { uri: network.replace('.id}', '.self_link}') } });
      return true;
    } },
  { name: 'GCP: give the isolated VPC its default route to the internet', expect: 'VERIFY-008',
    apply: (tf) => {
      const hit = all(tf, 'google_compute_network').find(([, b]) => b.delete_default_routes_on_create === true);
      if (hit) delete hit[1].delete_default_routes_on_create;
      return !!hit;
    } },
  { name: 'GCP: peer the isolated VPC with the main VPC', expect: 'VERIFY-008',
    apply: (tf, plan) => {
      const c = clusters(plan, 'ISOLATED')[0];
      const network = c && vpcRefOf(tf, c);
      const main = all(tf, 'google_compute_network', new RegExp(`^${plan.network}/vpc$`))[0];
      if (!network || !main) return false;
      const mainRef = ref('google_compute_network', main[0]);
      add(tf, 'google_compute_network_peering', 'mutant-a', `${c.path}/peer-a`, { network, peer_network: mainRef });
      add(tf, 'google_compute_network_peering', 'mutant-b', `${c.path}/peer-b`, { network: mainRef, peer_network: network });
      return true;
    } },
  { name: 'GCP: delete a load balancer\'s clients firewall', expect: 'VERIFY-011',
    apply: (tf) => deleteFirst(tf, 'google_compute_firewall', /\/firewall-lb-clients$/) },
  { name: 'GCP: delete a load balancer\'s forwarding rule', expect: 'VERIFY-011',
    apply: (tf) => deleteFirst(tf, 'google_compute_forwarding_rule', /./) },
  { name: 'GCP: delete a NodePort firewall', expect: 'VERIFY-011',
    apply: (tf) => deleteFirst(tf, 'google_compute_firewall', /\/firewall-node-ports$/) },
  { name: 'GCP: widen a NodePort firewall to every protocol', expect: 'VERIFY-004',
    apply: (tf) => {
      const hit = all(tf, 'google_compute_firewall', /\/firewall-node-ports$/)[0];
      if (hit) hit[1].allow = [{ protocol: 'all' }];
      return !!hit;
    } },
  { name: 'GCP: delete an archipelago\'s members firewall', expect: 'VERIFY-010',
    apply: (tf, plan) => clusters(plan, 'ARCHIPELAGO').some((c) => clusters(plan, 'ARCHIPELAGO').filter((m) => m.archipelago === c.archipelago).length > 1
      && deleteFirst(tf, 'google_compute_firewall', new RegExp(`^${c.archipelago}/firewall-members$`))) },
  { name: 'GCP: delete the proxy\'s firewall to the pods', expect: 'VERIFY-011',
    apply: (tf) => deleteFirst(tf, 'google_compute_firewall', /\/firewall-proxy$/) },
  { name: 'GCP: delete an isolated cluster\'s API endpoint subnet', expect: 'VERIFY-009',
    apply: (tf) => deleteFirst(tf, 'google_compute_subnetwork', /\/api-endpoint-subnetwork$/) },

  // AWS
  { name: 'AWS: delete the transit-gateway route to a flat cluster\'s pods', expect: 'VERIFY-002',
    apply: (tf, plan) => hasOther(plan) && deleteFirst(tf, 'aws_ec2_transit_gateway_route', /\/hub-route-pods$/) },
  // Masquerading pods leave through their node's interface: only pods that keep their address use their subnet's table.
  { name: 'AWS: delete a pods subnet\'s route-table association', expect: 'VERIFY-007',
    apply: (tf, plan) => clusters(plan, 'FLAT', 'ISLAND', 'ARCHIPELAGO').filter((c) => c.egress !== 'MASQUERADE').some((c) =>
      deleteFirst(tf, 'aws_route_table_association', /\/pods-[^/]+-routes$/, (b) => under(pathOf(b), c.path))) },
  { name: 'AWS: add a transit-gateway route to island pods', expect: 'VERIFY-003',
    apply: (tf, plan) => {
      const c = clusters(plan, 'ISLAND', 'ARCHIPELAGO')[0];
      const attachment = c && all(tf, 'aws_ec2_transit_gateway_vpc_attachment').find(([, b]) => under(pathOf(b), c.archipelago ?? c.path));
      const table = all(tf, 'aws_ec2_transit_gateway_route_table')[0];
      if (!attachment || !table) return false;
      add(tf, 'aws_ec2_transit_gateway_route', 'mutant', `${c.path}/mutant-route`, {
        destination_cidr_block: c.podCidr, transit_gateway_attachment_id: ref('aws_ec2_transit_gateway_vpc_attachment', attachment[0]),
        transit_gateway_route_table_id: ref('aws_ec2_transit_gateway_route_table', table[0]),
      });
      return true;
    } },
  { name: 'AWS: open an island\'s nodes security group to 0.0.0.0/0', expect: 'VERIFY-004',
    apply: (tf, plan) => {
      const c = clusters(plan, 'ISLAND', 'ARCHIPELAGO')[0];
      const sg = c && all(tf, 'aws_security_group', new RegExp(`^${c.path}/nodes-sg$`))[0];
      if (!sg) return false;
      add(tf, 'aws_vpc_security_group_ingress_rule', 'mutant', `${c.path}/mutant-rule`, { cidr_ipv4: '0.0.0.0/0', ip_protocol: '-1', security_group_id: ref('aws_security_group', sg[0]) });
      return true;
    } },
  { name: 'AWS: delete an island\'s public NAT gateway', expect: 'VERIFY-007',
    apply: (tf, plan) => clusters(plan, 'ISLAND', 'ARCHIPELAGO').some((c) =>
      deleteFirst(tf, 'aws_nat_gateway', /./, (b) => b.connectivity_type === 'public' && under(pathOf(b), c.archipelago ?? c.path))) },
  { name: 'AWS: delete a private NAT gateway (Egress.nat)', expect: 'VERIFY-005',
    apply: (tf, plan) => reachable(plan) && deleteFirst(tf, 'aws_nat_gateway', /./, (b) => b.connectivity_type === 'private') },
  { name: 'AWS: attach the isolated VPC to the transit gateway', expect: 'VERIFY-008',
    apply: (tf, plan) => {
      const c = clusters(plan, 'ISOLATED').find((x) => !all(tf, 'aws_ec2_transit_gateway_vpc_attachment').some(([, b]) => under(pathOf(b), x.path)));
      const vpc = c && vpcRefOf(tf, c);
      const tgw = all(tf, 'aws_ec2_transit_gateway')[0];
      if (!vpc || !tgw) return false;
      const subnets = all(tf, 'aws_subnet').filter(([, b]) => under(pathOf(b), c.path)).map(([n]) => ref('aws_subnet', n));
      add(tf, 'aws_ec2_transit_gateway_vpc_attachment', 'mutant', `${c.path}/mutant-attachment`, { vpc_id: vpc, transit_gateway_id: ref('aws_ec2_transit_gateway', tgw[0]), subnet_ids: subnets });
      return true;
    } },
  { name: 'AWS: route an isolated subnet to an internet gateway', expect: 'VERIFY-008',
    apply: (tf) => {
      const table = all(tf, 'aws_route_table', /\/isolated-route-table$/)[0];
      if (!table) return false;
      add(tf, 'aws_internet_gateway', 'mutant', `${pathOf(table[1])}-igw`, { vpc_id: table[1].vpc_id });
      add(tf, 'aws_route', 'mutant', `${pathOf(table[1])}-internet`, { destination_cidr_block: '0.0.0.0/0', gateway_id: ref('aws_internet_gateway', 'mutant'), route_table_id: ref('aws_route_table', table[0]) });
      return true;
    } },
  { name: 'AWS: give an isolated VPC an egress-only internet gateway and ::/0 to it', expect: 'VERIFY-008',
    apply: (tf) => {
      const table = all(tf, 'aws_route_table', /\/isolated-route-table$/)[0];
      if (!table) return false;
      add(tf, 'aws_egress_only_internet_gateway', 'mutant', `${pathOf(table[1])}-eigw`, { vpc_id: table[1].vpc_id });
      add(tf, 'aws_route', 'mutant', `${pathOf(table[1])}-internet-ipv6`, { destination_ipv6_cidr_block: '::/0', egress_only_gateway_id: ref('aws_egress_only_internet_gateway', 'mutant'), route_table_id: ref('aws_route_table', table[0]) });
      return true;
    } },
  { name: 'AWS: delete an island\'s transit-gateway association', expect: 'VERIFY-005',
    apply: (tf, plan) => reachable(plan) && clusters(plan, 'ISLAND', 'ARCHIPELAGO').some((c) =>
      deleteFirst(tf, 'aws_ec2_transit_gateway_route_table_association', /./, (b) => under(pathOf(b), c.archipelago ?? c.path))) },
  { name: 'AWS: delete a flat cluster\'s security-group rule from the main network', expect: 'VERIFY-002',
    apply: (tf, plan) => hasOther(plan) && deleteFirst(tf, 'aws_vpc_security_group_ingress_rule', /\/nodes-sg-from-network$/) },
  { name: 'AWS: delete the transit-gateway route to an exposed API endpoint', expect: 'VERIFY-009',
    apply: (tf) => deleteFirst(tf, 'aws_ec2_transit_gateway_route', /\/hub-route-api-endpoint$/) },
  { name: 'AWS: delete an archipelago\'s members security-group rule', expect: 'VERIFY-010',
    apply: (tf, plan) => clusters(plan, 'ARCHIPELAGO').some((c) => clusters(plan, 'ARCHIPELAGO').filter((m) => m.archipelago === c.archipelago).length > 1
      && deleteFirst(tf, 'aws_vpc_security_group_ingress_rule', new RegExp(`^${c.archipelago}/members-sg-self$`))) },
  { name: 'AWS: delete a load balancer\'s listener', expect: 'VERIFY-011',
    apply: (tf) => deleteFirst(tf, 'aws_lb_listener', /\/load-balancer-listener-\d+$/) },
  { name: 'AWS: send Egress.nat pods straight to the transit gateway', expect: 'VERIFY-005',
    apply: (tf, plan) => {
      const hit = all(tf, 'aws_route', /\/pod-route-table-[^/]+-network$/)[0];
      const tgw = all(tf, 'aws_ec2_transit_gateway')[0];
      if (!hit || !tgw || !(hasOther(plan) || clusters(plan, 'FLAT').length)) return false;
      delete hit[1].nat_gateway_id;
      hit[1].transit_gateway_id = ref('aws_ec2_transit_gateway', tgw[0]);
      return true;
    } },
  { name: 'AWS: send Egress.nat pods to the transit gateway, which routes back to them', expect: 'VERIFY-006',
    apply: (tf, plan) => {
      const c = clusters(plan, 'ISLAND', 'ARCHIPELAGO').find((x) => x.egress === 'NAT');
      const routes = c ? all(tf, 'aws_route', /\/pod-route-table-[^/]+-network$/).filter(([, b]) => under(pathOf(b), c.path)) : [];
      const tgw = all(tf, 'aws_ec2_transit_gateway')[0];
      const attachment = c && all(tf, 'aws_ec2_transit_gateway_vpc_attachment').find(([, b]) => under(pathOf(b), c.archipelago ?? c.path));
      const table = all(tf, 'aws_ec2_transit_gateway_route_table')[0];
      if (!c || !routes.length || !tgw || !attachment || !table || !hasOther(plan)) return false;
      for (const [, b] of routes) { delete b.nat_gateway_id; b.transit_gateway_id = ref('aws_ec2_transit_gateway', tgw[0]); }
      add(tf, 'aws_ec2_transit_gateway_route', 'mutant', `${c.path}/mutant-route`, {
        destination_cidr_block: c.podCidr, transit_gateway_attachment_id: ref('aws_ec2_transit_gateway_vpc_attachment', attachment[0]),
        transit_gateway_route_table_id: ref('aws_ec2_transit_gateway_route_table', table[0]),
      });
      return true;
    } },
  { name: 'AWS: propagate an island\'s attachment into the transit-gateway table', expect: 'VERIFY-003',
    apply: (tf, plan) => {
      const c = clusters(plan, 'ISLAND', 'ARCHIPELAGO')[0];
      const attachment = c && all(tf, 'aws_ec2_transit_gateway_vpc_attachment').find(([, b]) => under(pathOf(b), c.archipelago ?? c.path));
      const table = all(tf, 'aws_ec2_transit_gateway_route_table')[0];
      if (!attachment || !table) return false;
      add(tf, 'aws_ec2_transit_gateway_route_table_propagation', 'mutant', `${c.path}/mutant-propagation`, {
        transit_gateway_attachment_id: ref('aws_ec2_transit_gateway_vpc_attachment', attachment[0]), transit_gateway_route_table_id: ref('aws_ec2_transit_gateway_route_table', table[0]),
      });
      return true;
    } },
  { name: 'AWS: delete the proxy\'s rule from the main network', expect: 'VERIFY-011',
    apply: (tf) => all(tf, 'aws_vpc_security_group_ingress_rule', /\/proxy-sg-\d+$/).map(([n]) => del(tf, 'aws_vpc_security_group_ingress_rule', n)).length > 0 },
  // (An archipelago member's nodes and pods also share the members' group; a flat cluster's admit the whole network.)
  // IPv6 (examples/aws-ipv6.ts, examples/gcp-dualstack.ts; test/verify/ipv6-promises.test.ts asserts each exact finding).
  { name: 'AWS IPv6: delete a flat VPC\'s IPv6 route to another flat VPC\'s /56', expect: 'VERIFY-015',
    apply: (tf) => deleteFirst(tf, 'aws_route', /\/private-route-table-[^/]+-ipv6-[^/]+$/, (b) => b.destination_ipv6_cidr_block !== '::/0') },
  { name: 'AWS IPv6: drop ipv6_support from a flat cluster\'s transit-gateway attachment', expect: 'VERIFY-015',
    apply: (tf, plan) => dual(plan, 'FLAT').length > 1 && dual(plan, 'FLAT').some((c) => {
      const hit = all(tf, 'aws_ec2_transit_gateway_vpc_attachment').find(([, b]) => under(pathOf(b), c.path) && b.ipv6_support === 'enable');
      if (hit) delete hit[1].ipv6_support;
      return !!hit;
    }) },
  { name: 'AWS IPv6: delete the hub route to a flat VPC\'s /56', expect: 'VERIFY-015',
    apply: (tf) => deleteFirst(tf, 'aws_ec2_transit_gateway_route', /\/hub-route-ipv6$/) },
  { name: 'AWS IPv6: delete a flat cluster\'s security-group rule for another flat VPC\'s /56', expect: 'VERIFY-015',
    apply: (tf) => deleteFirst(tf, 'aws_vpc_security_group_ingress_rule', /\/nodes-sg-from-ipv6-[^/]+$/) },
  { name: 'AWS IPv6: delete a private route table\'s ::/0 to the egress-only gateway', expect: 'VERIFY-016',
    apply: (tf) => deleteFirst(tf, 'aws_route', /\/private-route-table-[^/]+-internet-ipv6$/) },
  { name: 'AWS IPv6: send a private route table\'s ::/0 to the internet gateway', expect: 'VERIFY-016',
    apply: (tf) => {
      const hit = all(tf, 'aws_route', /\/private-route-table-[^/]+-internet-ipv6$/)[0];
      const igw = hit && all(tf, 'aws_internet_gateway').find(([, b]) => b.vpc_id === all(tf, 'aws_egress_only_internet_gateway').find(([n]) => hit[1].egress_only_gateway_id === ref('aws_egress_only_internet_gateway', n))?.[1].vpc_id);
      if (!hit || !igw) return false;
      delete hit[1].egress_only_gateway_id;
      hit[1].gateway_id = ref('aws_internet_gateway', igw[0]);
      return true;
    } },
  { name: 'AWS IPv6: admit ::/0 to a dual-stack cluster\'s nodes', expect: 'VERIFY-016',
    apply: (tf, plan) => {
      const c = dual(plan, 'FLAT', 'ISLAND', 'ARCHIPELAGO')[0];
      const sg = c && all(tf, 'aws_security_group', new RegExp(`^${c.path}/nodes-sg$`))[0];
      if (!sg) return false;
      add(tf, 'aws_vpc_security_group_ingress_rule', 'mutant6', `${c.path}/mutant-rule-ipv6`, { cidr_ipv6: '::/0', ip_protocol: '-1', security_group_id: ref('aws_security_group', sg[0]) });
      return true;
    } },
  { name: 'AWS IPv6: route a dual-stack island\'s /56 to it from the transit gateway', expect: 'VERIFY-017',
    apply: (tf, plan) => {
      const c = dual(plan, 'ISLAND', 'ARCHIPELAGO')[0];
      const vpc = c && vpcNameOf(tf, c);
      const attachment = c && all(tf, 'aws_ec2_transit_gateway_vpc_attachment').find(([, b]) => under(pathOf(b), c.archipelago ?? c.path));
      const table = all(tf, 'aws_ec2_transit_gateway_route_table')[0];
      if (!vpc || !attachment || !table || !on(tf, 'aws')) return false;
      add(tf, 'aws_ec2_transit_gateway_route', 'mutant6', `${c.path}/mutant-route-ipv6`, {
        destination_cidr_block: ref('aws_vpc', vpc, 'ipv6_cidr_block'), transit_gateway_attachment_id: ref('aws_ec2_transit_gateway_vpc_attachment', attachment[0]),
        transit_gateway_route_table_id: ref('aws_ec2_transit_gateway_route_table', table[0]),
      });
      return true;
    } },
  { name: 'AWS IPv6: admit a flat VPC\'s /56 to a dual-stack island\'s nodes', expect: 'VERIFY-017',
    apply: (tf, plan) => {
      const c = dual(plan, 'ISLAND', 'ARCHIPELAGO')[0];
      const sg = c && all(tf, 'aws_security_group', new RegExp(`^${c.path}/nodes-sg$`))[0];
      const flat = dual(plan, 'FLAT').map((f) => vpcNameOf(tf, f)).find((v) => v !== undefined);
      if (!sg || !flat) return false;
      add(tf, 'aws_vpc_security_group_ingress_rule', 'mutant6', `${c.path}/mutant-rule-ipv6`, { cidr_ipv6: ref('aws_vpc', flat, 'ipv6_cidr_block'), ip_protocol: '-1', security_group_id: ref('aws_security_group', sg[0]) });
      return true;
    } },
  { name: 'AWS IPv6: admit ::/0 to an isolated cluster\'s nodes', expect: 'VERIFY-008',
    apply: (tf, plan) => {
      const c = clusters(plan, 'ISOLATED')[0];
      const sg = c && all(tf, 'aws_security_group', new RegExp(`^${c.path}/nodes-sg$`))[0];
      if (!sg) return false;
      add(tf, 'aws_vpc_security_group_ingress_rule', 'mutant6', `${c.path}/mutant-rule-ipv6`, { cidr_ipv6: '::/0', ip_protocol: '-1', security_group_id: ref('aws_security_group', sg[0]) });
      return true;
    } },
  { name: 'AWS IPv6: give a subnet an IPv6 block of a form the verifier does not read', expect: 'VERIFY-018',
    apply: (tf) => {
      const hit = all(tf, 'aws_subnet').find(([, b]) => typeof b.ipv6_cidr_block === 'string');
      if (hit) hit[1].ipv6_cidr_block = '${element(aws_vpc_ipv6_cidr_block_association.extra.*.ipv6_cidr_block, 0)}';
      return !!hit;
    } },
  { name: 'GCP IPv6: admit the main VPC\'s /48 to a dual-stack island', expect: 'VERIFY-017',
    apply: (tf, plan) => {
      const c = dual(plan, 'ISLAND', 'ARCHIPELAGO')[0];
      const network = c && vpcRefOf(tf, c);
      const main = all(tf, 'google_compute_network', new RegExp(`^${plan.network}/vpc$`))[0];
      if (!network || !main || !on(tf, 'gcp')) return false;
      add(tf, 'google_compute_firewall', 'mutant6', `${c.path}/mutant-ipv6`, { network, direction: 'INGRESS', source_ranges: [ref('google_compute_network', main[0], 'internal_ipv6_range')], allow: [{ protocol: 'all' }] });
      return true;
    } },
  { name: 'GCP IPv6: export every IPv6 range of a dual-stack island\'s spoke', expect: 'VERIFY-017',
    apply: (tf, plan) => dual(plan, 'ISLAND', 'ARCHIPELAGO').some((c) => {
      const hit = all(tf, 'google_network_connectivity_spoke').find(([, b]) => under(pathOf(b), c.archipelago ?? c.path));
      if (hit) hit[1].linked_vpc_network.include_export_ranges = ['ALL_PRIVATE_IPV4_RANGES', 'ALL_IPV6_RANGES'];
      return !!hit;
    }) },
  { name: 'GCP IPv6: admit ::/0 to a dual-stack flat cluster', expect: 'VERIFY-016',
    apply: (tf, plan) => {
      const c = dual(plan, 'FLAT')[0];
      const network = c && vpcRefOf(tf, c);
      if (!network || !on(tf, 'gcp')) return false;
      add(tf, 'google_compute_firewall', 'mutant6', `${c.path}/mutant-ipv6`, { network, direction: 'INGRESS', source_ranges: ['::/0'], allow: [{ protocol: 'all' }] });
      return true;
    } },
  { name: 'GCP IPv6: admit ::/0 into an isolated VPC', expect: 'VERIFY-008',
    apply: (tf, plan) => {
      const c = clusters(plan, 'ISOLATED')[0];
      const network = c && vpcRefOf(tf, c);
      if (!network || !on(tf, 'gcp')) return false;
      add(tf, 'google_compute_firewall', 'mutant6', `${c.path}/mutant-ipv6`, { network, direction: 'INGRESS', source_ranges: ['::/0'], allow: [{ protocol: 'all' }] });
      return true;
    } },
  { name: 'GCP IPv6: admit a source of a form the verifier does not read', expect: 'VERIFY-018',
    apply: (tf, plan) => {
      const c = dual(plan, 'FLAT', 'ISLAND', 'ARCHIPELAGO')[0];
      const subnet = c && all(tf, 'google_compute_subnetwork').find(([, b]) => under(pathOf(b), c.path) && b.stack_type === 'IPV4_IPV6');
      if (!subnet) return false;
      add(tf, 'google_compute_firewall', 'mutant6', `${c.path}/mutant-ipv6`, { network: subnet[1].network, direction: 'INGRESS', source_ranges: [ref('google_compute_subnetwork', subnet[0], 'ipv6_cidr_range')], allow: [{ protocol: 'all' }] });
      return true;
    } },
  // An isolated cluster's pods share its nodes' group; an island's hold their own (joined to the nodes' by two rules).
  { name: 'AWS: delete a nodes security group\'s self rule', expect: 'VERIFY-012',
    apply: (tf, plan) => clusters(plan, 'ISOLATED').some((c) =>
      deleteFirst(tf, 'aws_vpc_security_group_ingress_rule', new RegExp(`^${c.path}/nodes-sg-self$`))) },
  // (An archipelago member's pods and nodes also share the members' group, which joins them anyway.)
  { name: 'AWS: delete an island\'s rule letting its nodes into its pods\' group', expect: 'VERIFY-012',
    apply: (tf, plan) => clusters(plan, 'ISLAND').some((c) =>
      deleteFirst(tf, 'aws_vpc_security_group_ingress_rule', new RegExp(`^${c.path}/pods-sg-from-nodes$`))) },
  { name: 'AWS: delete an island\'s pods group self rule', expect: 'VERIFY-012',
    apply: (tf, plan) => clusters(plan, 'ISLAND').some((c) =>
      deleteFirst(tf, 'aws_vpc_security_group_ingress_rule', new RegExp(`^${c.path}/pods-sg-self$`))) },
  { name: 'AWS: open an island\'s NodePorts on its pods\' group too', expect: 'VERIFY-004',
    apply: (tf, plan) => clusters(plan, 'ISLAND', 'ARCHIPELAGO').some((c) => {
      const rule = all(tf, 'aws_vpc_security_group_ingress_rule', new RegExp(`^${c.path}/node-ports-1$`))[0];
      const pods = all(tf, 'aws_security_group', new RegExp(`^${c.path}/pods-sg$`))[0];
      if (!rule || !pods) return false;
      const { cidr_ipv4, ip_protocol, from_port, to_port } = rule[1];
      add(tf, 'aws_vpc_security_group_ingress_rule', 'mutant', `${c.path}/mutant-rule`, { cidr_ipv4, ip_protocol, from_port, to_port, security_group_id: ref('aws_security_group', pods[0]) });
      return true;
    }) },
  // How islands were rendered before their pods had a group: the ENIConfigs named the nodes' group, NodePort rule and all.
  { name: 'AWS: put an island\'s pods back in its nodes\' group', expect: 'VERIFY-004',
    apply: (tf, plan) => clusters(plan, 'ISLAND', 'ARCHIPELAGO').some((c) => {
      const pods = all(tf, 'aws_security_group', new RegExp(`^${c.path}/pods-sg$`))[0];
      if (!pods || !all(tf, 'aws_vpc_security_group_ingress_rule', new RegExp(`^${c.path}/node-ports-1$`)).length) return false;
      const id = ref('aws_security_group', pods[0]);
      for (const type of ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']) {
        for (const [name, b] of all(tf, type)) if (b.security_group_id === id || b.referenced_security_group_id === id) del(tf, type, name);
      }
      del(tf, 'aws_security_group', pods[0]);
      return true;
    }) },
];
