import { z } from 'zod';
import { formError } from '../../../errors.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { requireOwnSignIn } from './own-sign-in.js';

const SecondFactorBody = z.object({
  strategy: z.string().min(1).max(64),
  code: z.string().max(64).optional(),
  phone_number_id: z.string().max(128).optional(),
  email_address_id: z.string().max(128).optional(),
});

/**
 * `prepare_second_factor` / `attempt_second_factor`. Latch has no second factors yet (TOTP, backup
 * codes and SMS come later), so no sign-in ever reaches `needs_second_factor` and every strategy is
 * refused with a 422 naming `strategy`. The attempt must still be this client's (404 otherwise).
 */
const secondFactorRoute = (step: 'prepare' | 'attempt') =>
  fapiRoute('POST', `/client/sign_ins/:sign_in_id/${step}_second_factor`, async (context, { sign_in_id }) => {
    const body = parseFields(SecondFactorBody, context.body);
    await requireOwnSignIn(context, sign_in_id);
    throw formError(
      'strategy_for_user_invalid',
      'strategy',
      'is invalid',
      `The ${body.strategy} strategy is not available: no second factors are enabled.`,
    );
  });

export const prepareSecondFactorRoute = secondFactorRoute('prepare');
export const attemptSecondFactorRoute = secondFactorRoute('attempt');
