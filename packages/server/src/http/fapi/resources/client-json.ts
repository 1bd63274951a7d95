import { type ClientState, loadClientState } from '../../../domain/clients/client-state.js';
import { isSessionLive } from '../../../domain/sessions/session-state.js';
import type { ClientRecord, InstanceSettings, SessionRecord, UserRecord } from '../../../store/records.js';
import type { Store } from '../../../store/store.js';
import { toSessionJSON } from './session-json.js';
import { toSignInJSON } from './sign-in-json.js';
import { toSignUpJSON } from './sign-up-json.js';

export interface ClientJSONOptions {
  /** Mints (or reuses) the active session's token, sent as its `last_active_token`. */
  tokenFor?: (session: SessionRecord, user: UserRecord) => Promise<string>;
}

/**
 * The full, current client — returned with every Frontend API mutation, because clerk-js derives its
 * signed-in state from it (PROTOCOL.md §2.1, Appendix A). Reads the client's state from the store.
 */
export async function toClientJSON(
  store: Store,
  client: ClientRecord,
  settings: InstanceSettings,
  now: number,
  options: ClientJSONOptions = {},
) {
  return clientStateToJSON(await loadClientState(store, client), settings, now, options);
}

/** The client JSON from an already loaded (possibly cached) client state. */
export async function clientStateToJSON(
  state: ClientState,
  settings: InstanceSettings,
  now: number,
  options: ClientJSONOptions = {},
) {
  const { client, users, signIn, signUp } = state;
  const liveSessions = state.sessions.filter((session) => isSessionLive(session, now) && users.has(session.userId));
  const activeSession = liveSessions.find((session) => session.id === client.lastActiveSessionId);
  const lastActive = activeSession ? client.lastActiveSessionId : null;
  const signInUser = signIn?.userId ? (users.get(signIn.userId) ?? null) : null;
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
        state.memberships.get(session.userId),
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
