// The IPv6 halves of the models' promises (VERIFY-015 to VERIFY-018, and VERIFY-008's IPv6
// part), checked on the fabric's IPv6 reading: placeholder blocks (ipv6.ts) stand for what the
// cloud assigns at deploy, so only how they relate — which route, attachment and rule carries or
// admits which VPC's block — is proven.
import { Cidr } from '../ipam';
import { Fabric, portsText, Step } from './fabric';
import { HEALTH_CHECK_RANGES_V6, IPV6_INTERNET_SAMPLE } from './ipv6';
import { hasIpv6, PlanCluster, PlanNetwork } from './plan';
import { under } from './terraform';

type Report = (id: string, from: string, to: string, found: Step | string) => void;

/** Checks the IPv6 promises of `plan`'s clusters on `fabric`. */
export function checkIpv6Promises(plan: PlanNetwork, fabric: Fabric, report: Report): void {
  const v6 = fabric.ipv6;
  const mine = (path: string) => under(path, plan.network) || plan.clusters.some((c) => under(path, c.path) || (c.archipelago !== undefined && under(path, c.archipelago)));
  // VERIFY-018: what the verifier cannot read is said, never dropped.
  for (const u of v6.space.unknowns().filter((x) => mine(x.path))) {
    report('VERIFY-018', u.resource, u.attr, { text: `${u.attr} = ${u.text}: ${u.why}`, resource: u.resource });
  }

  const dual = plan.clusters.filter(hasIpv6);
  const vpcOf = (c: PlanCluster) => fabric.vpcOf({ label: `${c.path} nodes`, role: 'nodes', cidr: Cidr.parse(c.nodeCidr), network: plan.network, cluster: c });

  // VERIFY-015: flat IPv6 clusters reach each other's nodes directly, both ways, every protocol.
  const flat = dual.filter((c) => c.model === 'FLAT');
  for (const a of flat) {
    const from = v6.nodes(a);
    for (const m of from.missing) report('VERIFY-015', `${a.path} nodes (IPv6)`, 'other flat IPv6 clusters', m);
    for (const b of flat.filter((x) => x !== a)) {
      const to = v6.nodes(b);
      const pair = (found: Step) => report('VERIFY-015', `${a.path} nodes (IPv6)`, `${b.path} nodes (IPv6)`, found);
      const broken = (() => {
        for (const pa of from.places) {
          for (const pb of to.places) {
            const there = v6.travel(pa, pb);
            if (!there.ok) return there.missing ?? { text: 'no IPv6 path' };
            const back = v6.travel(pb, pa);
            if (!back.ok) return { text: `replies to ${pa.cidr} find no route back: ${back.missing?.text ?? 'no IPv6 path'}`, resource: back.missing?.resource };
            const admitted = v6.admits(b, pb, pa.cidr, a);
            if (!admitted.ports.all) {
              return { text: admitted.resources.length ? `only ${portsText(admitted.ports)} of ${pa.cidr} admitted to ${pb.cidr} (${admitted.resources.join(', ')})` : `no firewall or security-group rule in front of ${b.path}'s nodes (${pb.cidr}) admits ${pa.cidr}`, resource: admitted.resources[0] ?? pb.subnet };
            }
          }
        }
        return undefined;
      })();
      if (broken) pair(broken);
    }
  }

  // VERIFY-016: out to the internet only outbound (AWS: ::/0 to an egress-only gateway); nothing admits the internet in.
  for (const c of dual.filter((x) => x.model !== 'ISOLATED')) {
    const places = v6.nodes(c).places;
    for (const p of places) {
      const wrong = v6.egress(p);
      if (wrong) report('VERIFY-016', `${c.path} nodes (IPv6) ${p.subnet}`, 'internet (IPv6)', wrong);
    }
    for (const o of v6.openings(c, []).filter((x) => Cidr.parse(x.source).contains(IPV6_INTERNET_SAMPLE))) {
      report('VERIFY-016', 'internet (IPv6)', `${c.path} nodes (IPv6)`, { text: `${o.resource} admits ${o.source} (${portsText(o.ports)}): IPv6 from the internet comes in`, resource: o.resource });
    }
  }

  // VERIFY-017: an island's (or archipelago member's) IPv6 half is reached only from inside its VPC.
  for (const c of plan.clusters.filter((x) => x.model === 'ISLAND' || x.model === 'ARCHIPELAGO')) {
    const vpc = vpcOf(c);
    const blocks = v6.space.vpcBlocks(vpc);
    if (!vpc || !blocks.length) continue;
    for (const leak of v6.leaks(vpc)) report('VERIFY-017', 'outside', `${c.path} IPv6 (${vpc})`, leak);
    for (const o of v6.openings(c, [...blocks, ...HEALTH_CHECK_RANGES_V6])) {
      report('VERIFY-017', o.source, `${c.path} nodes (IPv6)`, { text: `${o.resource} admits ${o.source} (${portsText(o.ports)}), outside ${vpc}'s IPv6 block`, resource: o.resource });
    }
  }

  // VERIFY-008, IPv6: an isolated cluster's VPC has no IPv6 way out or in.
  for (const c of plan.clusters.filter((x) => x.model === 'ISOLATED')) {
    const vpc = vpcOf(c);
    if (!vpc) continue;
    for (const exit of v6.exits(vpc)) report('VERIFY-008', c.path, 'outside (IPv6)', exit);
    for (const leak of v6.leaks(vpc)) report('VERIFY-008', 'outside (IPv6)', `${c.path} IPv6`, leak);
    for (const o of v6.openings(c, v6.space.vpcBlocks(vpc))) {
      report('VERIFY-008', o.source, `${c.path} nodes (IPv6)`, { text: `${o.resource} admits ${o.source} (${portsText(o.ports)})`, resource: o.resource });
    }
  }
}
