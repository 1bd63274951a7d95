import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { expectError, expectOk, type UserBody, unique } from '../support.js';

const TEMPLATE_KEYS = [
  'allowed_clock_skew',
  'claims',
  'created_at',
  'custom_signing_key',
  'id',
  'lifetime',
  'name',
  'object',
  'signing_algorithm',
  'updated_at',
];

const HMAC_SECRET = 'a-shared-secret-of-more-than-32-bytes!';
const rsaPem = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const ecPem = () =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

describe.each(DATABASES)('Backend API JWT templates: CRUD [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const create = async (body: Record<string, unknown>) =>
    expectOk(await t.api('/jwt_templates', { method: 'POST', body }));
  const list = async (query = '') => expectOk(await t.api(`/jwt_templates${query}`));

  it('creates a template with Clerk’s defaults and renders exactly Clerk’s fields', async () => {
    const before = Date.now();
    const name = unique('supabase');
    const claims = { sub: '{{user.id}}', email: '{{user.primary_email_address}}', role: 'authenticated' };
    const template = await create({ name, claims });
    expect(Object.keys(template).sort()).toEqual(TEMPLATE_KEYS);
    expect(template).toMatchObject({
      object: 'jwt_template',
      name,
      claims,
      lifetime: 60,
      allowed_clock_skew: 5,
      custom_signing_key: false,
      signing_algorithm: 'RS256',
    });
    expect(template.id).toMatch(/^jtmp_[0-9A-Za-z]{22}$/);
    expect(template.created_at).toBeGreaterThanOrEqual(before);
    expect(template.updated_at).toBe(template.created_at);
    expect(await expectOk(await t.api(`/jwt_templates/${template.id}`))).toEqual(template);
  });

  it('keeps explicit settings and a custom key, but never returns the key', async () => {
    const template = await create({
      name: unique('hasura'),
      claims: { 'https://hasura.io/jwt/claims': { 'x-hasura-user-id': '{{user.id}}' } },
      lifetime: 3600,
      allowed_clock_skew: 0,
      custom_signing_key: true,
      signing_algorithm: 'HS256',
      signing_key: HMAC_SECRET,
    });
    expect(template).toMatchObject({
      lifetime: 3600,
      allowed_clock_skew: 0,
      custom_signing_key: true,
      signing_algorithm: 'HS256',
    });
    expect(Object.keys(template).sort()).toEqual(TEMPLATE_KEYS);
    const text = await (await t.api(`/jwt_templates/${template.id}`)).text();
    expect(text).not.toContain(HMAC_SECRET);
    expect(JSON.stringify(await list())).not.toContain(HMAC_SECRET);
    const stored = await t.server.store.jwtTemplates.findById(template.id);
    expect(stored?.signingKey).toBe(HMAC_SECRET);
  });

  it('accepts PEM keys that fit the algorithm: RS256/RS384/RS512 with RSA, ES256 with P-256', async () => {
    for (const [algorithm, pem] of [
      ['RS256', rsaPem()],
      ['RS384', rsaPem()],
      ['RS512', rsaPem()],
      ['ES256', ecPem()],
    ] as const) {
      const template = await create({
        name: unique(algorithm.toLowerCase()),
        claims: {},
        custom_signing_key: true,
        signing_algorithm: algorithm,
        signing_key: pem,
      });
      expect(template.signing_algorithm).toBe(algorithm);
      expect(JSON.stringify(template)).not.toContain('PRIVATE KEY');
    }
  });

  it('lists oldest first as a bare array, or {data, total_count} with paginated=true', async () => {
    const all = (await list('?limit=500')) as unknown as UserBody[];
    expect(Array.isArray(all)).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(6);
    const createdAt = all.map((template) => template.created_at as number);
    expect(createdAt).toEqual([...createdAt].sort((a, b) => a - b));
    for (const template of all) expect(Object.keys(template).sort()).toEqual(TEMPLATE_KEYS);

    const page = await list('?paginated=true&limit=2&offset=1');
    expect(Object.keys(page).sort()).toEqual(['data', 'total_count']);
    expect(page.total_count).toBe(all.length);
    expect(page.data.map((template: UserBody) => template.id)).toEqual(all.slice(1, 3).map((template) => template.id));
    // Clerk's default page size.
    expect(((await list()) as unknown as UserBody[]).length).toBe(Math.min(10, all.length));
  });

  it('updates only the fields given; null lifetime and skew restore the defaults', async () => {
    const template = await create({ name: unique('patch'), claims: { a: 1 }, lifetime: 120, allowed_clock_skew: 10 });
    const renamed = unique('renamed');
    const patched = await expectOk(
      await t.api(`/jwt_templates/${template.id}`, { method: 'PATCH', body: { name: renamed, lifetime: 300 } }),
    );
    expect(patched).toMatchObject({
      id: template.id,
      name: renamed,
      claims: { a: 1 },
      lifetime: 300,
      allowed_clock_skew: 10,
    });
    expect(patched.created_at).toBe(template.created_at);
    expect(patched.updated_at).toBeGreaterThanOrEqual(template.updated_at);

    const reset = await expectOk(
      await t.api(`/jwt_templates/${template.id}`, {
        method: 'PATCH',
        body: { claims: { b: '{{user.id}}' }, lifetime: null, allowed_clock_skew: null },
      }),
    );
    expect(reset).toMatchObject({ name: renamed, claims: { b: '{{user.id}}' }, lifetime: 60, allowed_clock_skew: 5 });
    expect(await expectOk(await t.api(`/jwt_templates/${template.id}`))).toEqual(reset);
  });

  it('switches signing: custom key on and off; the key is kept while it still fits the algorithm', async () => {
    const template = await create({ name: unique('switch'), claims: {} });
    const custom = await expectOk(
      await t.api(`/jwt_templates/${template.id}`, {
        method: 'PATCH',
        body: { custom_signing_key: true, signing_algorithm: 'HS384', signing_key: `${HMAC_SECRET}${HMAC_SECRET}` },
      }),
    );
    expect(custom).toMatchObject({ custom_signing_key: true, signing_algorithm: 'HS384' });
    // Same key family, longer hash: the stored 76-byte secret still fits HS512.
    const hs512 = await expectOk(
      await t.api(`/jwt_templates/${template.id}`, { method: 'PATCH', body: { signing_algorithm: 'HS512' } }),
    );
    expect(hs512).toMatchObject({ custom_signing_key: true, signing_algorithm: 'HS512' });
    // An HMAC secret is no ES256 key: refused, and nothing changes.
    await expectError(
      await t.api(`/jwt_templates/${template.id}`, { method: 'PATCH', body: { signing_algorithm: 'ES256' } }),
      422,
      'form_param_format_invalid',
      'signing_key',
    );
    expect(await expectOk(await t.api(`/jwt_templates/${template.id}`))).toEqual(hs512);

    const off = await expectOk(
      await t.api(`/jwt_templates/${template.id}`, { method: 'PATCH', body: { custom_signing_key: false } }),
    );
    expect(off).toMatchObject({ custom_signing_key: false, signing_algorithm: 'RS256' });
    expect((await t.server.store.jwtTemplates.findById(template.id))?.signingKey).toBeNull();
  });

  it('refuses a second template with the same name, on create and on rename', async () => {
    const name = unique('taken');
    const first = await create({ name, claims: {} });
    const count = ((await list('?limit=500')) as unknown as UserBody[]).length;
    await expectError(
      await t.api('/jwt_templates', { method: 'POST', body: { name, claims: { other: true } } }),
      422,
      'form_identifier_exists',
      'name',
    );
    expect(((await list('?limit=500')) as unknown as UserBody[]).length).toBe(count);
    const second = await create({ name: unique('other'), claims: {} });
    await expectError(
      await t.api(`/jwt_templates/${second.id}`, { method: 'PATCH', body: { name } }),
      422,
      'form_identifier_exists',
      'name',
    );
    // Renaming a template to its own name is no conflict.
    expect(
      await expectOk(await t.api(`/jwt_templates/${first.id}`, { method: 'PATCH', body: { name } })),
    ).toMatchObject({
      name,
    });
  });

  it('deletes a template: a deleted object, then 404 everywhere', async () => {
    const template = await create({ name: unique('gone'), claims: {} });
    expect(await expectOk(await t.api(`/jwt_templates/${template.id}`, { method: 'DELETE' }))).toEqual({
      object: 'jwt_template',
      id: template.id,
      deleted: true,
    });
    await expectError(await t.api(`/jwt_templates/${template.id}`), 404, 'resource_not_found');
    await expectError(await t.api(`/jwt_templates/${template.id}`, { method: 'DELETE' }), 404, 'resource_not_found');
    await expectError(
      await t.api(`/jwt_templates/${template.id}`, { method: 'PATCH', body: { lifetime: 100 } }),
      404,
      'resource_not_found',
    );
    // The name is free again.
    await create({ name: template.name, claims: {} });
  });
});

describe.each(DATABASES)('Backend API JWT templates: bad input [%s]', (database) => {
  let t: TestServer;
  let existingId: string;
  beforeAll(async () => {
    t = await startTestServer(database);
    existingId = (
      await expectOk(await t.api('/jwt_templates', { method: 'POST', body: { name: 'existing', claims: { a: 1 } } }))
    ).id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Every rejected request leaves the templates exactly as they were. */
  const expectRejected = async (
    request: { method: 'POST' | 'PATCH'; body?: unknown; rawBody?: string },
    status: number,
    code: string,
    param?: string,
  ) => {
    const before = await t.server.store.jwtTemplates.list();
    const path = request.method === 'POST' ? '/jwt_templates' : `/jwt_templates/${existingId}`;
    await expectError(await t.api(path, request), status, code, param);
    expect(await t.server.store.jwtTemplates.list()).toEqual(before);
  };

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['missing name', { claims: {} }, 'form_param_missing', 'name'],
    ['missing claims', { name: 'x' }, 'form_param_missing', 'claims'],
    ['null claims', { name: 'x', claims: null }, 'form_param_nil', 'claims'],
    ['claims as an array', { name: 'x', claims: ['a'] }, 'form_param_format_invalid', 'claims'],
    ['claims as a string', { name: 'x', claims: '{"a":1}' }, 'form_param_format_invalid', 'claims'],
    ['empty name', { name: '', claims: {} }, 'form_param_min_length_not_reached', 'name'],
    ['name with a slash', { name: 'a/b', claims: {} }, 'form_param_format_invalid', 'name'],
    ['name with a space', { name: 'a b', claims: {} }, 'form_param_format_invalid', 'name'],
    ['name too long', { name: 'n'.repeat(129), claims: {} }, 'form_param_max_length_exceeded', 'name'],
    ['lifetime below 30 s', { name: 'x', claims: {}, lifetime: 29 }, 'form_param_min_length_not_reached', 'lifetime'],
    [
      'lifetime above 10 years',
      { name: 'x', claims: {}, lifetime: 315_360_001 },
      'form_param_max_length_exceeded',
      'lifetime',
    ],
    ['fractional lifetime', { name: 'x', claims: {}, lifetime: 60.5 }, 'form_param_format_invalid', 'lifetime'],
    ['lifetime as a string', { name: 'x', claims: {}, lifetime: '60' }, 'form_param_format_invalid', 'lifetime'],
    [
      'negative skew',
      { name: 'x', claims: {}, allowed_clock_skew: -1 },
      'form_param_min_length_not_reached',
      'allowed_clock_skew',
    ],
    [
      'skew above 300 s',
      { name: 'x', claims: {}, allowed_clock_skew: 301 },
      'form_param_max_length_exceeded',
      'allowed_clock_skew',
    ],
    [
      'custom_signing_key as a string',
      { name: 'x', claims: {}, custom_signing_key: 'true' },
      'form_param_format_invalid',
      'custom_signing_key',
    ],
    [
      'algorithm none',
      { name: 'x', claims: {}, signing_algorithm: 'none' },
      'form_param_value_invalid',
      'signing_algorithm',
    ],
    ['unknown parameter', { name: 'x', claims: {}, audience: 'x' }, 'form_param_unknown', 'audience'],
    [
      'non-RS256 algorithm without a custom key',
      { name: 'x', claims: {}, signing_algorithm: 'HS256' },
      'form_param_value_invalid',
      'signing_algorithm',
    ],
    [
      'a key without custom_signing_key',
      { name: 'x', claims: {}, signing_key: HMAC_SECRET },
      'form_param_value_invalid',
      'signing_key',
    ],
    [
      'custom key without an algorithm',
      { name: 'x', claims: {}, custom_signing_key: true, signing_key: HMAC_SECRET },
      'form_conditional_param_missing',
      'signing_algorithm',
    ],
    [
      'custom key without the key',
      { name: 'x', claims: {}, custom_signing_key: true, signing_algorithm: 'HS256' },
      'form_conditional_param_missing',
      'signing_key',
    ],
    [
      'HS256 secret shorter than 32 bytes',
      { name: 'x', claims: {}, custom_signing_key: true, signing_algorithm: 'HS256', signing_key: 'short secret' },
      'form_param_format_invalid',
      'signing_key',
    ],
    [
      'HS512 secret shorter than 64 bytes',
      { name: 'x', claims: {}, custom_signing_key: true, signing_algorithm: 'HS512', signing_key: HMAC_SECRET },
      'form_param_format_invalid',
      'signing_key',
    ],
    [
      'RS256 with text that is no PEM',
      { name: 'x', claims: {}, custom_signing_key: true, signing_algorithm: 'RS256', signing_key: HMAC_SECRET },
      'form_param_format_invalid',
      'signing_key',
    ],
  ];

  for (const [label, body, code, param] of cases) {
    it(`POST refuses ${label} (422 naming ${param})`, async () => {
      await expectRejected({ method: 'POST', body }, 422, code, param);
    });
  }

  it('refuses each reserved claim, naming claims; sub is allowed', async () => {
    for (const claim of ['azp', 'exp', 'iat', 'iss', 'jti', 'nbf']) {
      await expectRejected(
        { method: 'POST', body: { name: 'x', claims: { [claim]: 1 } } },
        422,
        'form_param_value_invalid',
        'claims',
      );
      await expectRejected(
        { method: 'PATCH', body: { claims: { ok: true, [claim]: '{{user.id}}' } } },
        422,
        'form_param_value_invalid',
        'claims',
      );
    }
    const withSub = await expectOk(
      await t.api('/jwt_templates', {
        method: 'POST',
        body: { name: 'with-sub', claims: { sub: '{{user.external_id}}' } },
      }),
    );
    expect(withSub.claims).toEqual({ sub: '{{user.external_id}}' });
  });

  it('refuses claims over 8 KiB of JSON', async () => {
    await expectRejected(
      { method: 'POST', body: { name: 'x', claims: { big: 'x'.repeat(9000) } } },
      422,
      'form_param_max_length_exceeded',
      'claims',
    );
  });

  it('refuses PEM keys of the wrong kind or size', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const publicOnly = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ format: 'pem', type: 'spki' })
      .toString();
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    for (const [algorithm, key] of [
      ['ES256', rsaPem()],
      ['RS256', ecPem()],
      ['RS256', small],
      ['ES256', publicOnly],
      ['ES256', p384],
    ] as const) {
      await expectRejected(
        {
          method: 'POST',
          body: { name: 'x', claims: {}, custom_signing_key: true, signing_algorithm: algorithm, signing_key: key },
        },
        422,
        'form_param_format_invalid',
        'signing_key',
      );
    }
  });

  it('PATCH validates the same way and refuses a non-JSON body', async () => {
    await expectRejected(
      { method: 'PATCH', body: { lifetime: 10 } },
      422,
      'form_param_min_length_not_reached',
      'lifetime',
    );
    await expectRejected({ method: 'PATCH', body: { name: 'bad name' } }, 422, 'form_param_format_invalid', 'name');
    await expectRejected({ method: 'PATCH', body: { name: null } }, 422, 'form_param_nil', 'name');
    await expectRejected(
      { method: 'PATCH', body: { signing_key: HMAC_SECRET } },
      422,
      'form_param_value_invalid',
      'signing_key',
    );
    await expectRejected({ method: 'PATCH', rawBody: '{"lifetime":' }, 400, 'malformed_request_body');
    await expectRejected({ method: 'POST', rawBody: '[]' }, 400, 'malformed_request_body');
  });

  it('answers 404 for unknown ids and 422 for over-long ones', async () => {
    await expectError(await t.api('/jwt_templates/jtmp_unknown'), 404, 'resource_not_found');
    await expectError(
      await t.api(`/jwt_templates/${'j'.repeat(129)}`),
      422,
      'form_param_max_length_exceeded',
      'template_id',
    );
    await expectError(await t.api('/jwt_templates?limit=0'), 422, 'form_param_min_length_not_reached', 'limit');
    await expectError(await t.api('/jwt_templates?paginated=yes'), 422, 'form_param_value_invalid', 'paginated');
  });
});
