// A Network's props written wrong, on both clouds: refused in its constructor, naming the prop
// and the value; nothing synthesized, no plan file.
import { CloudProvider, ICloud } from '../../lib';
import { tempDir } from '../support';
import { refusesNetwork } from './support';

describe('the main network\'s ranges', () => {
  refusesNetwork([
    ['cidr \'not-a-cidr\'', { cidr: 'not-a-cidr' }, { id: 'INPUT-001', says: ['[corp/main]', 'cidr "not-a-cidr"', 'is not a CIDR'] }],
    ['cidr with host bits', { cidr: '10.1.2.3/8' }, { id: 'INPUT-001', says: ['[corp/main]', 'cidr', '10.1.2.3/8', 'did you mean 10.0.0.0/8'] }],
    ['cidr a number', { cidr: 10 }, { id: 'INPUT-001', says: ['[corp/main]', 'cidr 10', 'a number, not a string'] }],
    ['cidr missing (undefined)', { cidr: undefined }, { id: 'INPUT-001', says: ['[corp/main]', 'cidr undefined', 'not a string'] }],
    ['islandCidr an object', { islandCidr: { cidr: '100.64.0.0/10' } }, { id: 'INPUT-001', says: ['[corp/main]', 'islandCidr {"cidr":"100.64.0.0/10"}', 'an object, not a string'] }],
    ['islandCidr with host bits', { islandCidr: '100.64.0.1/10' }, { id: 'INPUT-001', says: ['[corp/main]', 'islandCidr', '100.64.0.1/10', 'host bits'] }],
    ['islandCidr covering the whole network', { islandCidr: '0.0.0.0/0' }, { id: 'MODEL-005', says: ['[corp/main]', 'islandCidr 0.0.0.0/0', 'covers the whole main network 10.0.0.0/8'] }],
    ['islandCidr larger than the network', { cidr: '10.0.0.0/9', islandCidr: '10.0.0.0/8' }, { id: 'MODEL-005', says: ['[corp/main]', 'islandCidr 10.0.0.0/8', 'covers the whole main network 10.0.0.0/9'] }],
    ['islandServiceCidr not a CIDR', { islandServiceCidr: '172.20.0.0' }, { id: 'INPUT-001', says: ['[corp/main]', 'islandServiceCidr', '172.20.0.0'] }],
    ['reserved range not a CIDR', { reserved: [{ cidr: '10.128.0.0/33', name: 'other' }] }, { id: 'INPUT-001', says: ['[corp/main]', 'reserved range other', '10.128.0.0/33'] }],
    ['reserved range name with a space', { reserved: [{ cidr: '10.128.0.0/16', name: 'other hosts' }] }, { id: 'INPUT-002', says: ['[corp/main]', 'reserved range name "other hosts"', 'unique word'] }],
    ['reserved range named twice', { reserved: [{ cidr: '10.128.0.0/16', name: 'other' }, { cidr: '10.129.0.0/16', name: 'other' }] }, { id: 'INPUT-002', says: ['[corp/main]', 'reserved range name "other"', 'unique'] }],
    ['reserved one range, not a list', { reserved: { cidr: '10.128.0.0/16', name: 'other' } }, { id: 'INPUT-002', says: ['[corp/main]', 'reserved {"cidr":"10.128.0.0/16","name":"other"}', 'an object, not a list'] }],
  ]);
});

describe('the network\'s other props', () => {
  refusesNetwork([
    ['planFile \'\'', { planFile: '' }, { id: 'INPUT-002', says: ['[corp/main]', 'planFile ""', 'is empty'] }],
    ['planFile \'   \'', { planFile: '   ' }, { id: 'INPUT-002', says: ['[corp/main]', 'planFile "   "', 'is empty'] }],
    ['planFile a number', { planFile: 42 }, { id: 'INPUT-002', says: ['[corp/main]', 'planFile 42', 'a number, not a string'] }],
    ['estate an object', { estate: { name: 'lab' } }, { id: 'INPUT-002', says: ['[corp/main]', 'estate {"name":"lab"}', 'an object, not a string'] }],
    ['estate \'\'', { estate: '' }, { id: 'INPUT-002', says: ['[corp/main]', 'estate ""', 'is not a name'] }],
    ['frozen \'yes\'', { frozen: 'yes' }, { id: 'INPUT-002', says: ['[corp/main]', 'frozen "yes"', 'a string, not a boolean'] }],
    ['cloud missing', { cloud: undefined }, { id: 'INPUT-002', says: ['[corp/main]', 'cloud is required', 'Cloud.gcp({ region })'] }],
    ['cloud forged', { cloud: { provider: CloudProvider.GCP, region: 'us-central1', availabilityZones: [], reservedAddressesPerSubnet: 4 } as ICloud },
      { id: 'INPUT-002', says: ['[corp/main]', 'cloud must be made by Cloud.gcp({ region }) or Cloud.aws({ region })'] }],
  ]);
});

describe('a plan file path that is a directory', () => {
  refusesNetwork([
    ['planFile a directory', { planFile: tempDir() }, { id: 'PLAN-004', says: ['[corp/main]', 'plan file /', 'is a directory, not a file', 'cidr-plan.lock.json'] }],
  ]);
});

describe('an IPv6 main network (dual-stack is planned, not rendered yet)', () => {
  refusesNetwork([['cidr fd00::/48', { cidr: 'fd00::/48', islandCidr: 'fd00:ffff::/64' }, { id: 'INPUT-002', says: ['[corp/main]', 'cidr fd00::/48 is IPv6', 'IPv4 networks only'] }]]);
});
