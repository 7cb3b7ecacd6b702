// The planner's blocks: ranges of one owner that share one aligned block (an AWS VPC block),
// stable under the plan file like every other range.
import * as fs from 'fs';
import { Cloud, FlatCluster, IslandCluster, Ingress } from '../../lib';
import { prefixToHold } from '../../lib/model/block-group';
import { estate, synthStack, tempPlanFile } from '../support';

const aws = () => Cloud.aws({ region: 'eu-west-1' });

describe('prefixToHold', () => {
  test.each([
    [[24, 26, 27, 27], 23], // 256 + 64 + 32 + 32 = 384 addresses: a /23
    [[25, 26, 27, 27], 24], // exactly 256
    [[28], 28],
    [[16, 24], 15],
  ])('%j fit a /%i', (prefixes, expected) => {
    expect(prefixToHold(prefixes, 32)).toBe(expected);
  });
});

describe('blocks', () => {
  test('an island\'s nodes, edge block and ALB subnets share one block, largest first; its pods do not', () => {
    const e = estate({ cloud: aws() });
    new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 100, ingress: [Ingress.proxy()] });
    const mine = e.network.plan.ranges.filter((r) => r.owner === 'corp/batch').map((r) => `${r.name} ${r.cidr}`);
    expect(mine).toEqual([
      'pods 100.64.0.0/17', 'services 172.20.0.0/20', 'vpc-block 10.1.0.0/24',
      'nodes 10.1.0.0/25', 'aws-edge 10.1.0.128/26', 'proxy-eu-west-1a 10.1.0.192/27', 'proxy-eu-west-1b 10.1.0.224/27',
    ]);
  });

  test('GCP shares no block: each range is planned on its own', () => {
    const e = estate();
    new IslandCluster(e.stack, 'batch', { network: e.network, maxNodes: 100, ingress: [Ingress.proxy()] });
    expect(e.network.plan.ranges.some((r) => r.name === 'vpc-block')).toBe(false);
  });

  test('a block and what it holds are recorded, and kept by the next synth', () => {
    const planFile = tempPlanFile();
    const first = estate({ cloud: aws(), planFile });
    new IslandCluster(first.stack, 'batch', { network: first.network, maxNodes: 100, ingress: [Ingress.proxy()] });
    synthStack(first.stack);
    const again = estate({ cloud: aws(), planFile });
    new FlatCluster(again.stack, 'early', { network: again.network, maxNodes: 10 }); // written first this time
    const batch = new IslandCluster(again.stack, 'batch', { network: again.network, maxNodes: 100, ingress: [Ingress.proxy()] });
    again.network.planNow();
    expect([batch.nodeCidr, ...batch.proxySubnetCidrs]).toEqual(['10.1.0.0/25', '10.1.0.192/27', '10.1.0.224/27']);
  });

  test('a range the plan file holds inside a block stays there, even where the cloud would now plan it on its own', () => {
    const planFile = tempPlanFile();
    // A flat cluster whose pods an earlier version put in its block with its nodes and edge block.
    fs.writeFileSync(planFile, JSON.stringify({
      version: 1,
      networks: {
        'corp/main': {
          cidr: '10.0.0.0/8',
          pools: {
            'corp/main': { 'corp/prod:vpc-block': '10.2.32.0/19', 'corp/prod:services': '10.0.16.0/20' },
            'corp/prod:vpc-block': { 'corp/prod:pods': '10.2.32.0/20', 'corp/prod:nodes': '10.2.48.0/26', 'corp/prod:aws-edge': '10.2.48.64/26' },
          },
        },
      },
    }));
    const e = estate({ cloud: aws(), planFile });
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network, maxNodes: 50, maxPodsPerNode: 32 });
    e.network.planNow();
    expect([prod.podCidr, prod.nodeCidr, prod.serviceCidr]).toEqual(['10.2.32.0/20', '10.2.48.0/26', '10.0.16.0/20']);
    expect(e.network.violations().filter((v) => v.severity === 'ERROR')).toEqual([]);
  });
});
