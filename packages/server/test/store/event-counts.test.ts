import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import type { EventActorType, EventRecord } from '../../src/store/webhook-store.js';
import { DATABASES } from '../support/databases.js';
import { instanceRecord, nextId } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

const DAY = 86_400_000;
/** 2026-03-10T00:00:00Z, a UTC day start. */
const DAY_START = Date.UTC(2026, 2, 10);

function event(type: string, createdAt: number, actorType: EventActorType | null = 'user'): EventRecord {
  return {
    id: nextId('msg'),
    type,
    data: { object: 'test' },
    actorType,
    actorId: null,
    targetType: null,
    targetId: null,
    clientIp: null,
    userAgent: null,
    createdAt,
  };
}

/** The dashboard's daily charts read per-day counts in one grouped query; days are UTC. */
describe.each(DATABASES)('event counts per day [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
    await store.instance.insert(instanceRecord());
    const events = [
      event('session.created', DAY_START - 1), // the day before, last millisecond
      event('session.created', DAY_START),
      event('session.created', DAY_START + DAY - 1),
      event('user.created', DAY_START + 5),
      event('session.created', DAY_START + DAY), // the next day, first millisecond
      event('session.created', DAY_START + DAY + 10, 'api_key'),
      event('user.created', DAY_START + 2 * DAY + 1, 'operator'),
    ];
    for (const e of events) await store.webhooks.events.insert(e);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const sorted = (rows: { day: number; type: string; count: number }[]) =>
    [...rows].sort((a, b) => a.day - b.day || a.type.localeCompare(b.type));

  it('groups by UTC day and type, splitting exactly at midnight', async () => {
    const rows = await store.webhooks.events.countByDay({
      types: ['session.created', 'user.created'],
      since: DAY_START - DAY,
      until: DAY_START + 3 * DAY,
    });
    expect(sorted(rows)).toEqual([
      { day: DAY_START - DAY, type: 'session.created', count: 1 },
      { day: DAY_START, type: 'session.created', count: 2 },
      { day: DAY_START, type: 'user.created', count: 1 },
      { day: DAY_START + DAY, type: 'session.created', count: 2 },
      { day: DAY_START + 2 * DAY, type: 'user.created', count: 1 },
    ]);
  });

  it('honours the range and the actor type', async () => {
    const rows = await store.webhooks.events.countByDay({
      types: ['session.created', 'user.created'],
      since: DAY_START,
      until: DAY_START + 3 * DAY,
      actorType: 'user',
    });
    expect(sorted(rows)).toEqual([
      { day: DAY_START, type: 'session.created', count: 2 },
      { day: DAY_START, type: 'user.created', count: 1 },
      { day: DAY_START + DAY, type: 'session.created', count: 1 },
    ]);
    expect(await store.webhooks.events.count({ types: ['session.created'], actorType: 'api_key' })).toBe(1);
  });
});
