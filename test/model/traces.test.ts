// While a renderer builds, cdktf's creation traces are formatted to nothing (the largest cost of
// building an estate); everything else about stack traces stays as it was.
import { Lazy } from 'cdktf';
import { rendering } from '../../lib/model/traces';

const formatter = () => (Error as { prepareStackTrace?: unknown }).prepareStackTrace;

test('a token made while rendering records no creation stack; one made outside still does', () => {
  const inside = rendering(() => Lazy.anyValue({ produce: () => 1 }));
  const outside = Lazy.anyValue({ produce: () => 1 });
  expect(inside.creationStack).toEqual([]);
  expect(outside.creationStack.length).toBeGreaterThan(0);
  expect(outside.creationStack.join('\n')).toContain('traces.test.ts');
});

test('the formatter is restored after, also when rendering throws, and the error keeps its stack', () => {
  const before = formatter();
  let thrown: Error | undefined;
  try {
    rendering(() => {
      throw new Error('refused');
    });
  } catch (e) {
    thrown = e as Error;
  }
  expect(formatter()).toBe(before);
  expect(thrown!.stack).toContain('refused');
  expect(thrown!.stack).toContain('traces.test.ts');
});

test('nested rendering (a CloudLink across two renderers) restores the outer formatter once', () => {
  const before = formatter();
  expect(rendering(() => rendering(() => 42))).toBe(42);
  expect(formatter()).toBe(before);
});
