// Secure default: an isolated cluster's exposed API endpoint takes HTTPS from the ranges given
// (the main network by default), checked where they are written, rendered on both clouds, and
// a public range is MODEL-011's finding.
import { Testing } from 'cdktf';
import { AwsResources, Cloud, GcpResources, IsolatedCluster, NetworkModel, Policy } from '../../lib';
import { MODEL_RULES } from '../../lib/policy/rules/model-rules';
import { estate, handPlan, synthError, synthStack } from '../support';

const REASON = 'reviewed with the network team in NET-42';
const resources = (json: string, type: string): Array<Record<string, unknown>> => Object.values(JSON.parse(json).resource?.[type] ?? {});

describe('apiEndpointSourceRanges', () => {
  test('GCP: a firewall on the main VPC lets the given ranges reach the endpoint on 443, and nothing else', () => {
    const { stack, network } = estate();
    const vault = new IsolatedCluster(stack, 'vault', { network, exposeApiEndpoint: true, apiEndpointSourceRanges: ['10.128.0.0/16', '10.129.4.0/24'] });
    const json = synthStack(stack);
    expect(Testing.toHaveResourceWithProperties(json, 'google_compute_firewall', {
      name: 'corp-vault-api',
      direction: 'INGRESS',
      source_ranges: ['10.128.0.0/16', '10.129.4.0/24'],
      destination_ranges: [vault.apiEndpointCidr],
      allow: [{ protocol: 'tcp', ports: ['443'] }],
    })).toBe(true);
    expect(GcpResources.of(vault).apiEndpointFirewall).toBeDefined();
  });

  test('GCP: omitted, the whole main network', () => {
    const { stack, network } = estate();
    new IsolatedCluster(stack, 'vault', { network, exposeApiEndpoint: true });
    expect(Testing.toHaveResourceWithProperties(synthStack(stack), 'google_compute_firewall', { name: 'corp-vault-api', source_ranges: ['10.0.0.0/8'] })).toBe(true);
  });

  test('AWS: one security-group rule per range on the endpoint\'s group', () => {
    const { stack, network } = estate({ cloud: Cloud.aws({ region: 'eu-west-1' }) });
    const vault = new IsolatedCluster(stack, 'vault', { network, exposeApiEndpoint: true, apiEndpointSourceRanges: ['10.128.0.0/16', '10.129.4.0/24'] });
    const json = synthStack(stack);
    const https = [...resources(json, 'aws_vpc_security_group_ingress_rule'), ...resources(json, 'aws_security_group_rule')]
      .filter((r) => r.from_port === 443).map((r) => String(r.cidr_ipv4 ?? r.cidr_blocks)).sort();
    expect(https).toEqual(['10.128.0.0/16', '10.129.4.0/24']);
    expect(AwsResources.of(vault).securityGroups.length).toBeGreaterThan(1);
  });

  test('a range given twice is one source: one security-group rule (AWS refuses two alike), one firewall source, listed once in the plan', () => {
    const given = ['10.128.0.0/16', '10.129.4.0/24', '10.128.0.0/16'];
    const aws = estate({ cloud: Cloud.aws({ region: 'eu-west-1' }) });
    const vault = new IsolatedCluster(aws.stack, 'vault', { network: aws.network, exposeApiEndpoint: true, apiEndpointSourceRanges: given });
    expect(vault.apiEndpointSourceRanges).toEqual(['10.128.0.0/16', '10.129.4.0/24']);
    expect(aws.network.plan.clusters.find((c) => c.path === 'corp/vault')!.apiEndpointSourceRanges).toEqual(['10.128.0.0/16', '10.129.4.0/24']);
    const https = resources(synthStack(aws.stack), 'aws_vpc_security_group_ingress_rule').filter((r) => r.from_port === 443).map((r) => String(r.cidr_ipv4)).sort();
    expect(https).toEqual(['10.128.0.0/16', '10.129.4.0/24']);
    const gcp = estate();
    new IsolatedCluster(gcp.stack, 'vault', { network: gcp.network, exposeApiEndpoint: true, apiEndpointSourceRanges: given });
    expect(Testing.toHaveResourceWithProperties(synthStack(gcp.stack), 'google_compute_firewall', { name: 'corp-vault-api', source_ranges: ['10.128.0.0/16', '10.129.4.0/24'] })).toBe(true);
  });

  test.each([
    [['not-a-cidr'], '[corp/vault] INPUT-001: apiEndpointSourceRanges "not-a-cidr" is not a CIDR: write it as address/prefix'],
    [['10.0.0.1/8'], '[corp/vault] INPUT-001: apiEndpointSourceRanges "10.0.0.1/8" has host bits set: did you mean 10.0.0.0/8?'],
    [[], '[corp/vault] INPUT-002: apiEndpointSourceRanges [] must be a non-empty list of ranges of the main network, e.g. [\'10.0.0.0/8\'] — omit it to allow the whole main network'],
    [['192.168.0.0/16'], '[corp/vault] INPUT-001: apiEndpointSourceRanges 192.168.0.0/16 is outside the main network 10.0.0.0/8: the endpoint\'s routes lead to the main network alone — give ranges inside 10.0.0.0/8'],
    [['0.0.0.0/0'], '[corp/vault] INPUT-001: apiEndpointSourceRanges 0.0.0.0/0 is outside the main network 10.0.0.0/8'],
  ])('%j is refused where it is written', (apiEndpointSourceRanges, message) => {
    const { stack, network } = estate();
    expect(() => new IsolatedCluster(stack, 'vault', { network, exposeApiEndpoint: true, apiEndpointSourceRanges })).toThrow(message);
  });

  test('only with exposeApiEndpoint', () => {
    const { stack, network } = estate();
    expect(() => new IsolatedCluster(stack, 'vault', { network, apiEndpointSourceRanges: ['10.128.0.0/16'] })).toThrow(
      '[corp/vault] INPUT-002: apiEndpointSourceRanges ["10.128.0.0/16"] is given but the API endpoint is not exposed: add exposeApiEndpoint: true, or remove apiEndpointSourceRanges');
  });
});

describe('MODEL-011: an exposed API endpoint open to a public range', () => {
  const rule = MODEL_RULES.find((r) => r.id === 'MODEL-011')!;
  const planWith = (apiEndpointSourceRanges?: string[]) => handPlan({
    clusters: [{
      path: 'corp/vault', model: NetworkModel.ISOLATED, nodeCidr: '10.0.0.0/24', podCidr: '10.1.0.0/16', serviceCidr: '10.2.0.0/20',
      nodeMaskSize: 24, maxNodes: 10, maxPodsPerNode: 110, maxServices: 100, ingress: [], apiEndpointSourceRanges,
    }],
  });

  test('passes private ranges, and the default (the main network)', () => {
    expect(rule.check(planWith(['10.128.0.0/16']))).toEqual([]);
    expect(rule.check(planWith(undefined))).toEqual([]);
  });

  test('fails on 0.0.0.0/0 (a hand-made plan: the constructs keep sources inside the main network)', () => {
    expect(rule.check(planWith(['0.0.0.0/0']))).toEqual([{
      path: 'corp/vault',
      message: 'the exposed API endpoint of corp/vault admits 0.0.0.0/0, which is not private address space: its Kubernetes API (TCP 443) is open to the internet — list private apiEndpointSourceRanges, or Policy.suppress(cluster, \'MODEL-011\', reason) if a public range must reach it',
    }]);
  });

  test('in a network on a public range, synth fails until a suppression says why', () => {
    const { stack, network } = estate({ cidr: '11.0.0.0/8' });
    const vault = new IsolatedCluster(stack, 'vault', { network, exposeApiEndpoint: true, apiEndpointSourceRanges: ['11.128.0.0/16'] });
    expect(synthError(stack)).toContain('[corp/vault] MODEL-011: the exposed API endpoint of corp/vault admits 11.128.0.0/16, which is not private address space');
    Policy.suppress(vault, 'MODEL-011', REASON);
    expect(synthError(stack)).not.toContain('MODEL-011');
  });
});
