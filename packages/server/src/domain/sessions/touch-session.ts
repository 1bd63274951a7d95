import type { SessionRecord, SessionSettings } from '../../store/records.js';
import type { Store } from '../../store/store.js';

/**
 * Marks a session as used and, when given, switches its active organization (`null` = personal
 * account). The inactivity deadline moves forward; the absolute lifetime never does.
 */
export async function touchSession(
  store: Store,
  session: SessionRecord,
  settings: SessionSettings,
  changes: { activeOrganizationId?: string | null },
  now: number,
): Promise<SessionRecord> {
  const abandonAt =
    settings.inactivityTimeoutSeconds === null
      ? session.expireAt
      : Math.min(session.expireAt, now + settings.inactivityTimeoutSeconds * 1000);
  const touched: SessionRecord = {
    ...session,
    lastActiveAt: now,
    abandonAt,
    updatedAt: now,
    ...(changes.activeOrganizationId !== undefined
      ? { lastActiveOrganizationId: changes.activeOrganizationId, lastToken: null, lastTokenExpiresAt: null }
      : {}),
  };
  return store.transaction(async (tx) => {
    await tx.sessions.update(touched);
    const client = await tx.clients.findById(session.clientId);
    if (client && client.lastActiveSessionId !== session.id) {
      await tx.clients.update({ ...client, lastActiveSessionId: session.id, updatedAt: now });
    }
    return touched;
  });
}
