import { camelizeKeys } from './convert.js';
import {
  fetchPaginatedList,
  type ListItem,
  type ListParams,
  type PaginatedList,
  type ToResource,
  toListItem,
} from './paginated-list.js';
import type { ResourceCore } from './resource-core.js';

/** The active organization as the Frontend API describes it, camelCased (`membersCount`, `imageUrl`…). */
export interface Organization {
  id: string;
  name: string;
  slug: string | null;
  imageUrl?: string;
  publicMetadata?: Record<string, unknown>;
  /** Members, each with `publicUserData` and `role`; filter with `{ role: ['org:admin'], query }`. */
  getMemberships(params?: ListParams): Promise<PaginatedList<OrganizationMembershipResource>>;
  /** Invitations sent by the organization; filter with `{ status: ['pending'] }`. */
  getInvitations(params?: ListParams): Promise<PaginatedList<OrganizationInvitationResource>>;
  /** Requests to join through a verified domain; filter with `{ status: 'pending' }`. */
  getMembershipRequests(params?: ListParams): Promise<PaginatedList<OrganizationMembershipRequestResource>>;
  /** Verified domains and their enrollment modes. */
  getDomains(params?: ListParams): Promise<PaginatedList<OrganizationDomainResource>>;
  [key: string]: unknown;
}

/** What other members may see of a user (clerk-js's `PublicUserData`), camelCased. */
export interface PublicUserData {
  userId: string;
  identifier: string | null;
  firstName: string | null;
  lastName: string | null;
  imageUrl: string;
  hasImage: boolean;
  username?: string | null;
  [key: string]: unknown;
}

/** What a user outside an organization may see of it (invitations and suggestions carry it). */
export interface PublicOrganizationData {
  id: string;
  name: string;
  slug: string | null;
  imageUrl: string;
  hasImage: boolean;
  [key: string]: unknown;
}

export interface UpdateOrganizationMembershipParams {
  /** A role key, e.g. `'org:admin'`. */
  role: string;
}

/**
 * A member of an organization (clerk-js's `OrganizationMembershipResource`), from
 * `user.getOrganizationMemberships()` or `organization.getMemberships()`.
 */
export interface OrganizationMembershipResource extends ListItem {
  role: string;
  roleName?: string;
  permissions: string[];
  publicMetadata: Record<string, unknown>;
  organization: Organization;
  publicUserData: PublicUserData;
  /** Removes the member (`DELETE /organizations/{id}/memberships/{userId}`; needs `org:sys_memberships:manage`). */
  destroy(): Promise<OrganizationMembershipResource>;
  /** Changes the member's role; resolves to the updated membership. */
  update(params: UpdateOrganizationMembershipParams): Promise<OrganizationMembershipResource>;
}

export type OrganizationInvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** What an invitation says, seen from the organization or from the invited user. */
interface InvitationFields extends ListItem {
  emailAddress: string;
  organizationId: string;
  role: string;
  roleName?: string;
  status: OrganizationInvitationStatus;
  publicMetadata: Record<string, unknown>;
  expiresAt?: Date | null;
}

/** An invitation the organization sent (clerk-js's `OrganizationInvitationResource`). */
export interface OrganizationInvitationResource extends InvitationFields {
  /** Withdraws the invitation; resolves to it, `status: 'revoked'`. */
  revoke(): Promise<OrganizationInvitationResource>;
}

/** An invitation to one of the signed-in user's addresses (clerk-js's `UserOrganizationInvitationResource`). */
export interface UserOrganizationInvitationResource extends InvitationFields {
  publicOrganizationData: PublicOrganizationData;
  /** Joins the organization; resolves to the invitation, `status: 'accepted'`. */
  accept(): Promise<UserOrganizationInvitationResource>;
}

/** An organization the user may ask to join through a verified domain (clerk-js's `OrganizationSuggestionResource`). */
export interface OrganizationSuggestionResource extends ListItem {
  status: 'pending' | 'accepted';
  publicOrganizationData: PublicOrganizationData;
  /** Asks the organization's admins to let the user in; resolves to the suggestion, `status: 'accepted'`. */
  accept(): Promise<OrganizationSuggestionResource>;
}

/** A user's request to join (clerk-js's `OrganizationMembershipRequestResource`). */
export interface OrganizationMembershipRequestResource extends ListItem {
  organizationId: string;
  status: 'pending' | 'accepted' | 'rejected';
  publicUserData: PublicUserData;
  /** Lets the user in; resolves to the request, `status: 'accepted'`. */
  accept(): Promise<OrganizationMembershipRequestResource>;
  reject(): Promise<OrganizationMembershipRequestResource>;
}

export type OrganizationEnrollmentMode = 'manual_invitation' | 'automatic_invitation' | 'automatic_suggestion';

export interface UpdateEnrollmentModeParams {
  enrollmentMode: OrganizationEnrollmentMode;
  /** Also delete the pending invitations or suggestions the previous mode made. */
  deletePending?: boolean;
}

export interface PrepareAffiliationVerificationParams {
  /** An address at the domain; the verification code is sent to it. */
  affiliationEmailAddress: string;
}

export interface AttemptAffiliationVerificationParams {
  /** The code emailed to the affiliation address. */
  code: string;
}

/** A domain of the organization (clerk-js's `OrganizationDomainResource`). */
export interface OrganizationDomainResource extends ListItem {
  name: string;
  organizationId: string;
  enrollmentMode: OrganizationEnrollmentMode;
  affiliationEmailAddress: string | null;
  /** Timestamps inside (`expireAt`, `verifiedAt`) stay Unix milliseconds. */
  verification: {
    status: string;
    strategy: string;
    attempts: number | null;
    expireAt: number | null;
    verifiedAt?: number | null;
  } | null;
  totalPendingInvitations: number;
  totalPendingSuggestions: number;
  /** Removes the domain from the organization. */
  delete(): Promise<void>;
  updateEnrollmentMode(params: UpdateEnrollmentModeParams): Promise<OrganizationDomainResource>;
  /** Emails a code to `affiliationEmailAddress`, an address at the domain. */
  prepareAffiliationVerification(params: PrepareAffiliationVerificationParams): Promise<OrganizationDomainResource>;
  /** Checks the emailed code; the domain becomes verified. */
  attemptAffiliationVerification(params: AttemptAffiliationVerificationParams): Promise<OrganizationDomainResource>;
}

/**
 * The organization JSON embedded in a membership, camelCased, with clerk-js's list methods. The lists
 * act as the session the organization was read through.
 */
export function toOrganization(core: ResourceCore, json: unknown, sessionId: string | null): Organization {
  const organization = camelizeKeys<Organization>(json);
  const base = `/organizations/${encodeURIComponent(organization.id)}`;
  const list =
    <T extends ListItem>(path: string, toResource: ItemResource<T>) =>
    (params?: ListParams) =>
      fetchPaginatedList(core, `${base}/${path}`, params, sessionId, listResource(core, toResource));
  return defineMethods(organization, {
    getMemberships: list('memberships', toMembershipResource),
    getInvitations: list('invitations', toInvitationResource),
    getMembershipRequests: list('membership_requests', toMembershipRequestResource),
    getDomains: list('domains', toDomainResource),
  });
}

/** Adds clerk-js's methods to a list item; they act as session `sessionId`. */
export type ItemResource<T extends ListItem> = (core: ResourceCore, item: ListItem, sessionId: string | null) => T;

/** The same, for `fetchPaginatedList`. */
export function listResource<T extends ListItem>(core: ResourceCore, toResource: ItemResource<T>): ToResource<T> {
  return (item, sessionId) => toResource(core, item, sessionId);
}

export const toMembershipResource: ItemResource<OrganizationMembershipResource> = (core, item, sessionId) => {
  const membership = item as OrganizationMembershipResource;
  // The embedded organization is clerk-js's Organization resource: it has the list methods too.
  if (membership.organization && typeof membership.organization === 'object') {
    membership.organization = toOrganization(core, membership.organization, sessionId);
  }
  const path = () =>
    `/organizations/${encodeURIComponent(membership.organization?.id ?? '')}/memberships/${encodeURIComponent(
      membership.publicUserData?.userId ?? '',
    )}`;
  const call = itemCall(core, sessionId, toMembershipResource);
  return defineMethods(membership, {
    destroy: () => call('DELETE', path()),
    update: ({ role }: UpdateOrganizationMembershipParams) => call('PATCH', path(), { role }),
  });
};

export const toInvitationResource: ItemResource<OrganizationInvitationResource> = (core, item, sessionId) => {
  const invitation = item as OrganizationInvitationResource;
  const call = itemCall(core, sessionId, toInvitationResource);
  return defineMethods(invitation, {
    revoke: () =>
      call(
        'POST',
        `/organizations/${encodeURIComponent(invitation.organizationId)}/invitations/${encodeURIComponent(invitation.id)}/revoke`,
      ),
  });
};

export const toUserInvitationResource: ItemResource<UserOrganizationInvitationResource> = (core, item, sessionId) => {
  const invitation = item as UserOrganizationInvitationResource;
  const call = itemCall(core, sessionId, toUserInvitationResource);
  return defineMethods(invitation, {
    accept: () => call('POST', `/me/organization_invitations/${encodeURIComponent(invitation.id)}/accept`),
  });
};

export const toSuggestionResource: ItemResource<OrganizationSuggestionResource> = (core, item, sessionId) => {
  const suggestion = item as OrganizationSuggestionResource;
  const call = itemCall(core, sessionId, toSuggestionResource);
  return defineMethods(suggestion, {
    accept: () => call('POST', `/me/organization_suggestions/${encodeURIComponent(suggestion.id)}/accept`),
  });
};

export const toMembershipRequestResource: ItemResource<OrganizationMembershipRequestResource> = (
  core,
  item,
  sessionId,
) => {
  const request = item as OrganizationMembershipRequestResource;
  const call = itemCall(core, sessionId, toMembershipRequestResource);
  const path = (answer: 'accept' | 'reject') =>
    `/organizations/${encodeURIComponent(request.organizationId)}/membership_requests/${encodeURIComponent(request.id)}/${answer}`;
  return defineMethods(request, {
    accept: () => call('POST', path('accept')),
    reject: () => call('POST', path('reject')),
  });
};

export const toDomainResource: ItemResource<OrganizationDomainResource> = (core, item, sessionId) => {
  const domain = item as OrganizationDomainResource;
  const call = itemCall(core, sessionId, toDomainResource);
  const path = (action = '') =>
    `/organizations/${encodeURIComponent(domain.organizationId)}/domains/${encodeURIComponent(domain.id)}${action}`;
  return defineMethods(domain, {
    delete: async () => {
      await core.request({ method: 'DELETE', path: path(), sessionId });
    },
    updateEnrollmentMode: ({ enrollmentMode, deletePending }: UpdateEnrollmentModeParams) =>
      call('POST', path('/update_enrollment_mode'), { enrollmentMode, deletePending }),
    prepareAffiliationVerification: ({ affiliationEmailAddress }: PrepareAffiliationVerificationParams) =>
      call('POST', path('/prepare_affiliation_verification'), { affiliationEmailAddress }),
    attemptAffiliationVerification: ({ code }: AttemptAffiliationVerificationParams) =>
      call('POST', path('/attempt_affiliation_verification'), { code }),
  });
};

/**
 * A Frontend API call made by an item's method, acting as the session the item was read through; the
 * answer comes back as the same kind of resource. Bodies are camelCase (the transport snake_cases them).
 */
function itemCall<T extends ListItem>(core: ResourceCore, sessionId: string | null, toResource: ItemResource<T>) {
  return async (method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: Record<string, unknown>): Promise<T> => {
    const { response } = await core.request({ method, path, ...(body ? { body } : {}), sessionId });
    return toResource(core, toListItem(response), sessionId);
  };
}

/** Non-enumerable, so spreading or serializing the object keeps just its data. */
function defineMethods<T extends object>(target: object, methods: Record<string, unknown>): T {
  Object.defineProperties(
    target,
    Object.fromEntries(Object.entries(methods).map(([name, value]) => [name, { value }])),
  );
  return target as T;
}
