import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type {
  ClaimRequest,
  DeliveryFilter,
  Page,
  WebhookDeliveryRecord,
  WebhookDeliveryStatus,
  WebhookDeliveryStore,
} from '../webhook-store.js';
import { literalLimit } from './prepared-query.js';
import type { WebhookDeliveryTable } from './webhook-schema.js';

/** Deliveries: one event for one endpoint, claimed by workers under an expiring lease. */
export class KyselyWebhookDeliveryStore implements WebhookDeliveryStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async insertMany(deliveries: WebhookDeliveryRecord[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.db
      .insertInto('webhook_delivery')
      .values(deliveries.map(deliveryRow))
      .onConflict((conflict) => conflict.columns(['event_id', 'endpoint_id']).doNothing())
      .execute();
  }

  async findById(id: string): Promise<WebhookDeliveryRecord | null> {
    const row = await this.db.selectFrom('webhook_delivery').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? deliveryFromRow(row) : null;
  }

  async findByEventAndEndpoint(eventId: string, endpointId: string): Promise<WebhookDeliveryRecord | null> {
    const row = await this.db
      .selectFrom('webhook_delivery')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('endpoint_id', '=', endpointId)
      .executeTakeFirst();
    return row ? deliveryFromRow(row) : null;
  }

  async list(filter: DeliveryFilter, page: Page): Promise<WebhookDeliveryRecord[]> {
    const rows = await this.filtered(filter)
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(literalLimit(page.limit))
      .offset(page.offset)
      .execute();
    return rows.map(deliveryFromRow);
  }

  async count(filter: DeliveryFilter): Promise<number> {
    const row = await this.filtered(filter)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async claimDue(request: ClaimRequest): Promise<WebhookDeliveryRecord[]> {
    const { now, owner, leaseExpiresAt, limit } = request;
    const rows = await this.db
      .updateTable('webhook_delivery')
      .set({ lease_owner: owner, lease_expires_at: leaseExpiresAt })
      .where('id', 'in', (eb) => {
        let due = eb
          .selectFrom('webhook_delivery')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .where((w) => w.or([w('lease_expires_at', 'is', null), w('lease_expires_at', '<=', now)]))
          .orderBy('next_attempt_at')
          .limit(literalLimit(limit));
        // PostgreSQL: rows another claimer is taking are skipped, never waited on or double-claimed.
        // SQLite: the UPDATE runs under the database's single write lock, which does the same.
        if (this.dialect === 'postgres') due = due.forUpdate().skipLocked();
        return due;
      })
      .returningAll()
      .execute();
    return rows.map(deliveryFromRow);
  }

  async settle(delivery: WebhookDeliveryRecord, owner: string): Promise<boolean> {
    const { id, ...row } = deliveryRow({ ...delivery, leaseOwner: null, leaseExpiresAt: null });
    const result = await this.db
      .updateTable('webhook_delivery')
      .set(row)
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async update(delivery: WebhookDeliveryRecord): Promise<void> {
    const { id, ...row } = deliveryRow(delivery);
    await this.db.updateTable('webhook_delivery').set(row).where('id', '=', id).execute();
  }

  private filtered(filter: DeliveryFilter) {
    let query = this.db.selectFrom('webhook_delivery');
    if (filter.endpointId) query = query.where('endpoint_id', '=', filter.endpointId);
    if (filter.eventId) query = query.where('event_id', '=', filter.eventId);
    if (filter.status) query = query.where('status', '=', filter.status);
    return query;
  }
}

function deliveryRow(delivery: WebhookDeliveryRecord) {
  return {
    id: delivery.id,
    event_id: delivery.eventId,
    endpoint_id: delivery.endpointId,
    status: delivery.status,
    attempts: delivery.attempts,
    next_attempt_at: delivery.nextAttemptAt,
    lease_owner: delivery.leaseOwner,
    lease_expires_at: delivery.leaseExpiresAt,
    created_at: delivery.createdAt,
    updated_at: delivery.updatedAt,
  };
}

function deliveryFromRow(row: Selectable<WebhookDeliveryTable>): WebhookDeliveryRecord {
  return {
    id: row.id,
    eventId: row.event_id,
    endpointId: row.endpoint_id,
    status: row.status as WebhookDeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
