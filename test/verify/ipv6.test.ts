// An IPv6 isolated cluster (IpFamily.IPV6: no IPv4 pod or service range) in the address plan:
// the verifier has no pod promise to check, and still holds its IPv4 nodes isolated.
import { verifyNetworkModel } from '../../lib';
import { MUTATIONS } from './mutations';
import { stacksOf, synthExamples } from './support';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the address plan as JSON
type Json = any;

const stacks = stacksOf(synthExamples());

/** The address plan with its isolated clusters made IPv6: no pod or service range. */
function isolatedIpv6(text: string): { plan: string; isolated: string[] } {
  const plan: Json = JSON.parse(text);
  const isolated: string[] = plan.clusters.filter((c: Json) => c.model === 'ISOLATED').map((c: Json) => c.path);
  for (const c of plan.clusters.filter((x: Json) => isolated.includes(x.path))) {
    Object.assign(c, { podCidr: '', serviceCidr: '', apiServerServiceIp: '', dnsServiceIp: '', kubeControllerManagerArgs: [], ipFamily: 'IPV6' });
  }
  plan.ranges = plan.ranges.filter((r: Json) => !(isolated.includes(r.owner) && (r.role === 'pod' || r.role === 'service')));
  return { plan: JSON.stringify(plan), isolated };
}

describe('an IPv6 isolated cluster', () => {
  const rows = stacks.map((s) => ({ stack: s, ...isolatedIpv6(s.addressPlans[0]) })).filter((r) => r.isolated.length > 0);

  test('the examples have isolated clusters to make IPv6', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  test.each(MUTATIONS.filter((m) => m.expect === 'VERIFY-008').map((m) => [m.name, m] as const))('%s: still reported (VERIFY-008): its nodes are isolated too', (_name, mutation) => {
    let applied = 0;
    for (const { stack, plan } of rows) {
      const tf = JSON.parse(stack.synth);
      if (!mutation.apply(tf, JSON.parse(plan))) continue;
      applied++;
      // The examples' Terraform was rendered for IPv4 pods (a firewall may still admit the old pod range): what counts is what the mutation adds.
      const isolation = (synth: string) => verifyNetworkModel({ synth, addressPlans: [plan, ...stack.addressPlans.slice(1)] }).findings
        .filter((f) => f.id === 'VERIFY-008').map((f) => f.message);
      const baseline = isolation(stack.synth);
      const added = isolation(JSON.stringify(tf)).filter((m) => !baseline.includes(m));
      expect({ stack: stack.name, added: added.length > 0 }).toEqual({ stack: stack.name, added: true });
    }
    expect(applied).toBeGreaterThan(0);
  });
});
