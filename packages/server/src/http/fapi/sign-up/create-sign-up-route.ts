import { assertSignUpEmailAllowed } from '../../../domain/instance-settings-restrictions.js';
import { hashPassword } from '../../../domain/passwords/argon2id.js';
import { isSessionLive } from '../../../domain/sessions/session-state.js';
import { createSignUp } from '../../../domain/sign-up/create-sign-up.js';
import { checkSignUpFields } from '../../../domain/sign-up/sign-up-fields.js';
import { assertSignUpIdentifiersAvailable } from '../../../domain/sign-up/sign-up-identifiers.js';
import { LatchAPIError } from '../../../errors.js';
import type { FapiContext } from '../fapi-context.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { limitCredentialAttempt } from '../rate-limit.js';
import { signUpResponse } from './own-sign-up.js';
import { SignUpFieldsBody, toSignUpFieldsInput } from './sign-up-body.js';

/**
 * `POST /v1/client/sign_ups` — starts a sign-up with whatever fields the form has (PROTOCOL.md §2.2).
 * The answer is `missing_requirements` with the email unverified and no verification yet; the
 * browser then calls `prepare_verification`.
 *
 * Order matters: refuse what the instance forbids, validate everything cheap, count the attempt
 * (429 past the budget), look identifiers up, and only then hash the password — ~25 ms of CPU that
 * must neither be spent on doomed requests nor hold a database write lock.
 */
export const createSignUpRoute = fapiRoute('POST', '/client/sign_ups', async (context) => {
  const { app, now } = context;
  const settings = app.instance.settings;
  const body = parseFields(SignUpFieldsBody, context.body);
  if (settings.signUp.mode === 'restricted') {
    throw LatchAPIError.single(
      403,
      'sign_up_restricted',
      'Sign-ups are restricted',
      'This application does not accept new sign-ups. Ask an administrator for an invitation.',
    );
  }
  await refuseIfSignedIn(context);
  const { changes, password } = checkSignUpFields(settings, toSignUpFieldsInput(body), now);
  assertSignUpEmailAllowed(settings.restrictions, changes.emailAddress);
  limitCredentialAttempt(context, 'sign_up', changes.emailAddress);
  await assertSignUpIdentifiersAvailable(app.store, changes, {
    enumerationProtection: settings.protection.enumerationProtection,
  });
  const passwordDigest = password === null ? null : await hashPassword(password);
  const client = await context.requireClient();
  return signUpResponse(context, await createSignUp(app.store, { client, changes, passwordDigest, now }));
});

/** Single-session instances allow one signed-in user per browser: sign out first (Clerk's `session_exists`). */
async function refuseIfSignedIn(context: FapiContext): Promise<void> {
  const { app, client, now } = context;
  if (!client || app.instance.settings.sessions.mode !== 'single') return;
  const sessions = await app.store.sessions.list({ clientId: client.id, statuses: ['active', 'pending'] });
  if (sessions.some((session) => isSessionLive(session, now))) {
    throw LatchAPIError.single(
      422,
      'session_exists',
      "You're already signed in",
      'You are already signed in. Sign out before creating a new account.',
    );
  }
}
