import { z } from 'zod';
import { changePassword } from '../../../domain/me/change-password.js';
import { endUserSessions } from '../../../domain/me/end-user-sessions.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { limitCredentialAttempt } from '../rate-limit.js';
import { toFrontendUserJSON } from '../resources/fapi-user-json.js';
import { requireActingSession } from './acting-session.js';
import { formBoolean } from './me-form-fields.js';
import { sendAccountNotice } from './send-account-notice.js';

// Generous bounds: the policy decides what is acceptable; these only keep hashing inputs sane.
const ChangePasswordBody = z.strictObject({
  current_password: z.string().max(1024).nullable().optional(),
  new_password: z.string().min(1).max(1024),
  sign_out_of_other_sessions: formBoolean.optional(),
});

/**
 * `POST /v1/me/change_password`: proves the current password (when there is one), sets a new one
 * that passes the policy, optionally signs out every other device, and tells the primary address.
 */
export const changeMyPassword = fapiRoute('POST', '/me/change_password', async (context) => {
  const body = parseFields(ChangePasswordBody, context.body);
  const { session, user } = await requireActingSession(context);
  const { app, now } = context;
  limitCredentialAttempt(context, 'me_change_password', user.id);
  const updated = await changePassword(
    app.store,
    app.instance.settings.passwordPolicy,
    user.id,
    { currentPassword: body.current_password, newPassword: body.new_password },
    now,
  );
  if (body.sign_out_of_other_sessions) {
    const revoked = await endUserSessions(app.store, user.id, 'revoked', now, { keepSessionId: session.id });
    for (const other of revoked) app.tokenCache.forgetSession(other.id);
  }
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
