import { USER_LIMITS } from '@latch/protocol';
import { z } from 'zod';
import { addEmailAddress } from '../../../domain/me/add-email-address.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { requireActingSession } from './acting-session.js';
import { toMeEmailAddressJSON } from './email-address-json.js';
import { requiredText } from './me-form-fields.js';

const CreateEmailAddressBody = z.strictObject({ email_address: requiredText(USER_LIMITS.emailMaxLength) });

/**
 * `POST /v1/me/email_addresses` (clerk-js adds a trailing slash; the router ignores it): adds an
 * unverified address. No code is sent yet — `prepare_verification` does that.
 */
export const createEmailAddress = fapiRoute('POST', '/me/email_addresses', async (context) => {
  const body = parseFields(CreateEmailAddressBody, context.body);
  const { user } = await requireActingSession(context);
  const { emailAddress } = await addEmailAddress(context.app.store, user.id, body.email_address, context.now);
  return { response: toMeEmailAddressJSON(emailAddress, context.now) };
});
