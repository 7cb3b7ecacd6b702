import { TerraformStack, Token } from 'cdktf';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { INetwork } from '../model/interfaces';
import { ProviderRegion } from '../model/strategy';

/** The region of the default (unaliased) GoogleProvider of `network`'s stack, when it is a plain string (INPUT-004). */
export function googleProviderRegion(network: INetwork): ProviderRegion | undefined {
  const provider = TerraformStack.of(network).node.children
    .find((c): c is GoogleProvider => c instanceof GoogleProvider && c.alias === undefined);
  const region = provider?.region;
  if (!provider || region === undefined || Token.isUnresolved(region)) return undefined;
  return { kind: 'GoogleProvider', path: provider.node.path, region };
}
