import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Store } from '../store.js';
import { asUniqueViolation } from '../unique-violation.js';
import { KyselyInstanceStore } from './instance-store.js';
import { KyselySecretKeyStore, KyselySigningKeyStore } from './key-stores.js';
import { KyselyUserStore } from './user-store.js';

/** The one Store implementation: Kysely over SQLite or PostgreSQL. */
export class KyselyStore implements Store {
  readonly instance: KyselyInstanceStore;
  readonly signingKeys: KyselySigningKeyStore;
  readonly secretKeys: KyselySecretKeyStore;
  readonly users: KyselyUserStore;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    private readonly inTransaction = false,
  ) {
    this.instance = new KyselyInstanceStore(db);
    this.signingKeys = new KyselySigningKeyStore(db);
    this.secretKeys = new KyselySecretKeyStore(db);
    this.users = new KyselyUserStore(db, dialect);
  }

  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    try {
      return await this.db.transaction().execute((trx) => work(new KyselyStore(trx, this.dialect, true)));
    } catch (error) {
      throw asUniqueViolation(error) ?? error;
    }
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
