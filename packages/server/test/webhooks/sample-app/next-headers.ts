import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Stands in for `next/headers` when the sample route runs outside Next.js: `headers()` returns the
 * headers of the request being handled (the Next 14 synchronous form the sample uses).
 */
const current = new AsyncLocalStorage<Headers>();

export function headers(): Headers {
  const value = current.getStore();
  if (!value) throw new Error('headers() called outside a request');
  return value;
}

export function withRequestHeaders<T>(request: Request, work: () => T): T {
  return current.run(request.headers, work);
}
