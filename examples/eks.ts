// An EKS cluster on a FlatCluster's plan: the cluster's node subnets (two zones), its nodes'
// security group and the planned service range (AWS-EKS-002), plus the VPC CNI settings that
// put pods in their own subnets (custom networking, one ENIConfig per zone).
// `npx cdktf synth` synthesizes it with the other examples (examples/main.ts), offline.
import * as path from 'path';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Cloud, FlatCluster, Network } from '../lib';
import { AwsResources } from '../lib/aws';

/** The examples' plan file, committed beside them: their ranges never move. */
export const EKS_PLAN_FILE = path.join(__dirname, 'cidr-plan.lock.json');

/** Builds the `eks` stack into `app`; the plan is recorded in `planFile`. */
export function eksExample(app: App, planFile: string = EKS_PLAN_FILE): TerraformStack {
  const stack = new TerraformStack(app, 'eks');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });

  const network = new Network(stack, 'main', {
    cidr: '192.168.0.0/16', // apart from the other examples' networks: one app, one address plan (MODEL-007)
    cloud: Cloud.aws({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] }),
    planFile,
  });
  // 60 nodes fit a /25 split over two zones once AWS keeps 5 addresses per subnet (AWS-SUBNET-001).
  const prod = new FlatCluster(stack, 'prod', { network, maxNodes: 60, maxPodsPerNode: 110 });
  const aws = AwsResources.of(prod);

  const role = new IamRole(stack, 'prod-eks-role', {
    name: 'prod-eks-cluster',
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  });
  const policy = new IamRolePolicyAttachment(stack, 'prod-eks-role-policy', {
    role: role.name,
    policyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
  });
  const eks = new EksCluster(stack, 'prod-eks', {
    name: 'prod',
    roleArn: role.arn,
    vpcConfig: {
      subnetIds: aws.nodeSubnetIds,
      securityGroupIds: [aws.nodeSecurityGroup.id],
      endpointPrivateAccess: true,
      endpointPublicAccess: false,
    },
    kubernetesNetworkConfig: { ipFamily: 'ipv4', serviceIpv4Cidr: aws.serviceIpv4Cidr },
    dependsOn: [policy],
  });

  // What the aws-node DaemonSet and the ENIConfigs need (custom networking: pods in their own subnets and security group).
  new TerraformOutput(stack, 'prod-cni', {
    value: {
      environment: aws.cni.environment,
      eniConfigs: aws.cni.eniConfigs.map((c) => ({
        apiVersion: 'crd.k8s.amazonaws.com/v1alpha1',
        kind: 'ENIConfig',
        metadata: { name: c.name },
        spec: { subnet: c.subnetId, securityGroups: c.securityGroupIds },
      })),
    },
  });
  new TerraformOutput(stack, 'prod-endpoint', { value: eks.endpoint });
  return stack;
}
