// The jest matcher: extend expect with it, as users do.
import * as fs from 'fs';
import * as path from 'path';
import { Testing, App } from 'cdktf';
import { toSatisfyNetworkModel } from '../../lib';
import { islandExample } from '../../examples/models';
import { CLOUDS } from '../../examples/stack';
import { tempPlanFile } from '../support';

expect.extend({ toSatisfyNetworkModel });
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toSatisfyNetworkModel(addressPlans?: string[]): R;
    }
  }
}

test('a synthesized stack with its address plan satisfies its model, and a broken one does not', () => {
  process.env.CHECKPOINT_DISABLE = '1';
  const stack = islandExample(Testing.app(), 'aws-island', CLOUDS.aws, tempPlanFile());
  const synth = Testing.synth(stack, true);
  const plan = fs.readFileSync(path.join(App.of(stack).outdir, 'stacks', 'aws-island', 'address-plan.json'), 'utf8');
  expect(synth).toSatisfyNetworkModel([plan]);

  const broken = JSON.parse(synth);
  for (const nat of Object.values<{ connectivity_type: string }>(broken.resource.aws_nat_gateway)) nat.connectivity_type = 'private';
  expect(JSON.stringify(broken)).not.toSatisfyNetworkModel([plan]);
  expect(() => expect(JSON.stringify(broken)).toSatisfyNetworkModel([plan])).toThrow(/VERIFY-007 aws-island\/main: aws-island\/batch pods -> internet/);
});
