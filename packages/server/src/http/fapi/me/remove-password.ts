import { z } from 'zod';
import { removePassword } from '../../../domain/me/remove-password.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { limitCredentialAttempt } from '../rate-limit.js';
import { toFrontendUserJSON } from '../resources/fapi-user-json.js';
import { requireActingSession } from './acting-session.js';
import { sendAccountNotice } from './send-account-notice.js';

const RemovePasswordBody = z.strictObject({ current_password: z.string().min(1).max(1024) });

/**
 * `POST /v1/me/remove_password`: proves the current password and removes it, when the instance does
 * not require passwords and email codes remain as a way in.
 */
export const removeMyPassword = fapiRoute('POST', '/me/remove_password', async (context) => {
  const body = parseFields(RemovePasswordBody, context.body);
  const { user } = await requireActingSession(context);
  const { app, now } = context;
  limitCredentialAttempt(context, 'me_remove_password', user.id);
  const updated = await removePassword(app.store, app.instance.settings, user.id, body.current_password, now);
  const primary = updated.emailAddresses.find((email) => email.id === updated.primaryEmailAddressId);
  if (primary)
    sendAccountNotice(context, {
      to: primary.value,
      template: 'password_changed',
      locale: updated.locale,
      variables: {},
    });
  return { response: toFrontendUserJSON(updated, now) };
});
