import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DATABASES } from '../support/databases.js';
import { openTestStore, type TestStore } from './open-test-store.js';

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 10, 26);

describe.each(DATABASES)('store daily counters [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('list() is empty for a counter never incremented', async () => {
    expect(await store.dailyCounters.list('failed_sign_ins', TODAY - 7 * DAY, TODAY + DAY)).toEqual([]);
  });

  it('increment() creates the day row, then adds to it; counters and days stay apart', async () => {
    await store.dailyCounters.increment('failed_sign_ins', TODAY);
    await store.dailyCounters.increment('failed_sign_ins', TODAY, 4);
    await store.dailyCounters.increment('failed_sign_ins', TODAY - 2 * DAY);
    await store.dailyCounters.increment('other_counter', TODAY, 9);
    expect(await store.dailyCounters.list('failed_sign_ins', TODAY - 7 * DAY, TODAY + DAY)).toEqual([
      { day: TODAY - 2 * DAY, count: 1 },
      { day: TODAY, count: 5 },
    ]);
    expect(await store.dailyCounters.list('other_counter', TODAY, TODAY + DAY)).toEqual([{ day: TODAY, count: 9 }]);
  });

  it('list() covers [sinceDay, untilDay): the end day is excluded', async () => {
    expect(await store.dailyCounters.list('failed_sign_ins', TODAY - 2 * DAY, TODAY)).toEqual([
      { day: TODAY - 2 * DAY, count: 1 },
    ]);
  });

  it('concurrent increments of one day lose no count', async () => {
    const day = TODAY + DAY;
    await Promise.all(Array.from({ length: 20 }, () => store.dailyCounters.increment('failed_sign_ins', day)));
    expect(await store.dailyCounters.list('failed_sign_ins', day, day + DAY)).toEqual([{ day, count: 20 }]);
  });
});
