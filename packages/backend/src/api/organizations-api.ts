import { joinPaths, requireId } from './path.js';
import type { RequestFunction } from './request.js';
import type {
  DeletedObject,
  Metadata,
  Organization,
  OrganizationInvitation,
  OrganizationMembership,
  PaginatedResourceResponse,
} from './resources.js';

export interface OrganizationListParams {
  limit?: number;
  offset?: number;
  query?: string;
  orderBy?: string;
  includeMembersCount?: boolean;
  userId?: string[];
  organizationId?: string[];
}

export interface CreateOrganizationParams {
  name: string;
  slug?: string;
  createdBy?: string;
  maxAllowedMemberships?: number;
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
}

/**
 * `latch.organizations`, named like `clerkClient.organizations` (PROTOCOL.md §5.2). The server side is
 * being built alongside; each method maps one documented Backend API route.
 */
export function createOrganizationsAPI(request: RequestFunction) {
  const base = '/organizations';
  const org = (organizationId: string, ...rest: string[]) =>
    joinPaths(base, requireId(organizationId, 'organizationId'), ...rest);
  return {
    getOrganizationList(params: OrganizationListParams = {}): Promise<PaginatedResourceResponse<Organization>> {
      return request({ method: 'GET', path: base, queryParams: params });
    },
    createOrganization(params: CreateOrganizationParams): Promise<Organization> {
      return request({ method: 'POST', path: base, bodyParams: { ...params } });
    },
    /** By id or by slug, like Clerk's `{ organizationId } | { slug }`. */
    getOrganization(
      params: ({ organizationId: string } | { slug: string }) & { includeMembersCount?: boolean },
    ): Promise<Organization> {
      const idOrSlug = 'organizationId' in params ? params.organizationId : params.slug;
      return request({
        method: 'GET',
        path: joinPaths(base, requireId(idOrSlug, 'organizationId or slug')),
        queryParams: { includeMembersCount: params.includeMembersCount },
      });
    },
    updateOrganization(
      organizationId: string,
      params: Partial<Omit<CreateOrganizationParams, 'createdBy'>> & { adminDeleteEnabled?: boolean },
    ): Promise<Organization> {
      return request({ method: 'PATCH', path: org(organizationId), bodyParams: { ...params } });
    },
    updateOrganizationMetadata(
      organizationId: string,
      params: { publicMetadata?: Metadata; privateMetadata?: Metadata },
    ): Promise<Organization> {
      return request({ method: 'PATCH', path: org(organizationId, 'metadata'), bodyParams: { ...params } });
    },
    deleteOrganization(organizationId: string): Promise<DeletedObject> {
      return request({ method: 'DELETE', path: org(organizationId) });
    },
    getOrganizationMembershipList(params: {
      organizationId: string;
      limit?: number;
      offset?: number;
      orderBy?: string;
      role?: string[];
      userId?: string[];
    }): Promise<PaginatedResourceResponse<OrganizationMembership>> {
      const { organizationId, ...query } = params;
      return request({ method: 'GET', path: org(organizationId, 'memberships'), queryParams: query });
    },
    createOrganizationMembership(params: {
      organizationId: string;
      userId: string;
      role: string;
    }): Promise<OrganizationMembership> {
      const { organizationId, ...body } = params;
      return request({ method: 'POST', path: org(organizationId, 'memberships'), bodyParams: body });
    },
    updateOrganizationMembership(params: {
      organizationId: string;
      userId: string;
      role: string;
    }): Promise<OrganizationMembership> {
      const { organizationId, userId, role } = params;
      return request({
        method: 'PATCH',
        path: org(organizationId, 'memberships', requireId(userId, 'userId')),
        bodyParams: { role },
      });
    },
    updateOrganizationMembershipMetadata(params: {
      organizationId: string;
      userId: string;
      publicMetadata?: Metadata;
      privateMetadata?: Metadata;
    }): Promise<OrganizationMembership> {
      const { organizationId, userId, ...body } = params;
      return request({
        method: 'PATCH',
        path: org(organizationId, 'memberships', requireId(userId, 'userId'), 'metadata'),
        bodyParams: body,
      });
    },
    deleteOrganizationMembership(params: { organizationId: string; userId: string }): Promise<OrganizationMembership> {
      return request({
        method: 'DELETE',
        path: org(params.organizationId, 'memberships', requireId(params.userId, 'userId')),
      });
    },
    getOrganizationInvitationList(params: {
      organizationId: string;
      status?: OrganizationInvitation['status'][];
      limit?: number;
      offset?: number;
    }): Promise<PaginatedResourceResponse<OrganizationInvitation>> {
      const { organizationId, ...query } = params;
      return request({ method: 'GET', path: org(organizationId, 'invitations'), queryParams: query });
    },
    createOrganizationInvitation(params: {
      organizationId: string;
      emailAddress: string;
      role: string;
      inviterUserId?: string;
      redirectUrl?: string;
      publicMetadata?: Metadata;
      privateMetadata?: Metadata;
    }): Promise<OrganizationInvitation> {
      const { organizationId, ...body } = params;
      return request({ method: 'POST', path: org(organizationId, 'invitations'), bodyParams: body });
    },
    /** Several invitations at once (Clerk's `createOrganizationInvitationBulk`). */
    createOrganizationInvitationBulk(
      organizationId: string,
      params: {
        emailAddress: string;
        role: string;
        inviterUserId?: string;
        redirectUrl?: string;
        publicMetadata?: Metadata;
        privateMetadata?: Metadata;
      }[],
    ): Promise<OrganizationInvitation[]> {
      return request({ method: 'POST', path: org(organizationId, 'invitations', 'bulk'), bodyParams: params });
    },
    getOrganizationInvitation(params: {
      organizationId: string;
      invitationId: string;
    }): Promise<OrganizationInvitation> {
      return request({
        method: 'GET',
        path: org(params.organizationId, 'invitations', requireId(params.invitationId, 'invitationId')),
      });
    },
    revokeOrganizationInvitation(params: {
      organizationId: string;
      invitationId: string;
      requestingUserId?: string;
    }): Promise<OrganizationInvitation> {
      const { organizationId, invitationId, ...body } = params;
      return request({
        method: 'POST',
        path: org(organizationId, 'invitations', requireId(invitationId, 'invitationId'), 'revoke'),
        bodyParams: body,
      });
    },
    getInstanceOrganizationMembershipList(
      params: { limit?: number; offset?: number; orderBy?: string } = {},
    ): Promise<PaginatedResourceResponse<OrganizationMembership>> {
      return request({ method: 'GET', path: '/organization_memberships', queryParams: params });
    },
  };
}

export type OrganizationsAPI = ReturnType<typeof createOrganizationsAPI>;
