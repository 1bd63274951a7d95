import type { JSONObject, OrganizationInvitationRecord, OrganizationRecord } from '../../store/organization-store.js';
import type { UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { createId } from '../ids.js';
import { findMembership } from './organization-access.js';
import { organizationErrors } from './organization-errors.js';
import { type ChangeContext, emitOrganizationEvent } from './organization-events.js';
import { addMember, assertRoomForMember } from './organization-memberships.js';

/** Clerk's default: an invitation is good for 30 days unless `expires_in_days` says otherwise. */
export const DEFAULT_INVITATION_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

export interface NewInvitation {
  emailAddress: string;
  roleId: string;
  inviterUserId?: string | null | undefined;
  expiresInDays?: number | undefined;
  publicMetadata?: JSONObject | undefined;
  privateMetadata?: JSONObject | undefined;
  domainId?: string | null | undefined;
}

/** Marks pending invitations past their expiry as `expired`, so lists and acceptance agree with the clock. */
export async function expireInvitations(
  store: Store,
  filter: { organizationId?: string; emailAddresses?: string[] },
  now: number,
): Promise<void> {
  const pending = await store.organizations.invitations.list(
    { ...filter, statuses: ['pending'] },
    { limit: 1000, offset: 0 },
  );
  for (const invitation of pending) {
    if (invitation.expiresAt !== null && invitation.expiresAt <= now) {
      await store.organizations.invitations.update({ ...invitation, status: 'expired', updatedAt: now });
    }
  }
}

/** The user owning `email` as a verified address, if any. */
async function verifiedOwnerOf(store: Store, email: string): Promise<string | null> {
  const [user] = await store.users.list(
    { emailAddresses: [email] },
    { limit: 1, offset: 0, orderBy: 'created_at', direction: 'asc' },
  );
  const owned = user?.emailAddresses.find((address) => address.value.toLowerCase() === email);
  return user && owned ? user.id : null;
}

/**
 * Invites an email address. Refused when its owner is already a member, when a pending invitation
 * for it exists, or when the organization is full (pending invitations count as members).
 *
 * @example
 * const invitation = await createInvitation(store, organization, { emailAddress: 'b@x.test', roleId }, { now });
 */
export async function createInvitation(
  store: Store,
  organization: OrganizationRecord,
  input: NewInvitation,
  change: ChangeContext,
): Promise<OrganizationInvitationRecord> {
  const emailAddress = input.emailAddress.trim().toLowerCase();
  return store.transaction(async (tx) => {
    await expireInvitations(tx, { organizationId: organization.id, emailAddresses: [emailAddress] }, change.now);
    const owner = await verifiedOwnerOf(tx, emailAddress);
    if (owner && (await findMembership(tx, organization.id, owner))) {
      throw organizationErrors.alreadyMember(emailAddress, 'email_address');
    }
    const pending = await tx.organizations.invitations.count({
      organizationId: organization.id,
      emailAddresses: [emailAddress],
      statuses: ['pending'],
    });
    if (pending > 0) throw organizationErrors.invitationNotUnique();
    await assertRoomForMember(tx, organization);
    const invitation: OrganizationInvitationRecord = {
      id: createId('orginv', change.now),
      organizationId: organization.id,
      emailAddress,
      roleId: input.roleId,
      status: 'pending',
      inviterUserId: input.inviterUserId ?? null,
      domainId: input.domainId ?? null,
      publicMetadata: input.publicMetadata ?? {},
      privateMetadata: input.privateMetadata ?? {},
      expiresAt: change.now + (input.expiresInDays ?? DEFAULT_INVITATION_DAYS) * DAY_MS,
      createdAt: change.now,
      updatedAt: change.now,
    };
    await tx.organizations.invitations.insert(invitation);
    await emitOrganizationEvent(tx, 'organizationInvitation.created', (json) => json.invitation(invitation), change);
    return invitation;
  });
}

/** Revokes a pending invitation; anything else is `organization_invitation_not_pending`. */
export async function revokeInvitation(
  store: Store,
  invitation: OrganizationInvitationRecord,
  change: ChangeContext,
): Promise<OrganizationInvitationRecord> {
  return store.transaction(async (tx) => {
    await expireInvitations(tx, { organizationId: invitation.organizationId }, change.now);
    const current = await tx.organizations.invitations.findById(invitation.id);
    if (current?.status !== 'pending') throw organizationErrors.invitationNotPending();
    const revoked = { ...current, status: 'revoked' as const, updatedAt: change.now };
    await tx.organizations.invitations.update(revoked);
    await emitOrganizationEvent(tx, 'organizationInvitation.revoked', (json) => json.invitation(revoked), change);
    return revoked;
  });
}

/** Whether `user` owns the invitation's address, verified: only then is it theirs to accept. */
export function isInvitationFor(invitation: OrganizationInvitationRecord, user: UserRecord): boolean {
  return user.emailAddresses.some(
    (email) => email.verificationStatus === 'verified' && email.value.toLowerCase() === invitation.emailAddress,
  );
}

/**
 * Accepts an invitation as `user`: they become a member with the invited role. Someone else's
 * invitation does not exist for them (404); a revoked, accepted or expired one is not pending.
 */
export async function acceptInvitation(
  store: Store,
  invitationId: string,
  user: UserRecord,
  change: ChangeContext,
): Promise<OrganizationInvitationRecord> {
  return store.transaction(async (tx) => {
    const found = invitationId.length <= 128 ? await tx.organizations.invitations.findById(invitationId) : null;
    if (!found || !isInvitationFor(found, user)) throw organizationErrors.notFound('organization invitation');
    await expireInvitations(
      tx,
      { organizationId: found.organizationId, emailAddresses: [found.emailAddress] },
      change.now,
    );
    const invitation = await tx.organizations.invitations.findById(found.id);
    if (invitation?.status !== 'pending') throw organizationErrors.invitationNotPending();
    const organization = await tx.organizations.organizations.findById(invitation.organizationId);
    if (!organization) throw organizationErrors.notFound('organization invitation');
    if (await findMembership(tx, organization.id, user.id)) {
      throw organizationErrors.alreadyMember(invitation.emailAddress, 'email_address');
    }
    await assertRoomForMember(tx, organization, { excludingInvitation: true });
    const accepted = { ...invitation, status: 'accepted' as const, updatedAt: change.now };
    await tx.organizations.invitations.update(accepted);
    await addMember(tx, organization, user.id, invitation.roleId, change, {
      publicMetadata: invitation.publicMetadata,
      privateMetadata: invitation.privateMetadata,
    });
    await emitOrganizationEvent(tx, 'organizationInvitation.accepted', (json) => json.invitation(accepted), change);
    return accepted;
  });
}
