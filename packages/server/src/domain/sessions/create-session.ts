import type { ClientRecord, SessionActivity, SessionRecord, SessionSettings } from '../../store/records.js';
import type { ClientPatch, Store } from '../../store/store.js';
import { saveClientPointers } from '../clients/client-credential.js';
import { recordSessionEvent } from '../events/event-data.js';
import { createId } from '../ids.js';
import { isSessionLive } from './session-state.js';

export interface CreateSessionInput {
  client: ClientRecord;
  userId: string;
  settings: SessionSettings;
  activity: SessionActivity;
  now: number;
  /**
   * The client was created by this request and is not stored yet: it holds no session to replace, no
   * other request can reach it (its token has not left this response), and it is inserted here.
   */
  clientIsNew?: boolean;
  /** Client pointers to move in the same write as the active session (a completed attempt). */
  clientFields?: Pick<ClientPatch, 'signInId' | 'signUpId'>;
}

/** What starting a session writes to its user (a sign-in's or a sign-up's). */
export function signedInUserFields(now: number) {
  return { lastSignInAt: now, lastActiveAt: now };
}

/**
 * Starts a session on a client and makes it the active one. In single-session mode any other live
 * session on the client is replaced first. Runs in the caller's transaction when there is one.
 */
export async function createSession(store: Store, input: CreateSessionInput): Promise<SessionRecord> {
  const { client, settings, now } = input;
  const expireAt = now + settings.lifetimeSeconds * 1000;
  const session: SessionRecord = {
    id: createId('sess', now),
    clientId: client.id,
    userId: input.userId,
    status: 'active',
    lastActiveOrganizationId: null,
    expireAt,
    abandonAt:
      settings.inactivityTimeoutSeconds === null
        ? expireAt
        : Math.min(expireAt, now + settings.inactivityTimeoutSeconds * 1000),
    lastActiveAt: now,
    firstFactorVerifiedAt: now,
    secondFactorVerifiedAt: null,
    activity: input.activity,
    lastToken: null,
    lastTokenExpiresAt: null,
    createdAt: now,
    updatedAt: now,
    endedAt: null,
  };
  return store.transaction(async (tx) => {
    if (settings.mode === 'single' && !input.clientIsNew) {
      for (const other of await tx.sessions.list({ clientId: client.id, statuses: ['active', 'pending'] })) {
        if (isSessionLive(other, now))
          await tx.sessions.update({ ...other, status: 'replaced', endedAt: now, updatedAt: now });
      }
    }
    // The client first: a new one is inserted here, and the session row references it.
    await saveClientPointers(tx, client, input.clientIsNew === true, {
      ...input.clientFields,
      lastActiveSessionId: session.id,
      updatedAt: now,
    });
    await tx.sessions.insert(session);
    await tx.users.update(input.userId, signedInUserFields(now));
    await recordSessionEvent(tx, 'session.created', session, now);
    return session;
  });
}
