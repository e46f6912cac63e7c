// How stack traces are made while the program registers its resources. The Pulumi SDK records a
// stack for every promise it tracks and preallocates an Error per resource, both only for its
// leak report; with thousands of resources that formatting was a third of the construction time.
// So, for the duration, no frames: Error.stackTraceLimit 0 (10 with PULUMI_DEBUG_PROMISE_LEAKS, so
// the leak report still says where). Resource source positions are unaffected: the SDK raises the
// limit itself for them (a test checks it). Formatting the frames that remain with a leaner
// function than Node's own was tried and measured: no gain, so Node's formatting stays.

/** Sets Error.stackTraceLimit to `frames` [0; 10 with PULUMI_DEBUG_PROMISE_LEAKS]; returns the function that restores the previous limit. */
export function leanStackTraces(frames?: number): () => void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = frames ?? (process.env.PULUMI_DEBUG_PROMISE_LEAKS ? 10 : 0);
  return () => {
    Error.stackTraceLimit = limit;
  };
}
