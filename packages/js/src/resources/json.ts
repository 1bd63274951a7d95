/**
 * The Frontend API's JSON, as far as the SDK reads it (PROTOCOL.md §2.3). Snake_case like the wire;
 * the resource classes turn it into camelCase objects with `Date`s, as clerk-js does.
 */
export interface VerificationJSON {
  status: 'unverified' | 'verified' | 'transferable' | 'failed' | 'expired' | null;
  strategy: string | null;
  attempts: number | null;
  expire_at: number | null;
  error?: { code: string; message: string; long_message?: string } | null;
  next_action?: string | null;
  supported_strategies?: string[] | null;
}

export interface EmailAddressJSON {
  object: 'email_address';
  id: string;
  email_address: string;
  verification: VerificationJSON | null;
  linked_to?: { id: string; type: string }[];
  created_at?: number;
  updated_at?: number;
}

export interface UserJSON {
  object: 'user';
  id: string;
  external_id: string | null;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  email_addresses: EmailAddressJSON[];
  password_enabled: boolean;
  totp_enabled: boolean;
  backup_code_enabled: boolean;
  two_factor_enabled: boolean;
  public_metadata: Record<string, unknown>;
  unsafe_metadata: Record<string, unknown>;
  organization_memberships?: unknown[];
  delete_self_enabled?: boolean;
  create_organization_enabled?: boolean;
  last_sign_in_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface TokenJSON {
  object: 'token';
  jwt: string;
}

export interface PublicUserDataJSON {
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  identifier: string;
  user_id?: string;
  username?: string | null;
}

export interface SessionJSON {
  object: 'session';
  id: string;
  status: 'active' | 'pending' | 'ended' | 'expired' | 'removed' | 'replaced' | 'revoked' | 'abandoned';
  expire_at: number;
  abandon_at: number;
  last_active_at: number;
  last_active_organization_id: string | null;
  last_active_token?: TokenJSON | null;
  actor: Record<string, unknown> | null;
  factor_verification_age?: [number, number] | null;
  user: UserJSON | null;
  public_user_data: PublicUserDataJSON | null;
  created_at: number;
  updated_at: number;
}

export interface SignInFactorJSON {
  strategy: string;
  email_address_id?: string;
  phone_number_id?: string;
  safe_identifier?: string;
  primary?: boolean;
}

export interface SignInJSON {
  object?: string;
  id: string;
  status: string;
  supported_identifiers: string[];
  identifier: string | null;
  user_data: { first_name: string | null; last_name: string | null; image_url: string; has_image: boolean } | null;
  supported_first_factors: SignInFactorJSON[] | null;
  supported_second_factors: SignInFactorJSON[] | null;
  first_factor_verification: VerificationJSON | null;
  second_factor_verification: VerificationJSON | null;
  created_session_id: string | null;
}

export interface SignUpJSON {
  object?: string;
  id: string;
  status: 'missing_requirements' | 'complete' | 'abandoned';
  required_fields: string[];
  optional_fields: string[];
  missing_fields: string[];
  unverified_fields: string[];
  verifications: {
    email_address: VerificationJSON | null;
    phone_number: VerificationJSON | null;
    web3_wallet: VerificationJSON | null;
    external_account: VerificationJSON | null;
  } | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  email_address: string | null;
  phone_number: string | null;
  has_password: boolean;
  unsafe_metadata: Record<string, unknown>;
  created_session_id: string | null;
  created_user_id: string | null;
  abandon_at: number | null;
  legal_accepted_at?: number | null;
}

export interface ClientJSON {
  object: 'client';
  id: string;
  sessions: SessionJSON[];
  sign_in: SignInJSON | null;
  sign_up: SignUpJSON | null;
  last_active_session_id: string | null;
  cookie_expires_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface EnvironmentJSON {
  object: 'environment';
  id: string;
  auth_config: Record<string, unknown> | null;
  display_config: Record<string, unknown> | null;
  user_settings: Record<string, unknown> | null;
  organization_settings?: Record<string, unknown> | null;
  maintenance_mode?: boolean;
}

export interface SessionActivityJSON extends SessionJSON {
  latest_activity: {
    id?: string;
    browser_name: string | null;
    browser_version?: string | null;
    device_type: string | null;
    ip_address: string | null;
    city: string | null;
    country: string | null;
    is_mobile: boolean;
  } | null;
}
