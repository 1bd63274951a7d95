import { z } from 'zod';
import { RATE_LIMITS } from '../../../domain/protection/rate-limiter.js';
import { prepareSignUpEmailCode } from '../../../domain/sign-up/sign-up-email-code.js';
import { assertSignUpOpen } from '../../../domain/sign-up/sign-up-state.js';
import { CODE_LIFETIME_MS } from '../../../domain/verification/verification-code.js';
import { LatchAPIError } from '../../../errors.js';
import type { FapiContext } from '../fapi-context.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { requireOwnSignUp, signUpResponse } from './own-sign-up.js';

const PrepareBody = z.strictObject({
  // Latch proves sign-up emails by code only; the environment offers nothing else. The string
  // check first makes a missing strategy `form_param_missing` rather than "not one of".
  strategy: z.string().pipe(z.enum(['email_code'])),
  redirect_url: z.string().max(2048).nullable().optional(),
  action_complete_redirect_url: z.string().max(2048).nullable().optional(),
});

/**
 * `POST /v1/client/sign_ups/{id}/prepare_verification` with `strategy=email_code`: emails a fresh
 * 6-digit code (template `verification_code`) and answers the verification as
 * `unverified / needs_attempt`. The code is saved before it is sent, so any code that reaches the
 * inbox works; sends are limited per address so the endpoint cannot flood a mailbox.
 */
export const prepareSignUpVerificationRoute = fapiRoute(
  'POST',
  '/client/sign_ups/:sign_up_id/prepare_verification',
  async (context, { sign_up_id }) => {
    parseFields(PrepareBody, context.body);
    const { app, now } = context;
    const signUp = await requireOwnSignUp(context, sign_up_id);
    assertSignUpOpen(signUp);
    const { code, signUp: prepared } = prepareSignUpEmailCode(signUp, now);
    const to = prepared.emailAddress as string;
    limitCodeSends(context, to);
    await app.store.signUps.update(prepared);
    await app.mailer.send({
      to,
      template: 'verification_code',
      locale: prepared.locale ?? undefined,
      variables: { code, expiresInMinutes: String(CODE_LIFETIME_MS / 60_000) },
    });
    return signUpResponse(context, prepared);
  },
);

/** `RATE_LIMITS.codeSends` per recipient: 429 with `Retry-After` once an address has had its share. */
function limitCodeSends(context: FapiContext, address: string): void {
  const wait = context.app.rateLimiter.hit(`sign_up_code:${address}`, RATE_LIMITS.codeSends, context.now);
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
