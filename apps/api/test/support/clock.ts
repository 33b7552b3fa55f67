/**
 * Runs `work` while Date reads `ms` later than now. Only the clock moves: timers, I/O and microtasks stay real, so
 * the app and its database and Redis clients keep working while it sees time has passed.
 */
export async function withClockAdvanced<T>(ms: number, work: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    now: Date.now() + ms,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  try {
    return await work();
  } finally {
    jest.useRealTimers();
  }
}
