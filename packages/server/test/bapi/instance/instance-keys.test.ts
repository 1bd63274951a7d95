import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { expectError, expectOk, type UserBody } from '../support.js';
import { asBearer, operatorBearer } from './operator-bearer.js';

describe.each(DATABASES)('Backend API secret and signing keys [%s]', (database) => {
  let t: TestServer;
  let admin: ReturnType<typeof asBearer>;
  let support: ReturnType<typeof asBearer>;
  let adminId: string;
  beforeAll(async () => {
    t = await startTestServer(database);
    const adminOperator = await operatorBearer(t, 'admin');
    adminId = adminOperator.id;
    admin = asBearer(t, adminOperator.bearer);
    support = asBearer(t, (await operatorBearer(t, 'support')).bearer);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const withKey = (secret: string, path: string, init: { method?: string; body?: unknown } = {}) =>
    t.api(path, { ...init, headers: { authorization: `Bearer ${secret}` } });
  const kidsOf = (jwks: UserBody) => (jwks.keys as { kid: string }[]).map((key) => key.kid);

  it('lists secret keys with a hint, never the key or its digest', async () => {
    const keys = await expectOk(await t.api('/instance/secret_keys'));
    expect(keys).toEqual([
      {
        object: 'secret_key',
        id: expect.stringMatching(/^sak_/),
        name: 'Default secret key',
        hint: t.secretKey.slice(-4),
        created_at: expect.any(Number),
        revoked_at: null,
      },
    ]);
    const text = JSON.stringify(keys);
    expect(text).not.toContain(t.secretKey);
    expect(text).not.toMatch(/hash|digest|"secret"/);
  });

  it('lists signing keys without private material; a rotation publishes the new key before it signs', async () => {
    const before = await expectOk(await t.api('/instance/signing_keys'));
    expect(before).toEqual([
      {
        object: 'signing_key',
        kid: expect.stringMatching(/^ins_/),
        status: 'signing',
        created_at: expect.any(Number),
        activates_at: expect.any(Number),
        retires_at: null,
      },
    ]);
    const rotated = await expectOk(await admin('/instance/signing_keys/rotate', { method: 'POST' }));
    expect(rotated).toMatchObject({ object: 'signing_key', status: 'scheduled', retires_at: null });
    // Signs only after the publish delay (default 300 s)…
    expect(rotated.activates_at - rotated.created_at).toBe(300_000);
    // …but both JWKS documents publish it at once.
    expect(kidsOf(await expectOk(await t.api('/jwks')))).toEqual([rotated.kid, before[0].kid]);
    const wellKnown = await (await fetch(`${t.server.url}/.well-known/jwks.json`)).json();
    expect(kidsOf(wellKnown)).toContain(rotated.kid);
    const after = await expectOk(await t.api('/instance/signing_keys'));
    expect(after.map((key: { kid: string; status: string }) => [key.kid, key.status])).toEqual([
      [rotated.kid, 'scheduled'],
      [before[0].kid, 'signing'],
    ]);
    // The old key retires once tokens it signs (60 s session tokens) have expired after the switch.
    expect(after[1].retires_at).toBe(rotated.activates_at + 60_000 + 60_000);
    const text = JSON.stringify(after);
    expect(text).not.toMatch(/PRIVATE|private|"d"|"p"|"q"/);

    // `immediately` (a compromised key): the new key signs at once and every other key leaves the JWKS.
    const now = await expectOk(
      await admin('/instance/signing_keys/rotate', { method: 'POST', body: { immediately: true } }),
    );
    expect(now).toMatchObject({ status: 'signing' });
    const statuses = (await expectOk(await t.api('/instance/signing_keys'))).map(
      (key: { kid: string; status: string }) => [key.kid, key.status],
    );
    expect(statuses).toEqual([[now.kid, 'signing']]);
    const jwks = (await expectOk(await fetch(`${t.server.url}/.well-known/jwks.json`))) as { keys: { kid: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toEqual([now.kid]);
    const events = await expectOk(await t.api(`/audit_logs?action=signing_key.rotated&actor_id=${adminId}`));
    expect(events).toHaveLength(2);
    await expectError(
      await admin('/instance/signing_keys/rotate', { method: 'POST', body: { immediately: 'yes' } }),
      422,
      'form_param_format_invalid',
      'immediately',
    );
    await expectError(
      await admin('/instance/signing_keys/rotate', { method: 'POST', body: { kid: 'mine' } }),
      422,
      'form_param_unknown',
    );
  });

  it('support operators read keys but may not create, revoke or rotate (403)', async () => {
    const key = (await expectOk(await support('/instance/secret_keys')))[0];
    await expectOk(await support('/instance/signing_keys'));
    await expectError(
      await support('/instance/secret_keys', { method: 'POST', body: { name: 'mine' } }),
      403,
      'not_allowed_access',
    );
    await expectError(
      await support(`/instance/secret_keys/${key.id}/revoke`, { method: 'POST' }),
      403,
      'not_allowed_access',
    );
    await expectError(await support('/instance/signing_keys/rotate', { method: 'POST' }), 403, 'not_allowed_access');
    expect(await expectOk(await t.api('/instance/secret_keys'))).toHaveLength(1);
  });

  it('refuses bad input to create', async () => {
    await expectError(
      await admin('/instance/secret_keys', { method: 'POST', body: {} }),
      422,
      'form_param_missing',
      'name',
    );
    await expectError(
      await admin('/instance/secret_keys', { method: 'POST', body: { name: '   ' } }),
      422,
      'form_param_min_length_not_reached',
      'name',
    );
    await expectError(
      await admin('/instance/secret_keys', { method: 'POST', body: { name: 'x'.repeat(101) } }),
      422,
      'form_param_max_length_exceeded',
      'name',
    );
    await expectError(
      await admin('/instance/secret_keys', { method: 'POST', body: { name: 'x', secret: 'sk_test_mine' } }),
      422,
      'form_param_unknown',
    );
    await expectError(
      await admin('/instance/secret_keys', { method: 'POST', rawBody: '{' }),
      400,
      'malformed_request_body',
    );
  });

  it('creates a key shown once that works at once; revoked, it gets 401 at the next request', async () => {
    const created = await expectOk(
      await admin('/instance/secret_keys', { method: 'POST', body: { name: ' CI deploys ' } }),
    );
    expect(created).toMatchObject({ object: 'secret_key', name: 'CI deploys', revoked_at: null });
    expect(created.secret).toMatch(/^sk_test_[A-Za-z0-9_-]{43}$/);
    expect(created.hint).toBe(created.secret.slice(-4));
    await expectOk(await withKey(created.secret, '/users'));
    const listed = await expectOk(await t.api('/instance/secret_keys'));
    expect(listed.map((key: { id: string }) => key.id)).toContain(created.id);
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    const revoked = await expectOk(await admin(`/instance/secret_keys/${created.id}/revoke`, { method: 'POST' }));
    expect(revoked).toMatchObject({ id: created.id, revoked_at: expect.any(Number) });
    expect(revoked.secret).toBeUndefined();
    await expectError(await withKey(created.secret, '/users'), 401, 'clerk_key_invalid');
    const events = await expectOk(await t.api(`/audit_logs?actor_id=${adminId}`));
    expect(events.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['secret_key.created', 'secret_key.revoked']),
    );
  });

  it("refuses to revoke the request's own key, the last active key, an unknown or a revoked key", async () => {
    const first = (await expectOk(await t.api('/instance/secret_keys')))[0];
    const other = await expectOk(await t.api('/instance/secret_keys', { method: 'POST', body: { name: 'Other' } }));
    const own = await expectError(
      await t.api(`/instance/secret_keys/${first.id}/revoke`, { method: 'POST' }),
      422,
      'form_param_value_invalid',
      'secret_key_id',
    );
    expect(own.errors[0]?.long_message).toMatch(/key it asks to revoke/);
    // Another key may revoke it.
    await expectOk(await withKey(other.secret, `/instance/secret_keys/${first.id}/revoke`, { method: 'POST' }));
    await expectError(await t.api('/users'), 401, 'clerk_key_invalid');
    // Now `other` is the last active key: not even an operator may revoke it.
    const last = await expectError(
      await admin(`/instance/secret_keys/${other.id}/revoke`, { method: 'POST' }),
      422,
      'form_param_value_invalid',
      'secret_key_id',
    );
    expect(last.errors[0]?.long_message).toMatch(/last active secret key/);
    await expectError(
      await admin(`/instance/secret_keys/${first.id}/revoke`, { method: 'POST' }),
      422,
      'form_param_value_invalid',
      'secret_key_id',
    );
    await expectError(
      await admin('/instance/secret_keys/sak_nope/revoke', { method: 'POST' }),
      404,
      'resource_not_found',
    );
    await expectOk(await withKey(other.secret, '/users'));
  });
});
