import { LatchAPIError } from '../../errors.js';
import type { JSONObject, OrganizationRecord } from '../../store/organization-store.js';
import type { Store } from '../../store/store.js';
import { UniqueViolation } from '../../store/unique-violation.js';
import { createId } from '../ids.js';
import { organizationErrors } from './organization-errors.js';
import { type ChangeContext, emitOrganizationEvent } from './organization-events.js';
import { assertValidSlug, slugFromName } from './organization-slug.js';

export interface NewOrganization {
  name: string;
  slug?: string | undefined;
  createdBy?: string | null | undefined;
  maxAllowedMemberships?: number | undefined;
  publicMetadata?: JSONObject | undefined;
  privateMetadata?: JSONObject | undefined;
}

/**
 * Creates an organization; its creator (if any) becomes a member with the instance's creator role.
 * A chosen slug that is taken is a 422 on `slug`; a slug derived from the name gets a random suffix
 * instead.
 *
 * @example
 * const organization = await createOrganization(store, { name: 'Acme', createdBy: user.id }, { now });
 */
export async function createOrganization(
  store: Store,
  input: NewOrganization,
  change: ChangeContext,
): Promise<OrganizationRecord> {
  const settings = await store.organizations.getSettings();
  if (input.slug !== undefined) assertValidSlug(input.slug);
  if (input.createdBy) {
    const creator = await store.users.findById(input.createdBy);
    if (!creator) {
      throw LatchAPIError.single(
        400,
        'organization_creator_not_found',
        'creator not found',
        `No users found with id ${input.createdBy}.`,
        'created_by',
      );
    }
  }
  const baseSlug = input.slug ?? slugFromName(input.name);
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? baseSlug : `${baseSlug}-${createId('x', change.now).slice(-6).toLowerCase()}`;
    const organization: OrganizationRecord = {
      id: createId('org', change.now),
      name: input.name,
      slug,
      imageUrl: null,
      publicMetadata: input.publicMetadata ?? {},
      privateMetadata: input.privateMetadata ?? {},
      maxAllowedMemberships: input.maxAllowedMemberships ?? settings.maxAllowedMemberships,
      adminDeleteEnabled: settings.adminDeleteEnabled,
      createdBy: input.createdBy ?? null,
      createdAt: change.now,
      updatedAt: change.now,
    };
    try {
      await store.transaction(async (tx) => {
        await tx.organizations.organizations.insert(organization);
        await emitOrganizationEvent(tx, 'organization.created', (json) => json.organization(organization), change);
        if (organization.createdBy) {
          const membership = {
            id: createId('orgmem', change.now),
            organizationId: organization.id,
            userId: organization.createdBy,
            roleId: settings.creatorRoleId,
            publicMetadata: {},
            privateMetadata: {},
            createdAt: change.now,
            updatedAt: change.now,
          };
          await tx.organizations.memberships.insert(membership);
          await emitOrganizationEvent(
            tx,
            'organizationMembership.created',
            (json) => json.membership(membership),
            change,
          );
        }
      });
      return organization;
    } catch (error) {
      if (!(error instanceof UniqueViolation)) throw error;
      // A chosen slug is the caller's to change; a derived one we retry with a suffix.
      if (input.slug !== undefined || attempt >= 3) throw organizationErrors.slugTaken();
    }
  }
}
