import { z } from 'zod';
import { attemptEmailVerification } from '../../../domain/me/attempt-email-verification.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { limitCredentialAttempt } from '../rate-limit.js';
import { requireActingSession } from './acting-session.js';
import { toMeEmailAddressJSON } from './email-address-json.js';
import { requiredText } from './me-form-fields.js';
import { requireOwnEmailAddress } from './own-email-address.js';

const AttemptBody = z.strictObject({
  code: requiredText(32),
  strategy: z.enum(['email_code']).optional(),
});

/**
 * `POST /v1/me/email_addresses/{id}/attempt_verification`: checks the emailed code. Wrong, expired
 * and replayed codes answer 422 naming `code`; five wrong ones spend the code.
 */
export const attemptEmailAddressVerification = fapiRoute(
  'POST',
  '/me/email_addresses/:email_id/attempt_verification',
  async (context, { email_id }) => {
    const body = parseFields(AttemptBody, context.body);
    const { user } = await requireActingSession(context);
    const emailAddress = requireOwnEmailAddress(user, email_id);
    limitCredentialAttempt(context, 'me_email_code_attempt', emailAddress.value);
    const verified = await attemptEmailVerification(context.app.store, emailAddress, body.code, context.now);
    return { response: toMeEmailAddressJSON(verified.emailAddress, context.now) };
  },
);
