import { USER_LIMITS } from '@latch/protocol';
import { z } from 'zod';
import { updateProfile } from '../../../domain/me/update-profile.js';
import { formError } from '../../../errors.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { toFrontendUserJSON } from '../resources/fapi-user-json.js';
import { requireActingSession } from './acting-session.js';
import { clearableJSONObjectField, clearableText } from './me-form-fields.js';
import { sendAccountNotice } from './send-account-notice.js';

const UpdateMeBody = z.strictObject({
  first_name: clearableText(USER_LIMITS.nameMaxLength).optional(),
  last_name: clearableText(USER_LIMITS.nameMaxLength).optional(),
  username: clearableText(USER_LIMITS.usernameMaxLength).optional(),
  primary_email_address_id: z.string().min(1).max(128).optional(),
  primary_phone_number_id: z.string().min(1).max(128).optional(),
  // Part of Clerk's body; Latch has no wallets, so any id names nothing of the user's.
  primary_web3_wallet_id: z.string().max(128).optional(),
  // `null` (an empty form value) clears the object.
  unsafe_metadata: clearableJSONObjectField.optional(),
});

/**
 * `PATCH /v1/me`: names, username, primary email address and `unsafe_metadata` (replaced whole).
 * When the primary address changes, the previous one is told (PROTOCOL.md §2.2).
 */
export const updateMe = fapiRoute('PATCH', '/me', async (context) => {
  const body = parseFields(UpdateMeBody, context.body);
  const { user } = await requireActingSession(context);
  if (body.primary_web3_wallet_id) {
    throw formError(
      'form_param_value_invalid',
      'primary_web3_wallet_id',
      'is invalid',
      'You have no web3 wallet with that id.',
    );
  }
  const { user: updated, previousPrimaryEmail } = await updateProfile(
    context.app.store,
    context.app.instance.settings,
    user.id,
    {
      firstName: body.first_name,
      lastName: body.last_name,
      username: body.username,
      primaryEmailAddressId: body.primary_email_address_id,
      primaryPhoneNumberId: body.primary_phone_number_id,
      unsafeMetadata: body.unsafe_metadata === undefined ? undefined : (body.unsafe_metadata ?? {}),
    },
    context.now,
  );
  const newPrimary = updated.emailAddresses.find((email) => email.id === updated.primaryEmailAddressId);
  if (previousPrimaryEmail && newPrimary) {
    sendAccountNotice(context, {
      to: previousPrimaryEmail.value,
      template: 'primary_email_changed',
      locale: updated.locale,
      variables: { newEmailAddress: newPrimary.value },
    });
  }
  return { response: toFrontendUserJSON(updated, context.now) };
});
