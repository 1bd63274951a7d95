import type { IncomingMessage } from 'node:http';

const addresses = new WeakMap<Request, string>();

/**
 * Records who sent a request, once, where the socket is known. `X-Forwarded-For` is believed only
 * when the operator says a proxy sets it (`LATCH_TRUST_PROXY=true`); otherwise anyone could pick a
 * fresh address per request and walk around per-IP rate limits.
 */
export function recordClientAddress(request: Request, env: unknown, trustProxy: boolean): void {
  const socketAddress = (env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  const address = forwarded || socketAddress;
  if (address) addresses.set(request, address);
}

/** The caller's address as recorded for this request, or null (in-process requests have none). */
export function clientAddress(request: Request): string | null {
  return addresses.get(request) ?? null;
}
