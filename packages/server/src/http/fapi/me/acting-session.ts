import { isSessionLive } from '../../../domain/sessions/session-state.js';
import { LatchAPIError } from '../../../errors.js';
import type { SessionRecord, UserRecord } from '../../../store/records.js';
import type { FapiContext } from '../fapi-context.js';

/** The signed-in session a `/v1/me` call acts as, and its user. */
export interface ActingSession {
  session: SessionRecord;
  user: UserRecord;
}

/**
 * Resolves who is calling. clerk-js names the acting session in `_clerk_session_id` on every path
 * outside `/client` (PROTOCOL.md §2.1); without it, the client's last active session acts. The
 * session must be live and belong to the calling client — a session id from another browser is
 * worth nothing here. Anything else answers 401, which makes clerk-js sign the tab out.
 *
 * @example
 * const { user } = await requireActingSession(context);
 */
export async function requireActingSession(context: FapiContext): Promise<ActingSession> {
  const { client, app, now } = context;
  if (!client) throw signedOut('You are signed out.');
  const requested = context.url.searchParams.get('_clerk_session_id');
  const sessionId = requested || client.lastActiveSessionId;
  if (!sessionId) throw signedOut('You are signed out.');
  const session = sessionId.length <= 128 ? await app.store.sessions.findById(sessionId) : null;
  if (!session || session.clientId !== client.id || !isSessionLive(session, now)) {
    throw signedOut('The session is not active on this client. Sign in again.');
  }
  const user = await app.store.users.findById(session.userId);
  if (!user || user.banned) throw signedOut('Sign in again to continue.');
  return { session, user };
}

function signedOut(longMessage: string) {
  return LatchAPIError.single(401, 'authentication_invalid', 'Unauthenticated', longMessage);
}
