import type { Kysely, Selectable, Updateable } from 'kysely';
import type { ClientRecord } from '../records.js';
import type { ClientTable, Database } from '../schema.js';
import type { ClientPatch, ClientStore } from '../store.js';
import type { StoreChanges } from '../store-changes.js';
import { literalLimit, preparedInsert, preparedQuery, preparedUpdateById } from './prepared-query.js';

const insertClient = preparedInsert<ClientTable>('client');
const updateClient = preparedUpdateById('client');
const selectClientByTokenHash = preparedQuery((db: Kysely<Database>, tokenHash: string) =>
  db.selectFrom('client').selectAll().where('token_hash', '=', tokenHash),
);

export class KyselyClientStore implements ClientStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: StoreChanges,
  ) {}

  async insert(client: ClientRecord): Promise<void> {
    await insertClient(this.db, toRow(client));
    this.changes.changed(client.id);
  }

  async findById(id: string): Promise<ClientRecord | null> {
    const row = await this.db.selectFrom('client').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async findByTokenHash(tokenHash: string): Promise<ClientRecord | null> {
    const { rows } = await selectClientByTokenHash(this.db, tokenHash);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async update(client: ClientRecord): Promise<void> {
    const { id, ...row } = toRow(client);
    await updateClient(this.db, id, row);
    this.changes.changed(id);
  }

  async patch(id: string, fields: ClientPatch): Promise<void> {
    const row: Updateable<ClientTable> = { updated_at: fields.updatedAt };
    if (fields.lastActiveSessionId !== undefined) row.last_active_session_id = fields.lastActiveSessionId;
    if (fields.signInId !== undefined) row.sign_in_id = fields.signInId;
    if (fields.signUpId !== undefined) row.sign_up_id = fields.signUpId;
    if (fields.endedAt !== undefined) row.ended_at = fields.endedAt;
    await updateClient(this.db, id, row);
    this.changes.changed(id);
  }

  async list(page: { limit: number; offset: number }): Promise<ClientRecord[]> {
    const rows = await this.db
      .selectFrom('client')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(literalLimit(page.limit))
      .offset(page.offset)
      .execute();
    return rows.map(toRecord);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('client')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}

function toRow(client: ClientRecord): ClientTable {
  return {
    id: client.id,
    token_hash: client.tokenHash,
    last_active_session_id: client.lastActiveSessionId,
    sign_in_id: client.signInId,
    sign_up_id: client.signUpId,
    created_at: client.createdAt,
    updated_at: client.updatedAt,
    ended_at: client.endedAt,
  };
}

function toRecord(row: Selectable<ClientTable>): ClientRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    lastActiveSessionId: row.last_active_session_id,
    signInId: row.sign_in_id,
    signUpId: row.sign_up_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    endedAt: row.ended_at,
  };
}
