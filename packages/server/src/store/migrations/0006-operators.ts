import type { Kysely } from 'kysely';

/**
 * Operators: the people who run the instance through the dashboard, kept apart from the app's users
 * (an app user can never become an operator by signing up).
 *
 * - `operator`: one row per person, with a role (owner, admin, support), an optional argon2id
 *   password digest and an optional TOTP secret (required together in production).
 * - `operator_credential`: every secret an operator holds, stored as a SHA-256 hash: one-time
 *   sign-in links (`link`), dashboard sessions behind the HttpOnly cookie (`session`) and the
 *   short-lived bearer tokens the dashboard sends to the Backend API (`access`, tied to their session).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('operator')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_digest', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('last_totp_step', 'bigint')
    .addColumn('last_sign_in_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('operator_credential')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.notNull().references('operator.id').onDelete('cascade'))
    .addColumn('session_hash', 'text')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('operator_credential_session_idx')
    .on('operator_credential')
    .column('session_hash')
    .execute();
  await db.schema
    .createIndex('operator_credential_expiry_idx')
    .on('operator_credential')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('operator_credential').execute();
  await db.schema.dropTable('operator').execute();
}
