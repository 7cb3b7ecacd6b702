// The AWS-LB-* rules: what a cluster's load balancers ask of AWS (the ALB's subnets, the NLB's
// listeners), checked on the plain plan. gateways.ts builds the load balancers.
import { Cidr } from '../ipam';
import { IngressKind, loadBalancerPorts } from '../model/gateways';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../policy/rule';
import { ALB_SUBNET_PREFIX, describeZones, subnetSourceOf } from './layout';

const lb001 = defineRule('AWS-LB-001', Severity.ERROR,
  'An application load balancer (proxy gateway) has subnets in at least 2 availability zones, each a /27 or larger (8 free addresses to scale).',
  (plan) => plan.clusters
    .filter((c) => c.ingress.some((g) => g.kind === IngressKind.PROXY))
    .flatMap((c): PolicyFinding[] => {
      const subnets = plan.ranges.filter((r) => r.owner === c.path && subnetSourceOf(r) === 'proxy');
      const zones = [...new Set(subnets.map((r) => r.zone!))];
      const findings: PolicyFinding[] = [];
      if (zones.length < 2) {
        findings.push({
          path: c.path,
          message: `the ALB of ${c.path} has subnets in ${describeZones(zones)}; an application load balancer needs at least 2 — list two or more zones in Cloud.aws({ region, availabilityZones })`,
        });
      }
      for (const r of subnets.filter((s) => Cidr.parse(s.cidr).prefix > ALB_SUBNET_PREFIX)) {
        findings.push({
          path: c.path,
          message: `ALB subnet ${r.cidr} (${r.name}) of ${c.path} is a /${Cidr.parse(r.cidr).prefix}, smaller than the /${ALB_SUBNET_PREFIX} an application load balancer needs (8 free addresses to scale) — use Ingress.proxy({ subnetMaskSize: ${ALB_SUBNET_PREFIX} }) or a shorter mask`,
        });
      }
      return findings;
    }));

/**
 * Listeners a network load balancer may have: AWS's "Listeners per Network Load Balancer" is 50
 * and cannot be raised (Elastic Load Balancing, "Quotas for your Network Load Balancers").
 */
const NLB_LISTENERS = 50;

const lb002 = defineRule('AWS-LB-002', Severity.ERROR,
  `A cluster's network load balancer (its Ingress.loadBalancer gateways, one listener and target group per port) forwards at most ${NLB_LISTENERS} ports: ` +
  `AWS's quota of listeners per network load balancer is ${NLB_LISTENERS} and cannot be raised (the API refuses more; this rule cannot be suppressed).`,
  (plan) => plan.clusters.flatMap((c): PolicyFinding[] => {
    const ports = loadBalancerPorts(c.ingress);
    if (ports.length <= NLB_LISTENERS) return [];
    return [{
      path: c.path,
      message: `the network load balancer of ${c.path} would forward ${ports.length} ports (${ports.slice(0, 5).join(', ')}, ...), one listener each, more than the ${NLB_LISTENERS} listeners ` +
        'AWS lets a network load balancer have (not adjustable) — forward fewer ports through Ingress.loadBalancer (an Ingress.proxy() serves many HTTP services on one port, Ingress.nodePort() every NodePort)',
    }];
  }));

/** The rules of load balancers. */
export const lbRules: readonly IPolicyRule[] = [lb001, lb002];
