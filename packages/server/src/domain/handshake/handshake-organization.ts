import type { SessionRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { findMembership } from '../organizations/organization-access.js';

/**
 * The organization a handshake's `organization_id` asks to make active (an app's
 * `organizationSyncOptions`: the URL names it, by id or slug): its id, `null` for the personal account
 * (`organization_id=`), or `undefined` for "leave the session as it is" — no parameter, no such
 * organization, or one the user does not belong to (the spec: an id that cannot be activated changes
 * nothing, and the app then sees the unchanged token instead of a loop of errors).
 *
 * @example
 * await organizationToActivate(store, session, 'acme'); // 'org_123' when the session's user is a member
 */
export async function organizationToActivate(
  store: Store,
  session: Pick<SessionRecord, 'userId'>,
  requested: string | undefined,
): Promise<string | null | undefined> {
  if (requested === undefined) return undefined;
  if (requested === '') return null;
  const organization =
    (await store.organizations.organizations.findById(requested)) ??
    (await store.organizations.organizations.list({ slug: requested }, { limit: 1, offset: 0 }))[0] ??
    null;
  if (!organization) return undefined;
  return (await findMembership(store, organization.id, session.userId)) ? organization.id : undefined;
}
