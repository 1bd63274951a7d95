import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../../src/domain/operators/create-operator.js';
import { createSignInLink } from '../../src/domain/operators/operator-sessions.js';
import { totpCode, totpStep } from '../../src/domain/operators/totp.js';
import { expectError, expectOk, unique } from '../bapi/support.js';
import { DATABASES } from '../support/databases.js';
import { PRODUCTION_WITHOUT_MAIL, startTestServer, type TestServer } from '../support/test-server.js';

const DASHBOARD = { 'content-type': 'application/json', 'x-latch-dashboard': '1' };

/** Production operators: no one-time links, a TOTP code always, and a Secure cookie behind a TLS proxy. */
describe.each(DATABASES)('Dashboard sign-in on a production instance [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database, PRODUCTION_WITHOUT_MAIL);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const signIn = (body: unknown) =>
    fetch(`${t.server.url}/dashboard/api/session`, { method: 'POST', headers: DASHBOARD, body: JSON.stringify(body) });

  it('refuses one-time links', async () => {
    const { operator } = await createOperator(
      t.server.store,
      { email: `${unique('link')}@example.com`, role: 'owner' },
      Date.now(),
    );
    const { token } = await createSignInLink(t.server.store, operator.id, Date.now());
    await expectError(await signIn({ token }), 403, 'not_allowed_access');
  });

  it('refuses a password without a TOTP code, and an operator without TOTP', async () => {
    const password = 'a long operator password';
    const email = `${unique('nototp')}@example.com`;
    await createOperator(t.server.store, { email, role: 'admin', password }, Date.now());
    expect((await signIn({ email, password })).status).toBe(401);
  });

  it('signs in with password + TOTP; the session cookie is Secure though the proxy spoke http', async () => {
    const password = 'a long operator password';
    const email = `${unique('totp')}@example.com`;
    const { totpSecret } = await createOperator(
      t.server.store,
      { email, role: 'admin', password, totp: true },
      Date.now(),
    );
    const response = await signIn({ email, password, totp_code: totpCode(totpSecret as string, totpStep(Date.now())) });
    await expectOk(response.clone());
    expect(response.headers.get('set-cookie')).toMatch(
      /^__latch_operator=ops_[\w-]+; Path=\/dashboard\/api; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/,
    );
  });
});
