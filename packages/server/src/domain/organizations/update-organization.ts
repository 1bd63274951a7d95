import type { JSONObject, OrganizationRecord } from '../../store/organization-store.js';
import type { Store } from '../../store/store.js';
import { UniqueViolation } from '../../store/unique-violation.js';
import { organizationErrors } from './organization-errors.js';
import { type ChangeContext, deletedObject, emitOrganizationEvent } from './organization-events.js';
import { assertValidSlug } from './organization-slug.js';

export interface OrganizationChanges {
  name?: string | undefined;
  slug?: string | undefined;
  imageUrl?: string | null | undefined;
  maxAllowedMemberships?: number | undefined;
  adminDeleteEnabled?: boolean | undefined;
  publicMetadata?: JSONObject | undefined;
  privateMetadata?: JSONObject | undefined;
}

/**
 * Applies changes (omitted fields keep their value) and records `organization.updated`.
 *
 * @example
 * await updateOrganization(store, organization, { name: 'Acme Corp' }, { now });
 */
export async function updateOrganization(
  store: Store,
  organization: OrganizationRecord,
  changes: OrganizationChanges,
  change: ChangeContext,
): Promise<OrganizationRecord> {
  if (changes.slug !== undefined) assertValidSlug(changes.slug);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const updated: OrganizationRecord = { ...organization, ...defined, updatedAt: change.now };
  try {
    await store.transaction(async (tx) => {
      if (!(await tx.organizations.organizations.update(updated))) throw organizationErrors.notFound();
      await emitOrganizationEvent(tx, 'organization.updated', (json) => json.organization(updated), change);
    });
  } catch (error) {
    if (error instanceof UniqueViolation) throw organizationErrors.slugTaken();
    throw error;
  }
  return updated;
}

/** Deep merge for `PATCH …/metadata`: a key set to null is removed, objects merge, anything else replaces. */
export function mergeMetadata(current: JSONObject, patch: JSONObject): JSONObject {
  const merged: JSONObject = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const previous = merged[key];
    if (value === null) delete merged[key];
    else if (isObject(value) && isObject(previous)) merged[key] = mergeMetadata(previous, value);
    else merged[key] = value;
  }
  return merged;
}

function isObject(value: unknown): value is JSONObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deletes an organization with its memberships, invitations, domains and requests (the foreign keys
 * cascade). Sessions that had it active lose it: their next token carries no organization.
 */
export async function deleteOrganization(
  store: Store,
  organization: OrganizationRecord,
  change: ChangeContext,
): Promise<void> {
  await store.transaction(async (tx) => {
    if (!(await tx.organizations.organizations.delete(organization.id))) throw organizationErrors.notFound();
    await emitOrganizationEvent(
      tx,
      'organization.deleted',
      () => deletedObject('organization', organization.id),
      change,
    );
  });
}
