import { KyselyStore } from './kysely/kysely-store.js';
import { migrateToLatest } from './migrate.js';
import { type DatabaseLocation, openDatabase } from './open-database.js';
import type { Store } from './store.js';

/**
 * Opens the database, runs pending migrations and returns the Store.
 *
 * @example
 * const store = await createStore({ dialect: 'sqlite', file: '.latch/latch.db' });
 */
export async function createStore(location: DatabaseLocation, options: { migrate?: boolean } = {}): Promise<Store> {
  const db = openDatabase(location);
  try {
    if (options.migrate !== false) await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db, location.dialect);
}
