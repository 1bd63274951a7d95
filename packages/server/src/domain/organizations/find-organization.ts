import type { OrganizationRecord } from '../../store/organization-store.js';
import type { Store } from '../../store/store.js';
import { organizationErrors } from './organization-errors.js';

/**
 * An organization by id or, as the Backend API allows, by slug; 404 otherwise.
 *
 * @example
 * const organization = await requireOrganization(store, 'acme');
 */
export async function requireOrganization(store: Store, idOrSlug: string): Promise<OrganizationRecord> {
  const byId = await store.organizations.organizations.findById(idOrSlug);
  if (byId) return byId;
  const [bySlug] = await store.organizations.organizations.list({ slug: idOrSlug }, { limit: 1, offset: 0 });
  if (!bySlug) throw organizationErrors.notFound();
  return bySlug;
}
