import type { Store } from '../../store/store.js';
import { type EventContext, recordEvent } from '../events/record-event.js';
import { OrganizationJSONBuilder } from './organization-json.js';

/** Who did it and when: passed down from the HTTP layer to every organization change. */
export interface ChangeContext {
  now: number;
  event?: EventContext;
}

/**
 * Records an organization event in the transaction `tx` of the change, with the Backend API JSON
 * of the object as it is after the change (Clerk's webhook payloads).
 *
 * @example
 * await emitOrganizationEvent(tx, 'organization.created', (json) => json.organization(organization), change);
 */
export async function emitOrganizationEvent(
  tx: Store,
  type: string,
  render: (json: OrganizationJSONBuilder) => Promise<Record<string, unknown>> | Record<string, unknown>,
  change: ChangeContext,
): Promise<void> {
  const data = await render(new OrganizationJSONBuilder(tx, 'backend'));
  await recordEvent(tx, { type, data, now: change.now, ...(change.event ? { context: change.event } : {}) });
  noteMembershipChange(tx, type, data);
}

/**
 * Users embed their memberships (`user.organization_memberships`), so caches of user JSON must drop
 * a user whose membership changed — and everyone, when an organization, role or permission they may
 * embed changed. Invitations and domains are not embedded.
 */
function noteMembershipChange(tx: Store, type: string, data: Record<string, unknown>): void {
  if (type.startsWith('organizationMembership.')) {
    const userId = (data.public_user_data as { user_id?: unknown } | undefined)?.user_id;
    if (typeof userId === 'string') tx.changes.changed(userId);
    else tx.changes.changedAny();
  } else if (/^(organization\.(updated|deleted)|role\.|permission\.)/.test(type)) {
    tx.changes.changedAny();
  }
}

/** The payload of a `*.deleted` event. */
export function deletedObject(object: string, id: string) {
  return { object, id, deleted: true };
}
