import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../../src/domain/operators/create-operator.js';
import { createSignInLink } from '../../src/domain/operators/operator-sessions.js';
import { totpCode, totpStep } from '../../src/domain/operators/totp.js';
import { expectError, expectOk, unique } from '../bapi/support.js';
import { DATABASES } from '../support/databases.js';
import { PRODUCTION_WITHOUT_MAIL, startTestServer, type TestServer } from '../support/test-server.js';

const DASHBOARD = { 'content-type': 'application/json', 'x-latch-dashboard': '1' };
const PASSWORD = 'a long operator password';

/**
 * Production: an operator invited from the dashboard (no password yet) opens their one-time link,
 * gets an authenticator secret, sets a password and confirms a first code — and is signed in; from
 * then on they sign in with email, password and TOTP like everyone else.
 */
describe.each(DATABASES)('Operator enrollment through a link on a production instance [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database, PRODUCTION_WITHOUT_MAIL);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = DASHBOARD) =>
    fetch(`${t.server.url}/dashboard/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

  async function invited(role: 'admin' | 'support' = 'admin', password?: string) {
    const email = `${unique('enrol')}@example.com`;
    const { operator } = await createOperator(t.server.store, { email, role, password }, Date.now());
    const { token } = await createSignInLink(t.server.store, operator.id, Date.now());
    return { operator, email, token };
  }

  it('tells the sign-in page this is production', async () => {
    expect(await expectOk(await fetch(`${t.server.url}/dashboard/api/environment`))).toEqual({
      environment_type: 'production',
    });
  });

  it('sets up password and authenticator, signs in, and then password + TOTP works', async () => {
    const { operator, email, token } = await invited();
    const started = await expectOk(await post('/enrollment', { token }));
    expect(started).toMatchObject({ object: 'operator_enrollment', email });
    expect(started.totp_secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(started.totp_uri).toContain(`secret=${started.totp_secret}`);

    // A wrong code and a short password change nothing; the link still works.
    await expectError(
      await post('/enrollment/complete', { token, password: PASSWORD, totp_code: '000000' }),
      422,
      'form_code_incorrect',
      'totp_code',
    );
    const code = () => totpCode(started.totp_secret, totpStep(Date.now()));
    const short = await post('/enrollment/complete', { token, password: 'short', totp_code: code() });
    expect(short.status).toBe(422);
    expect((await t.server.store.operators.findById(operator.id))?.passwordDigest).toBeNull();

    const done = await post('/enrollment/complete', { token, password: PASSWORD, totp_code: code() });
    const body = await expectOk(done.clone());
    expect(body.operator).toMatchObject({ id: operator.id, email, totp_enabled: true, has_password: true });
    expect(done.headers.get('set-cookie')).toMatch(/^__latch_operator=ops_[\w-]+; Path=\/dashboard\/api; .*Secure$/);
    const cookie = (done.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const me = await expectOk(
      await fetch(`${t.server.url}/dashboard/api/session`, { headers: { ...DASHBOARD, cookie } }),
    );
    expect(me.operator.id).toBe(operator.id);
    const events = await t.server.store.webhooks.events.list(
      { types: ['operator.signed_in'], targetId: operator.id },
      { limit: 5, offset: 0 },
    );
    expect(events.map((event) => event.data.sign_in_method)).toEqual(['enrollment']);

    // The link is spent.
    await expectError(await post('/enrollment', { token }), 401, 'authentication_invalid');
    await expectError(
      await post('/enrollment/complete', { token, password: PASSWORD, totp_code: code() }),
      401,
      'authentication_invalid',
    );

    // From now on: email, password and the authenticator (a later step than the one just used).
    const nextStep = totpStep(Date.now()) + 1;
    const signIn = await post('/session', {
      email,
      password: PASSWORD,
      totp_code: totpCode(started.totp_secret, nextStep),
    });
    expect(signIn.status).toBe(200);
  });

  it('does not re-enroll an operator who already has a password', async () => {
    const { token } = await invited('support', PASSWORD);
    await expectError(await post('/enrollment', { token }), 422, 'client_state_invalid');
  });

  it('refuses unknown tokens, missing headers and bad bodies with Clerk-shaped errors', async () => {
    await expectError(await post('/enrollment', { token: 'opl_nope' }), 401, 'authentication_invalid');
    await expectError(
      await post('/enrollment', { token: 'x' }, { 'content-type': 'application/json' }),
      403,
      'not_allowed_access',
    );
    const { token } = await invited();
    await expectError(await post('/enrollment/complete', { token, password: PASSWORD }), 422, 'form_param_missing');
  });
});

describe('Operator enrollment on a development instance', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is not offered: links sign in directly', async () => {
    expect(await expectOk(await fetch(`${t.server.url}/dashboard/api/environment`))).toEqual({
      environment_type: 'development',
    });
    const response = await fetch(`${t.server.url}/dashboard/api/enrollment`, {
      method: 'POST',
      headers: DASHBOARD,
      body: JSON.stringify({ token: 'opl_x' }),
    });
    await expectError(response, 404, 'resource_not_found');
  });
});
