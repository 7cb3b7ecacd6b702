// AWS-NAME-001: load balancer and target group names are unique per region across the app.
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { Archipelago, Cloud, Ingress, IslandCluster, IsolatedCluster, Policy } from '../../lib';
import { awsNamesOf } from '../../lib/aws/name-rule';
import { pathId } from '../../lib/aws/names';
import { AWS_RULES } from '../../lib/aws/rules';
import { estate, handPlan, synthError, synthStack } from '../support';
import { findings, has, REGION } from './support';

const TAIL = '; AWS refuses a second one of one name there — rename one construct (names are construct paths with "/" and other characters as "-"; load balancer and target group names are cut to 32 characters with a hash)';
const aws = (stackId = 'corp', first?: ReturnType<typeof estate>) => estate({
  cidr: stackId === 'corp' ? '10.0.0.0/8' : '172.16.0.0/12', cloud: Cloud.aws({ region: REGION }), planFile: first?.planFile,
}, stackId, first?.app);

describe('AWS-NAME-001: load balancer and target group names are unique per region', () => {
  test('passes on distinct names; synth writes them', () => {
    const e = aws();
    new IslandCluster(e.stack, 'x', { network: e.network, ingress: [Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()] });
    new IslandCluster(e.stack, 'y', { network: e.network, ingress: [Ingress.loadBalancer({ ports: [443] })] });
    expect(findings(e.network, 'AWS-NAME-001')).toEqual([]);
    const json = synthStack(e.stack);
    has(json, 'aws_lb', { name: 'corp-x-nlb' });
    has(json, 'aws_lb', { name: 'corp-x-alb' });
    has(json, 'aws_lb_target_group', { name: 'corp-y-nlb-443' });
  });

  test('stacks corp (island x-y) and corp-x (island y) in one app: corp-x-y-nlb', () => {
    const first = aws();
    new IslandCluster(first.stack, 'x-y', { network: first.network, ingress: [Ingress.loadBalancer({ ports: [443] })] });
    const second = aws('corp-x', first);
    new IslandCluster(second.stack, 'y', { network: second.network, ingress: [Ingress.loadBalancer({ ports: [443] })] });
    expect(findings(first.network, 'AWS-NAME-001')).toEqual([]);
    expect(findings(second.network, 'AWS-NAME-001')).toEqual([
      `[corp-x/y] corp/x-y and corp-x/y get the same AWS names: load balancer corp-x-y-nlb in ${REGION}, target group corp-x-y-nlb-443 in ${REGION}${TAIL}`,
    ]);
    expect(synthError(second.stack)).toContain('[corp-x/y] AWS-NAME-001: corp/x-y and corp-x/y get the same AWS names');
  });

  test('32 characters cut alike: two long paths that differ only past the cut keep distinct names (the hash)', () => {
    const e = aws();
    const deep = new Construct(e.stack, 'a-very-long-team-name-for-the-platform');
    new IslandCluster(deep, 'cluster-one', { network: e.network, ingress: [Ingress.proxy()] });
    new IslandCluster(deep, 'cluster-two', { network: e.network, ingress: [Ingress.proxy()] });
    expect(findings(e.network, 'AWS-NAME-001')).toEqual([]);
  });

  test('security groups of one VPC: archipelago members a_b and a-b both make corp-fleet-a-b-nodes-sg and corp-fleet-a-b-pods-sg', () => {
    const e = aws();
    const fleet = new Archipelago(e.stack, 'fleet', { network: e.network });
    fleet.addCluster('a_b');
    fleet.addCluster('a-b');
    expect(findings(e.network, 'AWS-NAME-001')).toEqual([
      `[corp/fleet/a-b] corp/fleet/a_b and corp/fleet/a-b get the same AWS names: security group corp-fleet-a-b-nodes-sg in the VPC of corp/fleet, security group corp-fleet-a-b-pods-sg in the VPC of corp/fleet${TAIL}`,
    ]);
  });

  test('security groups of different VPCs may share a name: islands a_b and a-b have a VPC each', () => {
    const e = aws();
    new IslandCluster(e.stack, 'a_b', { network: e.network });
    new IslandCluster(e.stack, 'a-b', { network: e.network });
    expect(findings(e.network, 'AWS-NAME-001')).toEqual([]);
  });

  test('the security group names listed are those synth writes', () => {
    const e = aws();
    const fleet = new Archipelago(e.stack, 'fleet', { network: e.network });
    fleet.addCluster('a', { ingress: [Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()] });
    new IsolatedCluster(e.stack, 'vault', { network: e.network, exposeApiEndpoint: true });
    new IslandCluster(e.stack, 'batch', { network: e.network, ingress: [Ingress.proxy()] });
    const json = JSON.parse(synthStack(e.stack));
    const sketch = e.network.plan.appNetworks!.find((n) => n.path === 'corp/main')!;
    const listed = awsNamesOf(sketch).map((r) => `${r.kind} ${r.name}`).sort();
    const written = [
      ...Object.values<{ name: string }>(json.resource.aws_security_group).map((g) => `security group ${g.name}`),
      ...Object.values<{ name: string; load_balancer_type: string }>(json.resource.aws_lb).map((g) => `load balancer ${g.name}`),
      ...Object.values<{ name: string }>(json.resource.aws_lb_target_group).map((g) => `target group ${g.name}`),
    ].sort();
    expect(listed).toEqual(written);
  });

  test('cannot be suppressed', () => {
    const e = aws();
    new IslandCluster(new Construct(e.stack, 'x'), 'y', { network: e.network, ingress: [Ingress.proxy()] });
    const second = new IslandCluster(e.stack, 'x-y', { network: e.network, ingress: [Ingress.proxy()] });
    Policy.suppress(second, 'AWS-NAME-001', 'we know what we are doing here');
    const error = synthError(e.stack);
    expect(error).toContain('[corp/x-y] INPUT-002: Policy.suppress: AWS-NAME-001 cannot be suppressed');
    expect(error).toContain(`[corp/x-y] AWS-NAME-001: corp/x/y and corp/x-y get the same AWS names: load balancer corp-x-y-alb in ${REGION}${TAIL}`);
  });

  test('a plan written by hand lists no networks of the app: nothing to compare', () => {
    expect(AWS_RULES.find((r) => r.id === 'AWS-NAME-001')!.check(handPlan({}))).toEqual([]);
  });
});

describe('pathId: a construct path as part of a construct id, one to one', () => {
  /** A construct at `corp/<path>`, in an app of its own. */
  const at = (path: string) => path.split('/').reduce<Construct>((scope, id) => new Construct(scope, id), new Construct(new App(), 'corp'));
  test('letters, digits and single hyphens read back: "/" becomes "--"', () => {
    expect(pathId(at('a-b'))).toBe('corp--a-b');
    expect(pathId(at('x/a/b'))).toBe('corp--x--a--b');
  });
  test('paths that one hyphen per character would merge get ids of their own', () => {
    const paths = ['y/a-b', 'y/a/b', 'y/a--b', 'y/a_b', 'y/a-/b', 'y/a/-b', 'y/a b', 'y/a.b'];
    const ids = paths.map((p) => pathId(at(p)));
    expect(new Set(ids).size).toBe(paths.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9-]+$/);
    expect(pathId(at('y/a_b'))).toMatch(/^corp-y-a-b-[0-9a-f]{7}$/);
  });
});
