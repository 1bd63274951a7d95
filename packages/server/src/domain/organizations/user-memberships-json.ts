import type { Store } from '../../store/store.js';
import { OrganizationJSONBuilder } from './organization-json.js';

/** Enough for any person; Clerk's embedded list is not paginated either. */
const EMBEDDED_LIMIT = 100;

/**
 * A user's memberships as the Frontend API embeds them in `user.organization_memberships`
 * (PROTOCOL.md §2.3): clerk-js derives `Clerk.organization`, `session.checkAuthorization` and the
 * organization switcher from them. Oldest first, browser-safe (no private metadata).
 *
 * @example
 * const userJSON = { ...toFrontendUserJSON(user, now), organization_memberships: await frontendOrganizationMemberships(store, user.id) };
 */
export async function frontendOrganizationMemberships(store: Store, userId: string) {
  const memberships = await store.organizations.memberships.list(
    { userId },
    { limit: EMBEDDED_LIMIT, offset: 0, orderBy: { field: 'created_at', direction: 'asc' } },
  );
  const json = new OrganizationJSONBuilder(store, 'frontend');
  return Promise.all(memberships.map((membership) => json.membership(membership)));
}
