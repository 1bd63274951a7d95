import { toBackendSessionJSON } from '../../http/bapi/sessions/session-json.js';
import { toUserJSON } from '../../http/bapi/user-json.js';
import type { SessionRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { type EventContext, recordEvent } from './record-event.js';

// Event data is the Backend API's JSON of the object, so it reuses the Backend API's serializers:
// the one place the domain reaches into `http/bapi`, kept here so it stays one place.

export type UserEventType = 'user.created' | 'user.updated';

/** Records `user.created` / `user.updated` with the user's Backend API JSON. */
export async function recordUserEvent(
  tx: Store,
  type: UserEventType,
  user: UserRecord,
  now: number,
  context?: EventContext,
): Promise<void> {
  await recordEvent(tx, { type, data: toUserJSON(user, now) as unknown as Record<string, unknown>, now, context });
}

/** Records `user.updated` with the user as it is now inside `tx` (after the caller's writes). */
export async function recordUserUpdated(tx: Store, userId: string, now: number, context?: EventContext): Promise<void> {
  const user = await tx.users.findById(userId);
  if (user) await recordUserEvent(tx, 'user.updated', user, now, context);
}

/** Records `user.deleted` as Clerk sends it: `{ object, id, deleted }` plus the app's external id. */
export async function recordUserDeleted(
  tx: Store,
  user: { id: string; externalId: string | null },
  now: number,
  context?: EventContext,
): Promise<void> {
  await recordEvent(tx, {
    type: 'user.deleted',
    data: { ...deletedObject('user', user.id), ...(user.externalId ? { external_id: user.externalId } : {}) },
    now,
    context,
  });
}

/** Records a `session.*` event with the Backend API's Session JSON. */
export async function recordSessionEvent(
  tx: Store,
  type: 'session.created' | 'session.ended' | 'session.removed' | 'session.revoked',
  session: SessionRecord,
  now: number,
  context?: EventContext,
): Promise<void> {
  const data = toBackendSessionJSON(session, now) as unknown as Record<string, unknown>;
  await recordEvent(tx, { type, data, now, context });
}

/** The `data` of a deletion event. */
export function deletedObject(object: string, id: string): { object: string; id: string; deleted: true } {
  return { object, id, deleted: true };
}
