/** Who runs the instance, and how much they may change (see docs/decisions/0012-dashboard-operators.md). */
export type OperatorRole = 'owner' | 'admin' | 'support';

export const OPERATOR_ROLES: readonly OperatorRole[] = ['owner', 'admin', 'support'];

export interface OperatorRecord {
  id: string;
  /** Lower case; unique among operators (independent of app users). */
  email: string;
  name: string | null;
  role: OperatorRole;
  /** argon2id PHC string; null = signs in by one-time link only (development). */
  passwordDigest: string | null;
  /** Base32 TOTP secret (RFC 6238); null = none enrolled. */
  totpSecret: string | null;
  /** The last TOTP time step accepted, so a code works once. */
  lastTotpStep: number | null;
  lastSignInAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export type OperatorCredentialKind = 'link' | 'session' | 'access';

/** A secret held by an operator, known to the server only by its SHA-256 hash. */
export interface OperatorCredentialRecord {
  tokenHash: string;
  kind: OperatorCredentialKind;
  operatorId: string;
  /** For `access` tokens: the session that minted them (revoked with it). */
  sessionHash: string | null;
  expiresAt: number;
  usedAt: number | null;
  revokedAt: number | null;
  createdAt: number;
}

export type OperatorFields = Partial<
  Pick<OperatorRecord, 'name' | 'role' | 'passwordDigest' | 'totpSecret' | 'lastTotpStep' | 'lastSignInAt'>
>;

export interface OperatorStore {
  insert(operator: OperatorRecord): Promise<void>;
  update(id: string, fields: OperatorFields, updatedAt: number): Promise<void>;
  findById(id: string): Promise<OperatorRecord | null>;
  findByEmail(email: string): Promise<OperatorRecord | null>;
  list(): Promise<OperatorRecord[]>;
  delete(id: string): Promise<boolean>;
  insertCredential(credential: OperatorCredentialRecord): Promise<void>;
  findCredential(tokenHash: string): Promise<OperatorCredentialRecord | null>;
  /** Marks a one-time credential used; false when it already was (two tabs racing: one wins). */
  markCredentialUsed(tokenHash: string, at: number): Promise<boolean>;
  /** Revokes a session and every access token it minted. */
  revokeSession(sessionHash: string, at: number): Promise<void>;
  /** Drops credentials that expired before `before`. */
  deleteExpiredCredentials(before: number): Promise<number>;
}
