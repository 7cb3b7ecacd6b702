// The reachability verifier: proves the network models from the synthesized Terraform JSON.
import { buildMatrix } from './matrix';
import { matrixMarkdown, matrixSvg } from './matrix-draw';
import { buildMatrix6 } from './matrix6';
import { checkLinkPromises } from './link';
import { checkPromises, PROMISES } from './promises';
import { EstateUnderTest, readOutdir, readSynth } from './read';

/** What to verify: a `cdktf.out` directory, or one stack's JSON with its address plans. */
export interface VerifyInput {
  /**
   * A `cdktf.out` directory: every stack and its `address-plan*.json`; networks of one estate are read together.
   * @default - none: `synth` and `addressPlans` are read instead
   */
  readonly outdir?: string;
  /**
   * One stack's Terraform JSON, as `Testing.synth(stack)` returns it.
   * @default - none: `outdir` is read instead
   */
  readonly synth?: string;
  /**
   * The text of the `address-plan*.json` files of the stack's networks (written at synth beside the stack).
   * @default - none (required with `synth`)
   */
  readonly addressPlans?: string[];
}

/** A broken promise of a network model. */
export interface VerifyFinding {
  /** The promise's id, e.g. `VERIFY-003`. */
  readonly id: string;
  /** The promise, in words. */
  readonly promise: string;
  /** Path of the network. */
  readonly network: string;
  /** The source of the pair (a range, or what the finding is about). */
  readonly from: string;
  /** The destination of the pair. */
  readonly to: string;
  /** The path found, or what is missing. */
  readonly found: string;
  /**
   * The Terraform resource that caused it (`type.name`).
   * @default - none known
   */
  readonly resource?: string;
  /** One line: id, pair, what was found, the resource. */
  readonly message: string;
}

/** How traffic from one range arrives at another. */
export enum ReachabilityKind {
  /** With the source's own address. */
  DIRECT = 'DIRECT',
  /** Masqueraded to the source's node address (an island's Egress.masquerade()). */
  MASQUERADED = 'MASQUERADED',
  /** Translated by a NAT on the way. */
  NATED = 'NATED',
  /** On the declared gateways' ports only. */
  GATEWAY_ONLY = 'GATEWAY_ONLY',
  /** On some ports, with no gateway declared. */
  PORTS = 'PORTS',
  /** Inside one cluster (its own ranges, its ClusterIPs). */
  IN_CLUSTER = 'IN_CLUSTER',
  /** Not at all. */
  NONE = 'NONE',
}

/** One pair of the reachability matrix. */
export interface ReachabilityCell {
  /** The source range. */
  readonly from: string;
  /** The destination range. */
  readonly to: string;
  /** How it arrives. */
  readonly kind: ReachabilityKind;
  /** The path found, or what stops it. */
  readonly detail: string;
}

/** The reachability of one estate. */
export interface EstateReachability {
  /** The estate (or the lone network's path). */
  readonly estate: string;
  /** Row and column labels, in order. */
  readonly endpoints: string[];
  /** Every pair. */
  readonly cells: ReachabilityCell[];
  /** Column labels of the IPv6 matrix: the nodes of each IPv6 or dual-stack cluster (none when no cluster has IPv6). */
  readonly ipv6Endpoints: string[];
  /** Every pair of the IPv6 matrix: those nodes to each other, and from the internet over IPv6. */
  readonly ipv6Cells: ReachabilityCell[];
  /** The matrices as Markdown tables (IPv4, then IPv6 when a cluster has it). */
  readonly markdown: string;
  /** The matrices as an SVG picture. */
  readonly svg: string;
}

/** What the verifier found. */
export interface VerifyResult {
  /** True when no promise is broken. */
  readonly ok: boolean;
  /** Broken promises. */
  readonly findings: VerifyFinding[];
  /** The reachability matrix of every estate. */
  readonly estates: EstateReachability[];
}

/** Checks every network model's promises against the synthesized Terraform resources. */
export class NetworkVerifier {
  /** Verifies `input`; see {@link verifyNetworkModel}. */
  public static verify(input: VerifyInput): VerifyResult {
    return verifyNetworkModel(input);
  }

  /** Every promise the verifier checks, as `VERIFY-0xx: statement` lines. */
  public static promises(): string[] {
    return Object.entries(PROMISES).map(([id, text]) => `${id}: ${text}`);
  }

  private constructor() {}
}

/**
 * Reads the synthesized Terraform (a `cdktf.out` directory, or one stack's JSON with its
 * address plans) and checks the promises of every cluster's model: flat pods reach each
 * other and Other directly; island pods are reached only through declared gateways and leave
 * as their node or a NAT; isolated clusters have nothing in or out but an exposed API endpoint;
 * archipelago members are flat among themselves and an island to the rest.
 */
export function verifyNetworkModel(input: VerifyInput): VerifyResult {
  const estates = estatesOf(input);
  const raw = estates.flatMap((estate) => [...estate.networks.flatMap((n) => checkPromises(n.plan, n.fabric)), ...checkLinkPromises(estate)]);
  const findings: VerifyFinding[] = raw.map((f) => {
    const at = f.resource ? ` [${f.resource}]` : '';
    return { ...f, promise: PROMISES[f.id], message: `${f.id} ${f.network}: ${f.from} -> ${f.to}: ${f.found}${at}` };
  });
  return {
    ok: findings.length === 0,
    findings,
    estates: estates.map((e) => {
      const m = buildMatrix(e);
      const m6 = buildMatrix6(e);
      const cells = (x: typeof m) => x.cells.map((c) => ({ ...c, kind: c.kind as ReachabilityKind }));
      return {
        estate: m.estate, endpoints: [...m.endpoints], cells: cells(m), ipv6Endpoints: [...m6.endpoints], ipv6Cells: cells(m6),
        markdown: matrixMarkdown(m, m6), svg: matrixSvg(m, m6),
      };
    }),
  };
}

function estatesOf(input: VerifyInput): EstateUnderTest[] {
  if (input?.outdir !== undefined) return readOutdir(input.outdir);
  if (input?.synth !== undefined) return readSynth(input.synth, input.addressPlans ?? []);
  throw new Error('verify: nothing to verify — pass { outdir: "cdktf.out" } or { synth: Testing.synth(stack), addressPlans: [...] }');
}

