import { RATE_LIMITS } from '../../../domain/protection/rate-limiter.js';
import { LatchAPIError } from '../../../errors.js';
import type { FapiContext } from '../fapi-context.js';

/**
 * Counts one code email for an identifier; 429 with `Retry-After` past `RATE_LIMITS.codeSends`, so
 * neither `prepare_first_factor` nor creating sign-ins with a code strategy can flood a mailbox.
 *
 * @example
 * limitCodeSends(context, signIn.identifier);
 */
export function limitCodeSends(context: FapiContext, identifier: string): void {
  const key = `sign_in_code:${identifier.trim().toLowerCase()}`;
  const wait = context.app.rateLimiter.hit(key, RATE_LIMITS.codeSends, context.now);
  if (wait > 0) {
    const error = LatchAPIError.single(
      429,
      'too_many_requests',
      'Too many requests',
      'Too many codes requested. Please wait a moment and try again.',
    );
    error.retryAfterSeconds = Math.ceil(wait / 1000);
    throw error;
  }
}
