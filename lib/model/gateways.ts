import { AddressError, Cidr } from '../ipam';

/** How traffic enters an island: the three gateway forms of Hockin's talk (docs/ARCHITECTURE.md). */
export enum IngressKind {
  /** Service NodePorts on the nodes, reachable from the main network. */
  NODE_PORT = 'NODE_PORT',
  /** A virtual IP: an internal L4 load balancer in front of the nodes. */
  LOAD_BALANCER = 'LOAD_BALANCER',
  /** An L7 proxy (Ingress / Gateway API) with its own subnet in the main network. */
  PROXY = 'PROXY',
}

/** How island pods reach the main network and the internet. */
export enum EgressKind {
  /** Pods masquerade as their node (SNAT on the node). */
  MASQUERADE = 'MASQUERADE',
  /** A NAT gateway translates pod traffic. */
  NAT = 'NAT',
}

/** Options of a NodePort gateway. */
export interface NodePortIngressProps {
  /**
   * Source ranges allowed to reach the NodePorts.
   * @default - the whole main network (warned about: MODEL-009)
   */
  readonly sourceRanges?: string[];
}

/** Options of a load-balancer gateway. */
export interface LoadBalancerIngressProps {
  /** TCP ports the load balancer forwards, e.g. `[443]`. */
  readonly ports: number[];
}

/** Options of a proxy gateway. */
export interface ProxyIngressProps {
  /**
   * Prefix length of each proxy subnet in the main network.
   * @default - 23 on GCP (one regional proxy-only subnet, GCP-LB-001); 27 on AWS (one per availability zone, AWS-LB-001)
   */
  readonly subnetMaskSize?: number;
}

/** Lowest NodePort and highest of Kubernetes' default `--service-node-port-range`. */
export const NODE_PORT_RANGE = { from: 30000, to: 32767 } as const;

/**
 * A gateway into an island or archipelago member.
 *
 * Built with `Ingress.nodePort()`, `Ingress.loadBalancer({ ports })` or `Ingress.proxy()`.
 */
export class Ingress {
  /** NodePort Services on the nodes, reachable from the main network on 30000-32767. */
  public static nodePort(props: NodePortIngressProps = {}): Ingress {
    const ranges = props?.sourceRanges;
    if (ranges !== undefined) {
      // An empty list would open everything on GCP (no source is any source): refuse it, and any text that is no range.
      if (!Array.isArray(ranges) || ranges.length === 0) {
        throw new Error(`Ingress.nodePort: INPUT-002: sourceRanges ${JSON.stringify(ranges)} must be a non-empty list of CIDR ranges, e.g. { sourceRanges: ['10.128.0.0/16'] } — omit it to allow the whole main network`);
      }
      for (const range of ranges) {
        try {
          Cidr.parse(range, 'sourceRanges');
        } catch (e) {
          if (!(e instanceof AddressError)) throw e;
          throw new Error(`Ingress.nodePort: INPUT-001: ${e.message}`);
        }
      }
    }
    return new Ingress(IngressKind.NODE_PORT, [], ranges === undefined ? undefined : ranges.map((r) => Cidr.parse(r).toString()));
  }

  /** An internal L4 load balancer (a VIP) forwarding `ports` to the nodes. */
  public static loadBalancer(props: LoadBalancerIngressProps): Ingress {
    const ports = props?.ports;
    if (!Array.isArray(ports) || ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) {
      const text = Array.isArray(ports) ? ports.find((p) => typeof p !== 'number') : undefined;
      const typed = typeof text === 'string' ? ` (${JSON.stringify(text)} is a string, not a number: write ${text} without quotes)` : '';
      throw new Error(
        `Ingress.loadBalancer: INPUT-002: ports ${JSON.stringify(ports)} must be a non-empty list of TCP ports from 1 to 65535, e.g. { ports: [443] }${typed}`,
      );
    }
    return new Ingress(IngressKind.LOAD_BALANCER, [...new Set(ports)].sort((a, b) => a - b));
  }

  /** An L7 proxy with its own subnet in the main network. */
  public static proxy(props: ProxyIngressProps = {}): Ingress {
    const mask = props.subnetMaskSize;
    if (mask !== undefined && (!Number.isInteger(mask) || mask < 8 || mask > 27)) {
      throw new Error(
        `Ingress.proxy: INPUT-002: subnetMaskSize ${mask} must be a whole prefix length from 8 to 27 (an AWS ALB subnet needs at least a /27, AWS-LB-001; a GCP proxy-only subnet a /26, GCP-LB-001)`,
      );
    }
    return new Ingress(IngressKind.PROXY, [], undefined, mask);
  }

  /** Which gateway. */
  public readonly kind: IngressKind;
  /** Ports forwarded (load balancer); empty otherwise. */
  public readonly ports: number[];
  /** Source ranges allowed in (NodePort); undefined means the whole main network. */
  public readonly sourceRanges?: string[];
  /** Proxy subnet prefix length, when given (proxy only); undefined means the cloud's default. */
  public readonly subnetMaskSize?: number;

  private constructor(kind: IngressKind, ports: number[], sourceRanges?: string[], subnetMaskSize?: number) {
    this.kind = kind;
    this.ports = ports;
    this.sourceRanges = sourceRanges;
    this.subnetMaskSize = subnetMaskSize;
  }
}

/**
 * The ports a cluster's load-balancer gateways forward, each once, ascending (on AWS a listener
 * and a target group each). `ingress` is the cluster's Ingress objects or its GatewayPlans: its
 * sketch and the cloud layers read the ports here, so they never disagree.
 */
export function loadBalancerPorts(ingress: ReadonlyArray<{ readonly kind: IngressKind; readonly ports: readonly number[] }>): number[] {
  return [...new Set(ingress.filter((g) => g.kind === IngressKind.LOAD_BALANCER).flatMap((g) => g.ports))].sort((a, b) => a - b);
}

/** True when `x` is an Ingress made by one of its factories (not a look-alike object from JavaScript). */
export function isIngress(x: unknown): x is Ingress {
  return x instanceof Ingress;
}

/**
 * How pods of an island or archipelago member leave it.
 *
 * Built with `Egress.masquerade()` or `Egress.nat()`.
 */
export class Egress {
  /** Pods masquerade as their node (SNAT); no extra infrastructure. */
  public static masquerade(): Egress {
    return new Egress(EgressKind.MASQUERADE);
  }

  /** A NAT gateway translates pod traffic to the main network and the internet. */
  public static nat(): Egress {
    return new Egress(EgressKind.NAT);
  }

  /** Which egress. */
  public readonly kind: EgressKind;

  private constructor(kind: EgressKind) {
    this.kind = kind;
  }
}

/** Gateways of an island or archipelago member. */
export interface GatewayProps {
  /**
   * How traffic gets in: `Ingress.nodePort()`, `Ingress.loadBalancer({ ports })`, `Ingress.proxy()`.
   * @default - no ingress
   */
  readonly ingress?: Ingress[];
  /**
   * How pods get out: `Egress.masquerade()` (SNAT on the node) or `Egress.nat()`.
   * @default Egress.masquerade()
   */
  readonly egress?: Egress;
}
