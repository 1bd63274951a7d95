import { isSessionLive } from '../../../domain/sessions/session-state.js';
import { LatchAPIError, resourceNotFound } from '../../../errors.js';
import type { SessionRecord, UserRecord } from '../../../store/records.js';
import type { Store } from '../../../store/store.js';

/** Loads a session or throws the Backend API's 404. */
export async function requireSession(store: Store, sessionId: string): Promise<SessionRecord> {
  const session = await store.sessions.findById(sessionId);
  if (!session) throw resourceNotFound('session');
  return session;
}

/**
 * A session that may still have tokens minted for it, with its user: ended, expired or abandoned
 * sessions, and sessions of banned or deleted users, answer 401 `authentication_invalid`.
 *
 * @example
 * const { session, user } = await requireLiveSession(store, 'sess_…', Date.now())
 */
export async function requireLiveSession(
  store: Store,
  sessionId: string,
  now: number,
): Promise<{ session: SessionRecord; user: UserRecord }> {
  const session = await requireSession(store, sessionId);
  const user = isSessionLive(session, now) ? await store.users.findById(session.userId) : null;
  if (!user || user.banned) throw sessionNotActive();
  return { session, user };
}

export function sessionNotActive() {
  return LatchAPIError.single(
    401,
    'authentication_invalid',
    'Session is not active',
    'This session is no longer active.',
  );
}
