import { z } from 'zod';
import { DOMAIN_ENROLLMENT_MODES, ORGANIZATION_INVITATION_STATUSES } from '../resources/organization.js';
import { Metadata } from './user-params.js';

/** Limits on organization input. */
export const ORGANIZATION_LIMITS = {
  nameMaxLength: 256,
  slugMaxLength: 64,
  roleKeyMaxLength: 64,
  descriptionMaxLength: 1024,
  bulkInvitationsMax: 10,
  maxInvitationDays: 365,
} as const;

const Id = z.string().min(1).max(128);

/** `limit` and `offset` of every organization list (always `{data, total_count}`). */
export const organizationPageFields = {
  limit: z.coerce.number().int().min(1).max(500).default(10),
  offset: z.coerce.number().int().min(0).default(0),
};

/** `created_at`, `name`, with an optional `+`/`-` direction; newest first by default. */
export const OrganizationOrderBy = z
  .enum(['created_at', '+created_at', '-created_at', 'name', '+name', '-name'])
  .default('-created_at');

/** A repeated query key (`?user_id=a&user_id=b`) or a single one. */
const repeated = <T extends z.ZodType<string>>(item: T) => z.array(item).max(100).optional();

export const OrganizationName = z.string().trim().min(1).max(ORGANIZATION_LIMITS.nameMaxLength);
export const OrganizationSlug = z.string().min(1).max(ORGANIZATION_LIMITS.slugMaxLength);
/** `org:admin`, `org:member`, or a custom role key. */
export const RoleKey = z.string().min(1).max(ORGANIZATION_LIMITS.roleKeyMaxLength);

export const OrganizationIdParams = z.object({ organization_id: Id });
export const OrganizationUserParams = z.object({ organization_id: Id, user_id: Id });
export const OrganizationInvitationParams = z.object({ organization_id: Id, invitation_id: Id });
export const OrganizationDomainParams = z.object({ organization_id: Id, domain_id: Id });
export const RoleIdParams = z.object({ organization_role_id: Id });
export const RolePermissionParams = z.object({ organization_role_id: Id, permission_id: Id });
export const PermissionIdParams = z.object({ permission_id: Id });
export const UserIdOnlyParams = z.object({ user_id: Id });

export const ListOrganizationsQuery = z
  .strictObject({
    query: z.string().max(256).optional(),
    user_id: repeated(Id),
    organization_id: repeated(Id),
    order_by: OrganizationOrderBy,
    include_members_count: z.enum(['true', 'false']).optional(),
    include_missing_member_with_elevated_permissions: z.enum(['true', 'false']).optional(),
    ...organizationPageFields,
  })
  .meta({ id: 'ListOrganizationsQuery' });

export const CreateOrganizationBody = z
  .strictObject({
    name: OrganizationName,
    slug: OrganizationSlug.optional(),
    created_by: Id.nullable().optional(),
    max_allowed_memberships: z.number().int().min(0).max(1_000_000).optional(),
    public_metadata: Metadata.optional(),
    private_metadata: Metadata.optional(),
  })
  .meta({ id: 'CreateOrganizationBody' });

export const UpdateOrganizationBody = z
  .strictObject({
    name: OrganizationName.optional(),
    slug: OrganizationSlug.optional(),
    max_allowed_memberships: z.number().int().min(0).max(1_000_000).optional(),
    admin_delete_enabled: z.boolean().optional(),
    public_metadata: Metadata.optional(),
    private_metadata: Metadata.optional(),
  })
  .meta({ id: 'UpdateOrganizationBody' });

export const OrganizationMetadataBody = z
  .strictObject({ public_metadata: Metadata.optional(), private_metadata: Metadata.optional() })
  .meta({ id: 'OrganizationMetadataBody' });

export const ListMembershipsQuery = z
  .strictObject({
    role: repeated(RoleKey),
    user_id: repeated(Id),
    query: z.string().max(256).optional(),
    order_by: OrganizationOrderBy,
    ...organizationPageFields,
  })
  .meta({ id: 'ListOrganizationMembershipsQuery' });

export const ListInstanceMembershipsQuery = z
  .strictObject({ order_by: OrganizationOrderBy, ...organizationPageFields })
  .meta({ id: 'ListInstanceOrganizationMembershipsQuery' });

export const CreateMembershipBody = z
  .strictObject({
    user_id: Id,
    role: RoleKey,
    public_metadata: Metadata.optional(),
    private_metadata: Metadata.optional(),
  })
  .meta({ id: 'CreateOrganizationMembershipBody' });

export const UpdateMembershipBody = z.strictObject({ role: RoleKey }).meta({ id: 'UpdateOrganizationMembershipBody' });

export const InvitationFields = {
  email_address: z.email().max(320),
  role: RoleKey,
  inviter_user_id: Id.nullable().optional(),
  public_metadata: Metadata.optional(),
  private_metadata: Metadata.optional(),
  redirect_url: z.url().max(2048).optional(),
  expires_in_days: z.number().int().min(1).max(ORGANIZATION_LIMITS.maxInvitationDays).optional(),
  notify: z.boolean().optional(),
};

export const CreateInvitationBody = z.strictObject(InvitationFields).meta({ id: 'CreateOrganizationInvitationBody' });

export const BulkInvitationBody = z
  .array(z.strictObject(InvitationFields))
  .min(1)
  .max(ORGANIZATION_LIMITS.bulkInvitationsMax)
  .meta({ id: 'CreateOrganizationInvitationBulkBody' });

export const ListInvitationsQuery = z
  .strictObject({
    status: repeated(z.enum(ORGANIZATION_INVITATION_STATUSES)),
    email_address: z.string().max(320).optional(),
    order_by: OrganizationOrderBy,
    ...organizationPageFields,
  })
  .meta({ id: 'ListOrganizationInvitationsQuery' });

export const RevokeInvitationBody = z
  .strictObject({ requesting_user_id: Id.nullable().optional() })
  .meta({ id: 'RevokeOrganizationInvitationBody' });

export const CreateDomainBody = z
  .strictObject({
    name: z.string().min(1).max(253),
    enrollment_mode: z.enum(DOMAIN_ENROLLMENT_MODES),
    verified: z.boolean().optional(),
  })
  .meta({ id: 'CreateOrganizationDomainBody' });

export const UpdateDomainBody = z
  .strictObject({ enrollment_mode: z.enum(DOMAIN_ENROLLMENT_MODES).optional(), verified: z.boolean().optional() })
  .meta({ id: 'UpdateOrganizationDomainBody' });

export const ListDomainsQuery = z
  .strictObject({
    verified: z.enum(['true', 'false']).optional(),
    enrollment_mode: z.enum(DOMAIN_ENROLLMENT_MODES).optional(),
    ...organizationPageFields,
  })
  .meta({ id: 'ListOrganizationDomainsQuery' });

export const ListRolesQuery = z
  .strictObject({ query: z.string().max(256).optional(), order_by: OrganizationOrderBy, ...organizationPageFields })
  .meta({ id: 'ListOrganizationRolesQuery' });

/** `org:<feature>:<action>`; `org:sys_*` is reserved for system permissions. */
export const PermissionKey = z
  .string()
  .max(128)
  .regex(/^org:[a-z0-9_]+:[a-z0-9_]+$/, 'must look like org:<feature>:<action>');

/** `org:<name>`. */
export const CustomRoleKey = z
  .string()
  .max(ORGANIZATION_LIMITS.roleKeyMaxLength)
  .regex(/^org:[a-z0-9_]+$/, 'must look like org:<name>');

export const CreateRoleBody = z
  .strictObject({
    name: z.string().trim().min(1).max(256),
    key: CustomRoleKey,
    description: z.string().max(ORGANIZATION_LIMITS.descriptionMaxLength).nullable().optional(),
    permissions: z.array(Id).max(100).nullable().optional(),
    include_in_initial_role_set: z.boolean().optional(),
  })
  .meta({ id: 'CreateOrganizationRoleBody' });

export const UpdateRoleBody = z
  .strictObject({
    name: z.string().trim().min(1).max(256).optional(),
    key: CustomRoleKey.optional(),
    description: z.string().max(ORGANIZATION_LIMITS.descriptionMaxLength).nullable().optional(),
    permissions: z.array(Id).max(100).nullable().optional(),
  })
  .meta({ id: 'UpdateOrganizationRoleBody' });

export const CreatePermissionBody = z
  .strictObject({
    name: z.string().trim().min(1).max(256),
    key: PermissionKey,
    description: z.string().max(ORGANIZATION_LIMITS.descriptionMaxLength).nullable().optional(),
  })
  .meta({ id: 'CreateOrganizationPermissionBody' });

export const UpdatePermissionBody = z
  .strictObject({
    name: z.string().trim().min(1).max(256).optional(),
    key: PermissionKey.optional(),
    description: z.string().max(ORGANIZATION_LIMITS.descriptionMaxLength).nullable().optional(),
  })
  .meta({ id: 'UpdateOrganizationPermissionBody' });

export const UpdateOrganizationSettingsBody = z
  .strictObject({
    enabled: z.boolean().optional(),
    max_allowed_memberships: z.number().int().min(0).max(1_000_000).optional(),
    admin_delete_enabled: z.boolean().optional(),
    domains_enabled: z.boolean().optional(),
    slug_disabled: z.boolean().optional(),
    domains_enrollment_modes: z.array(z.enum(DOMAIN_ENROLLMENT_MODES)).max(3).optional(),
    creator_role_id: Id.optional(),
    domains_default_role_id: Id.optional(),
  })
  .meta({ id: 'UpdateOrganizationSettingsBody' });
