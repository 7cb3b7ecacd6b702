// A jest matcher over the verifier. It needs nothing of jest at load: `expect.extend` it in a test.
//   import { toSatisfyNetworkModel } from 'cdktf-kube-networks';
//   expect.extend({ toSatisfyNetworkModel });
//   expect('cdktf.out').toSatisfyNetworkModel();
//   expect(Testing.synth(stack)).toSatisfyNetworkModel([addressPlanJson]);
import { verifyNetworkModel, VerifyInput } from './verifier';

/** What a jest matcher returns. */
export interface NetworkModelMatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/**
 * Passes when the verifier finds no broken promise in `received`: a `cdktf.out` directory, a
 * stack's Terraform JSON (then give its address plans' text), or a `VerifyInput`.
 */
export function toSatisfyNetworkModel(received: string | VerifyInput, addressPlans?: string[]): NetworkModelMatcherResult {
  const input: VerifyInput = typeof received === 'string'
    ? (received.trimStart().startsWith('{') ? { synth: received, addressPlans } : { outdir: received })
    : received;
  const result = verifyNetworkModel(input);
  return {
    pass: result.ok,
    message: () => (result.ok
      ? 'expected the network model to be broken, but the verifier found every promise kept'
      : `expected every network model promise to hold; the verifier found ${result.findings.length}:\n` + result.findings.map((f) => `  ${f.message}`).join('\n')),
  };
}
