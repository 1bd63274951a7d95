import type { Generated } from 'kysely';
import type { WebhookTables } from './kysely/webhook-schema.js';

/**
 * Table shapes as the database holds them: snake_case columns, Unix-millisecond integers for time,
 * JSON as text and booleans as 0/1 integers so both dialects store them identically.
 * Mapped to camelCase domain records in `records.ts`.
 */
export interface Database extends WebhookTables {
  instance: InstanceTable;
  signing_key: SigningKeyTable;
  secret_key: SecretKeyTable;
  user: UserTable;
  email_address: IdentifierTable & { email_address: string };
  phone_number: IdentifierTable & { phone_number: string };
  password: PasswordTable;
  client: ClientTable;
  session: DocumentTable & { client_id: string; user_id: string; status: string; updated_at: number };
  sign_in_attempt: DocumentTable & { client_id: string; updated_at: number };
  sign_up_attempt: DocumentTable & { client_id: string; updated_at: number };
  jwt_template: DocumentTable & { name: string; updated_at: number };
  email_message: DocumentTable & { to_address: string };
  handshake_nonce: { nonce_hash: string; expires_at: number; directives: string };
}

export interface ClientTable {
  id: string;
  token_hash: string;
  last_active_session_id: string | null;
  sign_in_id: string | null;
  sign_up_id: string | null;
  created_at: number;
  updated_at: number;
  ended_at: number | null;
}

/** A row whose record lives as JSON in `data`, with a few columns copied out for indexes and filters. */
export interface DocumentTable {
  id: string;
  created_at: number;
  data: string;
}

export interface InstanceTable {
  id: string;
  singleton: Generated<number>;
  environment_type: string;
  settings: string;
  created_at: number;
  updated_at: number;
}

export interface SigningKeyTable {
  kid: string;
  private_key_pem: string;
  public_jwk: string;
  activates_at: number;
  retires_at: number | null;
  created_at: number;
}

export interface SecretKeyTable {
  id: string;
  secret_hash: string;
  hint: string;
  name: string;
  created_at: number;
  revoked_at: number | null;
}

export interface UserTable {
  id: string;
  external_id: string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  image_url: string | null;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  public_metadata: string;
  private_metadata: string;
  unsafe_metadata: string;
  banned: number;
  locked: number;
  lockout_expires_at: number | null;
  failed_verification_attempts: number;
  delete_self_enabled: number;
  create_organization_enabled: number;
  create_organizations_limit: number | null;
  legal_accepted_at: number | null;
  last_sign_in_at: number | null;
  last_active_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface IdentifierTable {
  id: string;
  user_id: string;
  verification_status: string;
  verification_strategy: string;
  reserved: number;
  created_at: number;
  updated_at: number;
  /** A pending code verification (migration 0003): hash, attempts spent, expiry; null/0 when none. */
  verification_code_hash: string | null;
  verification_attempts: number;
  verification_expire_at: number | null;
}

export interface PasswordTable {
  user_id: string;
  digest: string;
  hasher: string;
  updated_at: number;
}
