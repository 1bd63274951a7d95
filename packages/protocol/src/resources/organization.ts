import { z } from 'zod';

/** Clerk's organization shapes (PROTOCOL.md §2.3, Backend API spec). Timestamps are Unix milliseconds. */

const JSONObjectSchema = z.record(z.string(), z.unknown());

/** Enrollment modes of a verified domain, as Clerk names them. */
export const DOMAIN_ENROLLMENT_MODES = ['manual_invitation', 'automatic_invitation', 'automatic_suggestion'] as const;
export type DomainEnrollmentModeJSON = (typeof DOMAIN_ENROLLMENT_MODES)[number];

export const ORGANIZATION_INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;

export const OrganizationJSON = z
  .object({
    object: z.literal('organization'),
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    image_url: z.string(),
    has_image: z.boolean(),
    members_count: z.number().int(),
    pending_invitations_count: z.number().int(),
    max_allowed_memberships: z.number().int(),
    admin_delete_enabled: z.boolean(),
    public_metadata: JSONObjectSchema,
    private_metadata: JSONObjectSchema,
    created_by: z.string(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'Organization' });
export type OrganizationJSON = z.infer<typeof OrganizationJSON>;

/** What other members may see of a member. */
export const OrganizationPublicUserDataJSON = z
  .object({
    user_id: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    profile_image_url: z.string(),
    image_url: z.string(),
    has_image: z.boolean(),
    identifier: z.string().nullable(),
    username: z.string().nullable(),
  })
  .meta({ id: 'OrganizationMembershipPublicUserData' });

export const PermissionJSON = z
  .object({
    object: z.literal('permission'),
    id: z.string(),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    type: z.enum(['system', 'user']),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'Permission' });
export type PermissionJSON = z.infer<typeof PermissionJSON>;

export const RoleJSON = z
  .object({
    object: z.literal('role'),
    id: z.string(),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    is_creator_eligible: z.boolean(),
    permissions: z.array(PermissionJSON),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'Role' });
export type RoleJSON = z.infer<typeof RoleJSON>;

export const OrganizationMembershipJSON = z
  .object({
    object: z.literal('organization_membership'),
    id: z.string(),
    role: z.string(),
    role_name: z.string(),
    permissions: z.array(z.string()),
    public_metadata: JSONObjectSchema,
    private_metadata: JSONObjectSchema,
    organization: OrganizationJSON.nullable(),
    public_user_data: OrganizationPublicUserDataJSON,
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'OrganizationMembership' });
export type OrganizationMembershipJSON = z.infer<typeof OrganizationMembershipJSON>;

export const OrganizationInvitationJSON = z
  .object({
    object: z.literal('organization_invitation'),
    id: z.string(),
    email_address: z.string(),
    role: z.string(),
    role_name: z.string(),
    organization_id: z.string(),
    inviter_id: z.string().nullable(),
    public_inviter_data: OrganizationPublicUserDataJSON.nullable(),
    status: z.enum(ORGANIZATION_INVITATION_STATUSES),
    public_metadata: JSONObjectSchema,
    private_metadata: JSONObjectSchema,
    url: z.string().nullable(),
    expires_at: z.number().int().nullable(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'OrganizationInvitation' });
export type OrganizationInvitationJSON = z.infer<typeof OrganizationInvitationJSON>;

export const OrganizationDomainJSON = z
  .object({
    object: z.literal('organization_domain'),
    id: z.string(),
    organization_id: z.string(),
    name: z.string(),
    enrollment_mode: z.enum(DOMAIN_ENROLLMENT_MODES),
    affiliation_email_address: z.string().nullable(),
    verification: z
      .object({
        status: z.string(),
        strategy: z.string(),
        attempts: z.number().int().nullable(),
        expire_at: z.number().int().nullable(),
        verified_at: z.number().int().nullable(),
      })
      .nullable(),
    total_pending_invitations: z.number().int(),
    total_pending_suggestions: z.number().int(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'OrganizationDomain' });
export type OrganizationDomainJSON = z.infer<typeof OrganizationDomainJSON>;

export const InstanceOrganizationSettingsJSON = z
  .object({
    object: z.literal('organization_settings'),
    enabled: z.boolean(),
    max_allowed_memberships: z.number().int(),
    max_allowed_roles: z.number().int(),
    max_allowed_permissions: z.number().int(),
    max_allowed_domains: z.number().int(),
    creator_role: z.string(),
    admin_delete_enabled: z.boolean(),
    domains_enabled: z.boolean(),
    slug_disabled: z.boolean(),
    domains_enrollment_modes: z.array(z.enum(DOMAIN_ENROLLMENT_MODES)),
    domains_default_role: z.string(),
  })
  .meta({ id: 'OrganizationSettings' });
export type InstanceOrganizationSettingsJSON = z.infer<typeof InstanceOrganizationSettingsJSON>;

/** `{data, total_count}`: every organization list is paginated this way. */
export function paginatedOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), total_count: z.number().int() });
}
