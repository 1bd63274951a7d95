import type { Kysely } from 'kysely';

const TABLES = ['email_address', 'phone_number'] as const;

/**
 * A pending code verification on an identifier a signed-in user added (`POST /v1/me/email_addresses`
 * then `prepare_verification`): the code's hash, the attempts spent on it and its expiry. The
 * columns sit on the identifier row because an identifier has at most one pending code, and
 * deleting the identifier must take its code along. Phone numbers get them too, so both identifier
 * tables keep one shape.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('verification_code_hash', 'text').execute();
    await db.schema
      .alterTable(table)
      .addColumn('verification_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable(table).addColumn('verification_expire_at', 'bigint').execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    for (const column of ['verification_code_hash', 'verification_attempts', 'verification_expire_at']) {
      await db.schema.alterTable(table).dropColumn(column).execute();
    }
  }
}
