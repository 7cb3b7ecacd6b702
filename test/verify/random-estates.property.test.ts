// Random estates, written the way users write them, through synth and the reachability
// verifier: every natural estate keeps every promise of its models (no VERIFY finding) and
// breaks none of the library's own rules (an ERROR violation on such an estate is a planner bug).
// Each run builds one app: a network on GCP or AWS (10.0.0.0/8 or 172.16.0.0/12, sometimes with
// IPv6 and an Other range), 1 to 5 clusters of every model with their families, gateways and
// egress, and sometimes a second network of the estate in a stack of its own: on the other cloud
// joined to the first by a CloudLink (in a third stack or in either network's), or apart.
//   VERIFY_PROPERTY_RUNS=500 npx jest test/verify/random-estates   (default: 60 runs, about 15 s)
//   VERIFY_PROPERTY_SEED=<seed> replays a run fast-check reported; =random draws a new seed.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import * as fc from 'fast-check';
import {
  Archipelago, AwsNatGateways, Cloud, CloudLink, CloudProvider, Egress, FlatCluster, ICloud, Ingress, IpFamily, Ipv6AccessType,
  IslandCluster, IsolatedCluster, Network, PodRouting, Severity, verifyNetworkModel,
} from '../../lib';
import { cloudStack } from '../../examples/stack';
import { stacksOf } from './support';

const RUNS = Number(process.env.VERIFY_PROPERTY_RUNS ?? 60);
const SEED = process.env.VERIFY_PROPERTY_SEED === 'random' ? undefined : Number(process.env.VERIFY_PROPERTY_SEED ?? 20261203);

/**
 * `f` with stack traces formatted to nothing: cdktf records a stack trace for every token it
 * makes, and formatting each one under jest is costly (test/model/cloud-aware.property.test.ts).
 * Restored before any assertion, so a failure still reads.
 */
function untraced<T>(f: () => T): T {
  const prepare = Error.prepareStackTrace;
  Error.prepareStackTrace = () => '';
  try {
    return f();
  } finally {
    Error.prepareStackTrace = prepare;
  }
}

type CloudName = 'gcp' | 'aws';
type Model = 'flat' | 'island' | 'isolated' | 'archipelago';
type Family = 'IPV4' | 'DUAL_STACK' | 'IPV6';
type Access = 'INTERNAL' | 'EXTERNAL' | undefined;
type EgressSpec = 'nat' | 'masquerade' | undefined;
type IngressSpec = 'nodePort' | 'nodePortFromOther' | 'loadBalancer' | 'proxy';

interface MemberSpec {
  readonly maxNodes?: number;
  readonly family: Family;
  readonly access: Access;
  readonly egress: EgressSpec;
  /** Its own gateways instead of the archipelago's; undefined: the archipelago's. */
  readonly ingress?: IngressSpec[];
}

/** How the user names it: `c1`, `c_1`, `c1.v2`, or `c1` in a construct of its own (`team/c1`). */
type IdStyle = 'plain' | 'underscore' | 'dotted' | 'nested';

interface ClusterSpec {
  readonly model: Model;
  readonly id: IdStyle;
  readonly maxNodes?: number;
  readonly maxPodsPerNode?: number;
  readonly family: Family;
  readonly access: Access;
  readonly routes: boolean;
  readonly ingress: IngressSpec[];
  readonly ports: number[];
  readonly egress: EgressSpec;
  readonly expose: boolean;
  readonly exposeToOther: boolean;
  /** Islands and archipelagos: pin the pod range (super-range) to the island space's first, as the talk does: every one reuses it. */
  readonly pinPods: boolean;
  readonly members: MemberSpec[];
}

interface NetworkSpec {
  readonly cloud: CloudName;
  readonly zones: number;
  readonly singleNat: boolean;
  /** GCP: a routable /28 per cluster for a private control plane. */
  readonly privateControlPlanes: boolean;
  readonly ipv6: boolean;
  readonly other: boolean;
  /** Island space in a hole of the network (its first /14) instead of 100.64.0.0/10. */
  readonly hole: boolean;
  readonly clusters: ClusterSpec[];
}

interface EstateSpec {
  readonly space: '10.0.0.0/8' | '172.16.0.0/12';
  readonly main: NetworkSpec;
  /**
   * A second network of the estate in a stack of its own: on the other cloud, joined to the first
   * by a CloudLink of `tunnels` tunnels in a stack of its own or in either network's stack; or,
   * unlinked, on either cloud.
   */
  readonly second?: { readonly network: NetworkSpec; readonly link?: { readonly tunnels: 2 | 4; readonly stack: 'own' | 'gcp' | 'aws' } };
}

/** What INPUT-006 allows: IPv6 families only with ipv6 on the network, IPV6 only on AWS flat and isolated clusters. */
function allowedFamily(cloud: CloudName, ipv6: boolean, model: Model, family: Family): Family {
  if (!ipv6) return 'IPV4';
  if (family === 'IPV6' && (cloud === 'gcp' || model === 'island' || model === 'archipelago')) return 'DUAL_STACK';
  return family;
}

/** ipv6AccessType is a GCP dual-stack setting alone (INPUT-006). */
const allowedAccess = (cloud: CloudName, family: Family, access: Access): Access => (cloud === 'gcp' && family === 'DUAL_STACK' ? access : undefined);

const family = fc.constantFrom<Family>('IPV4', 'DUAL_STACK', 'IPV6');
const access = fc.constantFrom<Access>(undefined, 'INTERNAL', 'EXTERNAL');
const egress = fc.constantFrom<EgressSpec>(undefined, 'masquerade', 'nat');
const maxNodes = fc.option(fc.constantFrom(3, 10, 50, 100, 250), { nil: undefined });

const ingressSpecs = fc.subarray<IngressSpec>(['nodePort', 'nodePortFromOther', 'loadBalancer', 'proxy']);
const member: fc.Arbitrary<MemberSpec> = fc.record({ maxNodes, family, access, egress, ingress: fc.option(ingressSpecs, { nil: undefined }) });

const cluster: fc.Arbitrary<ClusterSpec> = fc.record({
  // Flat clusters most often: their pairs carry the most promises (VERIFY-001, 013, 015).
  model: fc.constantFrom<Model>('flat', 'flat', 'flat', 'island', 'island', 'isolated', 'archipelago', 'archipelago'),
  id: fc.constantFrom<IdStyle>('plain', 'plain', 'underscore', 'dotted', 'nested'),
  maxNodes,
  maxPodsPerNode: fc.option(fc.constantFrom(16, 32, 64, 110), { nil: undefined }),
  family,
  access,
  routes: fc.boolean(),
  ingress: ingressSpecs,
  ports: fc.subarray([80, 443, 8443], { minLength: 1 }),
  egress,
  expose: fc.boolean(),
  exposeToOther: fc.boolean(),
  pinPods: fc.boolean(),
  members: fc.array(member, { minLength: 1, maxLength: 3 }),
});

const network = (cloud: CloudName, most: number): fc.Arbitrary<NetworkSpec> => fc.record({
  cloud: fc.constant(cloud),
  zones: fc.integer({ min: 2, max: 3 }),
  singleNat: fc.boolean(),
  privateControlPlanes: fc.boolean(),
  ipv6: fc.boolean(),
  other: fc.boolean(),
  hole: fc.boolean(),
  clusters: fc.array(cluster, { minLength: 1, maxLength: most }),
}).map((n) => normalized(n));

/** The spec with only what the library allows: every combination INPUT-006 and MODEL-010 refuse is rewritten to its nearest allowed one. */
function normalized(n: NetworkSpec): NetworkSpec {
  // GCP-GKE-013 (a documented limitation): an NCC hub exchanges no static routes, so islands and
  // archipelagos never reach routes-based pods; such networks get VPC-native flat clusters only.
  const islands = n.clusters.some((c) => c.model === 'island' || c.model === 'archipelago');
  const clusters = n.clusters.map((c) => {
    const fam = allowedFamily(n.cloud, n.ipv6, c.model, c.family);
    const gateways = c.model === 'island' || c.model === 'archipelago';
    return {
      ...c,
      family: fam,
      access: allowedAccess(n.cloud, fam, c.access),
      // Routes-based pods: GCP flat IPv4 clusters only (not on AWS; GCP-IPV6-001 refuses dual-stack).
      routes: c.routes && n.cloud === 'gcp' && c.model === 'flat' && fam === 'IPV4' && !islands,
      ingress: gateways ? c.ingress.filter((g) => g !== 'nodePortFromOther' || n.other) : [],
      egress: gateways ? c.egress : undefined,
      expose: c.expose && c.model === 'isolated',
      exposeToOther: c.exposeToOther && c.expose && c.model === 'isolated' && n.other,
      pinPods: c.pinPods && gateways,
      members: c.model !== 'archipelago' ? [] : c.members.map((m) => {
        const mf = allowedFamily(n.cloud, n.ipv6, 'archipelago', m.family);
        return { ...m, family: mf, access: allowedAccess(n.cloud, mf, m.access), ingress: m.ingress?.filter((g) => g !== 'nodePortFromOther' || n.other) };
      }),
    };
  });
  return { ...n, singleNat: n.singleNat && n.cloud === 'aws', privateControlPlanes: n.privateControlPlanes && n.cloud === 'gcp', zones: n.cloud === 'aws' ? n.zones : 0, clusters };
}

const estates: fc.Arbitrary<EstateSpec> = fc.record({
  space: fc.constantFrom<EstateSpec['space']>('10.0.0.0/8', '172.16.0.0/12'),
  cloud: fc.constantFrom<CloudName>('gcp', 'aws'),
  second: fc.constantFrom<'none' | 'linked' | 'apart'>('none', 'none', 'linked', 'linked', 'apart'),
  otherCloud: fc.boolean(),
  link: fc.record({ tunnels: fc.constantFrom<2 | 4>(2, 4), stack: fc.constantFrom<'own' | 'gcp' | 'aws'>('own', 'own', 'gcp', 'aws') }),
}).chain(({ space, cloud, second, otherCloud, link }) => fc.record({
  space: fc.constant(space),
  main: network(cloud, 5),
  second: second === 'none' ? fc.constant(undefined) : network(second === 'linked' || otherCloud ? (cloud === 'gcp' ? 'aws' : 'gcp') : cloud, 3)
    .map((n) => ({ network: n, ...second === 'linked' ? { link } : {} })),
}));

/** The halves users carve an estate's space into when two networks share it (examples/multicloud.ts). */
function cidrsOf(e: EstateSpec): [string, string] {
  if (!e.second) return [e.space, ''];
  return e.space === '10.0.0.0/8' ? ['10.0.0.0/9', '10.128.0.0/9'] : ['172.16.0.0/13', '172.24.0.0/13'];
}

/** Other: the last /16 of the network's space (hosts that already exist). */
function otherOf(cidr: string): string {
  const [a, b] = cidr.split('/')[0].split('.').map(Number);
  const prefix = Number(cidr.split('/')[1]);
  const last = b + 2 ** (16 - prefix) - 1;
  return `${a}.${last}.0.0/16`;
}

/**
 * The hole of Hockin's talk: the network's first /14 (10.0.0.0/14 in 10.0.0.0/8), for island and
 * archipelago ranges; in 10/8 only. In 172.16/12 that /14 holds 172.17.0.0/16, which GKE keeps for
 * the Docker bridge, so an archipelago's default /14 super-range cannot fit it (PLAN-001 says so).
 */
const holeOf = (cidr: string) => (cidr.startsWith('10.') ? `${cidr.split('/')[0]}/14` : undefined);

function cloudOf(n: NetworkSpec): ICloud {
  if (n.cloud === 'gcp') return Cloud.gcp({ region: 'us-central1', ...n.privateControlPlanes ? { privateControlPlanes: true } : {} });
  // An AWS archipelago's VPC takes one block plus a node and a pod block per member (README "What
  // the planner guarantees"): 3 members need 7, above AWS's default quota of 5 (AWS-VPC-004 says
  // so). The user who reads that asks AWS for more and says so, as here.
  const members = Math.max(0, ...n.clusters.map((c) => c.members.length));
  return Cloud.aws({
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'].slice(0, n.zones),
    ...n.singleNat ? { natGateways: AwsNatGateways.SINGLE } : {},
    ...1 + 2 * members > 5 ? { vpcBlockQuota: 1 + 2 * members } : {},
  });
}

const ingressOf = (c: ClusterSpec, other: string): Ingress[] | undefined => {
  if (!c.ingress.length) return undefined;
  return c.ingress.map((g) => {
    switch (g) {
      case 'nodePort': return Ingress.nodePort();
      case 'nodePortFromOther': return Ingress.nodePort({ sourceRanges: [other] });
      case 'loadBalancer': return Ingress.loadBalancer({ ports: c.ports });
      case 'proxy': return Ingress.proxy();
    }
  });
};
const egressOf = (e: EgressSpec): Egress | undefined => (e === 'nat' ? Egress.nat() : e === 'masquerade' ? Egress.masquerade() : undefined);
const familyOf = (f: Family, a: Access) => ({
  ...f === 'IPV4' ? {} : { ipFamily: f === 'IPV6' ? IpFamily.IPV6 : IpFamily.DUAL_STACK },
  ...a === undefined ? {} : { ipv6AccessType: a === 'EXTERNAL' ? Ipv6AccessType.EXTERNAL : Ipv6AccessType.INTERNAL },
});
const sizeOf = (s: { maxNodes?: number; maxPodsPerNode?: number }) => ({
  ...s.maxNodes === undefined ? {} : { maxNodes: s.maxNodes },
  ...s.maxPodsPerNode === undefined ? {} : { maxPodsPerNode: s.maxPodsPerNode },
});

/** Builds one network's stack and clusters, as a user writes them. */
function buildNetwork(app: App, id: string, n: NetworkSpec, cidr: string, planFile: string): Network {
  const cloud = cloudOf(n);
  const stack = cloudStack(app, id, cloud);
  const other = otherOf(cidr);
  const network = new Network(stack, 'main', {
    cidr,
    cloud,
    estate: 'fuzz',
    planFile,
    frozen: false,
    ...n.ipv6 ? { ipv6: true } : {},
    ...n.other ? { reserved: [{ cidr: other, name: 'other' }] } : {},
    ...n.hole && holeOf(cidr) ? { islandCidr: holeOf(cidr) } : {},
  });
  // The island space's first /16 and /14, which islands and archipelagos reuse (the talk's pins). On
  // AWS a pod range becomes a VPC block, and AWS refuses 10.0.0.0/16 beside another block of
  // 10.0.0.0/15 (AWS-VPC-003): there the hole's second /16.
  const islandSpace = n.hole && holeOf(cidr) ? holeOf(cidr)! : '100.64.0.0/10';
  const [a, b] = islandSpace.split('/')[0].split('.').map(Number);
  const islandPods = `${a}.${b + (n.cloud === 'aws' && islandSpace === '10.0.0.0/14' ? 1 : 0)}.0.0/16`;
  const superRange = `${a}.${b}.0.0/14`;
  let team: Construct | undefined;
  n.clusters.forEach((c, i) => {
    const cid = c.id === 'underscore' ? `c_${i}` : c.id === 'dotted' ? `c${i}.v2` : `c${i}`;
    const scope = c.id === 'nested' ? team ??= new Construct(stack, 'team') : stack;
    const base = { network, ...sizeOf(c), ...familyOf(c.family, c.access) };
    switch (c.model) {
      case 'flat': new FlatCluster(scope, cid, { ...base, ...c.routes ? { podRouting: PodRouting.ROUTES } : {} }); break;
      case 'island': new IslandCluster(scope, cid, { ...base, ingress: ingressOf(c, other), egress: egressOf(c.egress), ...c.pinPods ? { podCidr: islandPods } : {} }); break;
      case 'isolated': new IsolatedCluster(scope, cid, {
        ...base,
        ...c.expose ? { exposeApiEndpoint: true } : {},
        ...c.exposeToOther ? { apiEndpointSourceRanges: [other] } : {},
      }); break;
      case 'archipelago': {
        const archipelago = new Archipelago(scope, cid, { network, ingress: ingressOf(c, other), egress: egressOf(c.egress), ...c.pinPods ? { podCidr: superRange } : {} });
        c.members.forEach((m, j) => archipelago.addCluster(`m${j}`, {
          ...sizeOf(m), ...familyOf(m.family, m.access), egress: egressOf(m.egress),
          ...m.ingress === undefined ? {} : { ingress: ingressOf({ ...c, ingress: m.ingress }, other) ?? [] },
        }));
        break;
      }
    }
  });
  return network;
}

/** `synth` without cdktf's metadata, as `Testing.synth` returns a stack: the verifier reads the paths back from the names. */
function withoutPaths(synth: string): string {
  const tf = JSON.parse(synth);
  delete tf['//'];
  for (const byName of Object.values<Record<string, Record<string, unknown>>>(tf.resource ?? {})) for (const body of Object.values(byName)) delete body['//'];
  return JSON.stringify(tf);
}

interface Outcome {
  readonly thrown?: string;
  readonly errors: string[];
  readonly findings: string[];
  /** Clusters the address plans hand the verifier: every one built, or a promise goes unchecked. */
  readonly verified: number;
}

/** How many clusters `e` builds (each archipelago member is one). */
const clustersOf = (e: EstateSpec) => [...e.main.clusters, ...(e.second?.network.clusters ?? [])]
  .reduce((sum, c) => sum + (c.model === 'archipelago' ? c.members.length : 1), 0);

/** Synthesizes the estate into a temp cdktf.out and verifies it, per stack and as one estate. */
function run(e: EstateSpec): Outcome {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-fuzz-'));
  try {
    const planFile = path.join(dir, 'cidr-plan.lock.json');
    const app = new App({ outdir: path.join(dir, 'cdktf.out') });
    const [mainCidr, secondCidr] = cidrsOf(e);
    const networks = [buildNetwork(app, `fz-${e.main.cloud}`, e.main, mainCidr, planFile)];
    if (e.second) networks.push(buildNetwork(app, `fz-${e.second.network.cloud}${e.second.network.cloud === e.main.cloud ? '-2' : ''}`, e.second.network, secondCidr, planFile));
    const link = e.second?.link;
    if (link) {
      const gcp = networks.find((n) => n.cloud.provider === CloudProvider.GCP)!;
      const aws = networks.find((n) => n.cloud.provider === CloudProvider.AWS)!;
      // Its own stack, or either network's: the stack that holds it takes both providers.
      const stack = link.stack === 'own' ? new TerraformStack(app, 'fz-link') : TerraformStack.of(link.stack === 'gcp' ? gcp : aws);
      if (link.stack !== 'gcp') new GoogleProvider(stack, 'google', { project: 'acme', region: 'us-central1' });
      if (link.stack !== 'aws') new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      new CloudLink(stack, 'gcp-aws', { gcp, aws, tunnels: link.tunnels });
    }
    try {
      app.synth();
    } catch (err) {
      return { thrown: (err as Error).message.split('\n').slice(0, 12).join('\n'), errors: [], findings: [], verified: 0 };
    }
    const errors = networks.flatMap((n) => n.violations())
      .filter((v) => v.severity === Severity.ERROR && v.suppressedReason === undefined)
      .map((v) => `[${v.path}] ${v.ruleId}: ${v.message}`);
    const outdir = path.join(dir, 'cdktf.out');
    // Each stack alone, as written (construct paths recorded) and as Testing.synth returns it (none).
    const perStack = stacksOf(outdir).flatMap((s) => [s.synth, withoutPaths(s.synth)].flatMap((synth, i) =>
      verifyNetworkModel({ synth, addressPlans: s.addressPlans }).findings.map((f) => `(stack ${s.name}${i ? ', no paths' : ''}) ${f.message}`)));
    const estate = verifyNetworkModel({ outdir }).findings.map((f) => `(estate) ${f.message}`);
    const verified = stacksOf(outdir).flatMap((s) => s.addressPlans).reduce((sum, p) => sum + JSON.parse(p).clusters.length, 0);
    return { errors, findings: [...new Set([...perStack, ...estate])], verified };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('every random natural estate synthesizes, breaks no rule and keeps every promise of its models', () => {
  process.env.CHECKPOINT_DISABLE = '1';
  fc.assert(fc.property(estates, (e) => {
    expect(untraced(() => run(e))).toEqual({ errors: [], findings: [], verified: clustersOf(e) });
  }), { numRuns: RUNS, ...SEED === undefined ? {} : { seed: SEED } });
}, Math.max(120_000, RUNS * 2_000));
