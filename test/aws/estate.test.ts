// A mixed estate on AWS (the DESIGN contract, with AWS-sized numbers), the EKS example, and
// what the AWS layer promises about planning: nothing planned early, nothing moved later.
import * as fs from 'fs';
import { App, Testing } from 'cdktf';
import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Archipelago, Cloud, Egress, FlatCluster, Ingress, IslandCluster, IsolatedCluster } from '../../lib';
import { AwsResources, AwsSubnetRole } from '../../lib/aws';
import { eksExample, EKS_PLAN_FILE } from '../../examples/eks';
import { estate, synthStack } from '../support';
import { awsEstate, countOf, has, HOLE, OTHER, REGION, resolved, synthError, tempPlanFile, valuesOf } from './support';

/** The DESIGN contract on AWS: the talk's hole for island ranges, and clusters sized to fit two zones. */
function corp(app: App = Testing.app(), planFile: string = tempPlanFile(), withNewcomer: boolean = false) {
  const e = estate({ cloud: Cloud.aws({ region: REGION }), reserved: [OTHER], ...HOLE, planFile }, 'corp', app);
  const { stack, network } = e;
  // Declared first, built after the others were recorded: it must move nothing.
  if (withNewcomer) new FlatCluster(stack, 'newcomer', { network, maxNodes: 100 });
  const prod = new FlatCluster(stack, 'prod', { network, maxNodes: 200, maxPodsPerNode: 110, maxServices: 4094 });
  const batch = new IslandCluster(stack, 'batch', {
    network,
    maxNodes: 100,
    ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16'] }), Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()],
    egress: Egress.masquerade(),
  });
  const east = new Archipelago(stack, 'east', { network });
  const a = east.addCluster('a', { maxNodes: 50 });
  const vault = new IsolatedCluster(stack, 'vault', { network, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16' });
  return { ...e, prod, batch, east, a, vault };
}

describe('a mixed estate: every model in one main network', () => {
  const built = corp();
  const synth = synthStack(built.stack);

  test('snapshot', () => {
    expect(synth).toMatchSnapshot();
  });

  test('every rule kept; four VPCs, one hub, three attachments (the isolated VPC has none)', () => {
    expect(built.network.violations()).toEqual([]);
    expect(countOf(synth, Vpc.tfResourceType)).toBe(4);
    expect(countOf(synth, Ec2TransitGateway.tfResourceType)).toBe(1);
    expect(countOf(synth, Ec2TransitGatewayVpcAttachment.tfResourceType)).toBe(3);
    expect(AwsResources.of(built.vault).transitGatewayAttachment).toBeUndefined();
    // Primary blocks: vault's nodes (a primary of pods 10.1.0.0/16 would refuse nodes in 10.0.0.0/16), prod's pods,
    // batch's block (its nodes, edge block and ALB subnets in one /24), east's edge.
    const range = (owner: string, name: string) => built.network.plan.ranges.find((r) => r.owner === owner && r.name === name)!.cidr;
    expect([built.vault.nodeCidr, built.prod.podCidr, range('corp/batch', 'vpc-block'), range('corp/east', 'aws-edge')])
      .toEqual(['10.0.0.0/16', '10.4.0.0/16', '10.5.18.0/24', '10.5.19.0/26']);
    expect(valuesOf(synth, Vpc.tfResourceType, 'cidr_block')).toEqual(['10.0.0.0/16', '10.4.0.0/16', '10.5.18.0/24', '10.5.19.0/26']);
  });

  test('the hub routes every routable range of the connected VPCs, and no private one', () => {
    const { prod, batch, a } = built;
    expect(valuesOf(synth, Ec2TransitGatewayRoute.tfResourceType, 'destination_cidr_block')).toEqual(
      [prod.nodeCidr, prod.podCidr, batch.nodeCidr, ...batch.proxySubnetCidrs, a.nodeCidr].sort(),
    );
    expect(valuesOf(synth, Ec2TransitGatewayRoute.tfResourceType, 'destination_cidr_block')).not.toContain(batch.podCidr);
  });

  test('the plan file records the edge blocks with the rest (inside their cluster\'s block, or on their own)', () => {
    const pools: Record<string, Record<string, string>> = JSON.parse(fs.readFileSync(built.planFile, 'utf8')).networks['corp/main'].pools;
    const records = Object.assign({}, ...Object.values(pools));
    expect(Object.keys(records).filter((owner) => owner.endsWith(':aws-edge')).sort()).toEqual(['corp/batch:aws-edge', 'corp/east:aws-edge', 'corp/prod:aws-edge']);
    expect(pools['corp/main']['corp/batch:vpc-block']).toBe('10.5.18.0/24');
    expect(pools['corp/batch:vpc-block']).toEqual({
      'corp/batch:aws-edge': '10.5.18.128/26', 'corp/batch:nodes': '10.5.18.0/25',
      'corp/batch:proxy-eu-west-1a': '10.5.18.192/27', 'corp/batch:proxy-eu-west-1b': '10.5.18.224/27',
    });
  });
});

describe('planning', () => {
  test('nothing is planned in the constructors: a later pin is honoured, and earlier allocations avoid it', () => {
    const e = awsEstate();
    const first = new FlatCluster(e.stack, 'first', { network: e.network, maxNodes: 200 });
    new FlatCluster(e.stack, 'second', { network: e.network, maxNodes: 200, podCidr: '10.0.0.0/16' });
    expect(first.podCidr).not.toBe('10.0.0.0/16');
    expect(e.network.violations()).toEqual([]);
    expect(synthError(e.stack)).toBe('');
  });

  test('a cluster added later, even declared first, moves no range or block of the others', () => {
    const planFile = tempPlanFile();
    const before = corp(Testing.app(), planFile);
    const synthBefore = synthStack(before.stack);
    const after = corp(Testing.app(), planFile, true);
    const synthAfter = synthStack(after.stack);
    const cidrs = (s: string) => [...valuesOf(s, Vpc.tfResourceType, 'cidr_block'), ...valuesOf(s, Subnet.tfResourceType, 'cidr_block')];
    for (const cidr of cidrs(synthBefore)) expect(cidrs(synthAfter)).toContain(cidr);
    expect(after.network.violations()).toEqual([]);
  });

  test('an IPv6 network is refused on AWS, which renders IPv4 only', () => {
    expect(() => awsEstate({ cidr: 'fd00::/48' })).toThrow('[corp/main] INPUT-002: cidr fd00::/48 is IPv6: the AWS layer renders IPv4 networks only — use an IPv4 cidr on Cloud.aws(), with ipv6: true for dual-stack and IPv6 clusters (every VPC gets an IPv6 /56)');
  });

  test('AwsResources says when a construct has no AWS resources', () => {
    const gcp = estate();
    const prod = new FlatCluster(gcp.stack, 'prod', { network: gcp.network });
    expect(() => AwsResources.of(prod)).toThrow('corp/prod has no AWS resources: it is not a cluster of a network on Cloud.aws()');
    expect(() => AwsResources.ofNetwork(gcp.network)).toThrow('corp/main has no AWS resources: it is not a Network on Cloud.aws()');
    expect(() => AwsResources.ofArchipelago(prod)).toThrow('corp/prod has no AWS resources: it is not an Archipelago of a network on Cloud.aws()');
  });
});

describe('the EKS example', () => {
  test('an aws_eks_cluster on the flat cluster\'s node subnets and planned service range, on the committed plan without moving a range', () => {
    const planFile = tempPlanFile();
    fs.copyFileSync(EKS_PLAN_FILE, planFile);
    const stack = eksExample(Testing.app(), planFile);
    const synth = synthStack(stack);
    const prod = stack.node.findChild('prod');
    const aws = AwsResources.of(prod);
    has(synth, EksCluster.tfResourceType, {
      name: 'prod',
      vpc_config: { subnet_ids: resolved(stack, aws.subnets.filter((s) => s.role === AwsSubnetRole.NODES).map((s) => s.subnet.id)) },
      kubernetes_network_config: { ip_family: 'ipv4', service_ipv4_cidr: '192.168.64.0/20' },
    });
    expect(JSON.parse(synth).output['prod-cni'].value.environment).toEqual(aws.cni.environment);
    expect(synth).toMatchSnapshot();
    expect(fs.readFileSync(planFile, 'utf8')).toBe(fs.readFileSync(EKS_PLAN_FILE, 'utf8'));
  });
});
