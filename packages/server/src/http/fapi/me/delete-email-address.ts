import { removeEmailAddress } from '../../../domain/me/remove-email-address.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { requireActingSession } from './acting-session.js';
import { NoFields } from './me-form-fields.js';
import { requireOwnEmailAddress } from './own-email-address.js';
import { sendAccountNotice } from './send-account-notice.js';

/**
 * `DELETE /v1/me/email_addresses/{id}`. Removing the primary address hands primary to another
 * verified one and tells the removed address; the last verified primary cannot go (422).
 */
export const deleteEmailAddress = fapiRoute(
  'DELETE',
  '/me/email_addresses/:email_id',
  async (context, { email_id }) => {
    parseFields(NoFields, context.body);
    const { user } = await requireActingSession(context);
    const emailAddress = requireOwnEmailAddress(user, email_id);
    const { user: updated, newPrimary } = await removeEmailAddress(
      context.app.store,
      user.id,
      emailAddress.id,
      context.now,
    );
    if (newPrimary) {
      sendAccountNotice(context, {
        to: emailAddress.value,
        template: 'primary_email_changed',
        locale: updated.locale,
        variables: { newEmailAddress: newPrimary.value },
      });
    }
    return { response: { object: 'email_address', id: emailAddress.id, deleted: true } };
  },
);
