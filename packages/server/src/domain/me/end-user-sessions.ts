import type { SessionRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { endSession } from '../sessions/end-session.js';
import { isSessionLive } from '../sessions/session-state.js';

/**
 * Ends every live session of a user, on every client, except `keepSessionId` (the one acting, when
 * a password change signs out the other devices). Returns the sessions it ended, so the caller can
 * drop their cached tokens.
 *
 * @example
 * const revoked = await endUserSessions(store, user.id, 'revoked', now, { keepSessionId: session.id });
 */
export async function endUserSessions(
  store: Store,
  userId: string,
  status: 'ended' | 'revoked',
  now: number,
  options: { keepSessionId?: string } = {},
): Promise<SessionRecord[]> {
  const live = (await store.sessions.list({ userId, statuses: ['active', 'pending'] })).filter(
    (session) => session.id !== options.keepSessionId && isSessionLive(session, now),
  );
  const ended: SessionRecord[] = [];
  for (const session of live) ended.push(await endSession(store, session, status, now));
  return ended;
}
