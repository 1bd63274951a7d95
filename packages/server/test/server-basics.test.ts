import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from './support/databases.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe.each(DATABASES)('server basics [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers /healthz once the database is reachable', async () => {
    const response = await fetch(`${t.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('publishes one RSA-2048 signing key with e=65537 at both JWKS URLs', async () => {
    const publicJWKS = await (await fetch(`${t.server.url}/.well-known/jwks.json`)).json();
    const backendJWKS = await (await t.api('/jwks')).json();
    expect(publicJWKS).toEqual(backendJWKS);
    expect(publicJWKS.keys).toHaveLength(1);
    const [key] = publicJWKS.keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(Buffer.from(key.n, 'base64url').length).toBe(256);
  });

  it('issues keys in Clerk formats for a development instance', () => {
    expect(t.server.publishableKey).toBe(
      `pk_test_${Buffer.from('127.0.0.1:4000$').toString('base64').replace(/=+$/, '')}`,
    );
    expect(t.secretKey).toMatch(/^sk_test_[A-Za-z0-9_-]{43}$/);
  });

  it('answers an unknown route with a Clerk-shaped 404', async () => {
    const response = await fetch(`${t.server.url}/nowhere`);
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0].code).toBe('route_not_found');
  });
});
