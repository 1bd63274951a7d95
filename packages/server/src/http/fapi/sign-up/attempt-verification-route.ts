import { z } from 'zod';
import { attemptSignUpEmailCode } from '../../../domain/sign-up/sign-up-email-code.js';
import { assertSignUpOpen } from '../../../domain/sign-up/sign-up-state.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { limitCredentialAttempt } from '../rate-limit.js';
import { requireOwnSignUp, signUpResponse } from './own-sign-up.js';
import { saveSignUp } from './save-sign-up.js';

const AttemptBody = z.strictObject({
  strategy: z.enum(['email_code']).optional(),
  code: z.string().min(1).max(32),
});

/**
 * `POST /v1/client/sign_ups/{id}/attempt_verification` with `strategy=email_code&code=…`. Every try is
 * saved (wrong ones too) before the answer; a right code verifies the email and, when nothing else is
 * missing, completes the sign-up: `status:"complete"` with `created_user_id` and `created_session_id`,
 * and the enveloped client carries the new active session.
 *
 * Tries are also counted per sign-up in the rate limiter, which — unlike the saved count, read and
 * written by each request — cannot be outrun by firing many guesses in parallel.
 */
export const attemptSignUpVerificationRoute = fapiRoute(
  'POST',
  '/client/sign_ups/:sign_up_id/attempt_verification',
  async (context, { sign_up_id }) => {
    const body = parseFields(AttemptBody, context.body);
    const signUp = await requireOwnSignUp(context, sign_up_id);
    assertSignUpOpen(signUp);
    limitCredentialAttempt(context, 'sign_up_code_attempt', signUp.id);
    const { signUp: checked, failure } = attemptSignUpEmailCode(signUp, body.code, context.now);
    if (failure) {
      await context.app.store.signUps.update(checked);
      throw failure;
    }
    return signUpResponse(context, await saveSignUp(context, checked));
  },
);
