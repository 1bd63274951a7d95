import { z } from 'zod';
import { findOfferedFactor, prepareEmailCode } from '../../../domain/sign-in/prepare-first-factor.js';
import { assertSignInAwaits } from '../../../domain/sign-in/sign-in-state.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { limitCodeSends } from './limit-code-sends.js';
import { requireOwnSignIn, signInDeps, signInResponse } from './own-sign-in.js';

const PrepareFirstFactorBody = z.object({
  strategy: z.enum(['email_code', 'reset_password_email_code', 'password']),
  email_address_id: z.string().max(128).optional(),
});

/**
 * `POST /v1/client/sign_ins/{id}/prepare_first_factor` — `strategy=email_code` (template
 * `sign_in_code`) or `reset_password_email_code` (template `reset_password_code`) with the
 * `email_address_id` of an offered factor. `password` needs no preparation and returns the attempt
 * unchanged. Sending is limited per attempt identifier, so the endpoint cannot flood a mailbox.
 */
export const prepareFirstFactorRoute = fapiRoute(
  'POST',
  '/client/sign_ins/:sign_in_id/prepare_first_factor',
  async (context, { sign_in_id }) => {
    const body = parseFields(PrepareFirstFactorBody, context.body);
    const signIn = await requireOwnSignIn(context, sign_in_id);
    if (body.strategy === 'password') {
      assertSignInAwaits(signIn, ['needs_first_factor'], context.now);
      findOfferedFactor(signIn, 'password');
      return signInResponse(context, signIn);
    }
    limitCodeSends(context, signIn.identifier ?? signIn.id);
    const prepared = await prepareEmailCode(signInDeps(context), signIn, body.strategy, body.email_address_id);
    return signInResponse(context, prepared);
  },
);
