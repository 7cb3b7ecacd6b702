// The GCP rules over what the renderer makes (outline.ts), not over ranges: subnet purposes and
// secondary ranges, Cloud NAT settings, health-check firewalls. Each check is a pure function of
// one network's resource list, so a test can hand it a list the renderer would never make.
import { CloudProvider } from '../model/cloud';
import { NetworkPlan } from '../model/plan';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../policy/rule';
import { HEALTH_CHECK_RANGES } from './health-checks';
import { GcpResourceOutline, outlineOf } from './outline';

/** The resources the GCP renderer makes for the network of `plan` (none for a plan written by hand). */
export function resourcesOf(plan: NetworkPlan): readonly GcpResourceOutline[] {
  const sketch = (plan.appNetworks ?? []).find((n) => n.path === plan.path && n.cloud === CloudProvider.GCP);
  return sketch ? outlineOf(sketch) : [];
}

/** Most secondary ranges a subnet takes (VPC quotas: 170 per subnet). */
export const MAX_SECONDARY_RANGES = 170;
const PURPOSES = ['PRIVATE', 'REGIONAL_MANAGED_PROXY', 'GLOBAL_MANAGED_PROXY', 'PRIVATE_SERVICE_CONNECT', 'PRIVATE_NAT'];
const PROXY_PURPOSES = ['REGIONAL_MANAGED_PROXY', 'GLOBAL_MANAGED_PROXY'];
const ROLES = ['ACTIVE', 'BACKUP'];
const SUBNET_RANGES_TO_NAT = ['ALL_SUBNETWORKS_ALL_IP_RANGES', 'ALL_SUBNETWORKS_ALL_PRIMARY_IP_RANGES', 'LIST_OF_SUBNETWORKS'];
const IP_RANGES_TO_NAT = ['ALL_IP_RANGES', 'PRIMARY_IP_RANGE', 'LIST_OF_SECONDARY_IP_RANGES'];
const MAX_NAT_RULE = 65000;

const ofType = (resources: readonly GcpResourceOutline[], type: string) => resources.filter((r) => r.type === type);
const subnets = (resources: readonly GcpResourceOutline[]) => ofType(resources, 'google_compute_subnetwork');
const nats = (resources: readonly GcpResourceOutline[]) => ofType(resources, 'google_compute_router_nat').filter((r) => r.nat);
const finding = (r: GcpResourceOutline, message: string): PolicyFinding => ({ path: r.owner, message });

/** GCP-SUBNET-007: at most 170 secondary ranges per subnet, their names unique in it. */
export function secondaryRangeFindings(resources: readonly GcpResourceOutline[]): PolicyFinding[] {
  return subnets(resources).flatMap((s) => {
    const names = s.secondaryRanges ?? [];
    const twice = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
    return [
      ...(names.length > MAX_SECONDARY_RANGES ? [finding(s, `subnet ${s.name} of ${s.owner} has ${names.length} secondary ranges, more than the ${MAX_SECONDARY_RANGES} GCP takes per subnet — split the cluster's ranges over more subnets`)] : []),
      ...twice.map((n) => finding(s, `subnet ${s.name} of ${s.owner} names two secondary ranges ${n}; GCP takes each name once per subnet — rename one`)),
    ];
  });
}

/** GCP-SUBNET-009: a purpose GCP knows; a role (ACTIVE or BACKUP) on proxy-only subnets and on no other. */
export function purposeFindings(resources: readonly GcpResourceOutline[]): PolicyFinding[] {
  return subnets(resources).flatMap((s) => {
    const purpose = s.purpose ?? 'PRIVATE';
    const proxy = PROXY_PURPOSES.includes(purpose);
    if (!PURPOSES.includes(purpose)) return [finding(s, `subnet ${s.name} of ${s.owner} has purpose ${purpose}, which GCP does not know — use one of ${PURPOSES.join(', ')}`)];
    if (proxy && !ROLES.includes(s.role ?? '')) return [finding(s, `proxy-only subnet ${s.name} of ${s.owner} has role ${s.role ?? '(none)'}; GCP needs ACTIVE or BACKUP on a ${purpose} subnet — set role ACTIVE`)];
    if (!proxy && s.role !== undefined) return [finding(s, `subnet ${s.name} of ${s.owner} has role ${s.role}, which GCP takes on proxy-only subnets alone (purpose ${purpose}) — drop the role`)];
    return [];
  });
}

/** GCP-NAT-001: which subnetworks a NAT covers, and an ALL_* NAT alone on its network and region. */
export function natCoverageFindings(resources: readonly GcpResourceOutline[]): PolicyFinding[] {
  const all = nats(resources);
  // NATs by network and region: an ALL_* NAT must be alone there.
  const region = (r: GcpResourceOutline) => r.scope.replace(/^router \S+ in /, '');
  const beside = new Map<string, GcpResourceOutline[]>();
  for (const r of all) beside.set(`${r.vpc}|${region(r)}`, [...(beside.get(`${r.vpc}|${region(r)}`) ?? []), r]);
  return all.flatMap((r) => {
    const nat = r.nat!;
    const mode = nat.sourceSubnetworkIpRangesToNat;
    if (!SUBNET_RANGES_TO_NAT.includes(mode)) return [finding(r, `NAT ${r.name} of ${r.owner} has source_subnetwork_ip_ranges_to_nat ${mode}, which GCP does not know — use one of ${SUBNET_RANGES_TO_NAT.join(', ')}`)];
    if (mode === 'LIST_OF_SUBNETWORKS' && nat.subnetworks.length === 0) return [finding(r, `NAT ${r.name} of ${r.owner} lists no subnetwork under LIST_OF_SUBNETWORKS — list the subnets it translates`)];
    if (mode !== 'LIST_OF_SUBNETWORKS' && nat.subnetworks.length > 0) return [finding(r, `NAT ${r.name} of ${r.owner} lists subnetworks under ${mode}; GCP takes subnetwork blocks with LIST_OF_SUBNETWORKS alone — use LIST_OF_SUBNETWORKS`)];
    const others = (beside.get(`${r.vpc}|${region(r)}`) ?? []).filter((o) => o !== r);
    if (mode.startsWith('ALL_') && others.length > 0) {
      return [finding(r, `NAT ${r.name} of ${r.owner} translates ${mode} of network ${r.vpc}, which excludes any other NAT there, yet ${others.map((o) => o.name).join(', ')} is one — use LIST_OF_SUBNETWORKS`)];
    }
    return [];
  });
}

/** GCP-NAT-002: what each listed subnetwork translates, and secondary range names only with LIST_OF_SECONDARY_IP_RANGES. */
export function natRangeFindings(resources: readonly GcpResourceOutline[]): PolicyFinding[] {
  const byName = new Map(subnets(resources).map((s) => [`${s.vpc}|${s.name}`, s]));
  return nats(resources).flatMap((r) => r.nat!.subnetworks.flatMap((s): PolicyFinding[] => {
    const where = `subnetwork ${s.name} of NAT ${r.name} (${r.owner})`;
    const ranges = s.sourceIpRangesToNat;
    const unknown = ranges.filter((x) => !IP_RANGES_TO_NAT.includes(x));
    if (ranges.length === 0 || unknown.length > 0) return [finding(r, `${where} translates ${JSON.stringify(ranges)}; GCP takes ${IP_RANGES_TO_NAT.join(', ')} — list one or more of them`)];
    if (ranges.includes('ALL_IP_RANGES') && ranges.length > 1) return [finding(r, `${where} combines ALL_IP_RANGES with ${ranges.filter((x) => x !== 'ALL_IP_RANGES').join(', ')}; GCP takes ALL_IP_RANGES alone — drop the others`)];
    const listed = ranges.includes('LIST_OF_SECONDARY_IP_RANGES');
    const names = s.secondaryIpRangeNames ?? [];
    if (listed && names.length === 0) return [finding(r, `${where} translates LIST_OF_SECONDARY_IP_RANGES but names none — name the secondary ranges (secondary_ip_range_names)`)];
    if (!listed && names.length > 0) return [finding(r, `${where} names secondary ranges ${names.join(', ')} without LIST_OF_SECONDARY_IP_RANGES, which GCP refuses — add LIST_OF_SECONDARY_IP_RANGES or drop the names`)];
    const subnet = byName.get(`${r.vpc}|${s.name}`);
    if (!subnet) return [finding(r, `${where} is no subnet of network ${r.vpc} — a NAT translates its own network's subnets`)];
    const missing = names.filter((n) => !(subnet.secondaryRanges ?? []).includes(n));
    return missing.length > 0 ? [finding(r, `${where} names secondary ranges ${missing.join(', ')}, which subnet ${s.name} does not have — name ranges of the subnet`)] : [];
  }));
}

/** GCP-NAT-003: a public NAT's addresses are AUTO_ONLY or MANUAL_ONLY, nat_ips with MANUAL_ONLY alone; a private NAT takes neither. */
export function natAddressFindings(resources: readonly GcpResourceOutline[]): PolicyFinding[] {
  return nats(resources).flatMap((r) => {
    const { type, natIpAllocateOption: option, natIps = [] } = r.nat!;
    if (type === 'PRIVATE') {
      return option !== undefined || natIps.length > 0
        ? [finding(r, `private NAT ${r.name} of ${r.owner} sets ${option !== undefined ? `nat_ip_allocate_option ${option}` : 'nat_ips'}; a PRIVATE NAT translates to its PRIVATE_NAT subnets and takes no external address — drop it`)] : [];
    }
    if (option !== 'AUTO_ONLY' && option !== 'MANUAL_ONLY') return [finding(r, `NAT ${r.name} of ${r.owner} has nat_ip_allocate_option ${option ?? '(none)'}; GCP takes AUTO_ONLY or MANUAL_ONLY — use AUTO_ONLY`)];
    if (option === 'AUTO_ONLY' && natIps.length > 0) return [finding(r, `NAT ${r.name} of ${r.owner} lists nat_ips with AUTO_ONLY; GCP takes them with MANUAL_ONLY alone — use MANUAL_ONLY or drop nat_ips`)];
    if (option === 'MANUAL_ONLY' && natIps.length === 0) return [finding(r, `NAT ${r.name} of ${r.owner} is MANUAL_ONLY with no nat_ips — list its addresses or use AUTO_ONLY`)];
    return [];
  });
}

/** GCP-NAT-006: a private NAT translates towards the NCC hub, from PRIVATE_NAT subnets of its network, which is a spoke. */
export function privateNatFindings(resources: readonly GcpResourceOutline[]): PolicyFinding[] {
  const all = subnets(resources);
  const spokes = ofType(resources, 'google_network_connectivity_spoke').map((s) => s.vpc);
  return nats(resources).filter((r) => r.nat!.type === 'PRIVATE').flatMap((r): PolicyFinding[] => {
    const rules = r.nat!.rules ?? [];
    if (rules.length === 0) return [finding(r, `private NAT ${r.name} of ${r.owner} has no rule; Private NAT for NCC needs one matching nexthop.hub — add a rule towards the hub`)];
    const findings: PolicyFinding[] = [];
    if (!spokes.includes(r.vpc)) findings.push(finding(r, `private NAT ${r.name} of ${r.owner} is on network ${r.vpc}, which is no NCC spoke; Private NAT translates between spokes only (not peering) — join the network to the hub`));
    for (const rule of rules) {
      if (!Number.isInteger(rule.ruleNumber) || rule.ruleNumber < 0 || rule.ruleNumber > MAX_NAT_RULE) {
        findings.push(finding(r, `rule ${rule.ruleNumber} of private NAT ${r.name} (${r.owner}) is outside 0-${MAX_NAT_RULE} — renumber it`));
      }
      if (!rule.match.includes('nexthop.hub')) findings.push(finding(r, `rule ${rule.ruleNumber} of private NAT ${r.name} (${r.owner}) matches "${rule.match}", not nexthop.hub — match the NCC hub`));
      if (rule.sourceNatActiveRanges.length === 0) findings.push(finding(r, `rule ${rule.ruleNumber} of private NAT ${r.name} (${r.owner}) has no source_nat_active_ranges — give it a PRIVATE_NAT subnet`));
      for (const name of rule.sourceNatActiveRanges) {
        const subnet = all.find((s) => s.name === name && s.vpc === r.vpc);
        if (subnet?.purpose !== 'PRIVATE_NAT') {
          findings.push(finding(r, `rule ${rule.ruleNumber} of private NAT ${r.name} (${r.owner}) translates to ${name}, which is no PRIVATE_NAT subnet of network ${r.vpc} — use a PRIVATE_NAT subnet`));
        }
      }
    }
    return findings;
  });
}

/** GCP-FW-001: every load balancer's backends let Google's health checks in (35.191.0.0/16, 130.211.0.0/22). */
export function healthCheckFindings(resources: readonly GcpResourceOutline[]): PolicyFinding[] {
  const open = new Set(ofType(resources, 'google_compute_firewall')
    .filter((f) => HEALTH_CHECK_RANGES.every((h) => (f.sources ?? []).includes(h)))
    .map((f) => `${f.owner}|${f.vpc}`));
  return ofType(resources, 'google_compute_region_health_check')
    .filter((h) => !open.has(`${h.owner}|${h.vpc}`))
    .map((h) => finding(h, `health check ${h.name} of ${h.owner} probes from ${HEALTH_CHECK_RANGES.join(' and ')}, and no firewall of network ${h.vpc} lets both in to its backends — add an ingress rule from them`));
}

const outlined = (id: string, statement: string, check: (resources: readonly GcpResourceOutline[]) => PolicyFinding[]) =>
  defineRule(id, Severity.ERROR, statement, (plan) => check(resourcesOf(plan)));

/** The GCP rules over what the renderer makes. */
export const OUTLINE_RULES: readonly IPolicyRule[] = [
  outlined('GCP-SUBNET-007', `A subnet has at most ${MAX_SECONDARY_RANGES} secondary ranges, each name once (the API refuses more; this rule cannot be suppressed).`, secondaryRangeFindings),
  outlined('GCP-SUBNET-009', 'A subnet\'s purpose is PRIVATE, REGIONAL_MANAGED_PROXY, GLOBAL_MANAGED_PROXY, PRIVATE_SERVICE_CONNECT or PRIVATE_NAT, and a role (ACTIVE or BACKUP) goes with a proxy-only purpose alone (the API refuses others; this rule cannot be suppressed).', purposeFindings),
  outlined('GCP-NAT-001', 'A Cloud NAT translates ALL_SUBNETWORKS_ALL_IP_RANGES, ALL_SUBNETWORKS_ALL_PRIMARY_IP_RANGES or LIST_OF_SUBNETWORKS, lists subnetworks with the last alone, and an ALL_* NAT is the only NAT of its network and region (the API refuses others; this rule cannot be suppressed).', natCoverageFindings),
  outlined('GCP-NAT-002', 'Each subnetwork of a NAT translates ALL_IP_RANGES (alone), PRIMARY_IP_RANGE or LIST_OF_SECONDARY_IP_RANGES, naming secondary ranges of that subnet with the last alone (the API refuses others; this rule cannot be suppressed).', natRangeFindings),
  outlined('GCP-NAT-003', 'A public NAT allocates AUTO_ONLY or MANUAL_ONLY, with nat_ips under MANUAL_ONLY alone; a private NAT takes neither (the API refuses others; this rule cannot be suppressed).', natAddressFindings),
  outlined('GCP-NAT-006', 'A private NAT (type PRIVATE) sits on an NCC spoke network, and each rule (numbered 0-65000) matches nexthop.hub and translates to PRIVATE_NAT subnets of its network (the API refuses others; this rule cannot be suppressed).', privateNatFindings),
  outlined('GCP-FW-001', 'Every load balancer\'s backends let Google\'s health checks in: a firewall of their network admits 35.191.0.0/16 and 130.211.0.0/22.', healthCheckFindings),
];

/** Outline rules whose findings the API refuses outright. */
export const OUTLINE_REFUSED = ['GCP-SUBNET-007', 'GCP-SUBNET-009', 'GCP-NAT-001', 'GCP-NAT-002', 'GCP-NAT-003', 'GCP-NAT-006'];
