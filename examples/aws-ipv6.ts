// IPv6 on AWS: a Network with `ipv6: true` gives every VPC an Amazon-provided /56, and each
// subnet of an IPv6 or dual-stack cluster a /64 of it, numbered in the plan file (the block is
// known only at deploy: `cidrsubnet(aws_vpc.x.ipv6_cidr_block, 8, <netnum>)`).
//  - `edge` is an IPv6 flat cluster: an EKS cluster with ip_family "ipv6" (pods and services
//    IPv6; EKS picks the service range itself, so no service_ipv4_cidr), nodes dual-stack, no
//    pod subnets (the VPC CNI delegates IPv6 prefixes in the node subnets, no custom networking);
//  - `api` is a dual-stack flat cluster: IPv6 on its nodes and subnets, IPv4 pods routed by the
//    hub as any flat cluster's (EKS ip_family "ipv4");
//  - `shop` is a dual-stack island: IPv6 on its nodes and subnets, IPv4 pods (EKS has no
//    dual-stack pods: its EKS ip_family is "ipv4"), reused private pod range as any island.
// All leave over IPv6 through their VPC's egress-only internet gateway. `edge` and `api`, both
// flat, reach each other over IPv6 through the transit gateway (their attachments take IPv6,
// the hub routes each VPC's /56, each private route table the other's); `shop`'s IPv6 stays in its VPC.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { Cloud, FlatCluster, Ingress, IpFamily, IslandCluster, Network } from '../lib';
import { AwsResources } from '../lib/aws';
import { cloudStack } from './stack';

/** Builds the `aws-ipv6` stack into `app`; the plan is recorded in `planFile`. */
export function awsIpv6Example(app: App, planFile: string): TerraformStack {
  const cloud = Cloud.aws({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
  const stack = cloudStack(app, 'aws-ipv6', cloud);
  const network = new Network(stack, 'main', {
    cidr: '10.0.0.0/8',
    cloud,
    ipv6: true, // every VPC gets a /56; IPv6 and dual-stack clusters' subnets a /64 each
    estate: 'aws-ipv6', // a demo of its own: apart from the other examples' networks (MODEL-007)
    planFile,
  });
  const edge = new FlatCluster(stack, 'edge', { network, ipFamily: IpFamily.IPV6, maxNodes: 60 });
  const api = new FlatCluster(stack, 'api', { network, ipFamily: IpFamily.DUAL_STACK });
  const shop = new IslandCluster(stack, 'shop', { network, ipFamily: IpFamily.DUAL_STACK, ingress: [Ingress.proxy()] });

  const role = new IamRole(stack, 'eks-role', {
    name: 'aws-ipv6-eks-cluster',
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  });
  const policy = new IamRolePolicyAttachment(stack, 'eks-role-policy', { role: role.name, policyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy' });
  const eks = (id: string, cluster: Construct) => {
    const aws = AwsResources.of(cluster);
    return new EksCluster(stack, `${id}-eks`, {
      name: id,
      roleArn: role.arn,
      vpcConfig: { subnetIds: aws.nodeSubnetIds, securityGroupIds: [aws.nodeSecurityGroup.id], endpointPrivateAccess: true, endpointPublicAccess: false },
      // ip_family cannot change once the cluster exists (AWS-IPV6-002); an IPv6 cluster has no service_ipv4_cidr.
      kubernetesNetworkConfig: { ipFamily: aws.ipFamily, serviceIpv4Cidr: aws.serviceIpv4Cidr },
      dependsOn: [policy],
    });
  };
  eks('edge', edge);
  eks('api', api);
  eks('shop', shop);
  // What the aws-node DaemonSet needs for IPv6 (the EKS add-on sets it for an IPv6 cluster).
  new TerraformOutput(stack, 'edge-cni', { value: AwsResources.of(edge).cni.environment });
  return stack;
}
