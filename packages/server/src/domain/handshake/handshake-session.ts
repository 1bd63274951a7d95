import type { ClientRecord, SessionRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { isSessionLive } from '../sessions/session-state.js';

/**
 * The session a handshake signs the app in with: the client's last active session, if it is still
 * live and its user may use it. Anything else (no client, an ended or lapsed session, a deleted or
 * banned user) is "signed out" — a value, not an error: the handshake then clears the app's cookies.
 *
 * @example
 * const found = await findHandshakeSession(store, client, Date.now()); // { session, user } | null
 */
export async function findHandshakeSession(
  store: Store,
  client: ClientRecord | null,
  now: number,
): Promise<{ session: SessionRecord; user: UserRecord } | null> {
  if (!client?.lastActiveSessionId) return null;
  const session = await store.sessions.findById(client.lastActiveSessionId);
  if (!session || session.clientId !== client.id || !isSessionLive(session, now)) return null;
  const user = await store.users.findById(session.userId);
  if (!user || user.banned) return null;
  return { session, user };
}
