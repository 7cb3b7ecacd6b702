// The address-plan report: written at synth beside each stack's Terraform JSON.
import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { FlatCluster, Ingress, IslandCluster, Network, Policy } from '../../lib';
import { buildReport } from '../../lib/report/data';
import { renderMarkdown } from '../../lib/report/markdown';
import { multiCloudExample } from '../../examples/multicloud';
import { stackSvgs } from '../../lib/report/write';
import { estate, synthStack, tempPlanFile } from '../support';

function talkIslands() {
  const e = estate({ reserved: [{ cidr: '10.128.1.1/32', name: 'other' }], islandCidr: '10.0.0.0/14' });
  const a = new IslandCluster(e.stack, 'a', { network: e.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', ingress: [Ingress.nodePort()] });
  new IslandCluster(e.stack, 'b', { network: e.network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.1.0/24' });
  Policy.suppress(a, 'MODEL-009', 'NodePorts are firewalled upstream (NET-42)');
  return e;
}

describe('the report files', () => {
  test('synth writes address-plan.md, .json and .svg beside the stack output', () => {
    const { stack, network } = talkIslands();
    synthStack(stack);
    const dir = path.join(App.of(stack).outdir, 'stacks', 'corp');
    const md = fs.readFileSync(path.join(dir, 'address-plan.md'), 'utf8');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'address-plan.json'), 'utf8'));
    const svg = fs.readFileSync(path.join(dir, 'address-plan.svg'), 'utf8');
    expect(json).toEqual(JSON.parse(JSON.stringify(buildReport(network.plan, network.violations(), network.checkedRules()))));
    expect(md).toBe(renderMarkdown(json) + '\n');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('corp/a');
  });

  test('the Markdown table lists every range with owner, role, reach, size and what it holds', () => {
    const { network } = talkIslands();
    const md = renderMarkdown(buildReport(network.plan, network.violations(), network.checkedRules()));
    expect(md).toContain('| corp/a | nodes | node | routable | `10.240.0.0/24` | 256 | 252 nodes |');
    expect(md).toContain('| corp/a | pods | pod | private, reused | `10.0.0.0/16` | 65,536 | 256 nodes x 110 pods (/24 each) |');
    expect(md).toContain('| corp/main | other | reserved | routable | `10.128.1.1/32` | 1 | other |');
    expect(md).toContain('| corp/main | hole | hole | private | `10.0.0.0/14` | 262,144 | island space: never routable |');
    expect(md).toContain('| hole (island space in the main network) | `10.0.0.0/14` |');
    expect(md).toContain('--cluster-cidr=10.0.0.0/16');
    expect(md).toContain('cluster DNS `10.1.0.10`');
    expect(md).toContain('- **MODEL-009** [corp/a] NodePort ingress of corp/a is open to the whole main network 10.0.0.0/8 on 30000-32767');
    expect(md).toContain('— *NodePorts are firewalled upstream (NET-42)*');
    expect(md).toMatch(/\d+ rules checked: .*MODEL-001.*GCP-SUBNET-001/);
  });

  test('utilization counts each address once', () => {
    const { network } = talkIslands();
    const [main] = buildReport(network.plan, [], []).pools;
    // 2 node /24s and Other's /32; the hole is not routable space in use.
    expect(main).toMatchObject({ cidr: '10.0.0.0/8', used: '513', total: '16777216', percent: 0 });
  });

  test('ranges of a removed cluster still held by the plan file are listed', () => {
    const first = estate();
    new FlatCluster(first.stack, 'gone', { network: first.network });
    synthStack(first.stack);
    const again = estate({ planFile: first.planFile });
    const report = buildReport(again.network.plan, again.network.violations(), []);
    expect(report.unclaimed.map((u) => u.owner)).toEqual(['corp/gone:pods', 'corp/gone:services', 'corp/gone:nodes']);
    expect(renderMarkdown(report)).toContain('- `10.0.0.0/16` of corp/gone:pods: still reserved; delete its entry from the plan file to free it');
  });

  test('two networks in one stack get one report each, named after them', () => {
    const { stack, planFile } = estate();
    new Network(stack, 'lab', { cidr: '172.16.0.0/12', cloud: (stack.node.findChild('main') as Network).cloud, planFile, frozen: false });
    synthStack(stack);
    const files = fs.readdirSync(path.join(App.of(stack).outdir, 'stacks', 'corp')).filter((f) => f.startsWith('address-plan')).sort();
    expect(files).toEqual([
      'address-plan-lab.json', 'address-plan-lab.md', 'address-plan-lab.svg',
      'address-plan-main.json', 'address-plan-main.md', 'address-plan-main.svg',
    ]);
  });

  test('nothing is written when a rule fails', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'a', { network, podCidr: '10.0.0.0/16' });
    new FlatCluster(stack, 'b', { network, podCidr: '10.0.0.0/16' });
    expect(() => Testing.synth(stack, true)).toThrow('MODEL-001');
    expect(fs.existsSync(path.join(App.of(stack).outdir, 'stacks', 'corp', 'address-plan.md'))).toBe(false);
  });
});

describe('the estate report', () => {
  test('networks of one estate across stacks and clouds are drawn in one report', () => {
    const app = Testing.app();
    const [gcp, aws] = multiCloudExample(app, tempPlanFile());
    synthStack(gcp);
    synthStack(aws);
    const base = path.join(app.outdir, 'address-plan-estate-enterprise');
    const json = JSON.parse(fs.readFileSync(`${base}.json`, 'utf8'));
    expect(json.estate).toBe('enterprise');
    expect(json.networks.map((n: { network: string; cloud: string }) => `${n.network} ${n.cloud}`)).toEqual(['enterprise-aws/main AWS', 'enterprise-gcp/main GCP']);
    const md = fs.readFileSync(`${base}.md`, 'utf8');
    expect(md).toContain('# Address plan of enterprise-aws/main');
    expect(md).toContain('# Address plan of enterprise-gcp/main');
    const svg = fs.readFileSync(`${base}.svg`, 'utf8');
    // The outer picture, one per network, and the link between them.
    expect(svg.match(/<svg\b/g)).toHaveLength(4);
    expect(svg).toContain('Link enterprise-link/gcp-aws');
    expect(svg).toContain('Address plan of enterprise-aws/main');
    expect(svg).toContain('Address plan of enterprise-gcp/main');
  });

  test('stacking SVGs sums heights and keeps the widest width', () => {
    const a = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><rect/></svg>';
    const b = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><circle/></svg>';
    const stacked = stackSvgs([a, b]);
    expect(stacked).toContain('width="120" height="100" viewBox="0 0 120 100"');
    expect(stacked).toContain('<svg y="0" xmlns');
    expect(stacked).toContain('<svg y="40" xmlns');
  });

  test('a network alone in its estate gets no estate report', () => {
    const { stack } = estate();
    synthStack(stack);
    expect(fs.readdirSync(App.of(stack).outdir).filter((f) => f.startsWith('address-plan-estate'))).toEqual([]);
  });
});

describe('the reachability matrix, at synth', () => {
  test('once the whole app synthesized, each estate\'s matrix is written beside the estate reports', () => {
    const outdir = path.dirname(tempPlanFile());
    const app = Testing.app({ outdir });
    const e = estate({ reserved: [{ cidr: '10.128.1.1/32', name: 'other' }] }, 'corp', app);
    new FlatCluster(e.stack, 'prod', { network: e.network });
    new IslandCluster(e.stack, 'batch', { network: e.network, ingress: [Ingress.nodePort({ sourceRanges: ['10.128.1.1/32'] })] });
    app.synth();
    const matrix = fs.readFileSync(path.join(outdir, 'reachability-corp-main.md'), 'utf8');
    expect(matrix).toContain('| from \\ to |');
    expect(matrix).toContain('corp/batch pods');
    expect(fs.readFileSync(path.join(outdir, 'reachability-corp-main.svg'), 'utf8')).toMatch(/^<svg/);
    expect(fs.existsSync(path.join(outdir, 'reachability-findings.md'))).toBe(false);
  });
});
