import type { Kysely } from 'kysely';
import type {
  EmailMessageRecord,
  HandshakeNonceRecord,
  JWTTemplateRecord,
  SessionRecord,
  SignInRecord,
  SignUpRecord,
} from '../records.js';
import type { Database } from '../schema.js';
import type {
  AttemptStore,
  EmailMessageStore,
  HandshakeNonceStore,
  JWTTemplateStore,
  SessionFilter,
  SessionStore,
} from '../store.js';
import type { StoreChanges } from '../store-changes.js';
import { literalLimit, preparedInsert, preparedQuery, preparedUpdateById } from './prepared-query.js';

/** Records kept whole as JSON in `data`; a few columns are copied out to filter and index on. */

const insertSession = preparedInsert<ReturnType<typeof sessionRow>>('session');
const updateSession = preparedUpdateById('session');
const selectSessionData = preparedQuery((db: Kysely<Database>, id: string) =>
  db.selectFrom('session').select('data').where('id', '=', id),
);

/** Sign-in and sign-up attempts: the same statements on their two tables. */
function attemptStatements(table: 'sign_in_attempt' | 'sign_up_attempt') {
  return {
    insert: preparedInsert<AttemptRow>(table),
    update: preparedUpdateById(table),
    selectData: preparedQuery((db: Kysely<Database>, id: string) =>
      db.selectFrom(table).select('data').where('id', '=', id),
    ),
  };
}

interface AttemptRow {
  id: string;
  client_id: string;
  created_at: number;
  updated_at: number;
  data: string;
}

const ATTEMPT_STATEMENTS = {
  sign_in_attempt: attemptStatements('sign_in_attempt'),
  sign_up_attempt: attemptStatements('sign_up_attempt'),
};

export class KyselySessionStore implements SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: StoreChanges,
  ) {}

  // A session belongs to its client: writes are recorded under the client's id (StoreChanges).
  async insert(session: SessionRecord): Promise<void> {
    await insertSession(this.db, sessionRow(session));
    this.changes.changed(session.clientId);
  }

  async findById(id: string): Promise<SessionRecord | null> {
    const { rows } = await selectSessionData(this.db, id);
    return rows[0] ? JSON.parse(rows[0].data) : null;
  }

  async update(session: SessionRecord): Promise<void> {
    const { id, ...row } = sessionRow(session);
    await updateSession(this.db, id, row);
    this.changes.changed(session.clientId);
  }

  async list(filter: SessionFilter, page = { limit: 500, offset: 0 }): Promise<SessionRecord[]> {
    const rows = await this.filtered(filter)
      .select('data')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(literalLimit(page.limit))
      .offset(page.offset)
      .execute();
    return rows.map((row) => JSON.parse(row.data));
  }

  async count(filter: SessionFilter): Promise<number> {
    const row = await this.filtered(filter)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  private filtered(filter: SessionFilter) {
    let query = this.db.selectFrom('session');
    if (filter.clientId) query = query.where('client_id', '=', filter.clientId);
    if (filter.userId) query = query.where('user_id', '=', filter.userId);
    if (filter.statuses) query = query.where('status', 'in', filter.statuses.length > 0 ? filter.statuses : ['']);
    return query;
  }
}

function sessionRow(session: SessionRecord) {
  return {
    id: session.id,
    client_id: session.clientId,
    user_id: session.userId,
    status: session.status,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
    data: JSON.stringify(session),
  };
}

export class KyselyAttemptStore<T extends SignInRecord | SignUpRecord> implements AttemptStore<T> {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly table: 'sign_in_attempt' | 'sign_up_attempt',
    private readonly changes: StoreChanges,
  ) {}

  async insert(attempt: T): Promise<void> {
    await ATTEMPT_STATEMENTS[this.table].insert(this.db, {
      id: attempt.id,
      client_id: attempt.clientId,
      created_at: attempt.createdAt,
      updated_at: attempt.updatedAt,
      data: JSON.stringify(attempt),
    });
    this.changes.changed(attempt.clientId);
  }

  async findById(id: string): Promise<T | null> {
    const { rows } = await ATTEMPT_STATEMENTS[this.table].selectData(this.db, id);
    return rows[0] ? JSON.parse(rows[0].data) : null;
  }

  async update(attempt: T): Promise<void> {
    await ATTEMPT_STATEMENTS[this.table].update(this.db, attempt.id, {
      updated_at: attempt.updatedAt,
      data: JSON.stringify(attempt),
    });
    this.changes.changed(attempt.clientId);
  }
}

export class KyselyJWTTemplateStore implements JWTTemplateStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(template: JWTTemplateRecord): Promise<void> {
    await this.db.insertInto('jwt_template').values(templateRow(template)).execute();
  }

  async findById(id: string): Promise<JWTTemplateRecord | null> {
    const row = await this.db.selectFrom('jwt_template').select('data').where('id', '=', id).executeTakeFirst();
    return row ? JSON.parse(row.data) : null;
  }

  async findByName(name: string): Promise<JWTTemplateRecord | null> {
    const row = await this.db.selectFrom('jwt_template').select('data').where('name', '=', name).executeTakeFirst();
    return row ? JSON.parse(row.data) : null;
  }

  async list(): Promise<JWTTemplateRecord[]> {
    const rows = await this.db.selectFrom('jwt_template').select('data').orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => JSON.parse(row.data));
  }

  async update(template: JWTTemplateRecord): Promise<void> {
    const { id, ...row } = templateRow(template);
    await this.db.updateTable('jwt_template').set(row).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('jwt_template').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function templateRow(template: JWTTemplateRecord) {
  return {
    id: template.id,
    name: template.name,
    created_at: template.createdAt,
    updated_at: template.updatedAt,
    data: JSON.stringify(template),
  };
}

export class KyselyEmailMessageStore implements EmailMessageStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(message: EmailMessageRecord): Promise<void> {
    await this.db
      .insertInto('email_message')
      .values({
        id: message.id,
        to_address: message.toAddress,
        created_at: message.createdAt,
        data: JSON.stringify(message),
      })
      .execute();
  }

  async list(filter: { toAddress?: string; limit: number; offset: number }): Promise<EmailMessageRecord[]> {
    let query = this.db.selectFrom('email_message').select('data');
    if (filter.toAddress) query = query.where('to_address', '=', filter.toAddress);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(literalLimit(filter.limit))
      .offset(filter.offset)
      .execute();
    return rows.map((row) => JSON.parse(row.data));
  }
}

export class KyselyHandshakeNonceStore implements HandshakeNonceStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(nonce: HandshakeNonceRecord): Promise<void> {
    await this.db
      .insertInto('handshake_nonce')
      .values({
        nonce_hash: nonce.nonceHash,
        expires_at: nonce.expiresAt,
        directives: JSON.stringify(nonce.directives),
      })
      .execute();
  }

  async find(nonceHash: string, now: number): Promise<HandshakeNonceRecord | null> {
    const row = await this.db
      .selectFrom('handshake_nonce')
      .selectAll()
      .where('nonce_hash', '=', nonceHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row
      ? { nonceHash: row.nonce_hash, expiresAt: row.expires_at, directives: JSON.parse(row.directives) }
      : null;
  }

  async deleteExpired(now: number): Promise<number> {
    const result = await this.db.deleteFrom('handshake_nonce').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
