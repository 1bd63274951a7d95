import type { Kysely } from 'kysely';

/** Instance, keys and users: the foundation every later table hangs off. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('instance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // A constant unique column: two processes racing through first start cannot both create an instance.
    .addColumn('singleton', 'integer', (c) => c.notNull().defaultTo(1).unique())
    .addColumn('environment_type', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('signing_key')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('private_key_pem', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('activates_at', 'bigint', (c) => c.notNull())
    .addColumn('retires_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('secret_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();

  await db.schema
    .createTable('user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('username', 'text', (c) => c.unique())
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('locale', 'text')
    .addColumn('image_url', 'text')
    .addColumn('primary_email_address_id', 'text')
    .addColumn('primary_phone_number_id', 'text')
    .addColumn('public_metadata', 'text', (c) => c.notNull())
    .addColumn('private_metadata', 'text', (c) => c.notNull())
    .addColumn('unsafe_metadata', 'text', (c) => c.notNull())
    .addColumn('banned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lockout_expires_at', 'bigint')
    .addColumn('failed_verification_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delete_self_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('create_organization_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('create_organizations_limit', 'integer')
    .addColumn('legal_accepted_at', 'bigint')
    .addColumn('last_sign_in_at', 'bigint')
    .addColumn('last_active_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_created_at_idx').on('user').columns(['created_at', 'id']).execute();

  for (const table of ['email_address', 'phone_number'] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn(table, 'text', (c) => c.notNull().unique())
      .addColumn('verification_status', 'text', (c) => c.notNull())
      .addColumn('verification_strategy', 'text', (c) => c.notNull())
      .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_user_id_idx`).on(table).column('user_id').execute();
  }

  await db.schema
    .createTable('password')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('hasher', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['password', 'phone_number', 'email_address', 'user', 'secret_key', 'signing_key', 'instance']) {
    await db.schema.dropTable(table).execute();
  }
}
