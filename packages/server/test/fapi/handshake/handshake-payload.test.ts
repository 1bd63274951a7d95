import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../bapi/support.js';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { redeemNonce } from './browser.js';

/** How nonces are stored: SHA-256, URL-safe base64 (the test inserts rows the server must find). */
const hashNonce = (nonce: string) => createHash('sha256').update(nonce).digest('base64url');

describe.each(DATABASES)('Backend API GET /clients/handshake_payload [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('returns the directives stored under a live nonce, bare, as often as asked', async () => {
    const nonce = randomBytes(32).toString('base64url');
    const directives = ['__session=a.b.c; Path=/; SameSite=Lax', '__client_uat=1700000000; Path=/; SameSite=Lax'];
    await t.server.store.handshakeNonces.insert({
      nonceHash: hashNonce(nonce),
      directives,
      expiresAt: Date.now() + 60_000,
    });
    expect((await redeemNonce(t, nonce)).raw).toEqual(directives);
    expect((await redeemNonce(t, nonce)).raw).toEqual(directives);
  });

  it('an expired nonce is 404 handshake_nonce_invalid naming nonce, and is swept', async () => {
    const nonce = randomBytes(32).toString('base64url');
    await t.server.store.handshakeNonces.insert({
      nonceHash: hashNonce(nonce),
      directives: ['__session=x; Path=/'],
      expiresAt: Date.now() - 1,
    });
    await expectError(
      await t.api(`/clients/handshake_payload?nonce=${nonce}`),
      404,
      'handshake_nonce_invalid',
      'nonce',
    );
    // Swept on the way: not even a lookup that ignores expiry finds it any more.
    expect(await t.server.store.handshakeNonces.find(hashNonce(nonce), 0)).toBeNull();
  });

  it('an unknown nonce is 404; a missing or oversized one is 422 naming nonce', async () => {
    await expectError(
      await t.api('/clients/handshake_payload?nonce=never-issued'),
      404,
      'handshake_nonce_invalid',
      'nonce',
    );
    await expectError(await t.api('/clients/handshake_payload'), 422, 'form_param_missing', 'nonce');
    await expectError(
      await t.api(`/clients/handshake_payload?nonce=${'n'.repeat(300)}`),
      422,
      'form_param_max_length_exceeded',
      'nonce',
    );
  });

  it('needs the secret key', async () => {
    const response = await fetch(`${t.server.url}/api/v1/clients/handshake_payload?nonce=x`);
    expect(response.status).toBe(401);
  });
});
