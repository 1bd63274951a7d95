import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeSecretKey } from '../../src/domain/keys/revoke-secret-key.js';
import { removeOperator, updateOperator } from '../../src/domain/operators/manage-operators.js';
import { createStore } from '../../src/store/create-store.js';
import type { OperatorRecord } from '../../src/store/operator-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.js';
import { instanceRecord, NOW, nextId, secretKey } from './factories.js';

/**
 * Rules that count rows before writing ("never the last owner", "never the last active key") hold
 * when requests race. On PostgreSQL two stores on one database stand for two Latch processes, each
 * with its own pool: the racing transactions really interleave (read committed), so without
 * `Store.lock` each would see "another one remains" and all would pass. SQLite's driver is
 * synchronous — a second store in this same thread would busy-wait on a lock only this thread could
 * release — so there the race runs through one store (one process, one connection).
 */
describe.each(DATABASES)('check-then-write rules under concurrent requests [%s]', (databaseName) => {
  let database: TestDatabase;
  let store: Store;
  let otherProcess: Store;
  beforeAll(async () => {
    database = await createTestDatabase(databaseName);
    store = await createStore(database.location);
    otherProcess = databaseName === 'postgres' ? await createStore(database.location, { migrate: false }) : store;
    await store.instance.insert(instanceRecord());
  });
  afterAll(async () => {
    if (otherProcess !== store) await otherProcess?.close();
    await store?.close();
    await database?.drop();
  });

  const outcomes = (results: PromiseSettledResult<unknown>[]) => ({
    fulfilled: results.filter((result) => result.status === 'fulfilled').length,
    refused: results.filter(
      (result) => result.status === 'rejected' && (result.reason as { status?: number }).status === 422,
    ).length,
  });

  it('revoking every secret key at once leaves exactly one active', async () => {
    const keys = Array.from({ length: 4 }, () => secretKey());
    for (const key of keys) await store.secretKeys.insert(key);
    const results = await Promise.allSettled(
      keys.map((key, i) => revokeSecretKey(i % 2 === 0 ? store : otherProcess, key.id, null, NOW + 1)),
    );
    expect(outcomes(results)).toEqual({ fulfilled: 3, refused: 1 });
    expect((await store.secretKeys.list()).filter((key) => key.revokedAt === null)).toHaveLength(1);
  });

  function owner(): OperatorRecord {
    const id = nextId('op');
    return {
      id,
      email: `${id.toLowerCase()}@example.com`,
      name: null,
      role: 'owner',
      passwordDigest: null,
      totpSecret: null,
      lastTotpStep: null,
      lastSignInAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    };
  }

  it('demoting and removing every owner at once leaves exactly one owner', async () => {
    const owners = Array.from({ length: 4 }, owner);
    for (const operator of owners) await store.operators.insert(operator);
    const results = await Promise.allSettled(
      owners.map((operator, i) =>
        i % 2 === 0
          ? updateOperator(store, operator.id, { role: 'admin' }, null, NOW + 1)
          : removeOperator(otherProcess, operator.id, null, NOW + 1),
      ),
    );
    expect(outcomes(results)).toEqual({ fulfilled: 3, refused: 1 });
    expect((await store.operators.list()).filter((operator) => operator.role === 'owner')).toHaveLength(1);
  });

  it('refuses a lock outside a transaction', async () => {
    await expect(store.lock('anything')).rejects.toThrow(/inside a transaction/);
  });
});
