import type { Kysely } from 'kysely';

/**
 * The event outbox and everything webhook delivery needs.
 *
 * - `event`: one row per domain change, written in the same transaction as the change: the audit
 *   log (actor, target, client address) and the messages webhooks carry, trimmed after the
 *   configured retention period.
 * - `webhook_endpoint`: where events go; signing secrets are kept in plaintext because signing needs
 *   them (like Svix, which shows them again on request).
 * - `webhook_delivery`: the outbox proper, one message for one endpoint, written with its event; the
 *   worker claims due rows with a lease that expires, so a process that dies mid-delivery loses nothing.
 * - `webhook_attempt`: every HTTP attempt, for the delivery log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('client_ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_created_at_idx').on('event').column('created_at').execute();
  // The audit log is mostly read per object ("what happened to this user").
  await db.schema.createIndex('event_target_idx').on('event').columns(['target_id', 'created_at']).execute();

  await db.schema
    .createTable('webhook_endpoint')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_delivery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoint.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_delivery_due_idx')
    .on('webhook_delivery')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_delivery_endpoint_idx')
    .on('webhook_delivery')
    .columns(['endpoint_id', 'created_at'])
    .execute();
  // One delivery per event and endpoint: fan-out twice (two processes on SQLite) cannot double it.
  await db.schema
    .createIndex('webhook_delivery_event_endpoint_idx')
    .on('webhook_delivery')
    .columns(['event_id', 'endpoint_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('webhook_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_delivery.id').onDelete('cascade'))
    .addColumn('endpoint_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response_status_code', 'integer')
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_attempt_delivery_idx')
    .on('webhook_attempt')
    .columns(['delivery_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('webhook_attempt_endpoint_idx')
    .on('webhook_attempt')
    .columns(['endpoint_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['webhook_attempt', 'webhook_delivery', 'webhook_endpoint', 'event']) {
    await db.schema.dropTable(table).execute();
  }
}
