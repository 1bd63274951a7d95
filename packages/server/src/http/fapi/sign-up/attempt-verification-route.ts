import { z } from 'zod';
import { attemptSignUpEmailCode } from '../../../domain/sign-up/sign-up-email-code.js';
import { assertSignUpOpen } from '../../../domain/sign-up/sign-up-state.js';
import { checkCodeSerialized } from '../../../domain/verification/verification-code.js';
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
 * Tries are also counted per sign-up in the rate limiter; the saved count is exact too, because
 * parallel guesses are checked one after another (`checkCodeSerialized`).
 */
export const attemptSignUpVerificationRoute = fapiRoute(
  'POST',
  '/client/sign_ups/:sign_up_id/attempt_verification',
  async (context, { sign_up_id }) => {
    const body = parseFields(AttemptBody, context.body);
    const signUp = await requireOwnSignUp(context, sign_up_id);
    assertSignUpOpen(signUp);
    limitCredentialAttempt(context, 'sign_up_code_attempt', signUp.id);
    // Saved in turn with any parallel guess (a right code is spent here, so it verifies once).
    const { signUp: checked, failure } = await checkCodeSerialized(context.app.store, signUp.id, async (tx) => {
      const current = (await tx.signUps.findById(signUp.id)) ?? signUp;
      const outcome = attemptSignUpEmailCode(current, body.code, context.now);
      await tx.signUps.update(outcome.signUp);
      return outcome;
    });
    if (failure) throw failure;
    return signUpResponse(context, await saveSignUp(context, checked));
  },
);
