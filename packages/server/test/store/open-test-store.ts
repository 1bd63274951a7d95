import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase, type DatabaseName } from '../support/databases.js';

export interface TestStore {
  store: Store;
  /** Closes the store and drops its database. */
  drop(): Promise<void>;
}

/** A migrated Store over a fresh, empty throwaway database. */
export async function openTestStore(name: DatabaseName): Promise<TestStore> {
  const database = await createTestDatabase(name);
  let store: Store;
  try {
    store = await createStore(database.location);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    store,
    drop: async () => {
      await store.close();
      await database.drop();
    },
  };
}
