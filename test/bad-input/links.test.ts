// A CloudLink written wrong: refused where it is written, naming the prop and the value, with
// its LINK rule id; nothing synthesized, no plan file. The estate's GCP network is `corp/main`;
// the AWS network `aws/main` is built beside it in a stack of its own.
import { TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Cloud, CloudLink, CloudLinkProps, INetwork, Network } from '../../lib';
import { BadEstate, expectRefusal, refusedMessage, Refusal } from './support';

/** `props(gcp, aws)` as the link's props, in a stack with both providers. */
function link(props: (gcp: INetwork, aws: INetwork) => unknown, awsNetwork: { estate?: string } = {}): (e: BadEstate) => void {
  return (e) => {
    const stack = new TerraformStack(e.app, 'aws');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const aws = new Network(stack, 'main', { cidr: '172.16.0.0/12', cloud: Cloud.aws({ region: 'eu-west-1' }), planFile: e.network.planFile, frozen: false, estate: awsNetwork.estate });
    new AwsProvider(e.stack, 'aws', { region: 'eu-west-1' });
    new CloudLink(e.stack, 'link', props(e.network, aws) as CloudLinkProps);
  };
}

const cases: Array<[string, (e: BadEstate) => void, Refusal]> = [
  ['gcp missing', link((_g, aws) => ({ aws })), { id: 'LINK-001', says: ['[corp/link]', 'gcp undefined', 'not a Network on Cloud.gcp()'] }],
  ['aws a string', link((gcp) => ({ gcp, aws: 'aws/main' })), { id: 'LINK-001', says: ['[corp/link]', 'aws "aws/main"', 'not a Network on Cloud.aws()'] }],
  ['the clouds swapped', link((gcp, aws) => ({ gcp: aws, aws: gcp })), { id: 'LINK-001', says: ['gcp aws/main (on AWS)', 'pass the GCP Network to gcp'] }],
  ['the networks in two estates', link((gcp, aws) => ({ gcp, aws }), { estate: 'lab' }), { id: 'LINK-001', says: ['estate "default"', 'in "lab"', 'the same estate'] }],
  ['tunnels 3', link((gcp, aws) => ({ gcp, aws, tunnels: 3 })), { id: 'LINK-001', says: ['tunnels 3', 'not 2 or 4'] }],
  ['tunnels \'4\'', link((gcp, aws) => ({ gcp, aws, tunnels: '4' })), { id: 'LINK-001', says: ['tunnels "4"', 'not 2 or 4'] }],
  ['bgpAsn.gcp a string', link((gcp, aws) => ({ gcp, aws, bgpAsn: { gcp: '65000' } })), { id: 'LINK-002', says: ['bgpAsn.gcp "65000"', 'not a number'] }],
  ['bgpAsn.gcp 0', link((gcp, aws) => ({ gcp, aws, bgpAsn: { gcp: 0 } })), { id: 'LINK-002', says: ['bgpAsn.gcp 0', 'not an ASN a Cloud Router takes'] }],
  ['bgpAsn.gcp 7224 (AWS reserves it)', link((gcp, aws) => ({ gcp, aws, bgpAsn: { gcp: 7224 } })), { id: 'LINK-002', says: ['bgpAsn.gcp 7224', 'reserved by AWS', 'every region'] }],
  ['bgpAsn.aws public', link((gcp, aws) => ({ gcp, aws, bgpAsn: { aws: 15169 } })), { id: 'LINK-002', says: ['bgpAsn.aws 15169', 'not a private ASN'] }],
  ['bgpAsn.aws fractional', link((gcp, aws) => ({ gcp, aws, bgpAsn: { aws: 64512.5 } })), { id: 'LINK-002', says: ['bgpAsn.aws 64512.5', 'not a private ASN'] }],
  ['one ASN on both sides', link((gcp, aws) => ({ gcp, aws, bgpAsn: { gcp: 65010, aws: 65010 } })), { id: 'LINK-002', says: ['both 65010', 'different ASNs'] }],
];

test.each(cases)('%s', (_title, write, refusal) => {
  expectRefusal(refusedMessage('gcp', write), refusal);
});
