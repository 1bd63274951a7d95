import { isSessionLive } from '../../../domain/sessions/session-state.js';
import type { ClientRecord, InstanceSettings, SessionRecord, UserRecord } from '../../../store/records.js';
import type { Store } from '../../../store/store.js';
import { toSessionJSON } from './session-json.js';
import { toSignInJSON } from './sign-in-json.js';
import { toSignUpJSON } from './sign-up-json.js';

/**
 * The full, current client — returned with every Frontend API mutation, because clerk-js derives its
 * signed-in state from it (PROTOCOL.md §2.1, Appendix A).
 */
export async function toClientJSON(
  store: Store,
  client: ClientRecord,
  settings: InstanceSettings,
  now: number,
  options: { tokenFor?: (session: SessionRecord, user: UserRecord) => Promise<string> } = {},
) {
  const sessions = (await store.sessions.list({ clientId: client.id, statuses: ['active', 'pending'] })).filter(
    (session) => isSessionLive(session, now),
  );
  const users = new Map<string, UserRecord>();
  for (const session of sessions) {
    if (!users.has(session.userId)) {
      const user = await store.users.findById(session.userId);
      if (user) users.set(user.id, user);
    }
  }
  const signIn = client.signInId ? await store.signIns.findById(client.signInId) : null;
  const signUp = client.signUpId ? await store.signUps.findById(client.signUpId) : null;
  const signInUser = signIn?.userId ? (users.get(signIn.userId) ?? (await store.users.findById(signIn.userId))) : null;
  const liveSessions = sessions.filter((session) => users.has(session.userId));
  const lastActive = liveSessions.some((session) => session.id === client.lastActiveSessionId)
    ? client.lastActiveSessionId
    : null;
  const activeSession = liveSessions.find((session) => session.id === lastActive);
  const activeToken =
    activeSession && options.tokenFor
      ? await options.tokenFor(activeSession, users.get(activeSession.userId) as UserRecord)
      : null;
  return {
    object: 'client',
    id: client.id,
    sessions: liveSessions.map((session) =>
      toSessionJSON(
        session,
        users.get(session.userId) as UserRecord,
        now,
        session === activeSession ? activeToken : null,
      ),
    ),
    sign_in: signIn && signIn.status !== 'complete' ? toSignInJSON(signIn, signInUser, settings, now) : null,
    sign_up: signUp && signUp.status !== 'complete' ? toSignUpJSON(signUp, settings) : null,
    last_active_session_id: lastActive,
    last_authentication_strategy: null,
    cookie_expires_at: null,
    created_at: client.createdAt,
    updated_at: client.updatedAt,
  };
}
