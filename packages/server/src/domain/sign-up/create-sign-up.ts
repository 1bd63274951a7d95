import type { ClientRecord, SignUpRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { createId } from '../ids.js';
import type { SignUpChanges } from './sign-up-fields.js';
import { SIGN_UP_LIFETIME_MS } from './sign-up-state.js';

export interface CreateSignUpInput {
  client: ClientRecord;
  /** Checked fields (see `checkSignUpFields`). */
  changes: SignUpChanges;
  /** argon2id digest, hashed by the caller before this runs; null when no password was given. */
  passwordDigest: string | null;
  now: number;
}

/**
 * Stores a new sign-up attempt and makes it the client's current one, in one transaction. The email
 * verification starts as `null`: no code exists until `prepare_verification` asks for one
 * (PROTOCOL.md §2.2 — `<SignUp/>` only calls prepare when it sees no verification).
 *
 * @example
 * const signUp = await createSignUp(store, { client, changes, passwordDigest, now });
 * signUp.status // 'missing_requirements'
 */
export async function createSignUp(store: Store, input: CreateSignUpInput): Promise<SignUpRecord> {
  const { client, changes, now } = input;
  const signUp: SignUpRecord = {
    id: createId('sua', now),
    clientId: client.id,
    status: 'missing_requirements',
    emailAddress: changes.emailAddress ?? null,
    username: changes.username ?? null,
    firstName: changes.firstName ?? null,
    lastName: changes.lastName ?? null,
    passwordDigest: input.passwordDigest,
    unsafeMetadata: changes.unsafeMetadata ?? {},
    legalAcceptedAt: changes.legalAcceptedAt ?? null,
    locale: changes.locale ?? null,
    emailVerification: null,
    createdUserId: null,
    createdSessionId: null,
    abandonAt: now + SIGN_UP_LIFETIME_MS,
    createdAt: now,
    updatedAt: now,
  };
  await store.transaction(async (tx) => {
    await tx.signUps.insert(signUp);
    // Re-read: another request may have changed the client (a sign-in, a session) since this one began.
    const current = (await tx.clients.findById(client.id)) ?? client;
    await tx.clients.update({ ...current, signUpId: signUp.id, updatedAt: now });
  });
  return signUp;
}
