/** Resource types of the Backend API client, camelCased from the wire JSON (PROTOCOL.md §5). */

export type Metadata = Record<string, unknown>;

export interface Verification {
  status: 'unverified' | 'verified' | 'transferable' | 'failed' | 'expired';
  strategy: string;
  attempts: number | null;
  expireAt: number | null;
}

export interface EmailAddress {
  id: string;
  object: 'email_address';
  emailAddress: string;
  reserved: boolean;
  verification: Verification | null;
  linkedTo: { type: string; id: string }[];
  createdAt: number;
  updatedAt: number;
}

export interface PhoneNumber {
  id: string;
  object: 'phone_number';
  phoneNumber: string;
  reservedForSecondFactor: boolean;
  defaultSecondFactor: boolean;
  verification: Verification | null;
  linkedTo: { type: string; id: string }[];
  createdAt: number;
  updatedAt: number;
}

export interface User {
  id: string;
  object: 'user';
  externalId: string | null;
  primaryEmailAddressId: string | null;
  primaryPhoneNumberId: string | null;
  primaryWeb3WalletId: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  imageUrl: string;
  hasImage: boolean;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  unsafeMetadata: Metadata;
  emailAddresses: EmailAddress[];
  phoneNumbers: PhoneNumber[];
  web3Wallets: unknown[];
  externalAccounts: unknown[];
  passwordEnabled: boolean;
  twoFactorEnabled: boolean;
  totpEnabled: boolean;
  backupCodeEnabled: boolean;
  banned: boolean;
  locked: boolean;
  lockoutExpiresInSeconds: number | null;
  verificationAttemptsRemaining: number | null;
  lastSignInAt: number | null;
  lastActiveAt: number | null;
  passwordLastUpdatedAt: number | null;
  legalAcceptedAt: number | null;
  createOrganizationEnabled: boolean;
  createOrganizationsLimit: number | null;
  deleteSelfEnabled: boolean;
  createdAt: number;
  updatedAt: number;
  /** Computed like Clerk's `User` getters. */
  primaryEmailAddress: EmailAddress | null;
  primaryPhoneNumber: PhoneNumber | null;
  fullName: string | null;
  /** The wire JSON as received (non-enumerable). */
  raw: Record<string, unknown>;
}

export interface Session {
  id: string;
  object: 'session';
  clientId: string;
  userId: string;
  status: 'active' | 'pending' | 'ended' | 'expired' | 'removed' | 'abandoned' | 'replaced' | 'revoked';
  lastActiveOrganizationId: string | null;
  actor: Record<string, unknown> | null;
  latestActivity?: {
    id: string;
    deviceType: string | null;
    isMobile: boolean;
    browserName: string | null;
    browserVersion: string | null;
    ipAddress: string | null;
    city: string | null;
    country: string | null;
  } | null;
  lastActiveAt: number;
  expireAt: number;
  abandonAt: number;
  createdAt: number;
  updatedAt: number;
  raw: Record<string, unknown>;
}

export interface Client {
  id: string;
  object: 'client';
  sessionIds: string[];
  sessions: Session[];
  signInId: string | null;
  signUpId: string | null;
  lastActiveSessionId: string | null;
  createdAt: number;
  updatedAt: number;
  raw: Record<string, unknown>;
}

export interface JwtTemplate {
  id: string;
  object: 'jwt_template';
  name: string;
  claims: Record<string, unknown>;
  lifetime: number;
  allowedClockSkew: number;
  customSigningKey: boolean;
  signingAlgorithm: string;
  createdAt: number;
  updatedAt: number;
  raw: Record<string, unknown>;
}

export interface Token {
  object: 'token';
  jwt: string;
}

export interface DeletedObject {
  object: string;
  id: string | null;
  slug?: string | null;
  deleted: true;
}

/** `{ data, totalCount }`, what Clerk's list methods return. */
export interface PaginatedResourceResponse<T> {
  data: T[];
  totalCount: number;
}

export interface HandshakePayload {
  directives: string[];
}

export interface JWKS {
  keys: { kid: string; kty: string; alg?: string; use?: string; n: string; e: string }[];
}

export interface Organization {
  id: string;
  object: 'organization';
  name: string;
  slug: string;
  imageUrl?: string;
  hasImage?: boolean;
  membersCount?: number;
  maxAllowedMemberships?: number;
  adminDeleteEnabled?: boolean;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  createdBy?: string | null;
  createdAt: number;
  updatedAt: number;
  raw: Record<string, unknown>;
}

export interface OrganizationMembership {
  id: string;
  object: 'organization_membership';
  role: string;
  permissions: string[];
  publicMetadata: Metadata;
  privateMetadata?: Metadata;
  organization: Organization;
  publicUserData: {
    identifier: string;
    firstName: string | null;
    lastName: string | null;
    imageUrl: string;
    hasImage: boolean;
    userId: string;
  } | null;
  createdAt: number;
  updatedAt: number;
  raw: Record<string, unknown>;
}

export interface OrganizationInvitation {
  id: string;
  object: 'organization_invitation';
  emailAddress: string;
  role: string;
  organizationId: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  publicMetadata: Metadata;
  privateMetadata?: Metadata;
  createdAt: number;
  updatedAt: number;
  raw: Record<string, unknown>;
}

export interface WebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  url: string;
  description: string;
  /** Empty: every event type. */
  eventTypes: string[];
  rateLimit: number | null;
  disabled: boolean;
  disabledReason: 'manual' | 'failing' | null;
  failingSince: number | null;
  previousSecretExpiresAt: number | null;
  createdAt: number;
  updatedAt: number;
  raw: Record<string, unknown>;
}

export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  /** `whsec_…`, for `verifyWebhook({ signingSecret })`. */
  secret: string;
}

export interface WebhookMessage {
  id: string;
  object: 'webhook_message';
  endpointId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  nextAttemptAt: number | null;
  timestamp: number;
  updatedAt: number;
}

export interface WebhookAttempt {
  id: string;
  object: 'webhook_attempt';
  messageId: string;
  endpointId: string;
  status: 'succeeded' | 'failed';
  responseStatusCode: number | null;
  responseBody: string;
  error: string | null;
  durationMs: number;
  createdAt: number;
}
