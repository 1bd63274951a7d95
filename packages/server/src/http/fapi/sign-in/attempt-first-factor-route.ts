import { z } from 'zod';
import { attemptFirstFactor, type FirstFactorAttempt } from '../../../domain/sign-in/attempt-first-factor.js';
import { formError } from '../../../errors.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { limitCredentialAttempt } from '../rate-limit.js';
import { requireOwnSignIn, signInDeps, signInResponse } from './own-sign-in.js';

const AttemptFirstFactorBody = z.object({
  strategy: z.enum(['password', 'email_code', 'reset_password_email_code']),
  password: z.string().max(1024).optional(),
  code: z.string().max(64).optional(),
});

/**
 * `POST /v1/client/sign_ins/{id}/attempt_first_factor` — `strategy=password&password=…`, or
 * `strategy=email_code|reset_password_email_code&code=…`. Every attempt is rate-limited by IP and
 * identifier before anything is hashed or compared.
 */
export const attemptFirstFactorRoute = fapiRoute(
  'POST',
  '/client/sign_ins/:sign_in_id/attempt_first_factor',
  async (context, { sign_in_id }) => {
    const body = parseFields(AttemptFirstFactorBody, context.body);
    const attempt = toAttempt(body);
    const signIn = await requireOwnSignIn(context, sign_in_id);
    limitCredentialAttempt(context, 'sign_in', signIn.identifier ?? signIn.id);
    const client = await context.requireClient();
    const { signIn: advanced } = await attemptFirstFactor(signInDeps(context), signIn, client, attempt);
    return signInResponse(context, advanced);
  },
);

function toAttempt(body: z.output<typeof AttemptFirstFactorBody>): FirstFactorAttempt {
  if (body.strategy === 'password') {
    if (body.password === undefined)
      throw formError('form_param_missing', 'password', 'is missing', 'Enter your password.');
    return { strategy: 'password', password: body.password };
  }
  if (body.code === undefined || body.code.trim() === '') {
    throw formError('form_param_missing', 'code', 'is missing', 'Enter the code from the email.');
  }
  return { strategy: body.strategy, code: body.code };
}
