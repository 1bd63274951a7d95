import { formError } from '../../errors.js';
import type { ClientRecord, SignInRecord } from '../../store/records.js';
import { createId } from '../ids.js';
import { clearFailedAttempts } from '../protection/lockout.js';
import { countIfRefused } from '../stats/failed-sign-ins.js';
import { checkPassword } from './attempt-first-factor.js';
import {
  assertClientCanSignIn,
  finishFirstFactor,
  type SignInProgress,
  saveSignIn,
  type UserRead,
} from './complete-sign-in.js';
import { findSignInUser, parseSignInIdentifier } from './find-sign-in-user.js';
import { firstFactorsFor } from './first-factors.js';
import { phantomFactorsFor } from './phantom-factors.js';
import { type CodeStrategy, findOfferedFactor, prepareEmailCode } from './prepare-first-factor.js';
import type { SignInDeps } from './sign-in-deps.js';
import { SIGN_IN_LIFETIME_MS } from './sign-in-state.js';
import { assertSubjectMaySignIn, lookUpDecoyUser } from './sign-in-subject.js';

export interface CreateSignInInput {
  identifier?: string | undefined;
  /** `password` proves the first factor in the same call (what the UI sends); the code strategies send a code. */
  strategy?: 'password' | CodeStrategy | undefined;
  password?: string | undefined;
}

/**
 * `POST /v1/client/sign_ins`: starts a sign-in on the client (replacing its current one). Without an
 * identifier the attempt waits in `needs_identifier`. An identifier nobody owns is a 422
 * `form_identifier_not_found` — unless enumeration protection is on, in which case a fabricated
 * attempt that looks like a real one is created, and only fails at its first credential.
 *
 * @example
 * const { signIn } = await createSignIn(deps, client, { identifier: 'ada@example.com', strategy: 'password', password });
 * signIn.status // 'complete'
 */
export async function createSignIn(
  deps: SignInDeps,
  client: ClientRecord,
  input: CreateSignInInput,
): Promise<SignInProgress> {
  const { now, settings } = deps;
  const base: SignInRecord = {
    id: createId('sia', now),
    clientId: client.id,
    status: 'needs_identifier',
    identifier: null,
    userId: null,
    supportedFirstFactors: [],
    firstFactorVerification: null,
    secondFactorVerification: null,
    createdSessionId: null,
    abandonAt: now + SIGN_IN_LIFETIME_MS,
    createdAt: now,
    updatedAt: now,
  };
  if (!input.identifier) {
    if (input.strategy)
      throw formError('form_param_missing', 'identifier', 'is missing', 'Enter your email address or username.');
    await assertClientCanSignIn(deps, client.id, null);
    await deps.store.transaction((tx) => saveSignIn(tx, base, client, deps, { stored: false }));
    return { signIn: base, session: null };
  }
  if (input.strategy === 'password' && input.password === undefined) {
    throw formError('form_param_missing', 'password', 'is missing', 'Enter your password.');
  }
  const identifier = parseSignInIdentifier(input.identifier, settings.signIn);
  const readFrom = deps.store.changes.seq;
  const user = identifier ? await findSignInUser(deps.store, identifier) : null;
  // A write recorded while the user was being read may be missing from it: then nothing is marked.
  const read: UserRead | undefined =
    user && !deps.store.changes.changedSince([user.id], readFrom)
      ? { user, mark: deps.store.changes.mark(user.id) }
      : undefined;
  if (!identifier || (!user && !settings.protection.enumerationProtection)) {
    throw formError('form_identifier_not_found', 'identifier', "Couldn't find your account.");
  }
  // A miss skips loading the user; make up for it, so "no such account" is not the fast answer.
  if (!user) await lookUpDecoyUser(deps.store);
  // One check for known and unknown identifiers alike (same queries, same timing).
  await assertClientCanSignIn(deps, client.id, user?.id ?? null);
  await countIfRefused(deps.store, now, () => assertSubjectMaySignIn(deps, identifier.value, user));
  const signIn: SignInRecord = {
    ...base,
    status: 'needs_first_factor',
    identifier: identifier.value,
    userId: user?.id ?? null,
    supportedFirstFactors: user
      ? firstFactorsFor(user, settings, identifier)
      : await phantomFactorsFor(deps, identifier),
  };
  if (input.strategy === 'password') {
    // Under enumeration protection an account without a password answers "incorrect" like everyone
    // else: on this path the factor list is not shown, so "not available" would reveal the account.
    if (!(settings.protection.enumerationProtection && settings.signIn.password)) findOfferedFactor(signIn, 'password');
    // Checked before anything is stored: a wrong password leaves no attempt behind.
    const verification = await checkPassword(deps, signIn, user, input.password as string);
    if (!user) throw new Error('unreachable: a fabricated attempt never verifies');
    await clearFailedAttempts(deps.store, user, now);
    return finishFirstFactor(deps, { ...signIn, firstFactorVerification: verification }, user, client, 'new', read);
  }
  if (input.strategy) findOfferedFactor(signIn, input.strategy);
  await deps.store.transaction((tx) => saveSignIn(tx, signIn, client, deps, { stored: false }));
  if (!input.strategy) return { signIn, session: null };
  // The code goes to the address typed, or the primary one when a username was typed.
  const offered = signIn.supportedFirstFactors.filter((factor) => factor.strategy === input.strategy);
  const target =
    offered.find((factor) => factor.safeIdentifier === identifier.value) ?? offered.find((factor) => factor.primary);
  return { signIn: await prepareEmailCode(deps, signIn, input.strategy, target?.emailAddressId), session: null };
}
