import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretKey } from '../../src/domain/keys/secret-keys.js';
import { BACKEND_API_ROUTES } from '../../src/http/bapi/routes.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { countUsers, createUser, expectError, expectOk, fillPath, type UserBody, unique } from './support.js';

describe.each(DATABASES)('Backend API authentication [%s]', (database) => {
  let t: TestServer;
  let user: UserBody;
  beforeAll(async () => {
    t = await startTestServer(database);
    user = await createUser(t, { email_address: [`${unique('auth')}@example.com`], password: 'auth test password' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** A request to the Backend API with exactly the headers given: no default Authorization. */
  const raw = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    fetch(`${t.server.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.body,
    });

  const routes = () =>
    BACKEND_API_ROUTES.map(({ endpoint }) => ({
      label: `${endpoint.method.toUpperCase()} ${endpoint.path}`,
      method: endpoint.method.toUpperCase(),
      path: fillPath(endpoint.path, user.id),
      body: endpoint.body
        ? JSON.stringify(endpoint.path.endsWith('verify_password') ? { password: 'x' } : {})
        : undefined,
    }));

  it('covers every Backend API route', () => {
    expect(routes().length).toBe(BACKEND_API_ROUTES.length);
    expect(routes().length).toBeGreaterThanOrEqual(14);
  });

  it('answers 401 authorization_header_missing without an Authorization header, on every route', async () => {
    for (const route of routes()) {
      const body = await expectError(await raw(route.path, route), 401, 'authorization_header_missing');
      expect(body.errors[0]?.meta, route.label).toBeUndefined();
    }
  });

  it.each([
    ['a Basic scheme', 'Basic dXNlcjpwYXNz'],
    ['the bare key without a scheme', 'SECRET'],
    ['a scheme without a key', 'Bearer'],
    ['a scheme with only spaces', 'Bearer    '],
    ['two tokens', 'Bearer SECRET extra'],
    ['an empty value', ''],
  ])('answers 401 authorization_header_format_invalid for %s, on every route', async (_name, header) => {
    const value = header.replace('SECRET', t.secretKey);
    for (const route of routes()) {
      // An empty header is no credential at all: reported as missing, not malformed.
      const code = value === '' ? 'authorization_header_missing' : 'authorization_header_format_invalid';
      await expectError(await raw(route.path, { ...route, headers: { authorization: value } }), 401, code);
    }
  });

  it.each([
    ['an unknown secret key', () => `sk_test_${'A'.repeat(43)}`],
    ['a live key on a test instance', () => t.secretKey.replace('sk_test_', 'sk_live_')],
    ['the key with a character changed', () => `${t.secretKey.slice(0, -1)}${t.secretKey.endsWith('A') ? 'B' : 'A'}`],
    ['the publishable key', () => t.server.publishableKey],
    ['a key of the wrong shape', () => 'not-a-key'],
    ['an absurdly long key', () => `sk_test_${'x'.repeat(10_000)}`],
  ])('answers 401 clerk_key_invalid for %s, on every route', async (_name, key) => {
    for (const route of routes()) {
      await expectError(
        await raw(route.path, { ...route, headers: { authorization: `Bearer ${key()}` } }),
        401,
        'clerk_key_invalid',
      );
    }
  });

  it('checks the key before reading the body, and a rejected request changes nothing', async () => {
    const total = await countUsers(t);
    await expectError(await raw('/users', { method: 'POST', body: '{not json' }), 401, 'authorization_header_missing');
    await expectError(
      await raw('/users', {
        method: 'POST',
        headers: { authorization: 'Bearer sk_test_wrong' },
        body: JSON.stringify({ email_address: [`${unique('x')}@example.com`] }),
      }),
      401,
      'clerk_key_invalid',
    );
    await expectError(
      await raw(`/users/${user.id}`, { method: 'DELETE', headers: { authorization: 'Bearer sk_test_wrong' } }),
      401,
      'clerk_key_invalid',
    );
    await expectError(await raw(`/users/${user.id}/ban`, { method: 'POST' }), 401, 'authorization_header_missing');
    expect(await countUsers(t)).toBe(total);
    const unchanged = await expectOk(await t.api(`/users/${user.id}`));
    expect(unchanged.banned).toBe(false);
  });

  it('does not reveal which paths exist without a key', async () => {
    await expectError(await raw('/no-such-endpoint'), 401, 'authorization_header_missing');
    await expectError(await t.api('/no-such-endpoint'), 404, 'route_not_found');
  });

  it('accepts the Bearer scheme in any case, and a second key; a revoked key stops working', async () => {
    const lower = await raw('/users/count', { headers: { authorization: `bearer ${t.secretKey}` } });
    expect((await expectOk(lower)).object).toBe('total_count');

    const second = await createSecretKey(t.server.store, 'development', Date.now(), 'second');
    const withSecond = { authorization: `Bearer ${second.secret}` };
    await expectOk(await raw('/users/count', { headers: withSecond }));
    await t.server.store.secretKeys.revoke(second.record.id, Date.now());
    await expectError(await raw('/users/count', { headers: withSecond }), 401, 'clerk_key_invalid');
    // The first key is unaffected.
    await expectOk(await t.api('/users/count'));
  });
});
