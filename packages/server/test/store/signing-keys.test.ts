import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DATABASES } from '../support/databases.js';
import { NOW, signingKey } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

/**
 * The JWKS over time. The tests share one database and run in order: each adds keys to what the
 * previous one left, so `kids()` always lists the whole published set.
 */
describe.each(DATABASES)('store signing keys [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const kids = async (now: number) => (await store.signingKeys.listPublished(now)).map((key) => key.kid);

  const oldest = signingKey({ kid: 'ins_key_a_oldest', activatesAt: NOW - 3_000, createdAt: NOW - 3_000 });
  const middle = signingKey({ kid: 'ins_key_z_middle', activatesAt: NOW - 2_000, createdAt: NOW - 2_000 });
  const newest = signingKey({ kid: 'ins_key_m_newest', activatesAt: NOW - 1_000, createdAt: NOW - 1_000 });
  const expiring = signingKey({
    kid: 'ins_key_expiring',
    activatesAt: NOW - 4_000,
    retiresAt: NOW + 100,
    createdAt: NOW - 4_000,
  });
  const retired = signingKey({
    kid: 'ins_key_retired',
    activatesAt: NOW - 5_000,
    retiresAt: NOW - 1,
    createdAt: NOW - 5_000,
  });

  it('publishes nothing before any key exists', async () => {
    expect(await store.signingKeys.listPublished(NOW)).toEqual([]);
  });

  it('lists keys newest first, every field intact', async () => {
    for (const key of [middle, oldest, newest]) await store.signingKeys.insert(key);
    expect(await store.signingKeys.listPublished(NOW)).toStrictEqual([newest, middle, oldest]);
  });

  it('hides a key once retires_at <= now', async () => {
    await store.signingKeys.insert(expiring);
    await store.signingKeys.insert(retired);
    expect(await kids(NOW + 99)).toEqual([newest.kid, middle.kid, oldest.kid, expiring.kid]);
    expect(await kids(NOW + 100)).toEqual([newest.kid, middle.kid, oldest.kid]);
    expect(await kids(NOW - 2)).toEqual([newest.kid, middle.kid, oldest.kid, expiring.kid, retired.kid]);
  });

  it('publishes a key from creation, before it activates', async () => {
    const upcoming = signingKey({ kid: 'ins_key_upcoming', activatesAt: NOW + 60_000, createdAt: NOW });
    await store.signingKeys.insert(upcoming);
    expect(await kids(NOW)).toEqual([upcoming.kid, newest.kid, middle.kid, oldest.kid, expiring.kid]);
  });

  it('retireAllExcept schedules every other current key, never postponing an earlier retirement', async () => {
    const keep = 'ins_key_upcoming';
    await store.signingKeys.retireAllExcept(keep, NOW + 500);

    const published = await store.signingKeys.listPublished(NOW);
    expect(Object.fromEntries(published.map((key) => [key.kid, key.retiresAt]))).toEqual({
      [keep]: null,
      [newest.kid]: NOW + 500,
      [middle.kid]: NOW + 500,
      [oldest.kid]: NOW + 500,
      [expiring.kid]: NOW + 100, // already leaving sooner: left alone
    });
    expect((await store.signingKeys.listPublished(NOW - 2)).find((key) => key.kid === retired.kid)?.retiresAt).toBe(
      NOW - 1,
    );

    expect(await kids(NOW + 499)).toEqual([keep, newest.kid, middle.kid, oldest.kid]);
    expect(await kids(NOW + 500)).toEqual([keep]);
  });

  it('retireAllExcept pulls a later retirement forward', async () => {
    const lingering = signingKey({ kid: 'ins_key_lingering', activatesAt: NOW, retiresAt: NOW + 1_000_000 });
    await store.signingKeys.insert(lingering);
    await store.signingKeys.retireAllExcept('ins_key_upcoming', NOW + 200);
    const published = await store.signingKeys.listPublished(NOW);
    expect(published.find((key) => key.kid === lingering.kid)?.retiresAt).toBe(NOW + 200);
    expect(published.find((key) => key.kid === 'ins_key_upcoming')?.retiresAt).toBeNull();
  });
});
