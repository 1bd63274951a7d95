/** The Backend API JSON the dashboard reads (Clerk's shapes; only the fields it uses). */
export interface User {
  id: string;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  external_id: string | null;
  primary_email_address_id: string | null;
  email_addresses: { id: string; email_address: string; verification: { status: string } | null }[];
  public_metadata: Record<string, unknown>;
  private_metadata: Record<string, unknown>;
  unsafe_metadata: Record<string, unknown>;
  banned: boolean;
  locked: boolean;
  last_sign_in_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface Session {
  id: string;
  status: string;
  client_id: string;
  last_active_at: number;
  expire_at: number;
  created_at: number;
}

export interface JWTTemplate {
  id: string;
  name: string;
  claims: Record<string, unknown>;
  lifetime: number;
  allowed_clock_skew: number;
  created_at: number;
}

export interface AuditLogEntry {
  id: string;
  action: string;
  actor: { type: string | null; id: string | null };
  target: { type: string | null; id: string | null };
  ip_address: string | null;
  created_at: number;
}

export interface Organization {
  id: string;
  name: string;
  slug: string;
  members_count: number;
  pending_invitations_count: number;
  max_allowed_memberships: number;
  public_metadata: Record<string, unknown>;
  private_metadata: Record<string, unknown>;
  created_at: number;
  updated_at: number;
}

export interface OrganizationMembership {
  id: string;
  role: string;
  role_name: string;
  public_user_data: {
    user_id: string;
    first_name: string | null;
    last_name: string | null;
    identifier: string | null;
  };
  created_at: number;
}

export interface OrganizationInvitation {
  id: string;
  email_address: string;
  role: string;
  role_name: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  expires_at: number | null;
  created_at: number;
}

export interface OrganizationDomain {
  id: string;
  name: string;
  enrollment_mode: 'manual_invitation' | 'automatic_invitation' | 'automatic_suggestion';
  verification: { status: string } | null;
  total_pending_invitations: number;
  created_at: number;
}

export interface OrganizationPermission {
  id: string;
  key: string;
  name: string;
  description: string;
  type: 'system' | 'user';
}

export interface OrganizationRole {
  id: string;
  key: string;
  name: string;
  description: string;
  permissions: OrganizationPermission[];
  created_at: number;
}

/** Organization lists answer `{ data, total_count }` (Clerk's paginated shape). */
export interface Paginated<T> {
  data: T[];
  total_count: number;
}
