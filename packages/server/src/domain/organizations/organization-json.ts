import type {
  OrganizationDomainRecord,
  OrganizationInvitationRecord,
  OrganizationMembershipRecord,
  OrganizationMembershipRequestRecord,
  OrganizationPermissionRecord,
  OrganizationRecord,
  OrganizationRoleRecord,
  OrganizationSuggestionRecord,
} from '../../store/organization-store.js';
import type { UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { permissionKeysOf, permissionsById } from './organization-roles.js';

/**
 * `backend`: the Backend API (and webhooks) see everything. `frontend`: what a browser may see —
 * no private metadata, no creator id.
 */
export type Audience = 'backend' | 'frontend';

export function permissionJSON(permission: OrganizationPermissionRecord) {
  return {
    object: 'permission' as const,
    id: permission.id,
    key: permission.key,
    name: permission.name,
    description: permission.description,
    type: permission.type,
    created_at: permission.createdAt,
    updated_at: permission.updatedAt,
  };
}

/** Clerk's `public_user_data` of a membership: what other members may see of a user. */
export function publicUserDataJSON(user: UserRecord | null, userId: string) {
  const primaryEmail = user?.emailAddresses.find((email) => email.id === user.primaryEmailAddressId);
  const imageUrl = user?.imageUrl ?? '';
  return {
    user_id: userId,
    first_name: user?.firstName ?? null,
    last_name: user?.lastName ?? null,
    profile_image_url: imageUrl,
    image_url: imageUrl,
    has_image: Boolean(user?.imageUrl),
    identifier: primaryEmail?.value ?? user?.username ?? null,
    username: user?.username ?? null,
  };
}

export function publicOrganizationDataJSON(organization: OrganizationRecord) {
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    image_url: organization.imageUrl ?? '',
    has_image: organization.imageUrl !== null,
  };
}

/**
 * Renders organization records as Clerk's JSON, reading the related records (roles, permissions,
 * users, counts) once per builder: build one per response.
 *
 * @example
 * const json = new OrganizationJSONBuilder(store, 'backend');
 * return json.organization(organization);
 */
export class OrganizationJSONBuilder {
  private permissions?: Promise<Map<string, OrganizationPermissionRecord>>;
  private readonly roles = new Map<string, Promise<OrganizationRoleRecord | null>>();
  private readonly users = new Map<string, Promise<UserRecord | null>>();
  private readonly organizations = new Map<string, Promise<OrganizationRecord | null>>();

  constructor(
    private readonly store: Store,
    private readonly audience: Audience,
  ) {}

  private allPermissions() {
    this.permissions ??= permissionsById(this.store);
    return this.permissions;
  }

  /** Reads each related record once per builder, however many objects refer to it. */
  private cached<T>(cache: Map<string, Promise<T>>, id: string, load: (id: string) => Promise<T>): Promise<T> {
    const known = cache.get(id);
    if (known) return known;
    const loading = load(id);
    cache.set(id, loading);
    return loading;
  }

  private role(id: string) {
    return this.cached(this.roles, id, (roleId) => this.store.organizations.roles.findById(roleId));
  }

  private user(id: string) {
    return this.cached(this.users, id, (userId) => this.store.users.findById(userId));
  }

  private organizationRecord(id: string) {
    return this.cached(this.organizations, id, (orgId) => this.store.organizations.organizations.findById(orgId));
  }

  async organization(organization: OrganizationRecord) {
    this.organizations.set(organization.id, Promise.resolve(organization));
    const [membersCount, pendingInvitations] = await Promise.all([
      this.store.organizations.memberships.count({ organizationId: organization.id }),
      this.store.organizations.invitations.count({ organizationId: organization.id, statuses: ['pending'] }),
    ]);
    return {
      object: 'organization' as const,
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      image_url: organization.imageUrl ?? '',
      has_image: organization.imageUrl !== null,
      members_count: membersCount,
      pending_invitations_count: pendingInvitations,
      max_allowed_memberships: organization.maxAllowedMemberships,
      admin_delete_enabled: organization.adminDeleteEnabled,
      public_metadata: organization.publicMetadata,
      ...(this.audience === 'backend'
        ? { private_metadata: organization.privateMetadata, created_by: organization.createdBy ?? '' }
        : {}),
      created_at: organization.createdAt,
      updated_at: organization.updatedAt,
    };
  }

  async roleJSON(role: OrganizationRoleRecord) {
    const permissions = await this.allPermissions();
    return {
      object: 'role' as const,
      id: role.id,
      key: role.key,
      name: role.name,
      description: role.description,
      is_creator_eligible: role.permissionIds.some((id) => permissions.get(id)?.key === 'org:sys_memberships:manage'),
      permissions: role.permissionIds
        .map((id) => permissions.get(id))
        .filter((permission): permission is OrganizationPermissionRecord => permission !== undefined)
        .map(permissionJSON),
      created_at: role.createdAt,
      updated_at: role.updatedAt,
    };
  }

  private async roleSummary(roleId: string) {
    const role = await this.role(roleId);
    if (!role) return { role: '', role_name: '', permissions: [] as string[] };
    return {
      role: role.key,
      role_name: role.name,
      permissions: await permissionKeysOf(this.store, role, await this.allPermissions()),
    };
  }

  async membership(membership: OrganizationMembershipRecord) {
    const [summary, user, organization] = await Promise.all([
      this.roleSummary(membership.roleId),
      this.user(membership.userId),
      this.organizationRecord(membership.organizationId),
    ]);
    return {
      object: 'organization_membership' as const,
      id: membership.id,
      ...summary,
      public_metadata: membership.publicMetadata,
      ...(this.audience === 'backend' ? { private_metadata: membership.privateMetadata } : {}),
      organization: organization ? await this.organization(organization) : null,
      public_user_data: publicUserDataJSON(user, membership.userId),
      created_at: membership.createdAt,
      updated_at: membership.updatedAt,
    };
  }

  /** With `withOrganization`, the user-side shape (`/me/organization_invitations`) carrying `public_organization_data`. */
  async invitation(
    invitation: OrganizationInvitationRecord,
    options: { withOrganization?: boolean; url?: string } = {},
  ) {
    const [summary, inviter, organization] = await Promise.all([
      this.roleSummary(invitation.roleId),
      invitation.inviterUserId ? this.user(invitation.inviterUserId) : null,
      options.withOrganization ? this.organizationRecord(invitation.organizationId) : null,
    ]);
    return {
      object: 'organization_invitation' as const,
      id: invitation.id,
      email_address: invitation.emailAddress,
      role: summary.role,
      role_name: summary.role_name,
      organization_id: invitation.organizationId,
      inviter_id: invitation.inviterUserId,
      public_inviter_data: invitation.inviterUserId ? publicUserDataJSON(inviter, invitation.inviterUserId) : null,
      status: invitation.status,
      public_metadata: invitation.publicMetadata,
      ...(this.audience === 'backend' ? { private_metadata: invitation.privateMetadata } : {}),
      ...(organization ? { public_organization_data: publicOrganizationDataJSON(organization) } : {}),
      url: options.url ?? null,
      expires_at: invitation.expiresAt,
      created_at: invitation.createdAt,
      updated_at: invitation.updatedAt,
    };
  }

  async domain(domain: OrganizationDomainRecord) {
    const verification = domain.verification;
    const [pendingInvitations, pendingSuggestions] = await Promise.all([
      this.store.organizations.invitations.count({ organizationId: domain.organizationId, statuses: ['pending'] }),
      this.store.organizations.suggestions.count({ organizationId: domain.organizationId, statuses: ['pending'] }),
    ]);
    return {
      object: 'organization_domain' as const,
      id: domain.id,
      organization_id: domain.organizationId,
      name: domain.name,
      enrollment_mode: domain.enrollmentMode,
      affiliation_email_address: domain.affiliationEmailAddress,
      verification: verification
        ? {
            status: verification.status,
            strategy: verification.strategy,
            attempts: verification.attempts,
            expire_at: verification.expireAt,
            verified_at: verification.verifiedAt,
          }
        : null,
      total_pending_invitations: pendingInvitations,
      total_pending_suggestions: pendingSuggestions,
      created_at: domain.createdAt,
      updated_at: domain.updatedAt,
    };
  }

  async suggestion(suggestion: OrganizationSuggestionRecord) {
    const organization = await this.organizationRecord(suggestion.organizationId);
    return {
      object: 'organization_suggestion' as const,
      id: suggestion.id,
      status: suggestion.status,
      public_organization_data: organization ? publicOrganizationDataJSON(organization) : null,
      created_at: suggestion.createdAt,
      updated_at: suggestion.updatedAt,
    };
  }

  async membershipRequest(request: OrganizationMembershipRequestRecord) {
    const user = await this.user(request.userId);
    return {
      object: 'organization_membership_request' as const,
      id: request.id,
      organization_id: request.organizationId,
      status: request.status,
      public_user_data: publicUserDataJSON(user, request.userId),
      created_at: request.createdAt,
      updated_at: request.updatedAt,
    };
  }
}
