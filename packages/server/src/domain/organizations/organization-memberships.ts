import type { JSONObject, OrganizationMembershipRecord, OrganizationRecord } from '../../store/organization-store.js';
import type { Store } from '../../store/store.js';
import { UniqueViolation } from '../../store/unique-violation.js';
import { createId } from '../ids.js';
import { findMembership } from './organization-access.js';
import { organizationErrors } from './organization-errors.js';
import { type ChangeContext, emitOrganizationEvent } from './organization-events.js';
import { assertKeepsAManager } from './organization-roles.js';

/**
 * Refuses a new member when the organization is at its cap, pending invitations included (Clerk
 * counts outstanding invitations against `max_allowed_memberships`; 0 means no cap).
 */
export async function assertRoomForMember(
  store: Store,
  organization: OrganizationRecord,
  options: { excludingInvitation?: boolean } = {},
): Promise<void> {
  const cap = organization.maxAllowedMemberships;
  if (cap <= 0) return;
  const [members, pending] = await Promise.all([
    store.organizations.memberships.count({ organizationId: organization.id }),
    store.organizations.invitations.count({ organizationId: organization.id, statuses: ['pending'] }),
  ]);
  // Accepting an invitation turns one pending invitation into one member: that one is already counted.
  const used = members + pending - (options.excludingInvitation ? 1 : 0);
  if (used >= cap) throw organizationErrors.quotaExceeded(cap);
}

/**
 * Adds a user to an organization with a role, in the caller's transaction when given one.
 *
 * @example
 * await addMember(store, organization, user.id, role.id, { now });
 */
export async function addMember(
  store: Store,
  organization: OrganizationRecord,
  userId: string,
  roleId: string,
  change: ChangeContext,
  metadata: { publicMetadata?: JSONObject | undefined; privateMetadata?: JSONObject | undefined } = {},
): Promise<OrganizationMembershipRecord> {
  const membership: OrganizationMembershipRecord = {
    id: createId('orgmem', change.now),
    organizationId: organization.id,
    userId,
    roleId,
    publicMetadata: metadata.publicMetadata ?? {},
    privateMetadata: metadata.privateMetadata ?? {},
    createdAt: change.now,
    updatedAt: change.now,
  };
  try {
    await store.transaction(async (tx) => {
      await tx.organizations.memberships.insert(membership);
      await emitOrganizationEvent(tx, 'organizationMembership.created', (json) => json.membership(membership), change);
    });
  } catch (error) {
    if (error instanceof UniqueViolation) throw organizationErrors.alreadyMember('The user');
    throw error;
  }
  return membership;
}

/** The membership of `userId`, or a 404 naming `user_id`. */
export async function requireMembership(
  store: Store,
  organizationId: string,
  userId: string,
): Promise<OrganizationMembershipRecord> {
  const membership = userId.length <= 128 ? await findMembership(store, organizationId, userId) : null;
  if (!membership) throw organizationErrors.notFound('organization membership');
  return membership;
}

/** Changes a member's role; the last manager cannot be demoted. */
export async function changeMemberRole(
  store: Store,
  membership: OrganizationMembershipRecord,
  roleId: string,
  change: ChangeContext,
): Promise<OrganizationMembershipRecord> {
  return store.transaction(async (tx) => {
    const current = await assertKeepsAManager(tx, membership, roleId);
    const updated = { ...current, roleId, updatedAt: change.now };
    if (!(await tx.organizations.memberships.update(updated)))
      throw organizationErrors.notFound('organization membership');
    await emitOrganizationEvent(tx, 'organizationMembership.updated', (json) => json.membership(updated), change);
    return updated;
  });
}

/** Replaces a membership's metadata (already merged by the caller). */
export async function updateMembershipMetadata(
  store: Store,
  membership: OrganizationMembershipRecord,
  metadata: { publicMetadata: JSONObject; privateMetadata: JSONObject },
  change: ChangeContext,
): Promise<OrganizationMembershipRecord> {
  return store.transaction(async (tx) => {
    const updated = { ...membership, ...metadata, updatedAt: change.now };
    if (!(await tx.organizations.memberships.update(updated)))
      throw organizationErrors.notFound('organization membership');
    await emitOrganizationEvent(tx, 'organizationMembership.updated', (json) => json.membership(updated), change);
    return updated;
  });
}

/**
 * Removes a member (an admin removing someone, or the member leaving). The last member able to
 * manage members cannot go: delete the organization instead.
 */
export async function removeMember(
  store: Store,
  membership: OrganizationMembershipRecord,
  change: ChangeContext,
): Promise<OrganizationMembershipRecord> {
  return store.transaction(async (tx) => {
    const current = await assertKeepsAManager(tx, membership, null);
    // Rendered before the row goes, so the event carries the organization and user data.
    await emitOrganizationEvent(tx, 'organizationMembership.deleted', (json) => json.membership(current), change);
    if (!(await tx.organizations.memberships.delete(current.id)))
      throw organizationErrors.notFound('organization membership');
    return current;
  });
}
