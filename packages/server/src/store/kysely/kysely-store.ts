import { type Kysely, sql } from 'kysely';
import type { SignInRecord, SignUpRecord } from '../records.js';
import type { Database } from '../schema.js';
import type { Store } from '../store.js';
import { createStoreChanges, createTransactionChanges, type StoreChanges } from '../store-changes.js';
import { asUniqueViolation } from '../unique-violation.js';
import type { WebhookStore } from '../webhook-store.js';
import { KyselyClientStore } from './client-store.js';
import { KyselyDailyCounterStore } from './daily-counter-store.js';
import {
  KyselyAttemptStore,
  KyselyEmailMessageStore,
  KyselyHandshakeNonceStore,
  KyselyJWTTemplateStore,
  KyselySessionStore,
} from './document-stores.js';
import { KyselyInstanceStore } from './instance-store.js';
import { KyselySecretKeyStore, KyselySigningKeyStore } from './key-stores.js';
import { KyselyOperatorStore } from './operator-store.js';
import { KyselyOrganizationStores } from './organization-stores.js';
import { KyselyUserStore } from './user-store.js';
import { createWebhookStore } from './webhook-stores.js';

/** The one Store implementation: Kysely over SQLite or PostgreSQL. */
export class KyselyStore implements Store {
  readonly instance: KyselyInstanceStore;
  readonly signingKeys: KyselySigningKeyStore;
  readonly secretKeys: KyselySecretKeyStore;
  readonly users: KyselyUserStore;
  readonly clients: KyselyClientStore;
  readonly sessions: KyselySessionStore;
  readonly signIns: KyselyAttemptStore<SignInRecord>;
  readonly signUps: KyselyAttemptStore<SignUpRecord>;
  readonly jwtTemplates: KyselyJWTTemplateStore;
  readonly emails: KyselyEmailMessageStore;
  readonly handshakeNonces: KyselyHandshakeNonceStore;
  readonly organizations: KyselyOrganizationStores;
  readonly webhooks: WebhookStore;
  readonly operators: KyselyOperatorStore;
  readonly dailyCounters: KyselyDailyCounterStore;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    private readonly inTransaction = false,
    readonly changes: StoreChanges = createStoreChanges(),
  ) {
    this.instance = new KyselyInstanceStore(db);
    this.signingKeys = new KyselySigningKeyStore(db);
    this.secretKeys = new KyselySecretKeyStore(db);
    this.users = new KyselyUserStore(db, dialect, changes);
    this.clients = new KyselyClientStore(db, changes);
    this.sessions = new KyselySessionStore(db, changes);
    this.signIns = new KyselyAttemptStore<SignInRecord>(db, 'sign_in_attempt', changes);
    this.signUps = new KyselyAttemptStore<SignUpRecord>(db, 'sign_up_attempt', changes);
    this.jwtTemplates = new KyselyJWTTemplateStore(db);
    this.emails = new KyselyEmailMessageStore(db);
    this.handshakeNonces = new KyselyHandshakeNonceStore(db);
    this.organizations = new KyselyOrganizationStores(db as Kysely<unknown>, changes);
    this.webhooks = createWebhookStore(db, dialect);
    this.operators = new KyselyOperatorStore(db as Kysely<unknown>);
    this.dailyCounters = new KyselyDailyCounterStore(db as Kysely<unknown>);
  }

  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    const changes = createTransactionChanges(this.changes);
    try {
      const result = await this.db
        .transaction()
        .execute((trx) => work(new KyselyStore(trx, this.dialect, true, changes)));
      changes.replay();
      return result;
    } catch (error) {
      throw asUniqueViolation(error) ?? error;
    }
  }

  async lock(key: string): Promise<void> {
    if (!this.inTransaction) throw new Error('Store.lock() is only meaningful inside a transaction');
    if (this.dialect === 'postgres') {
      // Read committed: each statement after this sees what the previous holder committed.
      await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(this.db);
      return;
    }
    // SQLite has one writer at a time: a write, even one that matches nothing, takes the database's
    // write lock now — before the reads — so a second process's transaction waits (busy timeout)
    // instead of acting on a snapshot that is about to go stale. Within one process the single
    // connection already runs transactions one after another.
    await sql`update "instance" set "id" = "id" where 1 = 0`.execute(this.db);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
