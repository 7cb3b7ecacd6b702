import { Cidr, DEFAULT_NODE_MASK, nodeMaskProblem, serviceRangeProblems } from '../../ipam';
import { hasIpv4Pods, NetworkPlan } from '../../model/plan';
import { defineRule, IPolicyRule, PolicyFinding, Severity } from '../rule';

function serviceRule(id: string, statement: string): IPolicyRule {
  return defineRule(id, Severity.ERROR, statement, (plan: NetworkPlan) => plan.clusters.filter(hasIpv4Pods).flatMap((c) =>
    serviceRangeProblems(Cidr.parse(c.serviceCidr))
      .filter((p) => p.ruleId === id)
      .map((p): PolicyFinding => ({ path: c.path, message: `${p.message} (serviceCidr of ${c.path})` }))));
}

const k8s001 = serviceRule('K8S-001', 'The service range is no larger than kube-apiserver accepts: IPv4 /12, IPv6 /108.');
const k8s002 = serviceRule('K8S-002', 'The service range has at least 8 addresses; the kubernetes Service takes index 1.');
const k8s003 = serviceRule('K8S-003', 'The service range holds index 10, which kubeadm gives cluster DNS.');

const k8s004 = defineRule('K8S-004', Severity.WARNING,
  'A node mask other than Kubernetes\' default (/24 IPv4, /64 IPv6) must be passed to kube-controller-manager.',
  (plan) => plan.clusters.filter(hasIpv4Pods).flatMap((c) => {
    const family = Cidr.parse(c.podCidr).family;
    if (c.nodeMaskSize === DEFAULT_NODE_MASK[family]) return [];
    return [{
      path: c.path,
      message: `node mask /${c.nodeMaskSize} of ${c.path} is not Kubernetes' default /${DEFAULT_NODE_MASK[family]}: run kube-controller-manager with --node-cidr-mask-size=${c.nodeMaskSize} (kubeControllerManagerArgs has it); a managed control plane must be given the same pods per node`,
    }];
  }));

const k8s005 = defineRule('K8S-005', Severity.ERROR,
  'The node mask is at least the pod range\'s prefix and at most the family\'s width; IPv6 node masks are at most 16 bits longer than the pod range.',
  (plan) => plan.clusters.filter(hasIpv4Pods).flatMap((c) => {
    const problem = nodeMaskProblem(Cidr.parse(c.podCidr), c.nodeMaskSize);
    return problem ? [{ path: c.path, message: `${problem.message} (${c.path})` }] : [];
  }));

/** The Kubernetes rules, K8S-001 to K8S-005. */
export const K8S_RULES: readonly IPolicyRule[] = [k8s001, k8s002, k8s003, k8s004, k8s005];
