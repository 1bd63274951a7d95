import { USER_ORDER_FIELDS } from '@latch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { countUsers, createUser, expectOk, listUserIds, type UserBody } from './support.js';

/** Twelve users, created one day apart, with names that sort differently from their creation order. */
const FIRST_NAMES = ['Zoe', 'Yusuf', 'Xena', 'Walter', 'Vera', 'Uma', 'Tariq', 'Sara', 'Rita', 'Quinn', 'Paul', 'Olga'];
const LAST_NAMES = ['Young', 'Adams', 'Khan', 'White', 'Lopez', 'Iyer', 'Nasser', 'Berg', 'Moreno', 'Diaz', null, null];

describe.each(DATABASES)('Backend API users: list, filters and count [%s]', (database) => {
  let t: TestServer;
  /** users[i] is the (i+1)-th created; ids[i] its id. */
  let users: UserBody[];
  let ids: string[];
  const byCreation = (...numbers: number[]) => numbers.map((n) => ids[n - 1]);

  beforeAll(async () => {
    t = await startTestServer(database);
    users = [];
    for (let i = 1; i <= 12; i++) {
      const pad = String(i).padStart(2, '0');
      users.push(
        await createUser(t, {
          email_address: [`m${String(13 - i).padStart(2, '0')}.person${pad}@example.com`],
          phone_number: i % 3 === 0 ? [`+1415555${String(1000 + i)}`] : [],
          username: `user${pad}`,
          first_name: FIRST_NAMES[i - 1],
          last_name: LAST_NAMES[i - 1],
          external_id: `ext-${pad}`,
          created_at: new Date(Date.UTC(2020, 0, i)).toISOString(),
        }),
      );
    }
    ids = users.map((user) => user.id);
    // Users 3 and 4 are banned, user 5 is locked.
    for (const n of [3, 4]) await expectOk(await t.api(`/users/${ids[n - 1]}/ban`, { method: 'POST' }));
    await expectOk(await t.api(`/users/${ids[4]}/lock`, { method: 'POST' }));
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The list (limit 500) and the count for the same filters; asserts they agree. */
  async function both(query: string): Promise<string[]> {
    const listed = await listUserIds(t, `limit=500${query ? `&${query}` : ''}`);
    expect(await countUsers(t, query)).toBe(listed.length);
    return listed;
  }

  describe('pagination and order', () => {
    it('returns a bare array, newest first, ten by default', async () => {
      const response = await t.api('/users');
      const body = await expectOk(response);
      expect(Array.isArray(body)).toBe(true);
      expect((body as unknown as UserBody[]).map((user) => user.id)).toEqual(
        byCreation(12, 11, 10, 9, 8, 7, 6, 5, 4, 3),
      );
      expect((body as unknown as UserBody[])[0]?.object).toBe('user');
    });

    it('pages with limit and offset', async () => {
      expect(await listUserIds(t, 'limit=3')).toEqual(byCreation(12, 11, 10));
      expect(await listUserIds(t, 'limit=3&offset=3')).toEqual(byCreation(9, 8, 7));
      expect(await listUserIds(t, 'limit=5&offset=10')).toEqual(byCreation(2, 1));
      expect(await listUserIds(t, 'offset=12')).toEqual([]);
      expect(await listUserIds(t, 'limit=500')).toEqual(byCreation(12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1));
      expect(await listUserIds(t, 'limit=1')).toEqual(byCreation(12));
    });

    it('orders by created_at: "-" descending, "+" or no sign ascending', async () => {
      const ascending = byCreation(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
      expect(await listUserIds(t, 'limit=500&order_by=%2Bcreated_at')).toEqual(ascending);
      expect(await listUserIds(t, 'limit=500&order_by=created_at')).toEqual(ascending);
      expect(await listUserIds(t, 'limit=500&order_by=-created_at')).toEqual([...ascending].reverse());
      expect(await listUserIds(t, 'limit=2&offset=1&order_by=%2Bcreated_at')).toEqual(byCreation(2, 3));
    });

    it('orders by first_name, username and the primary email address', async () => {
      const sortedByFirstName = [...users]
        .sort((a, b) => a.first_name.localeCompare(b.first_name))
        .map((user) => user.id);
      expect(await listUserIds(t, 'limit=500&order_by=%2Bfirst_name')).toEqual(sortedByFirstName);
      expect(await listUserIds(t, 'limit=500&order_by=-first_name')).toEqual([...sortedByFirstName].reverse());
      expect(await listUserIds(t, 'limit=500&order_by=username')).toEqual(ids);
      expect(await listUserIds(t, 'limit=3&order_by=-username')).toEqual(byCreation(12, 11, 10));
      // The email addresses were numbered against creation order: m12 for the first user, m01 for the last.
      expect(await listUserIds(t, 'limit=500&order_by=email_address')).toEqual([...ids].reverse());
    });

    it('sorts every order_by field in both directions, missing values last', async () => {
      const orderValue = (user: UserBody, field: string) =>
        field === 'email_address'
          ? (user.email_addresses[0]?.email_address ?? null)
          : field === 'phone_number'
            ? (user.phone_numbers[0]?.phone_number ?? null)
            : user[field];
      for (const field of USER_ORDER_FIELDS) {
        for (const sign of ['%2B', '-']) {
          const body = (await expectOk(
            await t.api(`/users?limit=500&order_by=${sign}${field}`),
          )) as unknown as UserBody[];
          expect(body).toHaveLength(12);
          const values = body.map((user) => orderValue(user, field));
          const present = values.filter((value) => value !== null);
          expect(
            values.slice(present.length).every((value) => value === null),
            `${sign}${field} nulls last`,
          ).toBe(true);
          const sorted = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(present, `${sign}${field}`).toEqual(sign === '-' ? sorted.reverse() : sorted);
        }
      }
    });
  });

  describe('filters (list and count agree)', () => {
    it('counts every user with no filter', async () => {
      const response = await t.api('/users/count');
      const body = await expectOk(response);
      expect(body).toEqual({ object: 'total_count', total_count: 12 });
    });

    it('email_address, repeatable and case-insensitive', async () => {
      const [a, b] = [users[1], users[6]].map((user) => user?.email_addresses[0].email_address as string);
      expect(await both(`email_address=${encodeURIComponent(a as string)}`)).toEqual(byCreation(2));
      expect(await both(`email_address=${a}&email_address=${b}`)).toEqual(byCreation(7, 2));
      expect(await both(`email_address=${(a as string).toUpperCase()}`)).toEqual(byCreation(2));
      expect(await both('email_address=nobody%40example.com')).toEqual([]);
      expect(await both(`email_address=nobody%40example.com&email_address=${b}`)).toEqual(byCreation(7));
    });

    it('username, repeatable and case-insensitive', async () => {
      expect(await both('username=user05')).toEqual(byCreation(5));
      expect(await both('username=USER01&username=user12')).toEqual(byCreation(12, 1));
      expect(await both('username=user5')).toEqual([]);
    });

    it('user_id, repeatable', async () => {
      expect(await both(`user_id=${ids[0]}`)).toEqual(byCreation(1));
      expect(await both(`user_id=${ids[0]}&user_id=${ids[9]}&user_id=user_doesnotexist`)).toEqual(byCreation(10, 1));
    });

    it('external_id and phone_number', async () => {
      expect(await both('external_id=ext-07&external_id=ext-08')).toEqual(byCreation(8, 7));
      expect(await both('external_id=ext-7')).toEqual([]);
      expect(await both(`phone_number=${encodeURIComponent('+14155551006')}`)).toEqual(byCreation(6));
    });

    it('query: case-insensitive substring of names, username, email, phone, id and external id', async () => {
      // (Ids are matched too and are random base62: terms are long or punctuated so no id matches by chance.)
      expect(await both('query=tariq')).toEqual(byCreation(7));
      expect(await both('query=NASSER')).toEqual(byCreation(7));
      expect(await both('query=Uma%20Iyer')).toEqual(byCreation(6));
      expect(await both('query=person1')).toEqual(byCreation(12, 11, 10));
      expect(await both('query=user0')).toEqual(byCreation(9, 8, 7, 6, 5, 4, 3, 2, 1));
      expect(await both('query=m03.')).toEqual(byCreation(10));
      expect(await both('query=5551009')).toEqual(byCreation(9));
      expect(await both(`query=${ids[3]?.slice(-10)}`)).toEqual(byCreation(4));
      expect(await both('query=ext-11')).toEqual(byCreation(11));
      expect(await both('query=no-such-person')).toEqual([]);
    });

    it('query treats LIKE wildcards literally', async () => {
      expect(await both('query=%25')).toEqual([]);
      // As wildcards, `r_t` would match Rita and `%` everyone.
      expect(await both('query=r_t')).toEqual([]);
      expect(await both('query=user%25')).toEqual([]);
    });

    it('email_address_query, username_query and name_query', async () => {
      expect(await both('email_address_query=M01')).toEqual(byCreation(12));
      expect(await both('username_query=user1')).toEqual(byCreation(12, 11, 10));
      expect(await both('name_query=er')).toEqual(byCreation(8, 7, 6, 5, 4));
    });

    it('banned and locked', async () => {
      expect(await both('banned=true')).toEqual(byCreation(4, 3));
      expect(await both('banned=false')).toEqual(byCreation(12, 11, 10, 9, 8, 7, 6, 5, 2, 1));
      expect(await both('locked=true')).toEqual(byCreation(5));
      expect(await both('banned=true&locked=true')).toEqual([]);
    });

    it('created_at_after and created_at_before (Unix ms)', async () => {
      const day = (n: number) => Date.UTC(2020, 0, n);
      expect(await both(`created_at_after=${day(10)}`)).toEqual(byCreation(12, 11));
      expect(await both(`created_at_before=${day(3)}`)).toEqual(byCreation(2, 1));
      expect(await both(`created_at_after=${day(4)}&created_at_before=${day(7)}`)).toEqual(byCreation(6, 5));
    });

    it('combines filters with AND, and pages the filtered list', async () => {
      expect(await both('query=user0&banned=false&username=user02&username=user03')).toEqual(byCreation(2));
      expect(await listUserIds(t, 'query=person&limit=2&offset=2&order_by=%2Bcreated_at')).toEqual(byCreation(3, 4));
      expect(await countUsers(t, 'query=person')).toBe(12);
    });
  });
});
