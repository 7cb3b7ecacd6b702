import {
  Archipelago, Cloud, CloudProvider, EgressKind, Egress, FlatCluster, Ingress, IngressKind, IslandCluster, IsolatedCluster,
  Network, NetworkModel, RangeRole, RangeSource,
} from '../../lib';
import { estate, synthError } from '../support';

describe('the DESIGN contract example', () => {
  const build = () => {
    const { stack, network } = estate({ reserved: [{ cidr: '10.128.0.0/16', name: 'other' }] });
    const prod = new FlatCluster(stack, 'prod', { network, maxNodes: 250, maxPodsPerNode: 110, maxServices: 4096 });
    const batch = new IslandCluster(stack, 'batch', {
      network, maxNodes: 100,
      ingress: [Ingress.nodePort({ sourceRanges: ['10.128.0.0/16'] }), Ingress.loadBalancer({ ports: [443] }), Ingress.proxy()],
      egress: Egress.masquerade(),
    });
    const east = new Archipelago(stack, 'east', { network, podCidr: '100.64.0.0/14' });
    const a = east.addCluster('a', { maxNodes: 50 });
    const vault = new IsolatedCluster(stack, 'vault', { network, nodeCidr: '10.0.0.0/16', podCidr: '10.1.0.0/16' });
    return { stack, network, prod, batch, east, a, vault };
  };

  test('synthesizes with every rule checked, and decides every range right after each constructor', () => {
    const { stack, network, prod, batch, east, a, vault } = build();
    expect(synthError(stack)).toBe('');
    expect(network.violations()).toEqual([]);

    expect([prod.model, prod.podCidr, prod.serviceCidr, prod.nodeCidr]).toEqual([NetworkModel.FLAT, '10.0.0.0/16', '10.1.0.0/19', '10.1.32.0/24']);
    expect([prod.nodeMaskSize, prod.maxNodes, prod.maxPodsPerNode, prod.maxServices]).toEqual([24, 250, 110, 4096]);
    expect([prod.apiServerServiceIp, prod.dnsServiceIp]).toEqual(['10.1.0.1', '10.1.0.10']);
    expect(prod.kubeControllerManagerArgs).toEqual([
      '--allocate-node-cidrs=true',
      '--cluster-cidr=10.0.0.0/16',
      '--node-cidr-mask-size=24',
      '--service-cluster-ip-range=10.1.0.0/19',
      '--configure-cloud-routes=false',
    ]);

    // Island: private pods and services from islandCidr, routable nodes and proxy subnet.
    expect([batch.model, batch.podCidr, batch.serviceCidr, batch.nodeCidr]).toEqual([NetworkModel.ISLAND, '100.64.0.0/17', '100.64.128.0/20', '10.1.33.0/25']);
    expect(batch.proxySubnetCidrs).toEqual(['10.1.34.0/23']);
    expect(batch.ingress.map((g) => g.kind)).toEqual([IngressKind.NODE_PORT, IngressKind.LOAD_BALANCER, IngressKind.PROXY]);
    expect(batch.egress?.kind).toBe(EgressKind.MASQUERADE);

    expect(east.podCidr).toBe('100.64.0.0/14');
    expect(east.clusters).toEqual([a]);
    expect([a.model, a.podCidr, a.serviceCidr, a.nodeCidr, a.maxNodes]).toEqual([NetworkModel.ARCHIPELAGO, '100.64.0.0/18', '100.64.64.0/20', '10.1.33.128/26', 50]);
    expect(a.archipelago).toBe(east);

    expect([vault.model, vault.nodeCidr, vault.podCidr, vault.serviceCidr, vault.maxNodes]).toEqual([NetworkModel.ISOLATED, '10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/20', 256]);
    expect(vault.apiEndpointCidr).toBeUndefined();
  });

  test('the plan says which ranges are routable, private, reused, and how each was decided', () => {
    const { network } = build();
    const plan = network.plan;
    expect(plan.cloud).toBe(CloudProvider.GCP);
    expect(plan.holeCidr).toBeUndefined();
    const row = (owner: string, name: string) => plan.ranges.find((r) => r.owner === owner && r.name === name);
    expect(row('corp/main', 'other')).toMatchObject({ role: RangeRole.RESERVED, routable: true, source: RangeSource.PINNED, space: 'corp/main' });
    expect(row('corp/prod', 'pods')).toMatchObject({ role: RangeRole.POD, routable: true, source: RangeSource.ALLOCATED, model: NetworkModel.FLAT });
    expect(row('corp/batch', 'pods')).toMatchObject({ routable: false, space: 'corp/batch', model: NetworkModel.ISLAND });
    expect(row('corp/batch', 'nodes')).toMatchObject({ routable: true, space: 'corp/main' });
    expect(row('corp/batch', 'proxy')).toMatchObject({ role: RangeRole.GATEWAY, routable: true });
    expect(row('corp/east', 'pods')).toMatchObject({ role: RangeRole.SUPER_RANGE, routable: false, source: RangeSource.PINNED });
    expect(row('corp/vault', 'nodes')).toMatchObject({ routable: false, space: 'corp/vault', source: RangeSource.PINNED, model: NetworkModel.ISOLATED });
    expect(plan.clusters.map((c) => [c.path, c.model, c.archipelago, c.egress])).toEqual([
      ['corp/prod', NetworkModel.FLAT, undefined, undefined],
      ['corp/batch', NetworkModel.ISLAND, undefined, EgressKind.MASQUERADE],
      ['corp/east/a', NetworkModel.ARCHIPELAGO, 'corp/east', EgressKind.MASQUERADE],
      ['corp/vault', NetworkModel.ISOLATED, undefined, undefined],
    ]);
    expect(plan.clusters[1].ingress).toEqual([
      { kind: IngressKind.NODE_PORT, ports: [], sourceRanges: ['10.128.0.0/16'], subnetCidrs: [] },
      { kind: IngressKind.LOAD_BALANCER, ports: [443], sourceRanges: undefined, subnetCidrs: [] },
      { kind: IngressKind.PROXY, ports: [], sourceRanges: undefined, subnetCidrs: ['10.1.34.0/23'] },
    ]);
  });
});

describe('models', () => {
  test('every island gets the same first block of islandCidr: reuse is the point', () => {
    const { stack, network } = estate();
    const one = new IslandCluster(stack, 'one', { network });
    const two = new IslandCluster(stack, 'two', { network });
    network.planNow();
    expect(one.podCidr).toBe('100.64.0.0/16');
    expect(two.podCidr).toBe(one.podCidr);
    expect(two.serviceCidr).toBe(one.serviceCidr);
    expect(two.nodeCidr).not.toBe(one.nodeCidr);
    expect(synthError(stack)).toBe('');
  });

  test('archipelagos reuse their super-range; members split it', () => {
    const { stack, network } = estate();
    const east = new Archipelago(stack, 'east', { network });
    const west = new Archipelago(stack, 'west', { network });
    expect(east.podCidr).toBe('100.64.0.0/14');
    expect(west.podCidr).toBe(east.podCidr);
    const [a, b] = [east.addCluster('a'), east.addCluster('b')];
    network.planNow();
    // a's service range follows its pod range, so b's pods start at the next free /16.
    expect([a.podCidr, a.serviceCidr, b.podCidr]).toEqual(['100.64.0.0/16', '100.65.0.0/20', '100.66.0.0/16']);
    expect(west.addCluster('c').podCidr).toBe('100.64.0.0/16');
    expect(synthError(stack)).toBe('');
  });

  test('archipelago gateways are the members\' defaults; a member may choose its own', () => {
    const { stack, network } = estate();
    const east = new Archipelago(stack, 'east', { network, ingress: [Ingress.loadBalancer({ ports: [443] })], egress: Egress.nat() });
    const a = east.addCluster('a');
    const b = east.addCluster('b', { ingress: [], egress: Egress.masquerade() });
    expect([a.ingress.length, a.egress?.kind]).toEqual([1, EgressKind.NAT]);
    expect([b.ingress.length, b.egress?.kind]).toEqual([0, EgressKind.MASQUERADE]);
  });

  test('an isolated cluster may expose its API endpoint through a routable /28', () => {
    const { stack, network } = estate();
    const vault = new IsolatedCluster(stack, 'vault', { network, exposeApiEndpoint: true });
    network.planNow();
    expect(vault.apiEndpointCidr).toBe('10.0.0.0/28');
    expect(network.plan.ranges.find((r) => r.name === 'api-endpoint')).toMatchObject({ role: RangeRole.GATEWAY, routable: true });
    expect(synthError(stack)).toBe('');
  });

  test('flat and isolated clusters refuse gateways', () => {
    const { stack, network } = estate();
    const withGateways = { network, ingress: [Ingress.nodePort()], egress: Egress.nat() } as never;
    expect(() => new FlatCluster(stack, 'flat', withGateways)).toThrow(
      '[corp/flat] MODEL-010: a flat cluster needs no gateway: its pods are routable in the main network — remove ingress and egress, or use IslandCluster',
    );
    expect(() => new IsolatedCluster(stack, 'iso', withGateways)).toThrow(
      '[corp/iso] MODEL-010: an isolated cluster has no gateways: nothing crosses its edge — remove ingress and egress (exposeApiEndpoint exposes the API server)',
    );
  });

  test('islands default to masquerade egress', () => {
    const { stack, network } = estate();
    expect(new IslandCluster(stack, 'i', { network }).egress?.kind).toBe(EgressKind.MASQUERADE);
  });

  test('a proxy on AWS gets a subnet per availability zone', () => {
    const { stack, network } = estate({ cloud: Cloud.aws({ region: 'eu-west-1' }) });
    const island = new IslandCluster(stack, 'i', { network, ingress: [Ingress.proxy()] });
    // 250 nodes over two zones, 5 addresses kept in each zone's subnet: a /23; with the /26 edge
    // block and the /27 ALB subnets it fills one /22 block of the VPC, out of 10.0.0.0/16 (AWS-VPC-003).
    network.planNow();
    expect(island.nodeCidr).toBe('10.1.0.0/23');
    expect(island.proxySubnetCidrs).toEqual(['10.1.2.64/27', '10.1.2.96/27']);
    expect(network.plan.ranges.filter((r) => r.role === RangeRole.GATEWAY).map((r) => `${r.name} ${r.zone ?? ''}`)).toEqual([
      'aws-edge ', 'proxy-eu-west-1a eu-west-1a', 'proxy-eu-west-1b eu-west-1b',
    ]);
  });

  test('a hole: islandCidr inside the network is carved out of routable planning', () => {
    const { stack, network } = estate({ islandCidr: '10.0.0.0/14' });
    expect(network.holeCidr).toBe('10.0.0.0/14');
    const flat = new FlatCluster(stack, 'flat', { network });
    network.planNow();
    expect(flat.podCidr).toBe('10.4.0.0/16');
    expect(new IslandCluster(stack, 'island', { network }).podCidr).toBe('10.0.0.0/16');
    expect(synthError(stack)).toBe('');
  });
});

describe('bad input gets an error naming the prop, the value, the rule and the fix', () => {
  test.each([
    ['podCidr', { podCidr: '10.0.0.1/16' }, '[corp/c] INPUT-001: podCidr "10.0.0.1/16" has host bits set: did you mean 10.0.0.0/16?'],
    ['nodeCidr', { nodeCidr: '10.0.0/24' }, '[corp/c] INPUT-001: nodeCidr "10.0.0/24": "10.0.0" is not a valid IPv4 address: write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48'],
    ['serviceCidr', { serviceCidr: '10.96.0.0/40' }, '[corp/c] INPUT-001: serviceCidr "10.96.0.0/40": prefix length "40" is not a number from 0 to 32: use /0 to /32 for IPv4'],
    ['maxNodes', { maxNodes: 0 }, '[corp/c] INPUT-002: maxNodes 0 must be a whole number of at least 1'],
    ['maxPodsPerNode', { maxPodsPerNode: 1.5 }, '[corp/c] INPUT-002: maxPodsPerNode 1.5 must be a whole number of at least 1'],
    ['maxServices over a /12', { maxServices: 2_000_000 }, '[corp/c] INPUT-002: maxServices 2000000 needs a /11 service range, larger than the /12 kube-apiserver accepts (K8S-001): ask for at most 1048574 services'],
    ['nodeMaskSize', { nodeMaskSize: 33 }, '[corp/c] INPUT-002: nodeMaskSize 33 must be a whole prefix length from 1 to 32'],
  ])('%s', (_what, props, message) => {
    const { stack, network } = estate();
    expect(() => new FlatCluster(stack, 'c', { network, ...props })).toThrow(message);
  });

  test('network props', () => {
    const { stack } = estate();
    const cloud = Cloud.gcp({ region: 'us-central1' });
    const make = (id: string, props: object) => () => new Network(stack, id, { cidr: '10.0.0.0/8', cloud, frozen: false, planFile: '/nonexistent/x.json', ...props });
    expect(make('a', { cidr: '10.0.0.0/33' })).toThrow('[corp/a] INPUT-001: cidr "10.0.0.0/33": prefix length "33" is not a number from 0 to 32');
    expect(make('b', { islandCidr: '10.0.0.1/14' })).toThrow('[corp/b] INPUT-001: islandCidr "10.0.0.1/14" has host bits set: did you mean 10.0.0.0/14?');
    expect(make('c', { islandCidr: '0.0.0.0/0' })).toThrow('[corp/c] MODEL-005: islandCidr 0.0.0.0/0 covers the whole main network 10.0.0.0/8, leaving no routable space: use a smaller islandCidr, e.g. 100.64.0.0/10');
    expect(make('d', { cidr: '10.0.0.0/16', islandCidr: '10.0.0.0/8' })).toThrow('[corp/d] MODEL-005: islandCidr 10.0.0.0/8 covers the whole main network 10.0.0.0/16');
    expect(make('e', { reserved: [{ cidr: '10.128.1.1', name: 'other' }] })).toThrow('[corp/e] INPUT-001: reserved range other "10.128.1.1" has no prefix length: write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48 (10.128.1.1/32 for a single address)');
    expect(make('f', { reserved: [{ cidr: '10.1.0.0/16', name: 'x' }, { cidr: '10.2.0.0/16', name: 'x' }] })).toThrow('[corp/f] INPUT-002: reserved range name "x" must be a unique word');
    expect(make('g', { cloud: undefined })).toThrow('[corp/g] INPUT-002: cloud is required: pass cloud: Cloud.gcp({ region }) or Cloud.aws({ region })');
  });

  test('a cluster without a network', () => {
    const { stack } = estate();
    expect(() => new FlatCluster(stack, 'lost', {} as never)).toThrow('[corp/lost] INPUT-002: network is required: pass the Network the cluster lives in (network: myNetwork)');
    expect(() => new Archipelago(stack, 'lost-a', {} as never)).toThrow('[corp/lost-a] INPUT-002: network is required');
  });

  test('strategy factories check their input', () => {
    expect(() => Ingress.loadBalancer({ ports: [] })).toThrow('Ingress.loadBalancer: INPUT-002: ports [] must be a non-empty list of TCP ports from 1 to 65535, e.g. { ports: [443] }');
    expect(() => Ingress.loadBalancer({ ports: [70000] })).toThrow('ports [70000] must be a non-empty list');
    expect(() => Ingress.proxy({ subnetMaskSize: 28 })).toThrow('Ingress.proxy: INPUT-002: subnetMaskSize 28 must be a whole prefix length from 8 to 27');
    expect(() => Cloud.gcp({ region: 'US Central' })).toThrow('Cloud.gcp: INPUT-003: region "US Central" is not a GCP region name (like "us-central1")');
    expect(() => Cloud.aws({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1a'] })).toThrow('Cloud.aws: INPUT-003: availabilityZones ["eu-west-1a","eu-west-1a"] lists "eu-west-1a" twice');
    expect(Cloud.aws({ region: 'eu-west-1' }).availabilityZones).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect(Ingress.loadBalancer({ ports: [443, 80, 443] }).ports).toEqual([80, 443]);
  });

  test('a pool too small for what is asked: PLAN-001 with the largest free block', () => {
    const { stack, network } = estate({ cidr: '10.0.0.0/16' });
    expect(() => new FlatCluster(stack, 'big', { network, maxNodes: 1000 })).toThrow(
      '[corp/big] PLAN-001: the pods range of corp/big needs a /14 for maxNodes 1000 x a /24 per node, larger than pool corp/main (10.0.0.0/16) itself — lower maxNodes or maxPodsPerNode, or pin podCidr',
    );
    new FlatCluster(stack, 'fits', { network, maxNodes: 100 });
    // Known only when the plan is made: on purpose (planNow, plan, violations), or at synth.
    const more = new FlatCluster(stack, 'more', { network, maxNodes: 250 });
    expect(more.podCidr).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/); // reading plans nothing yet
    expect(() => network.planNow()).toThrow(
      '[corp/more] PLAN-001: pool corp/main (10.0.0.0/16) has no free /16 for corp/more:pods: the largest free block left is 10.0.192.0/18; ask for /18 or longer, or give the pool more space — lower maxNodes or maxPodsPerNode, or pin podCidr',
    );
  });

  test('pins that collide, ranges outside the network, capacity too small: all listed at synth', () => {
    const { stack, network } = estate();
    new FlatCluster(stack, 'a', { network, podCidr: '10.0.0.0/16', nodeCidr: '10.240.0.0/24' });
    new FlatCluster(stack, 'b', { network, podCidr: '10.0.0.0/16', nodeCidr: '192.168.0.0/24' });
    new FlatCluster(stack, 'c', { network, podCidr: '10.4.0.0/20', maxNodes: 100 });
    new FlatCluster(stack, 'd', { network, serviceCidr: '10.32.0.0/11' });
    const error = synthError(stack);
    expect(error).toContain('[corp/b] MODEL-001: pod range 10.0.0.0/16 of corp/b overlaps pod range 10.0.0.0/16 of corp/a; flat pod ranges must be unique in the main network — pin podCidr elsewhere or shrink it');
    expect(error).toContain('[corp/b] MODEL-008: node range 192.168.0.0/24 of corp/b lies outside the main network 10.0.0.0/8, so it is not routable there — pin nodeCidr inside 10.0.0.0/8 or widen the network\'s cidr');
    expect(error).toContain('[corp/c] MODEL-006: pod range 10.4.0.0/20 of corp/c holds 16 node blocks of /24, fewer than maxNodes 100 — widen podCidr or lower maxNodes');
    expect(error).toContain('[corp/d] K8S-001: service range 10.32.0.0/11 is larger than the /12 kube-apiserver accepts for IPv4: use a /12 or smaller range (serviceCidr of corp/d)');
  });
});

test('a range too large for any pool names the props that sized it (maxNodes quoted as given)', () => {
  const { stack, network } = estate({ cidr: '10.0.0.0/8' });
  expect(() => new FlatCluster(stack, 'huge', { network, maxNodes: 1e7 })).toThrow(
    '[corp/huge] PLAN-001: the pods range of corp/huge needs a /0 for maxNodes 10000000 x a /24 per node, larger than pool corp/main (10.0.0.0/8) itself — lower maxNodes or maxPodsPerNode, or pin podCidr',
  );
});
