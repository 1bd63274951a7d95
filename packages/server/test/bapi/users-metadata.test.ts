import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createUser, expectError, expectOk, type UserBody, unique } from './support.js';

describe.each(DATABASES)('Backend API users: metadata [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const newUser = (metadata: Record<string, unknown> = {}) =>
    createUser(t, { email_address: [`${unique('meta')}@example.com`], ...metadata });
  const patch = (id: string, body: unknown) => t.api(`/users/${id}/metadata`, { method: 'PATCH', body });
  const put = (id: string, body: unknown) => t.api(`/users/${id}/metadata`, { method: 'PUT', body });

  describe('PATCH deep-merges', () => {
    let user: UserBody;
    beforeAll(async () => {
      user = await newUser({
        public_metadata: { a: { b: 1, c: 2 }, d: 3, list: [1, 2, 3], deep: { x: { y: { z: 1, w: 2 } } } },
        private_metadata: { secret: 's1', nested: { keep: true } },
        unsafe_metadata: { theme: 'dark' },
      });
    });

    it('merges nested objects, replaces scalars and arrays, and deletes keys set to null', async () => {
      const response = await patch(user.id, {
        public_metadata: {
          a: { b: null, e: 5 },
          d: 4,
          list: [9],
          deep: { x: { y: { w: null, v: 3 } } },
          added: { k: 'v' },
        },
      });
      const updated = await expectOk(response);
      expect(updated.public_metadata).toEqual({
        a: { c: 2, e: 5 },
        d: 4,
        list: [9],
        deep: { x: { y: { z: 1, v: 3 } } },
        added: { k: 'v' },
      });
      expect(updated.private_metadata).toEqual({ secret: 's1', nested: { keep: true } });
      expect(updated.unsafe_metadata).toEqual({ theme: 'dark' });
      expect(updated.updated_at).toBeGreaterThanOrEqual(user.updated_at);
      const fetched = await expectOk(await t.api(`/users/${user.id}`));
      expect(fetched.public_metadata).toEqual(updated.public_metadata);
      user = fetched;
    });

    it('merges private and unsafe metadata independently, and returns private metadata', async () => {
      const updated = await expectOk(
        await patch(user.id, {
          private_metadata: { nested: { added: 1 }, secret: null },
          unsafe_metadata: { theme: 'light', font: 'mono' },
        }),
      );
      expect(updated.private_metadata).toEqual({ nested: { keep: true, added: 1 } });
      expect(updated.unsafe_metadata).toEqual({ theme: 'light', font: 'mono' });
      expect(updated.public_metadata).toEqual(user.public_metadata);
      const listed = await expectOk(await t.api(`/users?user_id=${user.id}`));
      expect((listed as unknown as UserBody[])[0]?.private_metadata).toEqual({ nested: { keep: true, added: 1 } });
    });

    it('replaces an object with a scalar and a scalar with an object', async () => {
      const updated = await expectOk(await patch(user.id, { public_metadata: { a: 'flat', d: { now: 'object' } } }));
      expect(updated.public_metadata.a).toBe('flat');
      expect(updated.public_metadata.d).toEqual({ now: 'object' });
    });

    it('drops nulls inside a newly added subtree', async () => {
      const updated = await expectOk(await patch(user.id, { public_metadata: { fresh: { gone: null, kept: 0 } } }));
      expect(updated.public_metadata.fresh).toEqual({ kept: 0 });
    });

    it('leaves everything as it is for an empty body, empty objects or null objects', async () => {
      const before = await expectOk(await t.api(`/users/${user.id}`));
      for (const body of [{}, { public_metadata: {} }, { public_metadata: null, private_metadata: {} }]) {
        const updated = await expectOk(await patch(user.id, body));
        expect(updated.public_metadata).toEqual(before.public_metadata);
        expect(updated.private_metadata).toEqual(before.private_metadata);
        expect(updated.unsafe_metadata).toEqual(before.unsafe_metadata);
      }
    });

    it('stores keys such as __proto__ and constructor as plain data', async () => {
      const fresh = await newUser();
      const response = await t.api(`/users/${fresh.id}/metadata`, {
        method: 'PATCH',
        rawBody: '{"public_metadata":{"__proto__":{"polluted":true},"constructor":{"prototype":1}}}',
      });
      const updated = await expectOk(response);
      expect(Object.keys(updated.public_metadata).sort()).toEqual(['__proto__', 'constructor']);
      const fetched = await t.api(`/users/${fresh.id}`);
      expect(await fetched.text()).toContain('"__proto__":{"polluted":true}');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('PUT replaces', () => {
    it('replaces each given object wholesale and keeps the ones left out', async () => {
      const user = await newUser({
        public_metadata: { a: { b: 1 }, c: 2 },
        private_metadata: { p: 1 },
        unsafe_metadata: { u: 1 },
      });
      const replaced = await expectOk(await put(user.id, { public_metadata: { a: { z: 26 } } }));
      expect(replaced.public_metadata).toEqual({ a: { z: 26 } });
      expect(replaced.private_metadata).toEqual({ p: 1 });
      expect(replaced.unsafe_metadata).toEqual({ u: 1 });

      const emptied = await expectOk(await put(user.id, { private_metadata: null, unsafe_metadata: {} }));
      expect(emptied.public_metadata).toEqual({ a: { z: 26 } });
      expect(emptied.private_metadata).toEqual({});
      expect(emptied.unsafe_metadata).toEqual({});
      expect((await expectOk(await t.api(`/users/${user.id}`))).private_metadata).toEqual({});
    });
  });

  describe('limits and errors', () => {
    it('refuses metadata above 8 KB, on create, merge and replace, without changing anything', async () => {
      const big = { blob: 'x'.repeat(9000) };
      await expectError(
        await t.api('/users', {
          method: 'POST',
          body: { email_address: [`${unique('big')}@example.com`], public_metadata: big },
        }),
        422,
        'form_param_max_length_exceeded',
        'public_metadata',
      );
      const user = await newUser({ private_metadata: { half: 'y'.repeat(5000) } });
      await expectError(
        await put(user.id, { unsafe_metadata: big }),
        422,
        'form_param_max_length_exceeded',
        'unsafe_metadata',
      );
      // Each half fits; merged they do not.
      await expectError(
        await patch(user.id, { private_metadata: { other: 'z'.repeat(5000) } }),
        422,
        'form_param_max_length_exceeded',
        'private_metadata',
      );
      const unchanged = await expectOk(await t.api(`/users/${user.id}`));
      expect(unchanged.private_metadata).toEqual({ half: 'y'.repeat(5000) });
      expect(unchanged.unsafe_metadata).toEqual({});
    });

    it('keeps deeply nested metadata that fits in 8 KB, and refuses deeper with 422 instead of crashing', async () => {
      const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const user = await newUser();
      const fits = await t.api(`/users/${user.id}/metadata`, {
        method: 'PATCH',
        rawBody: `{"public_metadata":${nested(1300)}}`,
      });
      expect(JSON.stringify((await expectOk(fits)).public_metadata)).toBe(nested(1300));
      // Merging the same depth again walks the whole tree.
      await expectOk(
        await t.api(`/users/${user.id}/metadata`, { method: 'PATCH', rawBody: `{"public_metadata":${nested(1300)}}` }),
      );

      for (const depth of [5000, 50_000]) {
        const value = `{"x":${nested(depth)}}`;
        const attempts: [string, string, string][] = [
          ['POST', '/users', `{"public_metadata":${value}}`],
          ['PATCH', `/users/${user.id}`, `{"unsafe_metadata":${value}}`],
          ['PATCH', `/users/${user.id}/metadata`, `{"private_metadata":${value}}`],
          ['PUT', `/users/${user.id}/metadata`, `{"public_metadata":${value}}`],
        ];
        for (const [method, path, rawBody] of attempts) {
          await expectError(await t.api(path, { method, rawBody }), 422, 'form_param_max_length_exceeded');
        }
      }
      expect(JSON.stringify((await expectOk(await t.api(`/users/${user.id}`))).public_metadata)).toBe(nested(1300));
    });

    it('requires objects', async () => {
      const user = await newUser();
      for (const value of ['string', 42, [1, 2], true]) {
        await expectError(
          await patch(user.id, { public_metadata: value }),
          422,
          'form_param_format_invalid',
          'public_metadata',
        );
        await expectError(
          await put(user.id, { private_metadata: value }),
          422,
          'form_param_format_invalid',
          'private_metadata',
        );
      }
    });

    it('rejects unknown fields and unknown users', async () => {
      const user = await newUser();
      await expectError(
        await patch(user.id, { publicMetadata: { a: 1 } }),
        422,
        'form_param_unknown',
        'publicMetadata',
      );
      await expectError(await put(user.id, { metadata: {} }), 422, 'form_param_unknown', 'metadata');
      await expectError(await patch('user_missing', { public_metadata: { a: 1 } }), 404, 'resource_not_found');
      await expectError(await put('user_missing', { public_metadata: { a: 1 } }), 404, 'resource_not_found');
    });
  });
});
