import { LatchAPIError } from '../../errors.js';
import type { ClientRecord, SessionRecord, SignInRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { ChangeMark, StoreChanges } from '../../store/store-changes.js';
import { saveClientPointers } from '../clients/client-credential.js';
import { createSession, signedInUserFields } from '../sessions/create-session.js';
import { isSessionLive } from '../sessions/session-state.js';
import { secondFactorsFor } from './first-factors.js';
import type { SignInDeps } from './sign-in-deps.js';

export interface SignInProgress {
  signIn: SignInRecord;
  /** The session a completed sign-in created; null while a step remains. */
  session: SessionRecord | null;
  /**
   * The signed-in user as stored once the sign-in completed, when that is known without reading it
   * back: read before the password check, plus the completion's own write, with no other write to
   * the user recorded in between (`UserRead`). Absent otherwise.
   */
  user?: UserRecord;
}

/** A user as read, and where the user's writes stood when it was read (`StoreChanges.mark`). */
export interface UserRead {
  user: UserRecord;
  mark: ChangeMark;
}

/**
 * Refuses a sign-in the client cannot hold: in single-session mode any live session blocks it
 * (`session_exists`); in multi-session mode a second session for the same user does
 * (`identifier_already_signed_in`).
 */
export async function assertClientCanSignIn(deps: SignInDeps, clientId: string, userId: string | null): Promise<void> {
  if (deps.clientIsNew) return;
  const live = (await deps.store.sessions.list({ clientId, statuses: ['active', 'pending'] })).filter((session) =>
    isSessionLive(session, deps.now),
  );
  if (deps.settings.sessions.mode === 'single' && live.length > 0) {
    throw LatchAPIError.single(422, 'session_exists', 'Session already exists', "You're already signed in.");
  }
  if (userId && live.some((session) => session.userId === userId)) {
    throw LatchAPIError.single(
      422,
      'identifier_already_signed_in',
      'Already signed in',
      "You're already signed in to this account.",
      'identifier',
    );
  }
}

/** Whether the attempt was created by this very request (never stored) or read from the store. */
export type AttemptOrigin = 'new' | 'stored';

/**
 * After a first factor: on to `needs_second_factor` when the user has second factors (none exist yet,
 * see `secondFactorsFor`), otherwise complete.
 */
export async function finishFirstFactor(
  deps: SignInDeps,
  signIn: SignInRecord,
  user: UserRecord,
  client: ClientRecord,
  origin: AttemptOrigin,
  read?: UserRead,
): Promise<SignInProgress> {
  if (secondFactorsFor(user).length > 0) {
    const waiting: SignInRecord = { ...signIn, status: 'needs_second_factor', updatedAt: deps.now };
    await deps.store.transaction((tx) => saveSignIn(tx, waiting, client, deps, { stored: origin === 'stored' }));
    return { signIn: waiting, session: null };
  }
  return completeSignIn(deps, signIn, user, client, origin, read);
}

/**
 * Creates the session, marks the attempt complete and points the client at it, atomically. A stored
 * attempt is re-read inside the transaction, so a replayed or concurrent final step cannot create a
 * second session; an attempt created by this request has no other copy to race with.
 */
export async function completeSignIn(
  deps: SignInDeps,
  signIn: SignInRecord,
  user: UserRecord,
  client: ClientRecord,
  origin: AttemptOrigin,
  read?: UserRead,
): Promise<SignInProgress> {
  let ownWrites: StoreChanges | undefined;
  const progress = await deps.store.transaction(async (tx) => {
    ownWrites = tx.changes;
    const stored = origin === 'stored' ? await tx.signIns.findById(signIn.id) : null;
    if (stored?.status === 'complete') {
      throw LatchAPIError.single(
        422,
        'client_state_invalid',
        'Sign in already complete',
        'This sign-in is already complete.',
      );
    }
    await assertClientCanSignIn({ ...deps, store: tx }, client.id, user.id);
    const session = await createSession(tx, {
      client,
      userId: user.id,
      settings: deps.settings.sessions,
      activity: deps.activity,
      now: deps.now,
      clientIsNew: deps.clientIsNew,
      clientFields: { signInId: signIn.id },
    });
    const completed: SignInRecord = {
      ...signIn,
      status: 'complete',
      createdSessionId: session.id,
      updatedAt: deps.now,
    };
    if (stored) await tx.signIns.update(completed);
    else await tx.signIns.insert(completed);
    return { signIn: completed, session };
  });
  // Every write to the user since it was read is the completion's own: the read plus that write is
  // what is stored, and the response need not read it back. Anything else, and it is read back.
  if (read && ownWrites && deps.store.changes.writesSince(read.mark) === ownWrites.recorded(read.user.id)) {
    return { ...progress, user: { ...read.user, ...signedInUserFields(deps.now) } };
  }
  return progress;
}

/**
 * Inserts or updates an attempt and makes it the client's current sign-in (storing a new client).
 * `known.stored` saves the lookup when the caller knows whether the attempt is stored.
 */
export async function saveSignIn(
  store: Store,
  signIn: SignInRecord,
  client: ClientRecord,
  deps: Pick<SignInDeps, 'now' | 'clientIsNew'>,
  known?: { stored: boolean },
): Promise<void> {
  const stored = known ? known.stored : (await store.signIns.findById(signIn.id)) !== null;
  await saveClientPointers(store, client, deps.clientIsNew, { signInId: signIn.id, updatedAt: deps.now });
  if (stored) await store.signIns.update(signIn);
  else await store.signIns.insert(signIn);
}
