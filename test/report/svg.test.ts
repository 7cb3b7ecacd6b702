// address-plan.svg: drawn from real estates (the talk's island and archipelago pictures, and
// 50 clusters of every model), checked for well-formed XML, determinism, completeness, marks
// and escaping. To look at the pictures: ADDRESS_PLAN_SVG_DIR=/tmp npx jest test/report/svg
import * as fs from 'fs';
import * as path from 'path';
import { Archipelago, Egress, FlatCluster, Ingress, IslandCluster, IsolatedCluster, Network, NetworkProps } from '../../lib';
import { AddressReport, buildReport } from '../../lib/report/data';
import { renderSvg } from '../../lib/report/svg';
import { estate } from '../support';

const other: Partial<NetworkProps> = { reserved: [{ cidr: '10.128.1.1/32', name: 'other' }] };

function report(network: Network): AddressReport {
  return buildReport(network.plan, [], []);
}

/** "Island mode": pods 10.0.0.0/16 reused by two islands in the hole 10.0.0.0/14, nodes 10.240.0.x and 10.240.1.x. */
function talkIslands(): AddressReport {
  const { stack, network } = estate({ ...other, islandCidr: '10.0.0.0/14' });
  const gateways = [Ingress.nodePort({ sourceRanges: ['10.128.1.1/32'] }), Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()];
  new IslandCluster(stack, 'a', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24', ingress: gateways });
  new IslandCluster(stack, 'b', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.1.0/24' });
  return report(network);
}

/** "Archipelago": two archipelagos reusing the super-range 10.0.0.0/14, two members each. */
function talkArchipelagos(): AddressReport {
  const { stack, network } = estate({ ...other, islandCidr: '10.0.0.0/14' });
  const a = new Archipelago(stack, 'archipelago-a', { network, podCidr: '10.0.0.0/14' });
  const b = new Archipelago(stack, 'archipelago-b', { network, podCidr: '10.0.0.0/14' });
  a.addCluster('cluster-a');
  a.addCluster('cluster-c');
  b.addCluster('cluster-b');
  b.addCluster('cluster-d');
  return report(network);
}

/** 50 clusters of every model, and two reserved ranges. */
function fiftyClusters(): AddressReport {
  const { stack, network } = estate({
    reserved: [{ cidr: '10.128.1.1/32', name: 'other' }, { cidr: '10.200.0.0/16', name: 'on-prem' }],
  });
  const sizes = [250, 100, 50, 500, 1000, 30];
  for (let i = 0; i < 16; i++) new FlatCluster(stack, `flat-${i}`, { network, maxNodes: sizes[i % sizes.length] });
  for (let i = 0; i < 14; i++) {
    new IslandCluster(stack, `island-${i}`, {
      network, maxNodes: sizes[(i + 1) % sizes.length],
      ingress: i % 3 === 0 ? [Ingress.proxy()] : [Ingress.nodePort()],
      egress: i % 2 === 0 ? Egress.nat() : Egress.masquerade(),
    });
  }
  for (let i = 0; i < 4; i++) {
    const archipelago = new Archipelago(stack, `archipelago-${i}`, { network, podCidr: '100.64.0.0/14' });
    for (let j = 0; j < 3; j++) archipelago.addCluster(`member-${j}`, { maxNodes: [100, 50, 250][(i + j) % 3] });
  }
  for (let i = 0; i < 8; i++) {
    new IsolatedCluster(stack, `isolated-${i}`, { network, exposeApiEndpoint: i % 4 === 0, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16' });
  }
  return report(network);
}

/** Set ADDRESS_PLAN_SVG_DIR to write the pictures there (to look at them in a browser). */
function dump(name: string, svg: string): void {
  const dir = process.env.ADDRESS_PLAN_SVG_DIR;
  if (dir) fs.writeFileSync(path.join(dir, `address-plan-${name}.svg`), svg);
}

/** Problems that make `xml` not well-formed: bad tags, unbalanced elements, stray `<` or `&`, duplicate attributes. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>/y;
  const badEntity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/;
  const stack: string[] = [];
  let roots = 0;
  let pos = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const between = xml.slice(pos, lt < 0 ? xml.length : lt);
    if (badEntity.test(between)) problems.push(`bare & in text near ${pos}: ${between.slice(0, 40)}`);
    if (stack.length === 0 && between.trim() !== '') problems.push(`text outside the root near ${pos}`);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) {
      problems.push(`not a tag at ${lt}: ${xml.slice(lt, lt + 40)}`);
      break;
    }
    const [, closing, name, attrs, selfClosing] = m;
    const names = [...attrs.matchAll(/([\w:.-]+)="([^"]*)"/g)].map(([, n, v]) => {
      if (badEntity.test(v)) problems.push(`bare & in attribute ${n} of <${name}>`);
      return n;
    });
    if (new Set(names).size !== names.length) problems.push(`duplicate attribute in <${name}${attrs}>`);
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
    pos = tag.lastIndex;
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

interface TextBox {
  readonly content: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every visible `<text>`, with its box (monospace: 0.61 em a character, as the renderer assumes). */
function texts(svg: string): TextBox[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, raw]) => {
    const attr = (name: string) => new RegExp(`(?:^| )${name}="([^"]*)"`).exec(attrs)?.[1];
    const content = unescape(raw);
    const size = Number(attr('font-size'));
    const x = Number(attr('x'));
    const y = Number(attr('y'));
    const width = [...content].length * size * 0.61;
    const anchor = attr('text-anchor') ?? 'start';
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    return { content, left, right: left + width, top: y - size * 0.8, bottom: y + size * 0.2 };
  });
}

/** Pairs of texts whose boxes overlap (sweep over x). */
function overlaps(boxes: readonly TextBox[]): string[] {
  const sorted = [...boxes].sort((a, b) => a.left - b.left);
  const found: string[] = [];
  sorted.forEach((a, i) => {
    for (let j = i + 1; j < sorted.length && sorted[j].left < a.right - 0.5; j++) {
      const b = sorted[j];
      if (b.top < a.bottom - 0.5 && a.top < b.bottom - 0.5) found.push(`"${a.content}" / "${b.content}"`);
    }
  });
  return found;
}

/** What a reader sees: the texts, without the hover titles. */
function visible(svg: string): string {
  return texts(svg).map((t) => t.content).join('\n');
}

function expectLegible(report: AddressReport, svg: string): void {
  expect(xmlProblems(svg)).toEqual([]);
  expect(overlaps(texts(svg))).toEqual([]);
  const seen = visible(svg);
  for (const c of report.clusters) expect(seen).toContain(c.path);
  for (const r of report.ranges) expect(seen).toContain(r.cidr);
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="\d+" viewBox="0 0 1200 \d+"/);
  // Self-contained: nothing to fetch, nothing to run.
  expect(svg).not.toMatch(/<script|<image|<foreignObject|href=|@import|url\((?!#)/);
}

describe('the talk\'s "Island mode" picture', () => {
  const report = talkIslands();
  const svg = renderSvg(report);
  dump('talk', svg);

  test('is well-formed, self-contained, and shows every cluster and range without overlapping text', () => {
    expectLegible(report, svg);
    expect(visible(svg)).toContain('Address plan of corp/main · GCP · 10.0.0.0/8');
  });

  test('the hole is hatched in the main network and named, with Other reserved beside it', () => {
    expect(svg).toMatch(/<g class="block hole private"><title>[^<]*<\/title><rect [^>]*fill="url\(#kn-hole\)"/);
    expect(visible(svg)).toMatch(/hole 10\.0\.0\.0\/14/);
    expect(visible(svg)).toContain('other 10.128.1.1/32');
    expect(svg).toMatch(/<g class="block reserved routable"><title>corp\/main other 10\.128\.1\.1\/32/);
  });

  test('each island is its own band, and the pod range both reuse is marked reused in each', () => {
    expect(visible(svg)).toMatch(/Island corp\/a \[1\][^]*Island corp\/b \[2\]/);
    expect(svg.match(/<g class="space">/g)).toHaveLength(2);
    expect(svg.match(/<g class="block pod private reused"><title>corp\/[ab] \(island\) pods 10\.0\.0\.0\/16/g)).toHaveLength(2);
    expect(visible(svg)).toContain('pods 10.0.0.0/16 reused');
    expect(visible(svg)).toContain('reuses 2 ranges with corp/b');
    // Nodes are routable, in the main network.
    expect(svg).toMatch(/<g class="block node routable"><title>corp\/a \(island\) nodes 10\.240\.0\.0\/24/);
  });

  test('is deterministic: the same report, or the same estate built again, gives the same bytes', () => {
    expect(renderSvg(report)).toBe(svg);
    expect(renderSvg(talkIslands())).toBe(svg);
  });
});

describe('the talk\'s "Archipelago" picture', () => {
  const report = talkArchipelagos();
  const svg = renderSvg(report);
  dump('archipelago', svg);

  test('is well-formed and shows every cluster and range without overlapping text', () => {
    expectLegible(report, svg);
  });

  test('each archipelago is a band over its reused super-range, its members labelled', () => {
    expect(visible(svg)).toMatch(/Archipelago corp\/archipelago-a\n[^\n]*drawn over its pool 10\.0\.0\.0\/14 \(the hole\)/);
    expect(visible(svg)).toContain('members [1] cluster-a, [2] cluster-c');
    expect(svg.match(/stroke-dasharray="6 3" class="reused"/g)).toHaveLength(2);
    expect(visible(svg)).toContain('[1] cluster-a pods 10.0.0.0/16 reused');
    expect(visible(svg)).toContain('[3] cluster-b pods 10.0.0.0/16 reused');
  });

  test('the crowded corner of the main network gets a detail band', () => {
    expect(visible(svg)).toContain('Detail of 10.0.0.0/13');
    expect(svg).toContain('class="detail-frame"');
  });
});

describe('an estate of 50 clusters', () => {
  let report: AddressReport;
  let svg: string;
  beforeAll(() => {
    report = fiftyClusters();
    svg = renderSvg(report);
    dump('50', svg);
  });

  test('is well-formed and shows every cluster and range, in bands or the tables, without overlapping text', () => {
    expect(report.clusters).toHaveLength(50);
    expectLegible(report, svg);
    expect(visible(svg)).toContain('Clusters (50)');
    expect(visible(svg)).toContain('50 clusters (12 archipelago, 16 flat, 14 island, 8 isolated)');
  });

  test('ranges too small to label are gathered in lettered runs with legend rows', () => {
    const markers = [...svg.matchAll(/class="run-marker">([A-Z]+)</g)].map((m) => m[1]);
    expect(markers.length).toBeGreaterThan(0);
    for (const m of markers) expect(visible(svg)).toMatch(new RegExp(`^${m}:$`, 'm'));
  });

  test('private spaces with the same ranges share a band that says so', () => {
    expect(visible(svg)).toContain('8 isolated clusters with the same ranges');
    expect(visible(svg)).toMatch(/corp\/isolated-0 \[43\], corp\/isolated-1 \[44\]/);
    expect(visible(svg)).toMatch(/islands with the same ranges/);
  });

  test('is deterministic', () => {
    expect(renderSvg(report)).toBe(svg);
  });
});

test('text is escaped for XML: a name with & < > " \' stays text', () => {
  const base = talkIslands();
  const name = `Tom & Jerry's <lab> "dc"`;
  const report: AddressReport = { ...base, ranges: base.ranges.map((r) => (r.role === 'reserved' ? { ...r, name, holds: name } : r)) };
  const svg = renderSvg(report);
  expect(xmlProblems(svg)).toEqual([]);
  expect(svg).toContain('Tom &amp; Jerry&#39;s &lt;lab&gt; &quot;dc&quot;');
  expect(svg).not.toContain('<lab>');
  expect(visible(svg)).toContain(`${name} 10.128.1.1/32`);
});

test('an empty network, and IPv6 ranges, draw too', () => {
  const { network } = estate({ cidr: '10.0.0.0/16' });
  const empty = report(network);
  expect(xmlProblems(renderSvg(empty))).toEqual([]);
  expect(visible(renderSvg(empty))).toContain('0 clusters');

  const range = (cidr: string, space: string, routable: boolean) => ({
    owner: space, name: 'pods', role: 'pod', routable, cidr, size: '0', holds: '', reused: !routable, space,
  });
  const v6: AddressReport = {
    ...empty, cidr: 'fd00::/48', islandCidr: 'fd00:1::/48',
    ranges: [range('fd00::/64', 'corp/main', true), range('fd00:1::/56', 'corp/i', false), range('fd00:1::/56', 'corp/j', false)],
  };
  const svg = renderSvg(v6);
  expect(xmlProblems(svg)).toEqual([]);
  expect(overlaps(texts(svg))).toEqual([]);
  expect(visible(svg)).toMatch(/Detail of fd00::\/64[^]*fd00:1::\/56 reused/);
});

test('the well-formedness check catches what it should', () => {
  expect(xmlProblems('<svg><text>a & b</text></svg>')).toEqual([expect.stringContaining('bare &')]);
  expect(xmlProblems('<svg><g></svg>')).toEqual([expect.stringContaining('closes'), expect.stringContaining('unclosed')]);
  expect(xmlProblems('<svg><text>1 < 2</text></svg>')).toContainEqual(expect.stringContaining('not a tag'));
  expect(xmlProblems('<svg x="1" x="2"/>')).toEqual([expect.stringContaining('duplicate')]);
  expect(xmlProblems('<svg/><svg/>')).toEqual(['2 root elements']);
  expect(overlaps(texts('<text x="0" y="10" font-size="10">abc</text><text x="5" y="12" font-size="10">def</text>'))).toHaveLength(1);
});
