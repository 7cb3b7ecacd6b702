// The Kubernetes rules (K8S-001 to K8S-005): service range size and indexes, node mask.
import { Testing } from 'cdktf';
import { FlatCluster, IslandCluster, Severity } from '../../lib';
import { estate, expectErrors, expectNoViolation, expectSynthPasses, violationsOf, warningsOf } from './support';

/** A flat cluster `corp/prod` on pods 10.0.0.0/16 and nodes 10.240.0.0/24, with `props` on top. */
function prod(props: { serviceCidr?: string; nodeMaskSize?: number; podCidr?: string; maxPodsPerNode?: number } = {}) {
  const e = estate();
  const cluster = new FlatCluster(e.stack, 'prod', { network: e.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', ...props });
  return { ...e, cluster };
}

describe('K8S-001: the service range is at most a /12', () => {
  test('passes: a /12 service range, the largest kube-apiserver accepts', () => {
    const e = prod({ serviceCidr: '10.32.0.0/12' });
    expectNoViolation(e, 'K8S-001');
    expectSynthPasses(e);
  });

  test('fails: a /11 service range', () => {
    const e = prod({ serviceCidr: '10.32.0.0/11' });
    expectErrors(e, 'K8S-001', [{
      path: 'corp/prod',
      message: 'service range 10.32.0.0/11 is larger than the /12 kube-apiserver accepts for IPv4: use a /12 or smaller range (serviceCidr of corp/prod)',
    }]);
  });
});

describe('K8S-002: the service range has at least 8 addresses', () => {
  test('passes: a /29 has 8 addresses (K8S-003 still wants a /28)', () => {
    const e = prod({ serviceCidr: '10.2.0.0/29' });
    expectNoViolation(e, 'K8S-002');
    expect(violationsOf(e.network, 'K8S-003')).toHaveLength(1);
  });

  test('fails: a /30 has 4 addresses (and, being smaller than a /28, breaks K8S-003 too)', () => {
    const e = prod({ serviceCidr: '10.2.0.0/30' });
    expectErrors(e, 'K8S-002', [{
      path: 'corp/prod',
      message: 'service range 10.2.0.0/30 has 4 addresses, fewer than the 8 Kubernetes needs: use a /29 or larger range (serviceCidr of corp/prod)',
    }]);
    expect(() => Testing.synth(e.stack, true)).toThrow('[corp/prod] K8S-003: service range 10.2.0.0/30 does not hold index 10');
  });
});

describe('K8S-003: the service range holds index 10 (kubeadm\'s cluster DNS)', () => {
  test('passes: a /28, the smallest range with index 10', () => {
    const e = prod({ serviceCidr: '10.2.0.0/28' });
    e.network.planNow();
    expect(e.cluster.dnsServiceIp).toBe('10.2.0.10');
    expectNoViolation(e, 'K8S-003');
    expectSynthPasses(e);
  });

  test('fails: a /29 stops at index 7', () => {
    const e = prod({ serviceCidr: '10.2.0.0/29' });
    expectErrors(e, 'K8S-003', [{
      path: 'corp/prod',
      message: 'service range 10.2.0.0/29 does not hold index 10, the address kubeadm gives cluster DNS: use a /28 or larger range (serviceCidr of corp/prod)',
    }]);
  });

  test('fails on an island\'s private service range too', () => {
    const e = estate();
    new IslandCluster(e.stack, 'batch', { network: e.network, serviceCidr: '100.127.0.0/29' });
    expectErrors(e, 'K8S-003', [{
      path: 'corp/batch',
      message: 'service range 100.127.0.0/29 does not hold index 10, the address kubeadm gives cluster DNS: use a /28 or larger range (serviceCidr of corp/batch)',
    }]);
  });
});

describe('K8S-004 (warning): a node mask other than /24 must reach kube-controller-manager', () => {
  test('passes: 110 pods per node get the default /24', () => {
    const e = prod({ maxPodsPerNode: 110 });
    expect(e.cluster.nodeMaskSize).toBe(24);
    expectNoViolation(e, 'K8S-004');
    expectSynthPasses(e);
    expect(warningsOf(e.cluster)).toEqual([]);
  });

  test('fails: a /25 node mask warns on the cluster; synth goes on', () => {
    const e = prod({ nodeMaskSize: 25 });
    const message = 'node mask /25 of corp/prod is not Kubernetes\' default /24: run kube-controller-manager with --node-cidr-mask-size=25 (kubeControllerManagerArgs has it); a managed control plane must be given the same pods per node';
    expect(violationsOf(e.network, 'K8S-004')).toEqual([{ ruleId: 'K8S-004', severity: Severity.WARNING, path: 'corp/prod', message }]);
    expectSynthPasses(e);
    expect(warningsOf(e.cluster)).toEqual([`K8S-004: ${message}`]);
    expect(e.cluster.kubeControllerManagerArgs).toContain('--node-cidr-mask-size=25');
  });
});

describe('K8S-005: the node mask lies between the pod range\'s prefix and /32', () => {
  test.each([16, 24, 32])('passes: node mask /%i on a /16 pod range', (nodeMaskSize) => {
    const e = prod({ nodeMaskSize });
    expectNoViolation(e, 'K8S-005');
  });

  test('fails: a /15 node mask is shorter than the /16 pod range', () => {
    const e = prod({ nodeMaskSize: 15 });
    expectErrors(e, 'K8S-005', [{
      path: 'corp/prod',
      message: 'nodeMaskSize 15 does not fit pod range 10.0.0.0/16: it must be a whole number from /16 (the pod range\'s prefix) to /32 (corp/prod)',
    }]);
  });
});
