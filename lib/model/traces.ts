// Renderers build hundreds of provider resources, and cdktf records where each of their list
// and object attributes was made: a stack trace of every frame, formatted to text at once
// (cdktf's captureStackTrace). The frames are the renderer's own, and formatting them was the
// largest single cost of building an estate — more under ts-node, whose source-map support
// maps every frame. While a renderer builds, traces are recorded unformatted to nothing: a
// token made there reports no creation stack. Errors thrown out are formatted as usual, since
// the formatter is restored before anything reads their stack.

type StackFormatter = (error: Error, frames: NodeJS.CallSite[]) => unknown;

const NO_TRACE: StackFormatter = () => '';

/** Runs `render` (a renderer building resources) with stack traces formatted to nothing. */
export function rendering<T>(render: () => T): T {
  const errors = Error as { prepareStackTrace?: StackFormatter };
  const previous = errors.prepareStackTrace;
  if (previous === NO_TRACE) return render(); // already inside
  errors.prepareStackTrace = NO_TRACE;
  try {
    return render();
  } finally {
    errors.prepareStackTrace = previous;
  }
}
