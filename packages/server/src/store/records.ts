/** Domain records: what the Store hands the domain, camelCase, JSON parsed, booleans real. */

export type Metadata = Record<string, unknown>;

export type VerificationStatus = 'unverified' | 'verified';

export interface IdentifierRecord {
  id: string;
  userId: string;
  /** Normalised value: lower-cased email, or an E.164 phone number. */
  value: string;
  verificationStatus: VerificationStatus;
  verificationStrategy: string;
  reserved: boolean;
  createdAt: number;
  updatedAt: number;
  /**
   * A code verification the owner started (`prepare_verification`), present only while one exists:
   * the code as a salted hash (null once spent), the attempts used and when it expires.
   */
  verificationCodeHash?: string | null;
  verificationAttempts?: number;
  verificationExpireAt?: number | null;
}

export interface PasswordRecord {
  digest: string;
  hasher: string;
  updatedAt: number;
}

export interface UserRecord {
  id: string;
  externalId: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  imageUrl: string | null;
  primaryEmailAddressId: string | null;
  primaryPhoneNumberId: string | null;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  unsafeMetadata: Metadata;
  banned: boolean;
  locked: boolean;
  lockoutExpiresAt: number | null;
  failedVerificationAttempts: number;
  deleteSelfEnabled: boolean;
  createOrganizationEnabled: boolean;
  createOrganizationsLimit: number | null;
  legalAcceptedAt: number | null;
  lastSignInAt: number | null;
  lastActiveAt: number | null;
  createdAt: number;
  updatedAt: number;
  emailAddresses: IdentifierRecord[];
  phoneNumbers: IdentifierRecord[];
  password: PasswordRecord | null;
}

/** The user row alone: what `updateUser` may change. */
export type UserFields = Omit<UserRecord, 'emailAddresses' | 'phoneNumbers' | 'password'>;

export interface UserFilter {
  emailAddresses?: string[];
  phoneNumbers?: string[];
  externalIds?: string[];
  usernames?: string[];
  userIds?: string[];
  /** Substring match over ids, identifiers and names, case-insensitive. */
  query?: string;
  emailAddressQuery?: string;
  phoneNumberQuery?: string;
  usernameQuery?: string;
  nameQuery?: string;
  banned?: boolean;
  locked?: boolean;
  createdAtBefore?: number;
  createdAtAfter?: number;
  lastActiveAtBefore?: number;
  lastActiveAtAfter?: number;
  lastSignInAtBefore?: number;
  lastSignInAtAfter?: number;
}

export type UserOrderField =
  | 'created_at'
  | 'updated_at'
  | 'email_address'
  | 'phone_number'
  | 'username'
  | 'first_name'
  | 'last_name'
  | 'last_sign_in_at'
  | 'last_active_at';

export interface UserPage {
  limit: number;
  offset: number;
  orderBy: UserOrderField;
  direction: 'asc' | 'desc';
}

export type InstanceType = 'development' | 'production';

export interface InstanceRecord {
  id: string;
  environmentType: InstanceType;
  settings: InstanceSettings;
  createdAt: number;
  updatedAt: number;
}

/** Settings an operator can change at run time; defaults in `domain/instance-settings.ts`. */
export interface InstanceSettings {
  applicationName: string;
  passwordPolicy: PasswordPolicy;
  signUp: SignUpSettings;
  signIn: SignInSettings;
  sessions: SessionSettings;
  protection: ProtectionSettings;
  /** Who may sign up: allowlist / blocklist of emails and domains (Clerk's instance restrictions). */
  restrictions: RestrictionSettings;
  /** Origins allowed to call the Frontend API with credentials (CORS, Origin checks, redirect URLs). */
  allowedOrigins: string[];
  /** Where the app's pages live; the environment tells the UI. */
  urls: {
    home: string | null;
    signIn: string | null;
    signUp: string | null;
    afterSignIn: string | null;
    afterSignUp: string | null;
    afterSignOut: string | null;
  };
}

export interface RestrictionSettings {
  /** Only identifiers on the allowlist may sign up. */
  allowlist: boolean;
  /** Identifiers on the blocklist may not sign up. */
  blocklist: boolean;
  /** Apply the lists to sign-up only, not sign-in. */
  allowlistBlocklistDisabledOnSignIn: boolean;
  /** Refuse `name+tag@` addresses. */
  blockEmailSubaddresses: boolean;
  /** Email addresses (`ada@example.com`) or domains (`example.com`), lower case. */
  allowlistIdentifiers: string[];
  blocklistIdentifiers: string[];
}

/** How a sign-up field behaves. */
export type FieldRequirement = 'off' | 'optional' | 'required';

export interface SignUpSettings {
  mode: 'public' | 'restricted';
  username: FieldRequirement;
  firstName: FieldRequirement;
  lastName: FieldRequirement;
  password: FieldRequirement;
  legalConsent: boolean;
}

export interface SignInSettings {
  /** Which identifiers a user may sign in with. */
  emailAddress: boolean;
  username: boolean;
  /** First factors besides password. */
  emailCode: boolean;
  password: boolean;
}

export interface SessionSettings {
  mode: 'single' | 'multi';
  /** Absolute session lifetime. */
  lifetimeSeconds: number;
  /** Ends a session not used for this long; null = never. */
  inactivityTimeoutSeconds: number | null;
  tokenLifetimeSeconds: number;
  /** Extra session-token claims, rendered with the shortcode engine (e.g. `{"2fa_enabled": "{{user.two_factor_enabled}}"}`). */
  customClaims: Record<string, unknown>;
}

export interface ProtectionSettings {
  /** Failed password/code attempts before an account locks; null = never. */
  maxFailedAttempts: number | null;
  lockoutSeconds: number;
  /** Answer sign-ins for unknown identifiers like known ones, so attackers cannot list accounts. */
  enumerationProtection: boolean;
  /** Reject passwords from the list of most common breached passwords shipped with Latch. */
  rejectBreachedPasswords: boolean;
}

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireNumbers: boolean;
  requireSpecialCharacter: boolean;
}

export interface SigningKeyRecord {
  kid: string;
  privateKeyPem: string;
  publicJwk: JsonWebKey & { kid: string };
  /** Signs from this moment; published in the JWKS from creation. */
  activatesAt: number;
  /** Leaves the JWKS at this moment; `null` while current. */
  retiresAt: number | null;
  createdAt: number;
}

export interface SecretKeyRecord {
  id: string;
  secretHash: string;
  /** The last four characters, so people can tell keys apart. */
  hint: string;
  name: string;
  createdAt: number;
  revokedAt: number | null;
}

/** A browser (or native app) known to the Frontend API by its `__client` credential. */
export interface ClientRecord {
  id: string;
  /** SHA-256 of the opaque `__client` token; the token itself is never stored. */
  tokenHash: string;
  lastActiveSessionId: string | null;
  signInId: string | null;
  signUpId: string | null;
  createdAt: number;
  updatedAt: number;
  endedAt: number | null;
}

export type SessionStatus =
  | 'active'
  | 'pending'
  | 'ended'
  | 'expired'
  | 'removed'
  | 'replaced'
  | 'revoked'
  | 'abandoned';

export interface SessionActivity {
  browserName: string | null;
  browserVersion: string | null;
  deviceType: string | null;
  osName: string | null;
  ipAddress: string | null;
  city: string | null;
  country: string | null;
  isMobile: boolean;
}

export interface SessionRecord {
  id: string;
  clientId: string;
  userId: string;
  status: SessionStatus;
  lastActiveOrganizationId: string | null;
  /** Absolute end of the session. */
  expireAt: number;
  /** End by inactivity (moves forward on use); equals expireAt when there is no inactivity timeout. */
  abandonAt: number;
  lastActiveAt: number;
  firstFactorVerifiedAt: number;
  secondFactorVerifiedAt: number | null;
  activity: SessionActivity;
  /** The newest session token and its expiry, reused while fresh instead of signing again. */
  lastToken: string | null;
  lastTokenExpiresAt: number | null;
  createdAt: number;
  updatedAt: number;
  endedAt: number | null;
}

/** A code or link verification: the code is kept only as a hash, with an attempt budget and an expiry. */
export interface VerificationRecord {
  status: 'unverified' | 'verified' | 'failed' | 'expired';
  strategy: string;
  codeHash: string | null;
  attempts: number;
  expireAt: number | null;
  /** For email strategies: which address the code went to. */
  emailAddressId?: string | null;
  emailAddress?: string | null;
}

export interface SignUpRecord {
  id: string;
  clientId: string;
  status: 'missing_requirements' | 'complete' | 'abandoned';
  emailAddress: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  /** argon2id digest of the chosen password, hashed when it was given. */
  passwordDigest: string | null;
  unsafeMetadata: Metadata;
  legalAcceptedAt: number | null;
  locale: string | null;
  emailVerification: VerificationRecord | null;
  createdUserId: string | null;
  createdSessionId: string | null;
  abandonAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface SignInRecord {
  id: string;
  clientId: string;
  status: 'needs_identifier' | 'needs_first_factor' | 'needs_second_factor' | 'needs_new_password' | 'complete';
  identifier: string | null;
  /** The user the identifier resolved to; null for unknown identifiers under enumeration protection. */
  userId: string | null;
  /** Factors offered for this identifier, fixed when the attempt is created. */
  supportedFirstFactors: FactorRecord[];
  firstFactorVerification: VerificationRecord | null;
  secondFactorVerification: VerificationRecord | null;
  createdSessionId: string | null;
  abandonAt: number;
  createdAt: number;
  updatedAt: number;
}

/** One way to prove a sign-in, as the sign-in attempt offers it. */
export interface FactorRecord {
  strategy: 'password' | 'email_code' | 'reset_password_email_code';
  emailAddressId?: string;
  safeIdentifier?: string;
  primary?: boolean;
}

export interface JWTTemplateRecord {
  id: string;
  name: string;
  claims: Record<string, unknown>;
  lifetimeSeconds: number;
  allowedClockSkewSeconds: number;
  customSigningKey: boolean;
  signingAlgorithm: string;
  /** The template's own key (HMAC secret or PEM private key) when customSigningKey is set. */
  signingKey: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A message Latch sent, kept for the development inbox. */
export interface EmailMessageRecord {
  id: string;
  toAddress: string;
  template: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  userId: string | null;
  createdAt: number;
}

export interface HandshakeNonceRecord {
  nonceHash: string;
  directives: string[];
  expiresAt: number;
}
