import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../../src/domain/operators/create-operator.js';
import { developmentSignInLink } from '../../src/domain/operators/development-sign-in-link.js';
import { createSignInLink } from '../../src/domain/operators/operator-sessions.js';
import { base32Encode, totpCode, totpStep, verifyTotp } from '../../src/domain/operators/totp.js';
import type { OperatorRole } from '../../src/store/operator-store.js';
import { expectError, expectOk, unique } from '../bapi/support.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const DASHBOARD = { 'content-type': 'application/json', 'x-latch-dashboard': '1' };

describe('TOTP (RFC 6238)', () => {
  const secret = base32Encode(Buffer.from('12345678901234567890'));
  it('matches the RFC test vectors (SHA-1, last 6 digits)', () => {
    expect(totpCode(secret, totpStep(59_000))).toBe('287082');
    expect(totpCode(secret, totpStep(1_111_111_109_000))).toBe('081804');
    expect(totpCode(secret, totpStep(2_000_000_000_000))).toBe('279037');
  });
  it('accepts one step of drift, refuses replays and garbage', () => {
    const now = 1_111_111_109_000;
    const step = totpStep(now);
    expect(verifyTotp(secret, totpCode(secret, step - 1), now, null)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, step - 2), now, null)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, step), now, step)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now, null)).toBeNull();
  });
});

describe.each(DATABASES)('Dashboard operators and their Backend API access [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const dashboard = (path: string, init: { method?: string; body?: unknown; cookie?: string; headers?: object } = {}) =>
    fetch(`${t.server.url}/dashboard/api${path}`, {
      method: init.method ?? 'GET',
      headers: { ...DASHBOARD, ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const asOperator = (token: string, path: string, init: { method?: string; body?: unknown } = {}) =>
    t.api(path, { ...init, headers: { authorization: `Bearer ${token}` } });

  /** Signs in with a one-time link; returns the session cookie. */
  async function signIn(linkToken: string): Promise<string> {
    const response = await dashboard('/session', { method: 'POST', body: { token: linkToken } });
    await expectOk(response);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(
      /^__latch_operator=ops_[\w-]+; Path=\/dashboard\/api; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    return setCookie.split(';')[0] as string;
  }
  async function accessToken(cookie: string): Promise<string> {
    const body = await expectOk(await dashboard('/session/tokens', { method: 'POST', cookie }));
    expect(body.token).toMatch(/^opa_/);
    expect(body.expires_at).toBeGreaterThan(Date.now());
    return body.token;
  }
  async function operatorWith(role: OperatorRole) {
    const { operator } = await createOperator(
      t.server.store,
      { email: `${unique(role)}@example.com`, role },
      Date.now(),
    );
    const { token } = await createSignInLink(t.server.store, operator.id, Date.now());
    const cookie = await signIn(token);
    return { operator, cookie, bearer: await accessToken(cookie) };
  }

  it("latch dev's one-time link signs the first owner in, once", async () => {
    const link = await developmentSignInLink(t.server.store, t.server.url, Date.now());
    expect(link).toMatch(new RegExp(`^${t.server.url}/dashboard/sign-in#token=opl_`));
    const token = link.split('#token=')[1] as string;
    const cookie = await signIn(token);
    const session = await expectOk(await dashboard('/session', { cookie }));
    expect(session.operator).toMatchObject({ object: 'operator', role: 'owner', email: 'owner@latch.localhost' });
    expect(JSON.stringify(session)).not.toMatch(/digest|totp_secret|ops_/);
    await expectError(await dashboard('/session', { method: 'POST', body: { token } }), 401, 'authentication_invalid');
    // A second link reuses the same owner.
    const again = await developmentSignInLink(t.server.store, t.server.url, Date.now());
    await signIn(again.split('#token=')[1] as string);
    expect((await t.server.store.operators.list()).filter((o) => o.email === 'owner@latch.localhost')).toHaveLength(1);
  });

  it('session requests need the dashboard header (CSRF) and a cookie', async () => {
    await expectError(
      await dashboard('/session/tokens', { method: 'POST', headers: { 'x-latch-dashboard': '' } }),
      403,
      'not_allowed_access',
    );
    await expectError(await dashboard('/session/tokens', { method: 'POST' }), 401, 'authentication_invalid');
    await expectError(await dashboard('/session'), 401, 'authentication_invalid');
    await expectError(
      await dashboard('/session', { method: 'POST', body: { token: 'opl_nope', extra: 1 } }),
      422,
      'form_param_unknown',
    );
  });

  it('an admin calls the Backend API with a short-lived token; changes are audited with the operator as actor', async () => {
    const admin = await operatorWith('admin');
    const users = await expectOk(await asOperator(admin.bearer, '/users'));
    expect(Array.isArray(users)).toBe(true);
    await expectOk(
      await asOperator(admin.bearer, '/instance/settings', { method: 'PATCH', body: { sessions: { mode: 'multi' } } }),
    );
    const signIns = await expectOk(await t.api(`/audit_logs?action=operator.signed_in&actor_id=${admin.operator.id}`));
    expect(signIns[0]).toMatchObject({ action: 'operator.signed_in' });
    const changes = await expectOk(
      await t.api(`/audit_logs?action=instance.settings_updated&actor_id=${admin.operator.id}`),
    );
    expect(changes[0]).toMatchObject({
      action: 'instance.settings_updated',
      actor: { type: 'operator', id: admin.operator.id },
    });
  });

  it('a support operator reads and unlocks, but cannot delete users or change settings (403)', async () => {
    const support = await operatorWith('support');
    const created = await expectOk(
      await t.api('/users', { method: 'POST', body: { email_address: [`${unique('u')}@example.com`] } }),
    );
    await expectOk(await asOperator(support.bearer, `/users/${created.id}`));
    await expectOk(await asOperator(support.bearer, `/users/${created.id}/unlock`, { method: 'POST' }));
    await expectError(
      await asOperator(support.bearer, `/users/${created.id}`, { method: 'DELETE' }),
      403,
      'not_allowed_access',
    );
    await expectError(
      await asOperator(support.bearer, `/users/${created.id}/ban`, { method: 'POST' }),
      403,
      'not_allowed_access',
    );
    await expectError(
      await asOperator(support.bearer, '/instance/settings', {
        method: 'PATCH',
        body: { sessions: { mode: 'single' } },
      }),
      403,
      'not_allowed_access',
    );
    expect((await expectOk(await t.api(`/users/${created.id}`))).id).toBe(created.id);
  });

  it('signing out revokes the session and every token it minted', async () => {
    const admin = await operatorWith('admin');
    await expectOk(await dashboard('/session', { method: 'DELETE', cookie: admin.cookie }));
    await expectError(await asOperator(admin.bearer, '/users'), 401, 'authentication_invalid');
    await expectError(
      await dashboard('/session/tokens', { method: 'POST', cookie: admin.cookie }),
      401,
      'authentication_invalid',
    );
    await expectError(await asOperator('opa_forged', '/users'), 401, 'authentication_invalid');
  });

  it('password + TOTP sign-in: the code is required once enrolled and works once', async () => {
    const email = `${unique('totp')}@example.com`;
    const password = 'a long operator password';
    const { totpSecret } = await createOperator(
      t.server.store,
      { email, role: 'admin', password, totp: true },
      Date.now(),
    );
    const secret = totpSecret as string;
    await expectError(
      await dashboard('/session', { method: 'POST', body: { email, password } }),
      401,
      'authentication_invalid',
    );
    await expectError(
      await dashboard('/session', {
        method: 'POST',
        body: { email, password: 'wrong password!!', totp_code: totpCode(secret, totpStep(Date.now())) },
      }),
      401,
      'authentication_invalid',
    );
    const code = totpCode(secret, totpStep(Date.now()));
    await expectOk(await dashboard('/session', { method: 'POST', body: { email, password, totp_code: code } }));
    await expectError(
      await dashboard('/session', { method: 'POST', body: { email, password, totp_code: code } }),
      401,
      'authentication_invalid',
    );
  });

  it('refuses weak operator passwords and duplicate emails with Clerk-shaped errors', async () => {
    await expect(
      createOperator(t.server.store, { email: 'weak@example.com', role: 'admin', password: 'short' }, Date.now()),
    ).rejects.toMatchObject({ status: 422, errors: [{ code: 'form_password_length_too_short' }] });
    const email = `${unique('dup')}@example.com`;
    await createOperator(t.server.store, { email, role: 'support' }, Date.now());
    await expect(createOperator(t.server.store, { email, role: 'support' }, Date.now())).rejects.toMatchObject({
      status: 422,
      errors: [{ code: 'form_identifier_exists' }],
    });
  });
});
