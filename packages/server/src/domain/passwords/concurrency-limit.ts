/**
 * Runs at most `max` tasks at once; the rest wait in FIFO order.
 * Password hashing shares libuv's threadpool with crypto and file I/O, so capping it keeps a burst of
 * sign-ins from stalling everything else (PERFORMANCE.md, "the threadpool trap").
 */
export function createConcurrencyLimit(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function limit<T>(task: () => Promise<T>): Promise<T> {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}
