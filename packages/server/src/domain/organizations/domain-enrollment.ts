import type {
  OrganizationMembershipRequestRecord,
  OrganizationSuggestionRecord,
} from '../../store/organization-store.js';
import type { UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { createId } from '../ids.js';
import { findMembership } from './organization-access.js';
import { isDomainVerified } from './organization-domains.js';
import { organizationErrors } from './organization-errors.js';
import type { ChangeContext } from './organization-events.js';
import { createInvitation } from './organization-invitations.js';
import { addMember } from './organization-memberships.js';

/** The domains of a user's verified email addresses. */
function verifiedEmailDomains(user: UserRecord): Map<string, string> {
  const domains = new Map<string, string>();
  for (const email of user.emailAddresses) {
    if (email.verificationStatus !== 'verified') continue;
    const value = email.value.toLowerCase();
    domains.set(value.slice(value.lastIndexOf('@') + 1), value);
  }
  return domains;
}

/**
 * Offers a user the organizations whose verified domains match their verified email addresses:
 * an invitation (`automatic_invitation`) or a suggestion (`automatic_suggestion`), once per
 * organization — a revoked invitation or an answered suggestion is not offered again. Runs when the
 * user lists their invitations or suggestions, so an address verified later is picked up too.
 *
 * @example
 * await offerDomainEnrollments(store, user, { now });
 */
export async function offerDomainEnrollments(store: Store, user: UserRecord, change: ChangeContext): Promise<void> {
  const emailByDomain = verifiedEmailDomains(user);
  if (emailByDomain.size === 0) return;
  const domains = await store.organizations.domains.list(
    { names: [...emailByDomain.keys()] },
    { limit: 100, offset: 0 },
  );
  const settings = await store.organizations.getSettings();
  for (const domain of domains) {
    if (!isDomainVerified(domain) || domain.enrollmentMode === 'manual_invitation') continue;
    if (await findMembership(store, domain.organizationId, user.id)) continue;
    const email = emailByDomain.get(domain.name) as string;
    if (domain.enrollmentMode === 'automatic_invitation') {
      const earlier = await store.organizations.invitations.count({
        organizationId: domain.organizationId,
        emailAddresses: [email],
      });
      if (earlier > 0) continue;
      const organization = await store.organizations.organizations.findById(domain.organizationId);
      if (!organization) continue;
      await createInvitation(
        store,
        organization,
        { emailAddress: email, roleId: settings.domainsDefaultRoleId, domainId: domain.id },
        change,
      ).catch((error: unknown) => {
        // A full organization simply offers nothing; anything else is a real failure.
        if ((error as { status?: number }).status !== 403) throw error;
      });
    } else {
      const earlier = await store.organizations.suggestions.count({
        organizationId: domain.organizationId,
        userId: user.id,
      });
      if (earlier > 0) continue;
      const suggestion: OrganizationSuggestionRecord = {
        id: createId('orgsug', change.now),
        organizationId: domain.organizationId,
        userId: user.id,
        domainId: domain.id,
        status: 'pending',
        createdAt: change.now,
        updatedAt: change.now,
      };
      await store.organizations.suggestions.insert(suggestion).catch(() => undefined);
    }
  }
}

/**
 * Accepting a suggestion asks to join: a membership request now waits for an admin, and the
 * suggestion shows `accepted`.
 */
export async function acceptSuggestion(
  store: Store,
  suggestionId: string,
  user: UserRecord,
  change: ChangeContext,
): Promise<OrganizationSuggestionRecord> {
  return store.transaction(async (tx) => {
    const suggestion = suggestionId.length <= 128 ? await tx.organizations.suggestions.findById(suggestionId) : null;
    if (!suggestion || suggestion.userId !== user.id) throw organizationErrors.notFound('organization suggestion');
    if (suggestion.status !== 'pending') return suggestion;
    const accepted = { ...suggestion, status: 'accepted' as const, updatedAt: change.now };
    await tx.organizations.suggestions.update(accepted);
    const open = await tx.organizations.membershipRequests.count({
      organizationId: suggestion.organizationId,
      userId: user.id,
      statuses: ['pending'],
    });
    if (open === 0) {
      await tx.organizations.membershipRequests.insert({
        id: createId('orgmbr', change.now),
        organizationId: suggestion.organizationId,
        userId: user.id,
        status: 'pending',
        createdAt: change.now,
        updatedAt: change.now,
      });
    }
    return accepted;
  });
}

/** An admin answers a membership request: accepted makes the user a member with the default role. */
export async function answerMembershipRequest(
  store: Store,
  request: OrganizationMembershipRequestRecord,
  answer: 'accepted' | 'rejected',
  change: ChangeContext,
): Promise<OrganizationMembershipRequestRecord> {
  return store.transaction(async (tx) => {
    if (request.status !== 'pending') {
      throw organizationErrors.notFound('pending organization membership request');
    }
    const answered = { ...request, status: answer, updatedAt: change.now };
    await tx.organizations.membershipRequests.update(answered);
    if (answer === 'accepted') {
      const organization = await tx.organizations.organizations.findById(request.organizationId);
      if (!organization) throw organizationErrors.notFound();
      if (!(await findMembership(tx, organization.id, request.userId))) {
        const settings = await tx.organizations.getSettings();
        await addMember(tx, organization, request.userId, settings.domainsDefaultRoleId, change);
      }
    }
    return answered;
  });
}
