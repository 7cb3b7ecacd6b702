// Secure default: VPC flow logs on both clouds (GCP-LOG-001, AWS-LOG-001), and no public IPs from AWS subnets.
import { createHash } from 'crypto';
import { AnnotationMetadataEntryType, Testing } from 'cdktf';
import { AwsResources, Cloud, Egress, FlatCluster, GcpResources, Ingress, IslandCluster, Policy } from '../../lib';
import { annotations, estate, synthError, synthStack } from '../support';
import { violationsOf } from './support';

const has = (json: string, type: string, properties: Record<string, unknown>) => expect(Testing.toHaveResourceWithProperties(json, type, properties)).toBe(true);
const resources = (json: string, type: string): Array<Record<string, unknown>> => Object.values(JSON.parse(json).resource?.[type] ?? {});
const LOGS = { aggregation_interval: 'INTERVAL_5_SEC', flow_sampling: 0.5, metadata: 'INCLUDE_ALL_METADATA' };

describe('GCP-LOG-001 (warning): flow logs on every subnet that hosts VMs', () => {
  test('on by default: cluster subnets log, the proxy-only and private-NAT subnets do not (the API refuses log_config on proxy-only subnets)', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'web', { network });
    const batch = new IslandCluster(stack, 'batch', { network, egress: Egress.nat(), ingress: [Ingress.proxy()] });
    const json = synthStack(stack);
    has(json, 'google_compute_subnetwork', { name: 'corp-web', log_config: LOGS });
    has(json, 'google_compute_subnetwork', { name: 'corp-batch', log_config: LOGS });
    const unlogged = resources(json, 'google_compute_subnetwork').filter((s) => s.log_config === undefined).map((s) => `${s.name} ${s.purpose}`).sort();
    expect(unlogged).toEqual(['corp-batch-private-nat PRIVATE_NAT', 'corp-batch-proxy REGIONAL_MANAGED_PROXY']);
    expect(GcpResources.of(batch).subnetwork.logConfig.aggregationIntervalInput).toBe('INTERVAL_5_SEC');
    expect(violationsOf(network, 'GCP-LOG-001')).toEqual([]);
  });

  test('flowLogs: false writes none and warns on the network; synth goes on', () => {
    const { stack, network } = estate({ cloud: Cloud.gcp({ region: 'us-central1', flowLogs: false }) });
    new FlatCluster(stack, 'web', { network });
    const json = synthStack(stack);
    expect(resources(json, 'google_compute_subnetwork').filter((s) => s.log_config !== undefined)).toEqual([]);
    expect(violationsOf(network, 'GCP-LOG-001').map((v) => `[${v.path}] ${v.message}`)).toEqual([
      '[corp/main] the subnets of corp/main keep no flow logs (Cloud.gcp({ flowLogs: false })): no record of who talked to whom — drop flowLogs: false, or Policy.suppress(network, \'GCP-LOG-001\', reason) if the traffic is logged elsewhere',
    ]);
    expect(annotations(network, AnnotationMetadataEntryType.WARN).some((w) => w.includes('GCP-LOG-001'))).toBe(true);
  });

  test('a suppression with a reason silences the warning', () => {
    const { stack, network } = estate({ cloud: Cloud.gcp({ region: 'us-central1', flowLogs: false }) });
    new FlatCluster(stack, 'web', { network });
    Policy.suppress(network, 'GCP-LOG-001', 'packet mirroring records this traffic');
    expect(synthError(stack)).toBe('');
    expect(annotations(network, AnnotationMetadataEntryType.WARN).some((w) => w.includes('GCP-LOG-001'))).toBe(false);
    expect(annotations(network, AnnotationMetadataEntryType.INFO).some((w) => w.includes('GCP-LOG-001') && w.includes('packet mirroring'))).toBe(true);
  });

  test('flowLogs must be a boolean (from JavaScript)', () => {
    expect(() => Cloud.gcp({ region: 'us-central1', flowLogs: 'no' as never })).toThrow('Cloud.gcp: flowLogs "no" must be true or false (GCP-LOG-001)');
  });
});

describe('AWS-LOG-001 (warning): a flow log on every VPC', () => {
  const aws = (props: Parameters<typeof Cloud.aws>[0] = { region: 'eu-west-1' }) => estate({ cloud: Cloud.aws(props) });

  test('on by default: every VPC logs to one CloudWatch Logs group per network, written through a role only the flow-logs service takes', () => {
    const { stack, network } = aws();
    const web = new FlatCluster(stack, 'web', { network });
    new IslandCluster(stack, 'batch', { network });
    const json = synthStack(stack);
    const vpcs = Object.keys(JSON.parse(json).resource.aws_vpc).map((id) => `\${aws_vpc.${id}.id}`).sort();
    expect(vpcs).toHaveLength(2);
    expect(resources(json, 'aws_flow_log').map((f) => f.vpc_id).sort()).toEqual(vpcs);
    has(json, 'aws_flow_log', { traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' });
    has(json, 'aws_cloudwatch_log_group', { name: '/cdktf-kube-networks/corp/main/flow-logs', retention_in_days: 365 });
    expect(resources(json, 'aws_cloudwatch_log_group')).toHaveLength(1);
    expect(String(resources(json, 'aws_iam_role')[0].assume_role_policy)).toContain('"Service":"vpc-flow-logs.amazonaws.com"');
    expect(AwsResources.of(web).flowLog).toBeDefined();
    expect(AwsResources.ofNetwork(network).flowLogGroup).toBeDefined();
    expect(violationsOf(network, 'AWS-LOG-001')).toEqual([]);
  });

  test('two networks whose paths differ only where a log group name refuses characters (corp+a, corp-a) get groups of their own', () => {
    const app = Testing.app();
    const names = ['corp+a', 'corp-a'].map((id) => {
      const { stack, network } = estate({ cloud: Cloud.aws({ region: 'eu-west-1' }), estate: id.replace('+', '_') }, id, app);
      new FlatCluster(stack, 'web', { network });
      return String(resources(synthStack(stack), 'aws_cloudwatch_log_group')[0].name);
    });
    // The clean path keeps its plain name; the other is cleaned and told apart by a hash of its path (the test's own sha256).
    const hash = createHash('sha256').update('corp+a/main').digest('hex').slice(0, 7);
    expect(names).toEqual([`/cdktf-kube-networks/corp-a/main-${hash}/flow-logs`, '/cdktf-kube-networks/corp-a/main/flow-logs']);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9._/#-]{1,512}$/); // what CloudWatch Logs takes
  });

  test('every subnet the library makes gives no public IP on launch', () => {
    const { stack, network } = aws();
    new IslandCluster(stack, 'batch', { network, egress: Egress.nat(), ingress: [Ingress.proxy(), Ingress.loadBalancer({ ports: [443] })] });
    const subnets = resources(synthStack(stack), 'aws_subnet');
    expect(subnets.length).toBeGreaterThan(4);
    expect(subnets.filter((s) => s.map_public_ip_on_launch !== false)).toEqual([]);
  });

  test('flowLogDestinationArn: an S3 bucket the user names, and nothing created for it', () => {
    const { stack, network } = aws({ region: 'eu-west-1', flowLogDestinationArn: 'arn:aws:s3:::acme-flow-logs/kube' });
    new FlatCluster(stack, 'web', { network });
    const json = synthStack(stack);
    has(json, 'aws_flow_log', { log_destination_type: 's3', log_destination: 'arn:aws:s3:::acme-flow-logs/kube', traffic_type: 'ALL' });
    expect(resources(json, 'aws_cloudwatch_log_group')).toEqual([]);
    expect(resources(json, 'aws_iam_role')).toEqual([]);
  });

  test('flowLogs: false writes none and warns on the network; synth goes on', () => {
    const { stack, network } = aws({ region: 'eu-west-1', flowLogs: false });
    new FlatCluster(stack, 'web', { network });
    const json = synthStack(stack);
    expect(resources(json, 'aws_flow_log')).toEqual([]);
    expect(violationsOf(network, 'AWS-LOG-001').map((v) => `[${v.path}] ${v.message}`)).toEqual([
      '[corp/main] the VPCs of corp/main keep no flow logs (Cloud.aws({ flowLogs: false })): no record of who talked to whom — drop flowLogs: false, or Policy.suppress(network, \'AWS-LOG-001\', reason) if the traffic is logged elsewhere',
    ]);
  });

  test('a destination that is no S3 bucket ARN, or one given with flowLogs: false, is refused', () => {
    expect(() => Cloud.aws({ region: 'eu-west-1', flowLogDestinationArn: 'acme-flow-logs' })).toThrow(
      'Cloud.aws: flowLogDestinationArn "acme-flow-logs" is not an S3 bucket ARN (AWS-LOG-001): use one like "arn:aws:s3:::acme-flow-logs", or omit it and the library creates a CloudWatch Logs group per network');
    expect(() => Cloud.aws({ region: 'eu-west-1', flowLogs: false, flowLogDestinationArn: 'arn:aws:s3:::acme' })).toThrow(
      'Cloud.aws: flowLogDestinationArn "arn:aws:s3:::acme" is given with flowLogs: false (AWS-LOG-001): drop one of them');
  });
});
