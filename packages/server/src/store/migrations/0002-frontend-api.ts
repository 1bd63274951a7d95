import type { Kysely } from 'kysely';

/**
 * Clients, sessions, sign-in and sign-up attempts, JWT templates, the development inbox and
 * handshake nonces. Attempts and sessions keep their full record as JSON in `data`; the columns
 * beside it exist only to be indexed and filtered on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('client')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('last_active_session_id', 'text')
    .addColumn('sign_in_id', 'text')
    .addColumn('sign_up_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_client_id_idx').on('session').column('client_id').execute();
  await db.schema.createIndex('session_user_id_idx').on('session').columns(['user_id', 'status']).execute();

  for (const table of ['sign_in_attempt', 'sign_up_attempt']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull().references('client.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_client_id_idx`).on(table).column('client_id').execute();
  }

  await db.schema
    .createTable('jwt_template')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('email_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('email_message_to_idx')
    .on('email_message')
    .columns(['to_address', 'created_at'])
    .execute();

  await db.schema
    .createTable('handshake_nonce')
    .addColumn('nonce_hash', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('directives', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'handshake_nonce',
    'email_message',
    'jwt_template',
    'sign_up_attempt',
    'sign_in_attempt',
    'session',
    'client',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
