import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { EventActorType, EventFilter, EventRecord, EventStore, Page } from '../webhook-store.js';
import { literalLimit, preparedInsert } from './prepared-query.js';
import type { EventTable } from './webhook-schema.js';

/** The event outbox and audit log. */
/** One UTC day in ms (event times are Unix ms). */
const DAY_MS = 86_400_000;

const insertEvent = preparedInsert<Selectable<EventTable>>('event');

export class KyselyEventStore implements EventStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(event: EventRecord): Promise<void> {
    await insertEvent(this.db, {
      id: event.id,
      type: event.type,
      data: JSON.stringify(event.data),
      actor_type: event.actorType,
      actor_id: event.actorId,
      target_type: event.targetType,
      target_id: event.targetId,
      client_ip: event.clientIp,
      user_agent: event.userAgent,
      created_at: event.createdAt,
    });
  }

  async findById(id: string): Promise<EventRecord | null> {
    const row = await this.db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? eventFromRow(row) : null;
  }

  async findByIds(ids: string[]): Promise<EventRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('event').selectAll().where('id', 'in', ids).execute();
    return rows.map(eventFromRow);
  }

  async list(filter: EventFilter, page: Page): Promise<EventRecord[]> {
    const rows = await this.filtered(filter)
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(literalLimit(page.limit))
      .offset(page.offset)
      .execute();
    return rows.map(eventFromRow);
  }

  async count(filter: EventFilter): Promise<number> {
    const row = await this.filtered(filter)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async countByDay(filter: EventFilter): Promise<{ day: number; type: string; count: number }[]> {
    // Integer division on both engines (bigint / bigint on PostgreSQL, integer / integer on SQLite).
    const day = sql<number | string>`${sql.ref('created_at')} / ${sql.lit(DAY_MS)}`;
    const rows = await this.filtered(filter)
      .select((eb) => [day.as('day'), 'type', eb.fn.countAll<number | string>().as('count')])
      .groupBy([day, 'type'])
      .execute();
    return rows.map((row) => ({ day: Number(row.day) * DAY_MS, type: row.type, count: Number(row.count) }));
  }

  async deleteCreatedBefore(before: number): Promise<number> {
    const result = await this.db.deleteFrom('event').where('created_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private filtered(filter: EventFilter) {
    let query = this.db.selectFrom('event');
    if (filter.since !== undefined) query = query.where('created_at', '>=', filter.since);
    if (filter.until !== undefined) query = query.where('created_at', '<', filter.until);
    if (filter.types) query = query.where('type', 'in', filter.types.length > 0 ? filter.types : ['']);
    if (filter.actorType) query = query.where('actor_type', '=', filter.actorType);
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
    return query;
  }
}

function eventFromRow(row: Selectable<EventTable>): EventRecord {
  return {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data),
    actorType: row.actor_type as EventActorType | null,
    actorId: row.actor_id,
    targetType: row.target_type,
    targetId: row.target_id,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    createdAt: row.created_at,
  };
}
