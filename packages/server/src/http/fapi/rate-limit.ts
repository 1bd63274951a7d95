import { RATE_LIMITS } from '../../domain/protection/rate-limiter.js';
import { LatchAPIError } from '../../errors.js';
import { clientAddress } from '../client-address.js';
import type { FapiContext } from './fapi-context.js';

/**
 * Counts a credential attempt against the caller's IP and, when known, the identifier; throws 429
 * with `Retry-After` once either is over its limit. Call it before hashing anything.
 */
export function limitCredentialAttempt(context: FapiContext, action: string, identifier?: string | null): void {
  const { app, now, request } = context;
  const ip = clientAddress(request) ?? 'unknown';
  const waits = [app.rateLimiter.hit(`${action}:ip:${ip}`, RATE_LIMITS.perIP, now)];
  if (identifier)
    waits.push(app.rateLimiter.hit(`${action}:id:${identifier.toLowerCase()}`, RATE_LIMITS.perIdentifier, now));
  const wait = Math.max(...waits);
  if (wait > 0) {
    const error = LatchAPIError.single(
      429,
      'too_many_requests',
      'Too many requests',
      'Too many attempts. Please wait a moment and try again.',
    );
    error.retryAfterSeconds = Math.ceil(wait / 1000);
    throw error;
  }
}
