import { type Kysely, sql } from 'kysely';
import type { DailyCounterStore } from '../daily-counter-store.js';

interface DailyCounterTables {
  daily_counter: { name: string; day: number; count: number };
}

/** `store.dailyCounters` over Kysely: one upsert per increment, on SQLite and PostgreSQL alike. */
export class KyselyDailyCounterStore implements DailyCounterStore {
  private readonly db: Kysely<DailyCounterTables>;

  constructor(db: Kysely<unknown>) {
    this.db = db as Kysely<DailyCounterTables>;
  }

  async increment(name: string, day: number, by = 1): Promise<void> {
    await this.db
      .insertInto('daily_counter')
      .values({ name, day, count: by })
      .onConflict((conflict) =>
        conflict.columns(['name', 'day']).doUpdateSet({ count: sql<number>`daily_counter.count + ${by}` }),
      )
      .execute();
  }

  async list(name: string, sinceDay: number, untilDay: number): Promise<{ day: number; count: number }[]> {
    const rows = await this.db
      .selectFrom('daily_counter')
      .select(['day', 'count'])
      .where('name', '=', name)
      .where('day', '>=', sinceDay)
      .where('day', '<', untilDay)
      .orderBy('day')
      .execute();
    return rows.map((row) => ({ day: Number(row.day), count: Number(row.count) }));
  }
}
