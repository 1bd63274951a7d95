import type { Kysely } from 'kysely';

/**
 * The two lists read with every client state (a browser's sessions, a user's memberships) filter on
 * one column and sort on (`created_at`, `id`). With an index on the filter column alone, both engines
 * sort the matches in a temporary b-tree on every read; indexing the sort columns after the filter
 * column hands the rows over in order (docs/decisions/0016-prepared-statements.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('session_client_order_idx')
    .on('session')
    .columns(['client_id', 'created_at', 'id'])
    .execute();
  await db.schema.dropIndex('session_client_id_idx').execute();
  await db.schema
    .createIndex('organization_membership_user_order_idx')
    .on('organization_membership')
    .columns(['user_id', 'created_at', 'id'])
    .execute();
  await db.schema.dropIndex('organization_membership_user_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('organization_membership_user_idx')
    .on('organization_membership')
    .column('user_id')
    .execute();
  await db.schema.dropIndex('organization_membership_user_order_idx').execute();
  await db.schema.createIndex('session_client_id_idx').on('session').column('client_id').execute();
  await db.schema.dropIndex('session_client_order_idx').execute();
}
