import type { Kysely } from 'kysely';
import type { InstanceRecord, InstanceSettings, InstanceType } from '../records.js';
import type { Database } from '../schema.js';
import type { InstanceStore } from '../store.js';

/** One instance per database: the row is created on first start. */
export class KyselyInstanceStore implements InstanceStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(): Promise<InstanceRecord | null> {
    const row = await this.db.selectFrom('instance').selectAll().executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      environmentType: row.environment_type as InstanceType,
      settings: JSON.parse(row.settings),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async insert(instance: InstanceRecord): Promise<void> {
    await this.db
      .insertInto('instance')
      .values({
        id: instance.id,
        environment_type: instance.environmentType,
        settings: JSON.stringify(instance.settings),
        created_at: instance.createdAt,
        updated_at: instance.updatedAt,
      })
      .execute();
  }

  async updateSettings(settings: InstanceSettings, updatedAt: number): Promise<void> {
    await this.db
      .updateTable('instance')
      .set({ settings: JSON.stringify(settings), updated_at: updatedAt })
      .execute();
  }
}
