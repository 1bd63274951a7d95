import { recordEvent } from '../../domain/events/record-event.js';
import type { Store } from '../../store/store.js';

/**
 * Records a Backend API change that has no Clerk webhook of its own (webhook endpoints, JWT
 * templates) in the audit log, with the caller — operator or secret key — as actor. The type is
 * not a Clerk event type, so no endpoint is ever sent it. `data` must hold no secret.
 *
 * @example
 * await auditChange(store, 'jwt_template.deleted', { object: 'jwt_template', id, deleted: true }, now);
 */
export function auditChange(store: Store, type: string, data: Record<string, unknown>, now: number): Promise<void> {
  return recordEvent(store, { type, data, now });
}
