import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../../src/domain/operators/create-operator.js';
import { createSignInLink } from '../../src/domain/operators/operator-sessions.js';
import { expectError, expectOk } from '../bapi/support.js';
import {
  Browser,
  createUser,
  expectError as expectFapiError,
  PASSWORD,
  signInWithPassword,
  unique,
} from '../fapi/sign-in/support.js';
import { attempt, preparedSignUp, uniqueEmail } from '../fapi/sign-up/sign-up-server.js';
import { DATABASES } from '../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const today = () => new Date().toISOString().slice(0, 10);

describe.each(DATABASES)('Backend API /stats/daily and the failed sign-in counter [%s]', (database) => {
  let t: TestServer;
  let sink: SMTPSink;
  beforeAll(async () => {
    sink = await startSMTPSink();
    t = await startTestServer(database, { smtpUrl: sink.url });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  const todayRow = async () => {
    const body = await expectOk(await t.api('/stats/daily?days=3'));
    expect(body.object).toBe('list');
    expect(body.data).toHaveLength(3);
    const last = body.data.at(-1);
    expect(last.date).toBe(today());
    return last as { sign_ups: number; sign_ins: number; failed_sign_ins: number };
  };

  it('counts sign-ins and failed first factors per day, one row a day however many fail', async () => {
    const before = await todayRow();
    // Made through the Backend API: a new user, but not a sign-up.
    const user = await createUser(t);
    const browser = new Browser(t.server.url);
    for (let i = 0; i < 3; i++) {
      expectFapiError(
        await browser.post('/client/sign_ins', {
          identifier: user.email,
          strategy: 'password',
          password: 'wrong password',
        }),
        422,
        'form_password_incorrect',
      );
    }
    await signInWithPassword(browser, user.email, PASSWORD);
    const after = await todayRow();
    expect(after.failed_sign_ins - before.failed_sign_ins).toBe(3);
    expect(after.sign_ins - before.sign_ins).toBe(1);
    expect(after.sign_ups - before.sign_ups).toBe(0);
    // A session made through the Backend API (tests, impersonation) is not a sign-in either.
    await expectOk(await t.api('/sessions', { method: 'POST', body: { user_id: user.id } }));
    expect((await todayRow()).sign_ins - before.sign_ins).toBe(1);
    const rows = await t.server.store.dailyCounters.list('sign_in.failed', 0, Date.now() + 86_400_000);
    expect(rows).toHaveLength(1);
  });

  it('counts a completed sign-up as a sign-up, not as a sign-in', async () => {
    const before = await todayRow();
    const browser = new Browser(t.server.url);
    const { id, code } = await preparedSignUp(browser, sink, uniqueEmail('stats'));
    const done = await attempt(browser, id, code);
    expect(done.status, done.text).toBe(200);
    expect(done.body.response.status).toBe('complete');
    const after = await todayRow();
    expect(after.sign_ups - before.sign_ups).toBe(1);
    expect(after.sign_ins - before.sign_ins).toBe(0);
  });

  it('counts attempts refused because the account is locked', async () => {
    const user = await createUser(t);
    await expectOk(await t.api(`/users/${user.id}/lock`, { method: 'POST' }));
    const before = await todayRow();
    expectFapiError(
      await new Browser(t.server.url).post('/client/sign_ins', {
        identifier: user.email,
        strategy: 'password',
        password: PASSWORD,
      }),
      403,
      'user_locked',
    );
    expect((await todayRow()).failed_sign_ins - before.failed_sign_ins).toBe(1);
  });

  it('is readable by a support operator; bad input is a 422', async () => {
    const { operator } = await createOperator(
      t.server.store,
      { email: `${unique('support')}@example.com`, role: 'support' },
      Date.now(),
    );
    const { token } = await createSignInLink(t.server.store, operator.id, Date.now());
    const headers = { 'content-type': 'application/json', 'x-latch-dashboard': '1' };
    const signIn = await fetch(`${t.server.url}/dashboard/api/session`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ token }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const minted = await expectOk(
      await fetch(`${t.server.url}/dashboard/api/session/tokens`, { method: 'POST', headers: { ...headers, cookie } }),
    );
    const stats = await expectOk(await t.api('/stats/daily', { headers: { authorization: `Bearer ${minted.token}` } }));
    expect(stats.data).toHaveLength(14);
    expect(stats.data[0]).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      day_start: expect.any(Number),
      sign_ups: expect.any(Number),
      sign_ins: expect.any(Number),
      failed_sign_ins: expect.any(Number),
    });
    await expectError(await t.api('/stats/daily?days=0'), 422, 'form_param_min_length_not_reached', 'days');
    await expectError(await t.api('/stats/daily?days=91'), 422, 'form_param_max_length_exceeded', 'days');
    await expectError(await t.api('/stats/daily?days=abc'), 422, 'form_param_format_invalid', 'days');
    await expectError(await t.api('/stats/daily?since=1'), 422, 'form_param_unknown');
  });
});
