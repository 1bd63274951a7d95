import type { Kysely } from 'kysely';

/**
 * `daily_counter`: one row per (counter, UTC day), incremented in place. For figures that must
 * survive restarts but not grow with traffic — failed sign-ins under a brute-force attack add to
 * one row a day, never a row per attempt.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('daily_counter')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('day', 'bigint', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_counter_pk', ['name', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('daily_counter').execute();
}
