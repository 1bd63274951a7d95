/**
 * Organizations, as the store keeps them (issue #6, PROTOCOL.md §2.3): the organization, who belongs
 * to it and with which role, the instance's roles and permissions, invitations, verified domains,
 * domain suggestions and membership requests, and the instance-wide organization settings.
 *
 * Every collection has the same small shape (`OrganizationCollection`), so one conformance suite
 * covers them all; filters are per collection and name only what the domain needs to look up.
 */

/** Keys of the system permissions every instance has; the UI gates its screens on these. */
export const SYSTEM_PERMISSION_KEYS = [
  'org:sys_profile:manage',
  'org:sys_profile:delete',
  'org:sys_memberships:read',
  'org:sys_memberships:manage',
  'org:sys_domains:read',
  'org:sys_domains:manage',
] as const;

export type JSONObject = Record<string, unknown>;

export interface OrganizationRecord {
  id: string;
  name: string;
  slug: string;
  imageUrl: string | null;
  publicMetadata: JSONObject;
  privateMetadata: JSONObject;
  /** 0 = no cap (Latch sets none by default). */
  maxAllowedMemberships: number;
  adminDeleteEnabled: boolean;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface OrganizationMembershipRecord {
  id: string;
  organizationId: string;
  userId: string;
  roleId: string;
  publicMetadata: JSONObject;
  privateMetadata: JSONObject;
  createdAt: number;
  updatedAt: number;
}

export interface OrganizationRoleRecord {
  id: string;
  /** `org:admin`, `org:member`, `org:<custom>`. */
  key: string;
  name: string;
  description: string;
  permissionIds: string[];
  /** System roles cannot be deleted; custom ones can when no member or invitation holds them. */
  system: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface OrganizationPermissionRecord {
  id: string;
  /** `org:<feature>:<action>`; system ones are `org:sys_*`. */
  key: string;
  name: string;
  description: string;
  type: 'system' | 'user';
  createdAt: number;
  updatedAt: number;
}

export type OrganizationInvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface OrganizationInvitationRecord {
  id: string;
  organizationId: string;
  /** Lower-cased. */
  emailAddress: string;
  roleId: string;
  status: OrganizationInvitationStatus;
  inviterUserId: string | null;
  /** Set when a verified domain in `automatic_invitation` mode created it. */
  domainId: string | null;
  publicMetadata: JSONObject;
  privateMetadata: JSONObject;
  expiresAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export type DomainEnrollmentMode = 'manual_invitation' | 'automatic_invitation' | 'automatic_suggestion';

export interface DomainVerificationRecord {
  status: 'unverified' | 'verified' | 'failed' | 'expired';
  /** `email_code` (an address at the domain got a code) or `admin` (verified through the Backend API). */
  strategy: 'email_code' | 'admin';
  attempts: number;
  expireAt: number | null;
  verifiedAt: number | null;
  codeHash: string | null;
}

export interface OrganizationDomainRecord {
  id: string;
  organizationId: string;
  /** Lower-cased host, unique across the instance. */
  name: string;
  enrollmentMode: DomainEnrollmentMode;
  affiliationEmailAddress: string | null;
  verification: DomainVerificationRecord | null;
  createdAt: number;
  updatedAt: number;
}

/** A verified domain's offer to a user whose verified email is at that domain (`automatic_suggestion`). */
export interface OrganizationSuggestionRecord {
  id: string;
  organizationId: string;
  userId: string;
  domainId: string;
  /** `accepted` = the user asked to join; a membership request now waits for an admin. */
  status: 'pending' | 'accepted';
  createdAt: number;
  updatedAt: number;
}

export interface OrganizationMembershipRequestRecord {
  id: string;
  organizationId: string;
  userId: string;
  status: 'pending' | 'accepted' | 'rejected';
  createdAt: number;
  updatedAt: number;
}

/** Instance-wide organization settings (Backend API `/instance/organization_settings`). */
export interface OrganizationSettingsRecord {
  enabled: boolean;
  /** 0 = no cap. Applies to organizations created from now on. */
  maxAllowedMemberships: number;
  adminDeleteEnabled: boolean;
  domainsEnabled: boolean;
  domainsEnrollmentModes: DomainEnrollmentMode[];
  /** Role the creator of an organization gets. */
  creatorRoleId: string;
  /** Role new members get when none is named (domain enrollment, membership requests). */
  domainsDefaultRoleId: string;
  /** Whether signed-in users may create organizations from the browser. */
  createFromFrontend: boolean;
}

export interface OrganizationPage {
  limit: number;
  offset: number;
  /** Column to sort on and direction; default newest first. */
  orderBy?: { field: 'created_at' | 'name'; direction: 'asc' | 'desc' };
}

export interface OrganizationFilter {
  ids?: string[];
  slug?: string;
  /** Case-insensitive substring of the name or slug, or an exact id. */
  query?: string;
}
export interface MembershipFilter {
  organizationId?: string;
  userId?: string;
  roleIds?: string[];
}
export interface RoleFilter {
  key?: string;
  query?: string;
}
export interface PermissionFilter {
  key?: string;
  query?: string;
}
export interface InvitationFilter {
  organizationId?: string;
  emailAddresses?: string[];
  statuses?: OrganizationInvitationStatus[];
  roleId?: string;
}
export interface DomainFilter {
  organizationId?: string;
  name?: string;
  names?: string[];
}
export interface SuggestionFilter {
  organizationId?: string;
  userId?: string;
  statuses?: OrganizationSuggestionRecord['status'][];
}
export interface MembershipRequestFilter {
  organizationId?: string;
  userId?: string;
  statuses?: OrganizationMembershipRequestRecord['status'][];
}

/** One kind of organization record: the same five operations for each. */
export interface OrganizationCollection<T extends { id: string }, F> {
  /** A duplicate unique value (slug, role key, domain name, membership) throws `UniqueViolation`. */
  insert(record: T): Promise<void>;
  findById(id: string): Promise<T | null>;
  /** Replaces the stored record; false when it is gone. */
  update(record: T): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** Matching records, newest first unless `page.orderBy` says otherwise. */
  list(filter: F, page?: OrganizationPage): Promise<T[]>;
  count(filter: F): Promise<number>;
}

export interface OrganizationStores {
  organizations: OrganizationCollection<OrganizationRecord, OrganizationFilter>;
  memberships: OrganizationCollection<OrganizationMembershipRecord, MembershipFilter>;
  roles: OrganizationCollection<OrganizationRoleRecord, RoleFilter>;
  permissions: OrganizationCollection<OrganizationPermissionRecord, PermissionFilter>;
  invitations: OrganizationCollection<OrganizationInvitationRecord, InvitationFilter>;
  domains: OrganizationCollection<OrganizationDomainRecord, DomainFilter>;
  suggestions: OrganizationCollection<OrganizationSuggestionRecord, SuggestionFilter>;
  membershipRequests: OrganizationCollection<OrganizationMembershipRequestRecord, MembershipRequestFilter>;
  /** The instance's organization settings; seeded by migration 0005. */
  getSettings(): Promise<OrganizationSettingsRecord>;
  saveSettings(settings: OrganizationSettingsRecord, updatedAt: number): Promise<void>;
}
