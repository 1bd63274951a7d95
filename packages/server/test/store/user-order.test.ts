import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserOrderField, UserPage } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import { DATABASES } from '../support/databases.js';
import { NOW, newUser } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

interface Row {
  id: string;
  created_at: number;
  updated_at: number;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  last_sign_in_at: number | null;
  last_active_at: number | null;
  /** Primary first; only the primary one counts for ordering. */
  emails: string[];
  phones: string[];
}

/** One user; times are offsets from NOW. */
function row(
  id: string,
  [created, updated]: [number, number],
  [username, first_name, last_name]: [string | null, string | null, string | null],
  [signIn, active]: [number | null, number | null],
  emails: string[],
  phones: string[],
): Row {
  const at = (offset: number | null) => (offset === null ? null : NOW + offset);
  return {
    id,
    created_at: NOW + created,
    updated_at: NOW + updated,
    username,
    first_name,
    last_name,
    last_sign_in_at: at(signIn),
    last_active_at: at(active),
    emails,
    phones,
  };
}

/**
 * Inserted in this order, which is neither id order nor any sort order. Every column has ties
 * and NULLs; names mix case and punctuation so both engines must agree on byte order.
 */
// biome-ignore format: one user per line reads as a table
const ROWS: Row[] = [
  // row(id, [created, updated], [username, first, last], [signIn, active], emails (primary first), phones)
  row('user_o05', [3, 50], ['zed', 'Zed', 'Adams'],        [10, null],   ['zed@example.com'],                                ['+15550000009']),
  row('user_o02', [1, 50], ['alice', 'alice', 'Baker'],    [null, 7],    ['alice@example.com'],                              []),
  row('user_o07', [1, 10], [null, 'Bob', 'Baker'],         [10, 7],      [],                                                 ['+15550000001']),
  row('user_o01', [2, 20], ['bob_b', null, null],          [5, 9],       ['bob.b@example.com'],                              ['+15550000005']),
  row('user_o04', [1, 30], ['carol', 'Carol', 'adams'],    [null, null], ['carol@example.com'],                              ['+447700900001']),
  row('user_o03', [4, 10], ['b.ob', 'Bob', null],          [5, 1],       ['zz-primary@example.com', 'aa-secondary@example.com'], []),
  row('user_o06', [3, 40], ['_bob', '_Bob', 'Baker'],      [1, 9],       ['_x@example.com'],                                 ['+15550000002']),
];

const SORT_VALUE: Record<UserOrderField, (row: Row) => string | number | null> = {
  created_at: (row) => row.created_at,
  updated_at: (row) => row.updated_at,
  username: (row) => row.username,
  first_name: (row) => row.first_name,
  last_name: (row) => row.last_name,
  last_sign_in_at: (row) => row.last_sign_in_at,
  last_active_at: (row) => row.last_active_at,
  email_address: (row) => row.emails[0] ?? null,
  phone_number: (row) => row.phones[0] ?? null,
};
const ORDER_FIELDS = Object.keys(SORT_VALUE) as UserOrderField[];

/** The contract, in plain code: by value in the given direction, NULLs last, then by id in the same direction. */
function expectedOrder(orderBy: UserOrderField, direction: 'asc' | 'desc'): string[] {
  const value = SORT_VALUE[orderBy];
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...ROWS]
    .sort((a, b) => {
      const [va, vb] = [value(a), value(b)];
      if (va === null && vb !== null) return 1;
      if (va !== null && vb === null) return -1;
      const byValue = va === null || vb === null ? 0 : compare(va, vb);
      return byValue !== 0 ? sign * byValue : sign * compare(a.id, b.id);
    })
    .map((row) => row.id);
}

describe.each(DATABASES)('store user ordering and paging [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
    for (const row of ROWS) {
      await store.users.insert(
        newUser({
          id: row.id,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
          username: row.username,
          firstName: row.first_name,
          lastName: row.last_name,
          lastSignInAt: row.last_sign_in_at,
          lastActiveAt: row.last_active_at,
          emails: row.emails,
          phones: row.phones,
        }),
      );
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function listIds(page: Partial<UserPage> & Pick<UserPage, 'orderBy' | 'direction'>): Promise<string[]> {
    const users = await store.users.list({}, { limit: 100, offset: 0, ...page });
    return users.map((user) => user.id);
  }

  it('puts NULLs last and breaks ties by id (a worked example)', async () => {
    expect(await listIds({ orderBy: 'last_name', direction: 'asc' })).toEqual([
      'user_o05', // Adams
      'user_o02', // Baker, tie broken by id
      'user_o06', // Baker
      'user_o07', // Baker
      'user_o04', // adams: byte order puts lower case after upper case
      'user_o01', // NULL
      'user_o03', // NULL
    ]);
    expect(await listIds({ orderBy: 'last_name', direction: 'desc' })).toEqual([
      'user_o04',
      'user_o07',
      'user_o06',
      'user_o02',
      'user_o05',
      'user_o03', // NULLs still last
      'user_o01',
    ]);
  });

  it('orders by the primary email address, not any other one', async () => {
    const ids = await listIds({ orderBy: 'email_address', direction: 'asc' });
    // user_o03's secondary aa-secondary@ would sort first; its primary zz-primary@ sorts last.
    expect(ids.at(-2)).toBe('user_o03');
    expect(ids.at(-1)).toBe('user_o07'); // no email at all
  });

  describe.each(ORDER_FIELDS)('by %s', (orderBy) => {
    it.each(['asc', 'desc'] as const)('%s: by value, NULLs last, ties by id', async (direction) => {
      expect(await listIds({ orderBy, direction })).toEqual(expectedOrder(orderBy, direction));
    });

    it.each(['asc', 'desc'] as const)('%s: pages of 2 tile the full list with no overlap or gap', async (direction) => {
      const full = await listIds({ orderBy, direction });
      const pages: string[][] = [];
      for (let offset = 0; offset < ROWS.length + 2; offset += 2) {
        pages.push(await listIds({ orderBy, direction, limit: 2, offset }));
      }
      expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 1, 0]);
      expect(pages.flat()).toEqual(full);
    });
  });

  it('pages through a filtered list and stops at the end', async () => {
    const filter = { nameQuery: 'bob' };
    const page = (offset: number) =>
      store.users
        .list(filter, { limit: 2, offset, orderBy: 'created_at', direction: 'desc' })
        .then((users) => users.map((u) => u.id));
    expect(await page(0)).toEqual(['user_o03', 'user_o06']);
    expect(await page(2)).toEqual(['user_o07']);
    expect(await page(3)).toEqual([]);
    expect(await store.users.count(filter)).toBe(3);
  });

  it('honours a limit of 1 and a large offset', async () => {
    const full = await listIds({ orderBy: 'created_at', direction: 'asc' });
    expect(await listIds({ orderBy: 'created_at', direction: 'asc', limit: 1, offset: 3 })).toEqual([full[3]]);
    expect(await listIds({ orderBy: 'created_at', direction: 'asc', limit: 10, offset: 1_000 })).toEqual([]);
  });
});
