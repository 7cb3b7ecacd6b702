// Break every example one thing at a time: each break is reported with the promise it breaks.
import { verifyNetworkModel } from '../../lib';
import { MUTATIONS } from './mutations';
import { stacksOf, synthExamples } from './support';

const stacks = stacksOf(synthExamples());
const applied = new Map<string, string[]>();

test('at least 20 kinds of mutation', () => {
  expect(new Set(MUTATIONS.map((m) => m.name)).size).toBeGreaterThanOrEqual(20);
});

describe.each(MUTATIONS.map((m) => [m.name, m] as const))('%s', (_name, mutation) => {
  test(`is reported as ${mutation.expect} on every example it applies to`, () => {
    for (const stack of stacks) {
      const tf = JSON.parse(stack.synth);
      const plan = JSON.parse(stack.addressPlans[0]);
      if (!mutation.apply(tf, plan)) continue;
      applied.set(mutation.name, [...(applied.get(mutation.name) ?? []), stack.name]);
      const ids = verifyNetworkModel({ synth: JSON.stringify(tf), addressPlans: stack.addressPlans }).findings.map((f) => f.id);
      expect({ stack: stack.name, ids }).toEqual({ stack: stack.name, ids: expect.arrayContaining([mutation.expect]) });
    }
    expect(applied.get(mutation.name)?.length ?? 0).toBeGreaterThan(0);
  });
});
