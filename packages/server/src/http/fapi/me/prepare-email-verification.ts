import { z } from 'zod';
import { prepareEmailVerification } from '../../../domain/me/prepare-email-verification.js';
import { RATE_LIMITS } from '../../../domain/protection/rate-limiter.js';
import { CODE_LIFETIME_MS } from '../../../domain/verification/verification-code.js';
import { LatchAPIError } from '../../../errors.js';
import type { FapiContext } from '../fapi-context.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { limitCredentialAttempt } from '../rate-limit.js';
import { requireActingSession } from './acting-session.js';
import { toMeEmailAddressJSON } from './email-address-json.js';
import { requireOwnEmailAddress } from './own-email-address.js';

const PrepareBody = z.strictObject({
  // Latch verifies addresses by code only; the environment advertises nothing else. The string
  // check comes first so a missing strategy reads as missing, not as an unknown value.
  strategy: z.string().pipe(z.enum(['email_code'])),
  redirect_url: z.string().max(2048).nullable().optional(),
  action_complete_redirect_url: z.string().max(2048).nullable().optional(),
});

/**
 * `POST /v1/me/email_addresses/{id}/prepare_verification`: emails a fresh 6-digit code (template
 * `verification_code`). Sends are limited per address, so the endpoint cannot be used to flood an inbox.
 */
export const prepareEmailAddressVerification = fapiRoute(
  'POST',
  '/me/email_addresses/:email_id/prepare_verification',
  async (context, { email_id }) => {
    parseFields(PrepareBody, context.body);
    const { user } = await requireActingSession(context);
    const emailAddress = requireOwnEmailAddress(user, email_id);
    limitCodeSends(context, emailAddress.value);
    const prepared = await prepareEmailVerification(context.app.store, emailAddress, context.now);
    await context.app.mailer.send({
      to: prepared.emailAddress.value,
      template: 'verification_code',
      locale: user.locale ?? undefined,
      variables: { code: prepared.code, expiresInMinutes: String(CODE_LIFETIME_MS / 60_000) },
    });
    return { response: toMeEmailAddressJSON(prepared.emailAddress, context.now) };
  },
);

/** Per-IP (as for any credential action) and per-address send budgets; 429 with `Retry-After` past either. */
function limitCodeSends(context: FapiContext, address: string): void {
  limitCredentialAttempt(context, 'me_email_code_send');
  const wait = context.app.rateLimiter.hit(`me_email_code_send:to:${address}`, RATE_LIMITS.codeSends, context.now);
  if (wait > 0) {
    const error = LatchAPIError.single(
      429,
      'too_many_requests',
      'Too many requests',
      'Too many codes were sent to this address. Please wait a moment and try again.',
    );
    error.retryAfterSeconds = Math.ceil(wait / 1000);
    throw error;
  }
}
