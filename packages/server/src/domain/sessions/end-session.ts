import type { SessionRecord, SessionStatus } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { recordSessionEvent } from '../events/event-data.js';
import { isSessionLive } from './session-state.js';

/**
 * Ends a session: `ended` (the user signed out), `removed` (signed out and forgotten on this client),
 * `revoked` (by an admin or from another device). If it was the client's active session, another live
 * one takes its place, and the client's `updated_at` moves so `__client_uat` tells apps to re-check.
 */
export async function endSession(
  store: Store,
  session: SessionRecord,
  status: Extract<SessionStatus, 'ended' | 'removed' | 'revoked'>,
  now: number,
): Promise<SessionRecord> {
  return store.transaction(async (tx) => {
    const ended: SessionRecord = {
      ...session,
      status,
      endedAt: session.endedAt ?? now,
      updatedAt: now,
      lastToken: null,
    };
    await tx.sessions.update(ended);
    const client = await tx.clients.findById(session.clientId);
    if (client) {
      let lastActiveSessionId = client.lastActiveSessionId;
      if (lastActiveSessionId === session.id) {
        const others = await tx.sessions.list({ clientId: client.id, statuses: ['active', 'pending'] });
        lastActiveSessionId = others.find((other) => other.id !== session.id && isSessionLive(other, now))?.id ?? null;
      }
      await tx.clients.update({ ...client, lastActiveSessionId, updatedAt: now });
    }
    await recordSessionEvent(tx, `session.${status}`, ended, now);
    return ended;
  });
}
