import { addressesInSplit, Cidr, CLOUD_RESERVED_ADDRESSES, findOverlaps, RFC1918, usableServiceAddresses } from '../../ipam';
import { CloudProvider } from '../../model/cloud';
import { IngressKind } from '../../model/gateways';
import { hasIpv4Pods, NetworkModel, PlannedRange, RangeRole } from '../../model/plan';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../rule';
import { describe, parsed, ParsedRange, propOf } from './describe';

const isRoutable = (r: PlannedRange) => r.routable && r.role !== RangeRole.HOLE;
const isIslandPrivate = (r: PlannedRange) => !r.routable && r.model !== NetworkModel.ISOLATED && r.role !== RangeRole.HOLE;

/**
 * Of two overlapping ranges, the one to report on and move: never a reserved range
 * (it already exists), else the inner (smaller) one.
 */
function blame(outer: ParsedRange, inner: ParsedRange): [ParsedRange, ParsedRange] {
  if (inner.range.role === RangeRole.RESERVED && outer.range.role !== RangeRole.RESERVED) return [outer, inner];
  return [inner, outer];
}

const model001 = defineRule('MODEL-001', Severity.ERROR,
  'Every routable range (node subnets, flat pod and service ranges, reserved ranges, gateway subnets) is unique in the main network.',
  (plan) => findOverlaps(parsed(plan.ranges.filter(isRoutable)))
    .filter(({ outer, inner }) => outer.owner !== inner.owner || outer.range.role === RangeRole.RESERVED)
    .map(({ outer, inner }) => {
      const [moved, kept] = blame(outer, inner);
      const what = moved.range.model === NetworkModel.FLAT && moved.range.role === RangeRole.POD ? 'flat pod ranges' : 'routable ranges';
      return {
        path: moved.owner,
        message: `${describe(moved.range)} overlaps ${describe(kept.range)}; ${what} must be unique in the main network — pin ${propOf(moved.range)} elsewhere or shrink it`,
      };
    }));

const model002 = defineRule('MODEL-002', Severity.ERROR,
  'A private range of an island or archipelago never overlaps a routable range of the main network.',
  (plan) => {
    const findings: PolicyFinding[] = [];
    const network = Cidr.parse(plan.cidr);
    const hole = plan.holeCidr ? Cidr.parse(plan.holeCidr) : undefined;
    const fix = hole ? `pin it inside the hole ${hole} (islandCidr)` : `pin it outside ${network}, e.g. in ${plan.islandCidr}`;
    const privates = parsed(plan.ranges.filter(isIslandPrivate));
    for (const p of privates) {
      if (p.cidr.overlaps(network) && !(hole && hole.contains(p.cidr))) {
        findings.push({
          path: p.owner,
          message: `${describe(p.range)} overlaps the main network ${network}${hole ? ` outside its hole ${hole}` : ''}; a pod could not tell an Other host from its neighbour — ${fix}`,
        });
      }
    }
    const all = [...privates, ...parsed(plan.ranges.filter(isRoutable))];
    for (const { outer, inner } of findOverlaps(all)) {
      if (outer.range.routable === inner.range.routable) continue;
      const [priv, routable] = outer.range.routable ? [inner, outer] : [outer, inner];
      if (hole && routable.cidr.overlaps(hole)) continue; // the routable range in the hole is the cause: MODEL-005 reports it
      findings.push({
        path: priv.owner,
        message: `${describe(priv.range)} overlaps routable ${describe(routable.range)}; a pod could not tell that host from its neighbour — pin ${propOf(priv.range)} elsewhere`,
      });
    }
    return findings;
  });

const model003 = defineRule('MODEL-003', Severity.ERROR,
  'Private ranges may be reused across islands, archipelagos and isolated clusters, but inside one cluster its node, pod and service ranges are disjoint.',
  (plan) => {
    // Each cluster's node, pod and service ranges, found once for all clusters (in plan order).
    const byOwner = new Map<string, PlannedRange[]>();
    for (const r of plan.ranges) {
      if (r.role !== RangeRole.NODE && r.role !== RangeRole.POD && r.role !== RangeRole.SERVICE) continue;
      const own = byOwner.get(r.owner);
      if (own) own.push(r);
      else byOwner.set(r.owner, [r]);
    }
    return plan.clusters.flatMap((cluster) => {
      const own = parsed(byOwner.get(cluster.path) ?? []);
      return findOverlaps(own).map(({ outer, inner }) => ({
        path: cluster.path,
        message: `${describe(inner.range)} overlaps its own ${describe(outer.range)}; a cluster's node, pod and service ranges must be disjoint — pin ${propOf(inner.range)} elsewhere`,
      }));
    });
  });

const model004 = defineRule('MODEL-004', Severity.ERROR,
  'Inside one archipelago, member clusters\' pod and service ranges are disjoint and lie inside the archipelago\'s super-range.',
  (plan) => {
    const findings: PolicyFinding[] = [];
    // Each archipelago's member pod and service ranges, found once for all archipelagos (in plan order).
    const archipelagoOf = new Map(plan.clusters.filter((c) => c.archipelago).map((c) => [c.path, c.archipelago!]));
    const memberRanges = new Map<string, PlannedRange[]>();
    for (const r of plan.ranges) {
      const archipelago = archipelagoOf.get(r.owner);
      if (archipelago === undefined || (r.role !== RangeRole.POD && r.role !== RangeRole.SERVICE)) continue;
      const ranges = memberRanges.get(archipelago);
      if (ranges) ranges.push(r);
      else memberRanges.set(archipelago, [r]);
    }
    for (const superRange of plan.ranges.filter((r) => r.role === RangeRole.SUPER_RANGE)) {
      const outer = Cidr.parse(superRange.cidr);
      const members = parsed(memberRanges.get(superRange.owner) ?? []);
      // Service ranges come from the network's island service space when it has one (on AWS).
      const services = plan.islandServiceCidr ? Cidr.parse(plan.islandServiceCidr) : outer;
      for (const m of members) {
        const home = m.range.role === RangeRole.SERVICE ? services : outer;
        if (!home.contains(m.cidr)) {
          const where = home === outer ? `the super-range ${outer} of archipelago ${superRange.owner}` : `the island service space ${home} of ${plan.path}`;
          findings.push({
            path: m.owner,
            message: `${describe(m.range)} lies outside ${where} — pin ${propOf(m.range)} inside ${home}`,
          });
        }
      }
      for (const { outer: a, inner: b } of findOverlaps(members)) {
        if (a.owner === b.owner) continue; // MODEL-003's business
        findings.push({
          path: b.owner,
          message: `${describe(b.range)} overlaps ${describe(a.range)} inside archipelago ${superRange.owner}; members are flat among themselves, so their ranges must be disjoint — pin ${propOf(b.range)} elsewhere in ${outer}`,
        });
      }
    }
    return findings;
  });

const model005 = defineRule('MODEL-005', Severity.ERROR,
  'The hole (island space inside the main network) is never used for routable ranges.',
  (plan) => {
    if (!plan.holeCidr) return [];
    const hole = Cidr.parse(plan.holeCidr);
    return parsed(plan.ranges.filter(isRoutable))
      .filter((r) => r.cidr.overlaps(hole))
      .map((r) => ({
        path: r.owner,
        message: `${describe(r.range)} overlaps the island hole ${hole} of ${plan.path}; routable ranges never use the hole — ${r.range.role === RangeRole.RESERVED ? 'move islandCidr off it' : `pin ${propOf(r.range)} outside ${hole}`}`,
      }));
  });

const model006 = defineRule('MODEL-006', Severity.ERROR,
  'Capacity: the pod range holds maxNodes node blocks, a node block holds maxPodsPerNode, the node subnet holds maxNodes plus the cloud\'s reserved addresses, the service range holds maxServices.',
  (plan) => {
    const reserved = plan.cloud === CloudProvider.AWS ? CLOUD_RESERVED_ADDRESSES.aws : CLOUD_RESERVED_ADDRESSES.gcp;
    return plan.clusters.flatMap((c) => {
      const findings: PolicyFinding[] = [];
      const pods = hasIpv4Pods(c) ? Cidr.parse(c.podCidr) : undefined;
      const nodes = Cidr.parse(c.nodeCidr);
      const services = hasIpv4Pods(c) ? Cidr.parse(c.serviceCidr) : undefined;
      if (pods && c.nodeMaskSize >= pods.prefix && c.nodeMaskSize <= pods.bits) {
        const blocks = 2 ** (c.nodeMaskSize - pods.prefix);
        if (blocks < c.maxNodes) {
          findings.push({ path: c.path, message: `pod range ${pods} of ${c.path} holds ${blocks} node blocks of /${c.nodeMaskSize}, fewer than maxNodes ${c.maxNodes} — widen podCidr or lower maxNodes` });
        }
        const perNode = 2n ** BigInt(pods.bits - c.nodeMaskSize);
        if (perNode < BigInt(c.maxPodsPerNode)) {
          findings.push({ path: c.path, message: `a /${c.nodeMaskSize} node block of ${c.path} holds ${perNode} addresses, fewer than maxPodsPerNode ${c.maxPodsPerNode} — shorten nodeMaskSize or lower maxPodsPerNode` });
        }
      }
      const subnets = Math.max(1, plan.availabilityZones.length);
      const usableNodes = addressesInSplit(nodes, reserved, subnets);
      // On AWS, AWS-SUBNET-001 checks each zone's node subnet, with the fix: one cause, one finding.
      if (plan.cloud !== CloudProvider.AWS && usableNodes < BigInt(c.maxNodes)) {
        const kept = subnets > 1 ? `${reserved} addresses of each of its ${subnets} zone subnets are the cloud's` : `${reserved} addresses are the cloud's`;
        findings.push({ path: c.path, message: `node range ${nodes} of ${c.path} holds ${usableNodes} nodes (${kept}), fewer than maxNodes ${c.maxNodes} — widen nodeCidr or lower maxNodes` });
      }
      const usableServices = services ? usableServiceAddresses(services) : undefined;
      if (services && usableServices !== undefined && usableServices < BigInt(c.maxServices)) {
        findings.push({ path: c.path, message: `service range ${services} of ${c.path} holds ${usableServices} services, fewer than maxServices ${c.maxServices} — widen serviceCidr or lower maxServices` });
      }
      return findings;
    });
  });

const model007 = defineRule('MODEL-007', Severity.ERROR,
  'Networks of one estate (in any stack of the app, on any cloud) never overlap each other\'s routable ranges.',
  (plan) => {
    const mine = parsed(plan.ranges.filter(isRoutable).filter((r) => r.role !== RangeRole.RESERVED));
    const theirs = parsed(plan.otherNetworksRanges.filter(isRoutable).filter((r) => r.role !== RangeRole.RESERVED));
    const ownPaths = new Set(mine.map((r) => r.range.space));
    return findOverlaps([...mine, ...theirs])
      .filter(({ outer, inner }) => ownPaths.has(outer.range.space) !== ownPaths.has(inner.range.space))
      // Report once per pair: on the network whose path sorts later.
      .filter(({ outer, inner }) => {
        const other = ownPaths.has(outer.range.space) ? inner : outer;
        return other.range.space < plan.path;
      })
      .map(({ outer, inner }) => {
        const [own, other] = ownPaths.has(outer.range.space) ? [outer, inner] : [inner, outer];
        return {
          path: own.owner,
          message: `${describe(own.range)} overlaps ${describe(other.range)} of network ${other.range.space}; networks of one app share one address plan — give the networks disjoint cidrs`,
        };
      });
  });

const model009 = defineRule('MODEL-009', Severity.WARNING,
  'A NodePort gateway should not be open to the whole main network.',
  (plan) => plan.clusters.flatMap((c) => c.ingress
    .filter((g) => g.kind === IngressKind.NODE_PORT && !g.sourceRanges)
    .map(() => ({
      path: c.path,
      message: `NodePort ingress of ${c.path} is open to the whole main network ${plan.cidr} on 30000-32767 — pass Ingress.nodePort({ sourceRanges: [...] }) to narrow it`,
    }))));

/** MODEL-008: routable cluster ranges lie inside the main network. */
const model008 = defineRule('MODEL-008', Severity.ERROR,
  'Routable ranges of clusters and gateways lie inside the main network\'s cidr.',
  (plan) => {
    const network = Cidr.parse(plan.cidr);
    return parsed(plan.ranges.filter(isRoutable).filter((r) => r.role !== RangeRole.RESERVED))
      .filter((r) => !network.contains(r.cidr))
      .map((r) => ({
        path: r.owner,
        message: `${describe(r.range)} lies outside the main network ${network}, so it is not routable there — pin ${propOf(r.range)} inside ${network} or widen the network's cidr`,
      }));
  });

/** Sources a gateway may admit without being open to the internet: private and shared address space. */
const PRIVATE_SOURCES = [...RFC1918, Cidr.parse('100.64.0.0/10')];

const isPublic = (range: string) => !PRIVATE_SOURCES.some((p) => p.contains(Cidr.parse(range)));

const model011 = defineRule('MODEL-011', Severity.ERROR,
  'No gateway or exposed API endpoint admits the internet (0.0.0.0/0 or any public range) unless a suppression says why (load balancers and proxies admit the main network only).',
  (plan) => plan.clusters.flatMap((c) => [
    ...c.ingress
      .filter((g) => g.kind === IngressKind.NODE_PORT)
      .flatMap((g) => (g.sourceRanges ?? []).filter(isPublic))
      .map((r) => ({
        path: c.path,
        message: `NodePort ingress of ${c.path} admits ${r}, which is not private address space: every NodePort (30000-32767) of its nodes is open to the internet — ` +
          `list private sourceRanges, or Policy.suppress(cluster, 'MODEL-011', reason) if a public range must reach it`,
      })),
    ...(c.apiEndpointSourceRanges ?? []).filter(isPublic).map((r) => ({
      path: c.path,
      message: `the exposed API endpoint of ${c.path} admits ${r}, which is not private address space: its Kubernetes API (TCP 443) is open to the internet — ` +
        `list private apiEndpointSourceRanges, or Policy.suppress(cluster, 'MODEL-011', reason) if a public range must reach it`,
    })),
  ]));

/** The model rules, MODEL-001 to MODEL-011 (MODEL-010 fails construction instead). */
export const MODEL_RULES: readonly IPolicyRule[] = [model001, model002, model003, model004, model005, model006, model007, model008, model009, model011];
