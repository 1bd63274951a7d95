import type { SessionRecord, SessionSettings } from '../../store/records.js';
import type { Store } from '../../store/store.js';

/**
 * Marks a session as used and, when given, switches its active organization (`null` = personal
 * account). The inactivity deadline moves forward; the absolute lifetime never does.
 *
 * `session` may come from a cache (the token endpoint's client state): the stored row is read again
 * inside the transaction and the touch applied to it, so a session ended meanwhile (by this or another
 * process) stays ended and is returned as it is stored.
 */
export async function touchSession(
  store: Store,
  session: SessionRecord,
  settings: SessionSettings,
  changes: { activeOrganizationId?: string | null },
  now: number,
): Promise<SessionRecord> {
  return store.transaction(async (tx) => {
    const stored = (await tx.sessions.findById(session.id)) ?? session;
    if (stored.status !== 'active' && stored.status !== 'pending') {
      // Ended elsewhere (another process): whatever this process has cached about the client is stale.
      tx.changes.changed(stored.clientId);
      return stored;
    }
    const abandonAt =
      settings.inactivityTimeoutSeconds === null
        ? stored.expireAt
        : Math.min(stored.expireAt, now + settings.inactivityTimeoutSeconds * 1000);
    const touched: SessionRecord = {
      ...stored,
      lastActiveAt: now,
      abandonAt,
      updatedAt: now,
      ...(changes.activeOrganizationId !== undefined
        ? { lastActiveOrganizationId: changes.activeOrganizationId, lastToken: null, lastTokenExpiresAt: null }
        : {}),
    };
    await tx.sessions.update(touched);
    const client = await tx.clients.findById(stored.clientId);
    if (client && client.lastActiveSessionId !== stored.id) {
      await tx.clients.update({ ...client, lastActiveSessionId: stored.id, updatedAt: now });
    }
    return touched;
  });
}
