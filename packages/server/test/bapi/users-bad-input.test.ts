import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { countUsers, createUser, expectError, expectOk, type UserBody, unique } from './support.js';

const MAX_BODY_BYTES = 512 * 1024;
const UNKNOWN_USER = 'user_2unknownunknownunknown';

/** Every endpoint that reads a JSON body, with a valid body and a field of the wrong type. */
const BODY_ENDPOINTS: {
  name: string;
  method: string;
  path: (id: string) => string;
  valid: () => Record<string, unknown>;
  wrongType: [field: string, value: unknown];
}[] = [
  {
    name: 'POST /users',
    method: 'POST',
    path: () => '/users',
    valid: () => ({ email_address: [`${unique('body')}@example.com`] }),
    wrongType: ['first_name', 42],
  },
  {
    name: 'PATCH /users/{id}',
    method: 'PATCH',
    path: (id) => `/users/${id}`,
    valid: () => ({ first_name: 'Valid' }),
    wrongType: ['last_name', true],
  },
  {
    name: 'PATCH /users/{id}/metadata',
    method: 'PATCH',
    path: (id) => `/users/${id}/metadata`,
    valid: () => ({ public_metadata: { a: 1 } }),
    wrongType: ['public_metadata', 'not an object'],
  },
  {
    name: 'PUT /users/{id}/metadata',
    method: 'PUT',
    path: (id) => `/users/${id}/metadata`,
    valid: () => ({ private_metadata: { a: 1 } }),
    wrongType: ['private_metadata', [1, 2]],
  },
  {
    name: 'POST /users/{id}/verify_password',
    method: 'POST',
    path: (id) => `/users/${id}/verify_password`,
    valid: () => ({ password: 'whatever it is' }),
    wrongType: ['password', 12345678],
  },
];

describe.each(DATABASES)('Backend API users: bad input [%s]', (database) => {
  let t: TestServer;
  let user: UserBody;
  beforeAll(async () => {
    t = await startTestServer(database);
    user = await createUser(t, {
      email_address: [`${unique('victim')}@example.com`],
      password: 'the victim password',
      first_name: 'Unchanged',
      public_metadata: { untouched: true },
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Nothing a rejected request sent may have changed the user or created another. */
  async function expectNothingChanged(total: number) {
    expect(await countUsers(t)).toBe(total);
    const current = await expectOk(await t.api(`/users/${user.id}`));
    expect(current.first_name).toBe('Unchanged');
    expect(current.public_metadata).toEqual({ untouched: true });
    expect(current.private_metadata).toEqual({});
  }

  describe.each(BODY_ENDPOINTS)('$name', (endpoint) => {
    const send = (init: { rawBody?: string; body?: unknown; headers?: Record<string, string> }) =>
      t.api(endpoint.path(user.id), { method: endpoint.method, ...init });

    it('answers 400 malformed_request_body for malformed JSON', async () => {
      const total = await countUsers(t);
      for (const rawBody of ['{', '{"first_name":}', 'not json', "{'single':'quotes'}", '{"a":1}}', '\u0000']) {
        await expectError(await send({ rawBody }), 400, 'malformed_request_body');
      }
      await expectNothingChanged(total);
    });

    it('answers 400 for JSON that is not an object', async () => {
      const total = await countUsers(t);
      for (const rawBody of ['[]', JSON.stringify([endpoint.valid()]), '"string"', '42', 'null', 'true']) {
        await expectError(await send({ rawBody }), 400, 'malformed_request_body');
      }
      await expectNothingChanged(total);
    });

    it('answers 422 form_param_unknown naming each unknown field', async () => {
      const total = await countUsers(t);
      const body = await expectError(
        await send({ body: { ...endpoint.valid(), bogus_field: 1, anotherOne: 'x' } }),
        422,
        'form_param_unknown',
      );
      expect(body.errors.map((error) => [error.code, error.meta?.param_name]).sort()).toEqual([
        ['form_param_unknown', 'anotherOne'],
        ['form_param_unknown', 'bogus_field'],
      ]);
      await expectNothingChanged(total);
    });

    it('answers 422 naming a field of the wrong type', async () => {
      const total = await countUsers(t);
      const [field, value] = endpoint.wrongType;
      await expectError(
        await send({ body: { ...endpoint.valid(), [field]: value } }),
        422,
        'form_param_format_invalid',
        field,
      );
      await expectNothingChanged(total);
    });

    it('answers 413 request_body_too_large above 512 KiB, with or without Content-Length', async () => {
      const total = await countUsers(t);
      const padding = 'x'.repeat(MAX_BODY_BYTES);
      await expectError(await send({ rawBody: JSON.stringify({ padding }) }), 413, 'request_body_too_large');

      const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 9) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const chunked = await fetch(`${t.server.url}/api/v1${endpoint.path(user.id)}`, {
        method: endpoint.method,
        headers: { authorization: `Bearer ${t.secretKey}`, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(chunked.headers.get('content-length')).not.toBeNull();
      await expectError(chunked, 413, 'request_body_too_large');
      await expectNothingChanged(total);
    });

    it('reads a body of exactly 512 KiB', async () => {
      const fresh = await createUser(t, {
        email_address: [`${unique('exact')}@example.com`],
        password: 'whatever it is',
      });
      const json = JSON.stringify(endpoint.valid());
      const rawBody = json + ' '.repeat(MAX_BODY_BYTES - Buffer.byteLength(json));
      expect(Buffer.byteLength(rawBody)).toBe(MAX_BODY_BYTES);
      await expectOk(await t.api(endpoint.path(fresh.id), { method: endpoint.method, rawBody }));
    });

    if (endpoint.name !== 'POST /users') {
      it('answers 404 resource_not_found for an unknown user', async () => {
        const total = await countUsers(t);
        await expectError(
          await t.api(endpoint.path(UNKNOWN_USER), { method: endpoint.method, body: endpoint.valid() }),
          404,
          'resource_not_found',
        );
        expect(await countUsers(t)).toBe(total);
      });
    }
  });

  describe('POST /users field validation', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['first_name as a number', { first_name: 42 }, 'form_param_format_invalid', 'first_name'],
      ['email_address as a string', { email_address: 'a@example.com' }, 'form_param_format_invalid', 'email_address'],
      ['email_address with a number', { email_address: [42] }, 'form_param_format_invalid', 'email_address'],
      ['an invalid email', { email_address: ['not-an-email'] }, 'form_param_format_invalid', 'email_address'],
      [
        'a repeated email',
        { email_address: ['a@example.com', 'A@example.com'] },
        'form_param_value_invalid',
        'email_address',
      ],
      [
        '21 emails',
        { email_address: Array.from({ length: 21 }, (_, i) => `e${i}@example.com`) },
        'form_param_max_length_exceeded',
        'email_address',
      ],
      ['an invalid phone', { phone_number: ['12345'] }, 'form_param_format_invalid', 'phone_number'],
      ['a short username', { username: 'ab' }, 'form_username_invalid_length', 'username'],
      ['a username with spaces', { username: 'bad name!' }, 'form_username_invalid_character', 'username'],
      ['a 257-character first_name', { first_name: 'x'.repeat(257) }, 'form_param_max_length_exceeded', 'first_name'],
      [
        'skip_password_checks as a string',
        { skip_password_checks: 'yes' },
        'form_param_format_invalid',
        'skip_password_checks',
      ],
      ['public_metadata as an array', { public_metadata: [] }, 'form_param_format_invalid', 'public_metadata'],
      ['public_metadata as null', { public_metadata: null }, 'form_param_nil', 'public_metadata'],
      ['created_at not RFC 3339', { created_at: 'yesterday' }, 'form_param_format_invalid', 'created_at'],
      [
        'an unknown password_hasher',
        { password_hasher: 'md5', password_digest: 'x' },
        'form_param_value_invalid',
        'password_hasher',
      ],
      [
        'a bad identification status',
        { email_address: ['s@example.com'], email_address_identification_status: ['bogus'] },
        'form_param_value_invalid',
        'email_address_identification_status',
      ],
      [
        'statuses not matching the emails',
        { email_address: ['s@example.com'], email_address_identification_status: ['verified', 'reserved'] },
        'form_param_value_invalid',
        'email_address_identification_status',
      ],
      [
        'a negative organizations limit',
        { create_organizations_limit: -1 },
        'form_param_min_length_not_reached',
        'create_organizations_limit',
      ],
      [
        'a fractional organizations limit',
        { create_organizations_limit: 1.5 },
        'form_param_format_invalid',
        'create_organizations_limit',
      ],
      ['a camelCase field', { firstName: 'Ada' }, 'form_param_unknown', 'firstName'],
    ];

    it.each(cases)('refuses %s and creates nothing', async (_name, body, code, param) => {
      const total = await countUsers(t);
      await expectError(await t.api('/users', { method: 'POST', body }), 422, code, param);
      expect(await countUsers(t)).toBe(total);
    });

    it('reports every bad field at once', async () => {
      const body = await expectError(
        await t.api('/users', { method: 'POST', body: { first_name: 1, last_name: 2, locale: 3 } }),
        422,
        'form_param_format_invalid',
      );
      expect(body.errors.map((error) => error.meta?.param_name).sort()).toEqual(['first_name', 'last_name', 'locale']);
    });

    it('refuses a user id longer than 128 characters with 422 naming user_id', async () => {
      await expectError(await t.api(`/users/${'u'.repeat(129)}`), 422, 'form_param_max_length_exceeded', 'user_id');
    });

    it('answers 404 resource_not_found for an unknown user on every user endpoint', async () => {
      const paths: [string, string][] = [
        ['GET', ''],
        ['DELETE', ''],
        ['POST', '/ban'],
        ['POST', '/unban'],
        ['POST', '/lock'],
        ['POST', '/unlock'],
      ];
      for (const [method, suffix] of paths) {
        await expectError(await t.api(`/users/${UNKNOWN_USER}${suffix}`, { method }), 404, 'resource_not_found');
      }
    });
  });

  describe('identifiers already taken', () => {
    let owner: UserBody;
    const id = unique('own');
    const taken = {
      email_address: `${id}@example.com`,
      phone_number: '+14155550199',
      username: `owner_${id}`,
      external_id: `ext-${id}`,
    };
    beforeAll(async () => {
      owner = await createUser(t, {
        email_address: [taken.email_address],
        phone_number: [taken.phone_number],
        username: taken.username,
        external_id: taken.external_id,
      });
    });

    it.each([
      ['email_address', { email_address: [`new.${unique()}@example.com`, `${id.toUpperCase()}@EXAMPLE.com`] }],
      ['phone_number', { phone_number: ['+1 (415) 555-0199'] }],
      ['username', { username: `OWNER_${id}` }],
      ['external_id', { external_id: `ext-${id}` }],
    ])('POST /users with a taken %s answers 422 form_identifier_exists and creates nothing', async (param, body) => {
      const total = await countUsers(t);
      await expectError(
        await t.api('/users', { method: 'POST', body: { email_address: [`${unique('dup')}@example.com`], ...body } }),
        422,
        'form_identifier_exists',
        param,
      );
      expect(await countUsers(t)).toBe(total);
    });

    it.each([
      ['username', (): Record<string, unknown> => ({ username: taken.username })],
      ['external_id', (): Record<string, unknown> => ({ external_id: taken.external_id })],
    ])(
      'PATCH /users/{id} to a taken %s answers 422 form_identifier_exists and changes nothing',
      async (param, body) => {
        const other = await createUser(t, { email_address: [`${unique('other')}@example.com`], first_name: 'Other' });
        await expectError(
          await t.api(`/users/${other.id}`, { method: 'PATCH', body: { first_name: 'Changed', ...body() } }),
          422,
          'form_identifier_exists',
          param,
        );
        const after = await expectOk(await t.api(`/users/${other.id}`));
        expect(after.first_name).toBe('Other');
        expect(after.username).toBeNull();
        expect(after.external_id).toBeNull();
      },
    );

    it('lets a user keep their own username and external id', async () => {
      const updated = await expectOk(
        await t.api(`/users/${owner.id}`, {
          method: 'PATCH',
          body: { username: taken.username, external_id: taken.external_id },
        }),
      );
      expect(updated.username).toBe(taken.username);
    });

    it('lets exactly one of several concurrent creates claim an email', async () => {
      const total = await countUsers(t);
      const email = `${unique('race')}@example.com`;
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => t.api('/users', { method: 'POST', body: { email_address: [email] } })),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 422, 422, 422, 422, 422]);
      for (const response of responses) {
        if (response.status === 422) await expectError(response, 422, 'form_identifier_exists', 'email_address');
        else await expectOk(response);
      }
      expect(await countUsers(t)).toBe(total + 1);
      expect(await countUsers(t, `email_address=${encodeURIComponent(email)}`)).toBe(1);
    });

    it('lets exactly one of several concurrent updates claim a username', async () => {
      const username = unique('raceuser');
      const users = await Promise.all(
        Array.from({ length: 4 }, () => createUser(t, { email_address: [`${unique('rc')}@example.com`] })),
      );
      const responses = await Promise.all(
        users.map((candidate) => t.api(`/users/${candidate.id}`, { method: 'PATCH', body: { username } })),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([200, 422, 422, 422]);
      for (const response of responses) {
        if (response.status === 422) await expectError(response, 422, 'form_identifier_exists', 'username');
      }
      expect(await countUsers(t, `username=${username}`)).toBe(1);
    });
  });

  describe('query parameters', () => {
    it.each([
      ['limit=0', 'form_param_min_length_not_reached', 'limit'],
      ['limit=501', 'form_param_max_length_exceeded', 'limit'],
      ['limit=abc', 'form_param_format_invalid', 'limit'],
      ['limit=1.5', 'form_param_format_invalid', 'limit'],
      ['offset=-1', 'form_param_min_length_not_reached', 'offset'],
      ['order_by=bogus', 'form_param_format_invalid', 'order_by'],
      ['order_by=password', 'form_param_format_invalid', 'order_by'],
      ['order_by=--created_at', 'form_param_format_invalid', 'order_by'],
      ['order_by=created_at%3Bdrop%20table%20user', 'form_param_format_invalid', 'order_by'],
      ['unknown_param=1', 'form_param_unknown', 'unknown_param'],
      ['emailAddress=a%40example.com', 'form_param_unknown', 'emailAddress'],
      ['banned=yes', 'form_param_value_invalid', 'banned'],
      ['created_at_after=yesterday', 'form_param_format_invalid', 'created_at_after'],
      [`query=${'q'.repeat(257)}`, 'form_param_max_length_exceeded', 'query'],
      [
        Array.from({ length: 101 }, (_, i) => `email_address=e${i}%40example.com`).join('&'),
        'form_param_max_length_exceeded',
        'email_address',
      ],
    ])('GET /users?%s answers 422', async (query, code, param) => {
      await expectError(await t.api(`/users?${query}`), 422, code, param);
    });

    it.each([
      ['limit=10', 'form_param_unknown', 'limit'],
      ['order_by=created_at', 'form_param_unknown', 'order_by'],
      ['unknown_param=1', 'form_param_unknown', 'unknown_param'],
      ['locked=maybe', 'form_param_value_invalid', 'locked'],
    ])('GET /users/count?%s answers 422', async (query, code, param) => {
      await expectError(await t.api(`/users/count?${query}`), 422, code, param);
    });
  });

  it('never answers with a stack trace, even for strange input', async () => {
    const strange = [
      t.api('/users', { method: 'POST', rawBody: '{"__proto__":{"admin":true}}' }),
      t.api('/users', { method: 'POST', rawBody: '{"email_address":["\\ud800@example.com"]}' }),
      t.api('/users', {
        method: 'POST',
        body: { email_address: ['a@example.com'], created_at: '9999-99-99T99:99:99Z' },
      }),
      t.api('/users', { method: 'POST', body: { created_at: '1969-12-31T23:59:59Z' } }),
      t.api(`/users/${encodeURIComponent("user_' or 1=1 --")}`),
      t.api(`/users?user_id=${encodeURIComponent("' or 1=1 --")}`),
      t.api(`/users/${user.id}/metadata`, {
        method: 'PATCH',
        rawBody: `{"public_metadata":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      }),
      t.api(`/users/${user.id}/metadata`, {
        method: 'PATCH',
        rawBody: `{"public_metadata":{"deep":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}}`,
      }),
    ];
    for (const response of await Promise.all(strange)) {
      expect(response.status, await response.clone().text()).toBeLessThan(500);
      expect(response.headers.get('content-type')).toBe('application/json');
      if (response.status >= 400)
        await expectError(response, response.status, (await response.clone().json()).errors[0].code);
    }
    expect(await countUsers(t, `user_id=${encodeURIComponent("' or 1=1 --")}`)).toBe(0);
  });
});
