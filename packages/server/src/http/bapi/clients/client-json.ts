import type { ClientJSON } from '@latch/protocol';
import { isSessionLive } from '../../../domain/sessions/session-state.js';
import type { ClientRecord } from '../../../store/records.js';
import type { Store } from '../../../store/store.js';
import { toBackendSessionJSON } from '../sessions/session-json.js';

/**
 * Renders a client as the Backend API's `Client`: every session it ever had, oldest first, and the
 * active one only while it is still live.
 *
 * @example
 * await toBackendClientJSON(store, client, Date.now()) // { object: 'client', session_ids: […], … }
 */
export async function toBackendClientJSON(store: Store, client: ClientRecord, now: number): Promise<ClientJSON> {
  const sessions = (await store.sessions.list({ clientId: client.id })).reverse();
  const lastActive = sessions.find((session) => session.id === client.lastActiveSessionId);
  return {
    object: 'client',
    id: client.id,
    session_ids: sessions.map((session) => session.id),
    sessions: sessions.map((session) => toBackendSessionJSON(session, now)),
    sign_in_id: client.signInId,
    sign_up_id: client.signUpId,
    last_active_session_id: lastActive && isSessionLive(lastActive, now) ? lastActive.id : null,
    last_authentication_strategy: null,
    created_at: client.createdAt,
    updated_at: client.updatedAt,
  };
}
