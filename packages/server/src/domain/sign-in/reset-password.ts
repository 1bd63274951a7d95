import { LatchAPIError } from '../../errors.js';
import type { ClientRecord, SignInRecord } from '../../store/records.js';
import { recordUserEvent } from '../events/event-data.js';
import { hashPassword } from '../passwords/argon2id.js';
import { assertPasswordAllowed } from '../passwords/password-policy.js';
import { assertPasswordNotBreached } from '../protection/breached-passwords.js';
import { endSession } from '../sessions/end-session.js';
import { isSessionLive } from '../sessions/session-state.js';
import { assertClientCanSignIn, finishFirstFactor, type SignInProgress } from './complete-sign-in.js';
import type { SignInDeps } from './sign-in-deps.js';
import { sendSignInEmail } from './sign-in-email.js';
import { assertSignInAwaits } from './sign-in-state.js';
import { loadSignInUser } from './sign-in-subject.js';
import { assertUserMaySignIn } from './user-standing.js';

export interface ResetPasswordResult extends SignInProgress {
  /** Sessions of the user on other clients that were signed out (`sign_out_of_other_sessions`). */
  endedSessionIds: string[];
}

/**
 * The last step of "forgot password": after a correct `reset_password_email_code`, sets the new
 * password (policy-checked, argon2id) and completes the sign-in, in one transaction — a password set
 * without its session, or the reverse, never happens. With `signOutOfOtherSessions`, every other
 * session of the user ends (whoever knew the old password may hold one). A `password_changed`
 * notice goes to the primary address.
 *
 * @example
 * await resetPassword(deps, signIn, client, { password: 'new password', signOutOfOtherSessions: true });
 */
export async function resetPassword(
  deps: SignInDeps,
  signIn: SignInRecord,
  client: ClientRecord,
  input: { password: string; signOutOfOtherSessions: boolean },
): Promise<ResetPasswordResult> {
  assertSignInAwaits(signIn, ['needs_new_password'], deps.now);
  const user = await loadSignInUser(deps.store, signIn);
  if (!user || signIn.firstFactorVerification?.strategy !== 'reset_password_email_code') {
    // Unreachable through the API (a fabricated attempt never verifies a code); refuse rather than guess.
    throw LatchAPIError.single(
      422,
      'client_state_invalid',
      'Invalid sign-in step',
      'This sign-in cannot reset a password.',
    );
  }
  assertUserMaySignIn(user, deps.now);
  assertPasswordAllowed(deps.settings.passwordPolicy, input.password);
  if (deps.settings.protection.rejectBreachedPasswords) assertPasswordNotBreached(input.password);
  // Checked again inside the transaction; failing here first spares a pointless hash.
  await assertClientCanSignIn(deps, client.id, user.id);
  const digest = await hashPassword(input.password);
  const result = await deps.store.transaction(async (tx) => {
    await tx.users.setPassword(user.id, { digest, hasher: 'argon2id', updatedAt: deps.now });
    const progress = await finishFirstFactor({ ...deps, store: tx }, signIn, user, client, 'stored');
    const endedSessionIds: string[] = [];
    if (input.signOutOfOtherSessions) {
      for (const session of await tx.sessions.list({ userId: user.id, statuses: ['active', 'pending'] })) {
        if (session.id === progress.session?.id || !isSessionLive(session, deps.now)) continue;
        await endSession(tx, session, 'revoked', deps.now);
        endedSessionIds.push(session.id);
      }
    }
    // The password changed: webhooks and the audit log hear of it as Clerk reports it, a user.updated.
    const updated = await tx.users.findById(user.id);
    if (updated) await recordUserEvent(tx, 'user.updated', updated, deps.now);
    return { ...progress, endedSessionIds };
  });
  const primary = user.emailAddresses.find((email) => email.id === user.primaryEmailAddressId);
  if (primary)
    sendSignInEmail(deps, { to: primary.value, template: 'password_changed', locale: user.locale, variables: {} });
  return result;
}
