import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { UniqueViolation } from '../../src/store/unique-violation.js';
import { DATABASES } from '../support/databases.js';
import { instanceRecord, NOW } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

describe.each(DATABASES)('store instance [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
  });
  afterAll(async () => {
    await t?.drop();
  });

  // These run in order: the database starts empty and gains its one instance.
  const instance = instanceRecord({ environmentType: 'production', createdAt: NOW - 1_000, updatedAt: NOW - 500 });

  it('get() returns null on an empty database', async () => {
    expect(await store.instance.get()).toBeNull();
  });

  it('insert() then get() round-trips every field', async () => {
    await store.instance.insert(instance);
    expect(await store.instance.get()).toStrictEqual(instance);
  });

  it('updateSettings() replaces the settings and updatedAt, and nothing else', async () => {
    const settings = {
      ...instance.settings,
      passwordPolicy: {
        minLength: 12,
        maxLength: 128,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSpecialCharacter: true,
      },
    };
    await store.instance.updateSettings(settings, NOW + 7);
    expect(await store.instance.get()).toStrictEqual({ ...instance, settings, updatedAt: NOW + 7 });
  });

  it('refuses a second instance, even with another id', async () => {
    const before = await store.instance.get();
    await expect(store.instance.insert(instanceRecord())).rejects.toThrow();
    const error = await store.transaction((tx) => tx.instance.insert(instanceRecord())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UniqueViolation);
    expect((error as UniqueViolation).column).toBe('singleton');
    expect(await store.instance.get()).toStrictEqual(before);
  });

  it('answers ping()', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
