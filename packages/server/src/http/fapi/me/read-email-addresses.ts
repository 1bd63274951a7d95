import { fapiRoute, parseFields } from '../fapi-route.js';
import { requireActingSession } from './acting-session.js';
import { toMeEmailAddressJSON } from './email-address-json.js';
import { NoFields } from './me-form-fields.js';
import { requireOwnEmailAddress } from './own-email-address.js';

/** `GET /v1/me/email_addresses`: the user's addresses, oldest first. */
export const listEmailAddresses = fapiRoute('GET', '/me/email_addresses', async (context) => {
  parseFields(NoFields, context.body);
  const { user } = await requireActingSession(context);
  return { response: user.emailAddresses.map((emailAddress) => toMeEmailAddressJSON(emailAddress, context.now)) };
});

/** `GET /v1/me/email_addresses/{id}`: one of them; another user's id is a 404. */
export const getEmailAddress = fapiRoute('GET', '/me/email_addresses/:email_id', async (context, { email_id }) => {
  parseFields(NoFields, context.body);
  const { user } = await requireActingSession(context);
  return { response: toMeEmailAddressJSON(requireOwnEmailAddress(user, email_id), context.now) };
});
