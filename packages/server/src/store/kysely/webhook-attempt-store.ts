import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { AttemptFilter, Page, WebhookAttemptRecord, WebhookAttemptStore } from '../webhook-store.js';
import { literalLimit } from './prepared-query.js';
import type { WebhookAttemptTable } from './webhook-schema.js';

/** The delivery log: every HTTP attempt, newest first. */
export class KyselyWebhookAttemptStore implements WebhookAttemptStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(attempt: WebhookAttemptRecord): Promise<void> {
    await this.db
      .insertInto('webhook_attempt')
      .values({
        id: attempt.id,
        delivery_id: attempt.deliveryId,
        endpoint_id: attempt.endpointId,
        event_id: attempt.eventId,
        status: attempt.status,
        response_status_code: attempt.responseStatusCode,
        response_body: attempt.responseBody,
        error: attempt.error,
        duration_ms: attempt.durationMs,
        created_at: attempt.createdAt,
      })
      .execute();
  }

  async list(filter: AttemptFilter, page: Page): Promise<WebhookAttemptRecord[]> {
    const rows = await this.filtered(filter)
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(literalLimit(page.limit))
      .offset(page.offset)
      .execute();
    return rows.map(attemptFromRow);
  }

  async count(filter: AttemptFilter): Promise<number> {
    const row = await this.filtered(filter)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  private filtered(filter: AttemptFilter) {
    let query = this.db.selectFrom('webhook_attempt');
    if (filter.endpointId) query = query.where('endpoint_id', '=', filter.endpointId);
    if (filter.deliveryId) query = query.where('delivery_id', '=', filter.deliveryId);
    if (filter.eventId) query = query.where('event_id', '=', filter.eventId);
    return query;
  }
}

function attemptFromRow(row: Selectable<WebhookAttemptTable>): WebhookAttemptRecord {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    status: row.status as 'succeeded' | 'failed',
    responseStatusCode: row.response_status_code,
    responseBody: row.response_body,
    error: row.error,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
  };
}
