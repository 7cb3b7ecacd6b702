import { TerraformProvider, TerraformStack, Token } from 'cdktf';
import { INetwork } from './interfaces';
import { ProviderRegion } from './strategy';

/** A provider class whose instances have a region (GoogleProvider, AwsProvider). */
type RegionalProvider = abstract new (...args: never[]) => TerraformProvider & { readonly region?: string };

/**
 * The region of the default (unaliased) provider of class `provider` in `network`'s stack, when
 * it is a plain string; undefined without one or for a token (INPUT-004). Each cloud passes its
 * own provider class, imported where its renderer is.
 */
export function providerRegionOf(network: INetwork, provider: RegionalProvider, kind: string): ProviderRegion | undefined {
  const found = TerraformStack.of(network).node.children.find((c): c is InstanceType<RegionalProvider> => c instanceof provider && c.alias === undefined);
  const region = found?.region;
  if (!found || region === undefined || Token.isUnresolved(region)) return undefined;
  return { kind, path: found.node.path, region };
}
