import { assertSignUpEmailAllowed } from '../../../domain/instance-settings-restrictions.js';
import { hashPassword } from '../../../domain/passwords/argon2id.js';
import { checkSignUpFields } from '../../../domain/sign-up/sign-up-fields.js';
import { assertSignUpIdentifiersAvailable } from '../../../domain/sign-up/sign-up-identifiers.js';
import { assertSignUpOpen } from '../../../domain/sign-up/sign-up-state.js';
import { applySignUpChanges } from '../../../domain/sign-up/update-sign-up.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { limitCredentialAttempt } from '../rate-limit.js';
import { requireOwnSignUp, signUpResponse } from './own-sign-up.js';
import { saveSignUp } from './save-sign-up.js';
import { SignUpFieldsBody, toSignUpFieldsInput } from './sign-up-body.js';

/**
 * `PATCH /v1/client/sign_ups/{id}` (clerk-js: `POST …?_method=PATCH`) — supplies missing fields. When
 * that leaves nothing missing and the email is already verified, the sign-up completes here.
 * A new email address needs a new code.
 */
export const updateSignUpRoute = fapiRoute('PATCH', '/client/sign_ups/:sign_up_id', async (context, { sign_up_id }) => {
  const { app, now } = context;
  const settings = app.instance.settings;
  const body = parseFields(SignUpFieldsBody, context.body);
  const signUp = await requireOwnSignUp(context, sign_up_id);
  assertSignUpOpen(signUp);
  const { changes, password } = checkSignUpFields(settings, toSignUpFieldsInput(body), now);
  assertSignUpEmailAllowed(settings.restrictions, changes.emailAddress);
  limitCredentialAttempt(context, 'sign_up', changes.emailAddress ?? signUp.emailAddress);
  await assertSignUpIdentifiersAvailable(
    app.store,
    {
      emailAddress: changes.emailAddress !== signUp.emailAddress ? changes.emailAddress : null,
      username: changes.username !== signUp.username ? changes.username : null,
    },
    { enumerationProtection: settings.protection.enumerationProtection },
  );
  const passwordDigest = password === null ? null : await hashPassword(password);
  // Read again after hashing: a code attempt may have landed meanwhile, and its count must not be lost.
  const current = await requireOwnSignUp(context, sign_up_id);
  assertSignUpOpen(current);
  return signUpResponse(context, await saveSignUp(context, applySignUpChanges(current, changes, passwordDigest, now)));
});
