import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DATABASES } from '../support/databases.js';
import { NOW, secretKey } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

describe.each(DATABASES)('store secret keys [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
  });
  afterAll(async () => {
    await t?.drop();
  });

  // Inserted out of order; list() sorts by creation time, then id.
  const first = secretKey({ id: 'sk_b_first', createdAt: NOW - 2_000 });
  const second = secretKey({ id: 'sk_a_second', createdAt: NOW - 1_000 });
  const twin = secretKey({ id: 'sk_c_twin', createdAt: NOW - 1_000 });

  it('list() is empty on a fresh database', async () => {
    expect(await store.secretKeys.list()).toEqual([]);
  });

  it('insert() then list() round-trips every field, oldest first', async () => {
    for (const key of [twin, second, first]) await store.secretKeys.insert(key);
    expect(await store.secretKeys.list()).toStrictEqual([first, second, twin]);
  });

  it('findActiveByHash() finds an active key by its hash, and nothing for an unknown hash', async () => {
    expect(await store.secretKeys.findActiveByHash(second.secretHash)).toStrictEqual(second);
    expect(await store.secretKeys.findActiveByHash('sha256-of-nothing')).toBeNull();
  });

  it('revoke() succeeds once, then reports false', async () => {
    expect(await store.secretKeys.revoke(first.id, NOW + 5)).toBe(true);
    expect(await store.secretKeys.revoke(first.id, NOW + 6)).toBe(false);
    expect(await store.secretKeys.revoke('sk_unknown', NOW + 6)).toBe(false);
  });

  it('a revoked key is no longer found, keeps its first revocation time, and stays listed', async () => {
    expect(await store.secretKeys.findActiveByHash(first.secretHash)).toBeNull();
    expect(await store.secretKeys.list()).toStrictEqual([{ ...first, revokedAt: NOW + 5 }, second, twin]);
  });

  it('revoking one key leaves the others active', async () => {
    expect(await store.secretKeys.findActiveByHash(second.secretHash)).toStrictEqual(second);
    expect(await store.secretKeys.findActiveByHash(twin.secretHash)).toStrictEqual(twin);
  });

  it('a key inserted already revoked is never found, and cannot be revoked again', async () => {
    const dead = secretKey({ createdAt: NOW, revokedAt: NOW });
    await store.secretKeys.insert(dead);
    expect(await store.secretKeys.findActiveByHash(dead.secretHash)).toBeNull();
    expect(await store.secretKeys.revoke(dead.id, NOW + 1)).toBe(false);
    expect((await store.secretKeys.list()).at(-1)).toStrictEqual(dead);
  });
});
