import type { IncomingMessage } from 'node:http';

/** Where a request's client address comes from, kept on the request until someone asks. */
interface AddressSource {
  incoming: IncomingMessage | undefined;
  trustProxy: boolean;
  address?: string | null;
}

const ADDRESS_SOURCE = Symbol('latch.clientAddressSource');
type WithAddressSource = Request & { [ADDRESS_SOURCE]?: AddressSource };

/**
 * Records where a request came from, once, where the socket is known; the address is worked out on
 * first use (most requests, e.g. `GET /v1/client`, never need it). `X-Forwarded-For` is believed
 * only when the operator says a proxy sets it (`LATCH_TRUST_PROXY=true`); otherwise anyone could
 * pick a fresh address per request and walk around per-IP rate limits.
 */
export function recordClientAddress(request: Request, env: unknown, trustProxy: boolean): void {
  (request as WithAddressSource)[ADDRESS_SOURCE] = {
    incoming: (env as { incoming?: IncomingMessage } | undefined)?.incoming,
    trustProxy,
  };
}

/** The caller's address as recorded for this request, or null (in-process requests have none). */
export function clientAddress(request: Request): string | null {
  const source = (request as WithAddressSource)[ADDRESS_SOURCE];
  if (!source) return null;
  if (source.address === undefined) {
    const forwarded = source.trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    source.address = forwarded || source.incoming?.socket?.remoteAddress || null;
  }
  return source.address;
}
