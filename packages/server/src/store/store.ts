import type { DailyCounterStore } from './daily-counter-store.js';
import type { OperatorStore } from './operator-store.js';
import type { OrganizationStores } from './organization-store.js';
import type {
  ClientRecord,
  EmailMessageRecord,
  HandshakeNonceRecord,
  IdentifierRecord,
  InstanceRecord,
  InstanceSettings,
  JWTTemplateRecord,
  PasswordRecord,
  SecretKeyRecord,
  SessionRecord,
  SessionStatus,
  SignInRecord,
  SigningKeyRecord,
  SignUpRecord,
  UserFields,
  UserFilter,
  UserPage,
  UserRecord,
} from './records.js';
import type { StoreChanges } from './store-changes.js';
import type { WebhookStore } from './webhook-store.js';

/**
 * Everything Latch persists, in domain terms. One implementation (Kysely) serves SQLite and
 * PostgreSQL; the conformance suite in `test/store` holds both to the same behaviour.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `work` atomically: every write inside commits together or not at all. */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: waits until no other transaction (in any process) holds `key`, then holds
   * it until this one ends. For check-then-write rules over several rows ("never the last owner",
   * "never the last active key"): take the lock before reading what the rule counts.
   */
  lock(key: string): Promise<void>;
  instance: InstanceStore;
  signingKeys: SigningKeyStore;
  secretKeys: SecretKeyStore;
  users: UserStore;
  clients: ClientStore;
  sessions: SessionStore;
  signIns: AttemptStore<SignInRecord>;
  signUps: AttemptStore<SignUpRecord>;
  jwtTemplates: JWTTemplateStore;
  emails: EmailMessageStore;
  handshakeNonces: HandshakeNonceStore;
  /** Which clients and users this process has written: lets hot-path caches drop exactly those. */
  readonly changes: StoreChanges;
  organizations: OrganizationStores;
  /** Event outbox (also the audit log), webhook endpoints, deliveries and attempts. */
  webhooks: WebhookStore;
  /** Dashboard operators and their credentials (links, sessions, access tokens). */
  operators: OperatorStore;
  /** Per-day counters that must not grow with traffic (failed sign-ins). */
  dailyCounters: DailyCounterStore;
  /** Cheap round trip for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface InstanceStore {
  get(): Promise<InstanceRecord | null>;
  insert(instance: InstanceRecord): Promise<void>;
  updateSettings(settings: InstanceSettings, updatedAt: number): Promise<void>;
}

export interface SigningKeyStore {
  /** All keys not yet retired at `now`, newest first. */
  listPublished(now: number): Promise<SigningKeyRecord[]>;
  insert(key: SigningKeyRecord): Promise<void>;
  /** Schedules every current key (except `keepKid`) to leave the JWKS at `retiresAt`. */
  retireAllExcept(keepKid: string, retiresAt: number): Promise<void>;
}

export interface SecretKeyStore {
  findActiveByHash(secretHash: string): Promise<SecretKeyRecord | null>;
  list(): Promise<SecretKeyRecord[]>;
  insert(key: SecretKeyRecord): Promise<void>;
  /** Returns false when no active key has that id. */
  revoke(id: string, revokedAt: number): Promise<boolean>;
}

export interface NewUser {
  fields: UserFields;
  emailAddresses: IdentifierRecord[];
  phoneNumbers: IdentifierRecord[];
  password: PasswordRecord | null;
}

export type IdentifierKind = 'email_address' | 'phone_number';

export interface UserStore {
  insert(user: NewUser): Promise<void>;
  findById(id: string): Promise<UserRecord | null>;
  list(filter: UserFilter, page: UserPage): Promise<UserRecord[]>;
  count(filter: UserFilter): Promise<number>;
  /** Updates row fields; returns false when the user does not exist. */
  update(id: string, fields: Partial<Omit<UserFields, 'id' | 'createdAt'>>): Promise<boolean>;
  setPassword(userId: string, password: PasswordRecord | null): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Which of these identifier values already belong to someone (normalised values in, same out). */
  findTakenIdentifiers(kind: IdentifierKind, values: string[]): Promise<string[]>;
  /** Adds an identifier to an existing user; a taken value throws `UniqueViolation` inside a transaction. */
  insertIdentifier(kind: IdentifierKind, identifier: IdentifierRecord): Promise<void>;
  /** Replaces an identifier's stored record (value, status, pending verification); false when it is gone. */
  updateIdentifier(kind: IdentifierKind, identifier: IdentifierRecord): Promise<boolean>;
  deleteIdentifier(kind: IdentifierKind, id: string): Promise<boolean>;
  /** The user id owning `username` / `external_id`, if any. */
  findUserIdByUsername(username: string): Promise<string | null>;
  findUserIdByExternalId(externalId: string): Promise<string | null>;
  /** The user owning this exact (normalised) email address, whatever its verification status. */
  findByEmailAddress(emailAddress: string): Promise<UserRecord | null>;
}

export interface ClientStore {
  insert(client: ClientRecord): Promise<void>;
  findById(id: string): Promise<ClientRecord | null>;
  findByTokenHash(tokenHash: string): Promise<ClientRecord | null>;
  update(client: ClientRecord): Promise<void>;
  /**
   * Sets only the given fields, without reading the row first: the hot paths move one pointer (the
   * active session, the attempt in progress) and must not write back a stale copy of the others.
   */
  patch(id: string, fields: ClientPatch): Promise<void>;
  list(page: { limit: number; offset: number }): Promise<ClientRecord[]>;
  count(): Promise<number>;
}

/** The client fields that change after creation (`patch`); `updatedAt` always goes with them. */
export type ClientPatch = Partial<Pick<ClientRecord, 'lastActiveSessionId' | 'signInId' | 'signUpId' | 'endedAt'>> & {
  updatedAt: number;
};

export interface SessionFilter {
  clientId?: string;
  userId?: string;
  statuses?: SessionStatus[];
}

export interface SessionStore {
  insert(session: SessionRecord): Promise<void>;
  findById(id: string): Promise<SessionRecord | null>;
  /** Replaces the stored record (the id never changes). */
  update(session: SessionRecord): Promise<void>;
  /** Newest first. */
  list(filter: SessionFilter, page?: { limit: number; offset: number }): Promise<SessionRecord[]>;
  count(filter: SessionFilter): Promise<number>;
}

/** Sign-in and sign-up attempts: short-lived state machines owned by one client. */
export interface AttemptStore<T extends { id: string; clientId: string }> {
  insert(attempt: T): Promise<void>;
  findById(id: string): Promise<T | null>;
  update(attempt: T): Promise<void>;
}

export interface JWTTemplateStore {
  insert(template: JWTTemplateRecord): Promise<void>;
  findById(id: string): Promise<JWTTemplateRecord | null>;
  findByName(name: string): Promise<JWTTemplateRecord | null>;
  list(): Promise<JWTTemplateRecord[]>;
  update(template: JWTTemplateRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
}

export interface EmailMessageStore {
  insert(message: EmailMessageRecord): Promise<void>;
  /** Newest first, optionally for one recipient. */
  list(filter: { toAddress?: string; limit: number; offset: number }): Promise<EmailMessageRecord[]>;
}

export interface HandshakeNonceStore {
  insert(nonce: HandshakeNonceRecord): Promise<void>;
  /** The nonce if it has not expired at `now`. */
  find(nonceHash: string, now: number): Promise<HandshakeNonceRecord | null>;
  deleteExpired(now: number): Promise<number>;
}
