import { TerraformStack, Token } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { INetwork } from '../model/interfaces';
import { ProviderRegion } from '../model/strategy';

/** The region of the default (unaliased) AwsProvider of `network`'s stack, when it is a plain string (INPUT-004). */
export function awsProviderRegion(network: INetwork): ProviderRegion | undefined {
  const provider = TerraformStack.of(network).node.children
    .find((c): c is AwsProvider => c instanceof AwsProvider && c.alias === undefined);
  const region = provider?.region;
  if (!provider || region === undefined || Token.isUnresolved(region)) return undefined;
  return { kind: 'AwsProvider', path: provider.node.path, region };
}
