import { z } from 'zod';
import { resetPassword } from '../../../domain/sign-in/reset-password.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { requireOwnSignIn, signInDeps, signInResponse } from './own-sign-in.js';

/** Form values are strings (clerk-js sends `null` as an empty string); JSON clients may send a real boolean. */
const FormBoolean = z
  .preprocess(
    (value) => (typeof value === 'boolean' ? String(value) : value === '' ? 'false' : value),
    z.enum(['true', 'false', '1', '0']),
  )
  .transform((value) => value === 'true' || value === '1');

const ResetPasswordBody = z.object({
  password: z.string().max(1024),
  sign_out_of_other_sessions: FormBoolean.optional(),
});

/**
 * `POST /v1/client/sign_ins/{id}/reset_password` — after a correct `reset_password_email_code`
 * (status `needs_new_password`): sets `password` and completes the sign-in; with
 * `sign_out_of_other_sessions=true` the user's other sessions end.
 */
export const resetPasswordRoute = fapiRoute(
  'POST',
  '/client/sign_ins/:sign_in_id/reset_password',
  async (context, { sign_in_id }) => {
    const body = parseFields(ResetPasswordBody, context.body);
    const signIn = await requireOwnSignIn(context, sign_in_id);
    const client = await context.requireClient();
    const result = await resetPassword(signInDeps(context), signIn, client, {
      password: body.password,
      signOutOfOtherSessions: body.sign_out_of_other_sessions ?? false,
    });
    // A cached token of an ended session must not be handed out again.
    for (const sessionId of result.endedSessionIds) context.app.tokenCache.forgetSession(sessionId);
    return signInResponse(context, result.signIn);
  },
);
