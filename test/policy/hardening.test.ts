// Inputs that used to synthesize wrong or unsafe Terraform without a word: each is now an error
// naming the prop, the value and the fix, or a rule with an id.
import { Archipelago, Cloud, Egress, FlatCluster, Ingress, IslandCluster, Policy, PodRouting } from '../../lib';
import { estate, synthError } from '../support';

const REASON = 'reviewed with the network team in NET-42';

describe('gateway sources', () => {
  test.each([
    [['not-a-cidr'], 'Ingress.nodePort: INPUT-001: sourceRanges "not-a-cidr" is not a CIDR: write it as address/prefix'],
    [['10.0.0.1/8'], 'Ingress.nodePort: INPUT-001: sourceRanges "10.0.0.1/8" has host bits set: did you mean 10.0.0.0/8?'],
    [[], 'Ingress.nodePort: INPUT-002: sourceRanges [] must be a non-empty list of CIDR ranges'],
  ])('%j is refused where it is written', (sourceRanges, message) => {
    expect(() => Ingress.nodePort({ sourceRanges })).toThrow(message);
  });

  test('MODEL-011: a NodePort open to the internet fails synth, unless a suppression says why', () => {
    const e = estate();
    const batch = new IslandCluster(e.stack, 'batch', { network: e.network, ingress: [Ingress.nodePort({ sourceRanges: ['0.0.0.0/0'] })] });
    expect(synthError(e.stack)).toContain('[corp/batch] MODEL-011: NodePort ingress of corp/batch admits 0.0.0.0/0, which is not private address space');
    Policy.suppress(batch, 'MODEL-011', REASON);
    expect(synthError(e.stack)).toBe('');
  });

  test('MODEL-011 passes private sources', () => {
    const e = estate();
    new IslandCluster(e.stack, 'batch', { network: e.network, ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16', '100.64.0.0/10'] })] });
    expect(e.network.violations().filter((v) => v.ruleId === 'MODEL-011')).toEqual([]);
  });
});

describe('values from JavaScript that are not what the factories make', () => {
  test.each([
    ['egress', { egress: 'nat' }, '[corp/batch] INPUT-002: egress "nat" must be Egress.masquerade() or Egress.nat()'],
    ['ingress', { ingress: [{ kind: 'NODE_PORT', ports: [] }] }, '[corp/batch] INPUT-002: ingress [{"kind":"NODE_PORT","ports":[]}] must be a list of gateways made with Ingress.nodePort()'],
  ])('an island\'s %s', (_name, props, message) => {
    const e = estate();
    expect(() => new IslandCluster(e.stack, 'batch', { network: e.network, ...(props as object) })).toThrow(message);
  });

  test('a flat cluster\'s podRouting', () => {
    const e = estate();
    expect(() => new FlatCluster(e.stack, 'prod', { network: e.network, podRouting: 'BGP' as PodRouting })).toThrow(
      '[corp/prod] INPUT-002: podRouting "BGP" is not one of PodRouting.VPC_NATIVE, PodRouting.ROUTES',
    );
  });

  test('an archipelago\'s default gateways', () => {
    const e = estate();
    expect(() => new Archipelago(e.stack, 'east', { network: e.network, egress: 'nat' as unknown as Egress })).toThrow(
      '[corp/east] INPUT-002: egress "nat" must be Egress.masquerade() or Egress.nat()',
    );
  });
});

describe('regions and zones', () => {
  test.each([
    [() => Cloud.gcp({ region: 'eu-west-1' }), 'Cloud.gcp: INPUT-003: region "eu-west-1" is not a GCP region name (like "us-central1"): nearest regions: '],
    [() => Cloud.aws({ region: 'us-central1' }), 'Cloud.aws: INPUT-003: region "us-central1" is not an AWS region name (like "eu-west-1"): nearest regions: '],
    [() => Cloud.aws({ region: 'eu-west-1', availabilityZones: [] }), 'Cloud.aws: INPUT-003: availabilityZones [] is empty'],
    [() => Cloud.aws({ region: 'eu-west-1', availabilityZones: ['us-east-1a', 'us-east-1b'] }), 'Cloud.aws: INPUT-003: availabilityZones ["us-east-1a","us-east-1b"] are not zones of region eu-west-1: the zones of eu-west-1 are eu-west-1a, eu-west-1b, eu-west-1c'],
    [() => Cloud.aws({ region: 'eu-west-1', availabilityZones: ['EU-WEST-1A'] }), 'Cloud.aws: INPUT-003: availabilityZones ["EU-WEST-1A"] is not a zone of region eu-west-1'],
    [() => Cloud.aws({ region: 'eu-west-1', availabilityZones: ['zone b'] }), 'Cloud.aws: INPUT-003: availabilityZones ["zone b"] is not a zone of region eu-west-1'],
  ])('%#: refused', (make, message) => {
    expect(make).toThrow(message);
  });

  test('an IPv6 network on GCP is refused where it is written (dual-stack is planned)', () => {
    expect(() => estate({ cidr: 'fd00::/48' })).toThrow('[corp/main] INPUT-002: cidr fd00::/48 is IPv6: the GCP layer renders IPv4 networks only');
  });
});

describe('a suppression never produces Terraform the cloud refuses', () => {
  test('GCP-SUBNET-005: two flat clusters on one pod range in the main VPC fail, and the rule cannot be suppressed', () => {
    const e = estate();
    new FlatCluster(e.stack, 'a', { network: e.network, podCidr: '10.0.0.0/16' });
    const b = new FlatCluster(e.stack, 'b', { network: e.network, podCidr: '10.0.0.0/16' });
    Policy.suppress(b, 'MODEL-001', REASON);
    Policy.suppress(b, 'GCP-SUBNET-005', REASON);
    const error = synthError(e.stack);
    expect(error).toContain('[corp/b] GCP-SUBNET-005: pod range 10.0.0.0/16 of corp/b overlaps pod range 10.0.0.0/16 of corp/a in the VPC network of corp/main; GCP refuses overlapping subnet ranges in one network');
    expect(error).toContain('[corp/b] INPUT-002: Policy.suppress: GCP-SUBNET-005 cannot be suppressed');
  });

  test('GCP-SUBNET-005 passes: islands reuse pod ranges in networks of their own', () => {
    const e = estate();
    new IslandCluster(e.stack, 'a', { network: e.network });
    new IslandCluster(e.stack, 'b', { network: e.network });
    expect(e.network.violations().filter((v) => v.ruleId === 'GCP-SUBNET-005')).toEqual([]);
  });

  test('AWS-VPC-002 cannot be suppressed on AWS', () => {
    const e = estate({ cloud: Cloud.aws({ region: 'eu-west-1' }) });
    const vault = new FlatCluster(e.stack, 'vault', { network: e.network, podCidr: '10.64.0.0/16', nodeCidr: '10.64.0.0/24' });
    Policy.suppress(vault, 'AWS-VPC-002', REASON);
    expect(synthError(e.stack)).toContain('[corp/vault] INPUT-002: Policy.suppress: AWS-VPC-002 cannot be suppressed');
  });
});
