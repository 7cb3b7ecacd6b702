// Regions and zones written wrong (INPUT-003, against the table in lib/clouds/regions.ts), and a
// Cloud whose region is not the stack provider's (INPUT-004, at synth).
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { AwsNatGateways, Cloud, FlatCluster, Network } from '../../lib';
import { synthError, tempDir, tempPlanFile } from '../support';
import { CloudName, expectNothingWritten, expectRefusal, refusesCall } from './support';

describe('regions', () => {
  refusesCall([
    ['GCP: an AWS region', () => Cloud.gcp({ region: 'eu-west-1' }),
      { factory: 'Cloud.gcp', id: 'INPUT-003', says: ['region "eu-west-1"', 'is not a GCP region name', 'nearest regions: '] }],
    ['AWS: a GCP region', () => Cloud.aws({ region: 'us-central1' }),
      { factory: 'Cloud.aws', id: 'INPUT-003', says: ['region "us-central1"', 'is not an AWS region name', 'nearest regions: '] }],
    ['GCP: upper case', () => Cloud.gcp({ region: 'US-CENTRAL1' }),
      { factory: 'Cloud.gcp', id: 'INPUT-003', says: ['region "US-CENTRAL1"', 'did you mean "us-central1"?'] }],
    ['AWS: upper case', () => Cloud.aws({ region: 'EU-WEST-1' }),
      { factory: 'Cloud.aws', id: 'INPUT-003', says: ['region "EU-WEST-1"', 'did you mean "eu-west-1"?'] }],
    ['GCP: well formed, not a region', () => Cloud.gcp({ region: 'europe-west99' }),
      { factory: 'Cloud.gcp', id: 'INPUT-003', says: ['region "europe-west99"', 'not in the library\'s table', 'europe-west9', 'unlistedRegion: true'] }],
    ['AWS: well formed, not a region', () => Cloud.aws({ region: 'eu-west-9' }),
      { factory: 'Cloud.aws', id: 'INPUT-003', says: ['region "eu-west-9"', 'not in the library\'s table', 'eu-west-1', 'unlistedRegion: true'] }],
    ['GCP: a zone for a region', () => Cloud.gcp({ region: 'us-central1-a' }),
      { factory: 'Cloud.gcp', id: 'INPUT-003', says: ['region "us-central1-a"', 'nearest regions: us-central1'] }],
    ['AWS: a zone for a region', () => Cloud.aws({ region: 'eu-west-1a' }),
      { factory: 'Cloud.aws', id: 'INPUT-003', says: ['region "eu-west-1a"', 'nearest regions: eu-west-1'] }],
    ['GCP: no region', () => Cloud.gcp({} as { region: string }),
      { factory: 'Cloud.gcp', id: 'INPUT-003', says: ['region undefined', 'not a string'] }],
    ['AWS: a number', () => Cloud.aws({ region: 1 as unknown as string }),
      { factory: 'Cloud.aws', id: 'INPUT-003', says: ['region 1', 'a number, not a string'] }],
    ['GCP: unlistedRegion \'yes\'', () => Cloud.gcp({ region: 'us-central1', unlistedRegion: 'yes' as unknown as boolean }),
      { factory: 'Cloud.gcp', id: 'INPUT-002', says: ['unlistedRegion "yes"', 'not a boolean'] }],
    ['GCP: privateControlPlanes \'true\'', () => Cloud.gcp({ region: 'us-central1', privateControlPlanes: 'true' as unknown as boolean }),
      { factory: 'Cloud.gcp', id: 'INPUT-002', says: ['privateControlPlanes "true"', 'not a boolean'] }],
    ['AWS: unlistedRegion keeps the name\'s shape', () => Cloud.aws({ region: 'mars', unlistedRegion: true }),
      { factory: 'Cloud.aws', id: 'INPUT-003', says: ['region "mars"', 'is not an AWS region name'] }],
  ]);
});

describe('availability zones', () => {
  const aws = (availabilityZones: unknown, region = 'eu-west-1', unlistedRegion?: boolean) => () => Cloud.aws({ region, availabilityZones: availabilityZones as string[], unlistedRegion });
  refusesCall([
    ['eu-west-1d..g', aws(['eu-west-1d', 'eu-west-1e', 'eu-west-1f', 'eu-west-1g']),
      { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones ["eu-west-1d","eu-west-1e","eu-west-1f","eu-west-1g"]', 'are not zones of region eu-west-1', 'eu-west-1a, eu-west-1b, eu-west-1c'] }],
    ['us-east-1a/b under eu-west-1', aws(['us-east-1a', 'us-east-1b']),
      { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones ["us-east-1a","us-east-1b"]', 'region eu-west-1'] }],
    ['one good, one foreign', aws(['eu-west-1a', 'eu-central-1b']),
      { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones ["eu-central-1b"]', 'is not a zone of region eu-west-1'] }],
    ['\'EU-WEST-1A\'', aws(['EU-WEST-1A']), { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones ["EU-WEST-1A"]', 'eu-west-1a'] }],
    ['\'zone b\'', aws(['zone b']), { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones ["zone b"]', 'eu-west-1b'] }],
    ['a zone id (euw1-az1)', aws(['euw1-az1', 'euw1-az2']), { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones ["euw1-az1","euw1-az2"]', 'eu-west-1a'] }],
    ['ca-central-1e (no such letter)', aws(['ca-central-1a', 'ca-central-1e'], 'ca-central-1'),
      { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones ["ca-central-1e"]', 'region ca-central-1'] }],
    ['[] (empty)', aws([]), { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones []', 'is empty', 'no subnet'] }],
    ['a string, not a list', aws('eu-west-1a'), { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones "eu-west-1a"', 'a string, not a list'] }],
    ['[null]', aws([null]), { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones [null]', 'null, which is not a zone name'] }],
    ['a zone twice', aws(['eu-west-1a', 'eu-west-1a']), { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones ["eu-west-1a","eu-west-1a"]', '"eu-west-1a" twice'] }],
    ['an unlisted region\'s zone without a letter', aws(['eu-west-9-1'], 'eu-west-9', true),
      { factory: 'Cloud.aws', id: 'INPUT-003', says: ['availabilityZones ["eu-west-9-1"]', 'region eu-west-9', 'its name and a lower-case letter'] }],
    ['vpcBlockQuota 0', () => Cloud.aws({ region: 'eu-west-1', vpcBlockQuota: 0 }), { factory: 'Cloud.aws', id: 'INPUT-002', says: ['vpcBlockQuota 0', 'from 1 to 50'] }],
    ['vpcBlockQuota \'5\'', () => Cloud.aws({ region: 'eu-west-1', vpcBlockQuota: '5' as unknown as number }), { factory: 'Cloud.aws', id: 'INPUT-002', says: ['vpcBlockQuota "5"', 'whole number'] }],
    ['subnetQuota 2.5', () => Cloud.aws({ region: 'eu-west-1', subnetQuota: 2.5 }), { factory: 'Cloud.aws', id: 'INPUT-002', says: ['subnetQuota 2.5', 'whole number of at least 1'] }],
    ['securityGroupRuleQuota \'60\'', () => Cloud.aws({ region: 'eu-west-1', securityGroupRuleQuota: '60' as unknown as number }),
      { factory: 'Cloud.aws', id: 'INPUT-002', says: ['securityGroupRuleQuota "60"', 'from 1 to 1000'] }],
    ['routeQuota 1001', () => Cloud.aws({ region: 'eu-west-1', routeQuota: 1001 }), { factory: 'Cloud.aws', id: 'INPUT-002', says: ['routeQuota 1001', 'from 1 to 1000', 'its ceiling 1,000'] }],
    ['natGateways \'TWO\'', () => Cloud.aws({ region: 'eu-west-1', natGateways: 'TWO' as AwsNatGateways }), { factory: 'Cloud.aws', id: 'INPUT-002', says: ['natGateways "TWO"', 'ONE_PER_ZONE, SINGLE'] }],
  ]);

  test('a region newer than the table is usable with unlistedRegion: true, zones a and b by default', () => {
    expect(Cloud.gcp({ region: 'europe-west99', unlistedRegion: true }).region).toBe('europe-west99');
    expect(Cloud.aws({ region: 'eu-west-9', unlistedRegion: true }).availabilityZones).toEqual(['eu-west-9a', 'eu-west-9b']);
    expect(Cloud.aws({ region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1f'] }).availabilityZones).toEqual(['us-east-1a', 'us-east-1f']);
  });
});

describe('the Cloud\'s region against the stack\'s provider (INPUT-004, at synth)', () => {
  const PROVIDER = { gcp: 'GoogleProvider', aws: 'AwsProvider' } as const;
  const inStack = (cloud: CloudName, providerRegion: string | undefined) => {
    const outdir = tempDir();
    const app = Testing.app({ outdir });
    const stack = new TerraformStack(app, 'corp');
    const region = providerRegion === 'token' ? new TerraformVariable(stack, 'region', { type: 'string' }).stringValue : providerRegion;
    if (cloud === 'aws') {
      if (region !== undefined) new AwsProvider(stack, 'aws', { region });
    } else if (region !== undefined) new GoogleProvider(stack, 'google', { project: 'acme', region });
    const planFile = tempPlanFile();
    const network = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud: cloud === 'aws' ? Cloud.aws({ region: 'eu-west-1' }) : Cloud.gcp({ region: 'us-central1' }), planFile, frozen: false });
    new FlatCluster(stack, 'x', { network });
    return { app, stack, outdir, planFile };
  };

  test.each([
    ['gcp', 'europe-west1', 'us-central1'],
    ['aws', 'us-east-1', 'eu-west-1'],
  ] as const)('%s: a provider in %s under a Cloud in %s fails synth, naming both', (cloud, providerRegion, cloudRegion) => {
    const { app, outdir, planFile } = inStack(cloud, providerRegion);
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expectRefusal(message, { id: 'INPUT-004', says: ['[corp/main]', `region: '${cloudRegion}'`, `${PROVIDER[cloud]} corp/`, `region "${providerRegion}"`, 'write the region once'] });
    expectNothingWritten(outdir, planFile, undefined);
  });

  test.each(['gcp', 'aws'] as const)('%s: skipped when the provider\'s region is a token', (cloud) => {
    expect(synthError(inStack(cloud, 'token').stack)).toBe('');
  });

  test.each(['gcp', 'aws'] as const)('%s: passes when they agree', (cloud) => {
    expect(synthError(inStack(cloud, cloud === 'aws' ? 'eu-west-1' : 'us-central1').stack)).toBe('');
  });

  test('skipped when the stack has no provider (cdktf names the missing provider itself)', () => {
    const { stack } = inStack('gcp', undefined);
    expect(synthError(stack)).not.toContain('INPUT-004');
  });
});
