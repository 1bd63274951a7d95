import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Page, WebhookEndpointRecord, WebhookEndpointStore } from '../webhook-store.js';
import { literalLimit, preparedQuery } from './prepared-query.js';

// Read for every event that is recorded.
const selectEnabledEndpoints = preparedQuery((db: Kysely<Database>) =>
  db.selectFrom('webhook_endpoint').select('data').where('disabled', '=', 0).orderBy('id'),
);

/** Webhook endpoints: the record as JSON, url and disabled copied out. */
export class KyselyWebhookEndpointStore implements WebhookEndpointStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(endpoint: WebhookEndpointRecord): Promise<void> {
    await this.db.insertInto('webhook_endpoint').values(endpointRow(endpoint)).execute();
  }

  async findById(id: string): Promise<WebhookEndpointRecord | null> {
    const row = await this.db.selectFrom('webhook_endpoint').select('data').where('id', '=', id).executeTakeFirst();
    return row ? JSON.parse(row.data) : null;
  }

  async list(page: Page): Promise<WebhookEndpointRecord[]> {
    const rows = await this.db
      .selectFrom('webhook_endpoint')
      .select('data')
      .orderBy('created_at')
      .orderBy('id')
      .limit(literalLimit(page.limit))
      .offset(page.offset)
      .execute();
    return rows.map((row) => JSON.parse(row.data));
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('webhook_endpoint')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async listEnabled(): Promise<WebhookEndpointRecord[]> {
    const { rows } = await selectEnabledEndpoints(this.db);
    return rows.map((row) => JSON.parse(row.data));
  }

  async update(endpoint: WebhookEndpointRecord): Promise<void> {
    const { id, ...row } = endpointRow(endpoint);
    await this.db.updateTable('webhook_endpoint').set(row).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('webhook_endpoint').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function endpointRow(endpoint: WebhookEndpointRecord) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    disabled: endpoint.disabled ? 1 : 0,
    created_at: endpoint.createdAt,
    updated_at: endpoint.updatedAt,
    data: JSON.stringify(endpoint),
  };
}
