// The one-way pipeline: cloud objects carry what the model needs, renderers only read planned
// ranges, each estate checks and writes once, and suppressions live on the constructs.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { Archipelago, Cloud, Egress, FlatCluster, ICloud, Ingress, IslandCluster, Network, Policy } from '../../lib';
import { PlanFile } from '../../lib/model/plan-file';
import { ReportWriter } from '../../lib/report/write';
import { estate, synthError, tempPlanFile } from '../support';

const REASON = 'reviewed with the network team in NET-42';

describe('clouds as objects', () => {
  test('a cloud not made by Cloud.gcp() or Cloud.aws() is refused where it is given', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'corp');
    const forged = { provider: 'GCP', region: 'us-central1', availabilityZones: [], reservedAddressesPerSubnet: 4 };
    expect(() => new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud: forged as unknown as ICloud, planFile: tempPlanFile() })).toThrow(
      '[corp/main] INPUT-002: cloud must be made by Cloud.gcp({ region }) or Cloud.aws({ region }): another object cannot render the network',
    );
  });

  test('each cloud asks for the ranges it builds, before they are placed: GCP a proxy /23, AWS a /27 per zone and an edge block', () => {
    const gcp = estate();
    const g = new IslandCluster(gcp.stack, 'batch', { network: gcp.network, ingress: [Ingress.proxy()], egress: Egress.nat() });
    expect(g.askedRanges.map((r) => `${r.name} /${r.prefix}${r.zone ? ` ${r.zone}` : ''}`)).toEqual([
      'pods /16', 'services /20', 'nodes /24', 'proxy /23', 'private-nat /27',
    ]);
    const aws = estate({ cloud: Cloud.aws({ region: 'eu-west-1' }) });
    const a = new IslandCluster(aws.stack, 'batch', { network: aws.network, ingress: [Ingress.proxy()] });
    expect(a.askedRanges.map((r) => `${r.name} /${r.prefix}${r.zone ? ` ${r.zone}` : ''}`)).toEqual([
      'pods /16', 'services /20', 'nodes /23', 'proxy-eu-west-1a /27 eu-west-1a', 'proxy-eu-west-1b /27 eu-west-1b', 'aws-edge /26',
    ]);
    // Shapes are known now; places once the plan is resolved, and then they are in the plan.
    aws.network.planNow();
    expect(a.proxySubnetCidrs).toEqual(aws.network.plan.ranges.filter((r) => r.zone).map((r) => r.cidr));
  });

  test('an archipelago asks for its GCP private-NAT subnet once, when its first NAT member joins', () => {
    const e = estate();
    const east = new Archipelago(e.stack, 'east', { network: e.network });
    expect(east.askedRanges).toEqual([]);
    east.addCluster('a', { egress: Egress.nat() });
    east.addCluster('b', { egress: Egress.nat() });
    expect(east.askedRanges.map((r) => r.name)).toEqual(['private-nat']);
    expect(e.network.plan.ranges.filter((r) => r.owner === 'corp/east' && r.name === 'private-nat')).toHaveLength(1);
  });

  test('no renderer reaches the planner: lib/gcp and lib/aws never name it', () => {
    const root = path.join(__dirname, '..', '..', 'lib');
    for (const layer of ['gcp', 'aws']) {
      for (const file of fs.readdirSync(path.join(root, layer))) {
        const text = fs.readFileSync(path.join(root, layer, file), 'utf8');
        expect({ file: `${layer}/${file}`, names: /_planner|\.request\(|_place\b|_placeNow|_resolve\b|_privatePool|_routablePool/.test(text) }).toEqual({ file: `${layer}/${file}`, names: false });
      }
    }
  });
});

describe('suppressions live on the constructs', () => {
  test('Policy.suppress keeps the suppression as construct metadata', () => {
    const e = estate();
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network });
    Policy.suppress(prod, 'MODEL-009', REASON);
    expect(prod.node.metadata.filter((m) => m.type === 'cdktf-kube-networks/suppress').map((m) => m.data)).toEqual([
      { ruleId: 'MODEL-009', reason: REASON },
    ]);
  });

  test('suppressing an id no rule has fails synth where it was set, naming the nearest ids', () => {
    const e = estate();
    const prod = new FlatCluster(e.stack, 'prod', { network: e.network });
    Policy.suppress(prod, 'MODEL-0O1', REASON);
    expect(synthError(e.stack)).toContain(
      '[corp/prod] INPUT-002: Policy.suppress: no rule has the id MODEL-0O1, so the suppression would hide nothing: did you mean MODEL-001, MODEL-011, MODEL-002?',
    );
  });

  test('a suppression of another cloud\'s rule on a shared scope is no typo', () => {
    const e = estate();
    new FlatCluster(e.stack, 'prod', { network: e.network });
    Policy.suppress(e.stack, 'AWS-VPC-003', REASON);
    expect(synthError(e.stack)).toBe('');
  });
});

describe('each estate is checked and written once', () => {
  test('the plan file and reports are written once per synth, however many constructs and stacks validate', () => {
    const app = Testing.app();
    const one = estate({ cidr: '10.0.0.0/9' }, 'one', app);
    const two = estate({ cidr: '10.128.0.0/9', planFile: one.planFile }, 'two', app);
    new FlatCluster(one.stack, 'a', { network: one.network });
    new FlatCluster(two.stack, 'b', { network: two.network });
    const report = jest.spyOn(ReportWriter.prototype, 'write');
    const record = jest.spyOn(PlanFile.prototype, 'save');
    try {
      app.synth();
      expect(report.mock.calls.map(([name, networks]) => [name, networks.map((n) => n.node.path)])).toEqual([['default', ['one/main', 'two/main']]]);
      expect(record.mock.calls.map(([network]) => network)).toEqual(['one/main', 'two/main']);
    } finally {
      report.mockRestore();
      record.mockRestore();
    }
  });
});
