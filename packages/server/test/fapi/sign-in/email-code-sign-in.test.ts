import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { Browser, createUser, expectError, expectOk } from './support.js';

describe.each(DATABASES)('Frontend API sign-in with an email code [%s]', (database) => {
  let t: TestServer;
  let sink: SMTPSink;
  beforeAll(async () => {
    sink = await startSMTPSink();
    // Each test browser has its own X-Forwarded-For address: per-IP limits stay per test.
    t = await startTestServer(database, { smtpUrl: sink.url, trustProxy: 'true' });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  /** A sign-in for a new user, waiting for its first factor. */
  async function startSignIn(fields: Record<string, unknown> = {}) {
    const user = await createUser(t, fields);
    const browser = new Browser(t.server.url);
    const signIn = expectOk(await browser.post('/client/sign_ins', { identifier: user.email })).response;
    const prepare = () =>
      browser.post(`/client/sign_ins/${signIn.id}/prepare_first_factor`, {
        strategy: 'email_code',
        email_address_id: user.primaryEmailId,
      });
    const attempt = (code: string) =>
      browser.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'email_code', code });
    return { user, browser, signIn, prepare, attempt };
  }

  it('sends a sign_in_code email and completes with the code', async () => {
    const { user, signIn, prepare, attempt } = await startSignIn();
    const prepared = expectOk(await prepare());
    expect(prepared.response.first_factor_verification).toMatchObject({
      object: 'verification',
      status: 'unverified',
      strategy: 'email_code',
      attempts: 0,
    });
    expect(prepared.response.first_factor_verification.expire_at).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(prepared.client.sign_in.first_factor_verification.status).toBe('unverified');

    const email = await sink.waitForMessage({ to: user.email });
    expect(email.subject).toMatch(/sign-in code/);
    const code = extractCode(email.text);
    expect(prepared.response.first_factor_verification).not.toHaveProperty('code');

    const done = expectOk(await attempt(code));
    expect(done.response).toMatchObject({
      id: signIn.id,
      status: 'complete',
      first_factor_verification: { status: 'verified', strategy: 'email_code', attempts: 1 },
    });
    expect(done.client.last_active_session_id).toBe(done.response.created_session_id);
    // The dev inbox kept it too, under the template name.
    const stored = await t.server.store.emails.list({ toAddress: user.email, limit: 5, offset: 0 });
    expect(stored.map((message) => message.template)).toContain('sign_in_code');
  });

  it('rejects a wrong code, counts it, and keeps the right one usable', async () => {
    const { user, prepare, attempt } = await startSignIn();
    expectOk(await prepare());
    const code = extractCode((await sink.waitForMessage({ to: user.email })).text);
    const wrong = code === '000000' ? '111111' : '000000';
    expectError(await attempt(wrong), 422, 'form_code_incorrect', 'code');
    expect((await t.server.store.users.findById(user.id))?.failedVerificationAttempts).toBe(1);
    expectOk(await attempt(code));
    expect((await t.server.store.users.findById(user.id))?.failedVerificationAttempts).toBe(0);
  });

  it('a code works once, only for the newest email, and dies after five wrong tries', async () => {
    const first = await startSignIn();
    expectOk(await first.prepare());
    const oldCode = extractCode((await sink.waitForMessage({ to: first.user.email })).text);
    expectOk(await first.prepare());
    const newCode = extractCode((await sink.waitForMessage({ to: first.user.email })).text);
    if (oldCode !== newCode) expectError(await first.attempt(oldCode), 422, 'form_code_incorrect', 'code');
    expectOk(await first.attempt(newCode));
    // Replaying it on the completed attempt does nothing.
    expectError(await first.attempt(newCode), 422, 'client_state_invalid');

    const second = await startSignIn();
    expectOk(await second.prepare());
    const code = extractCode((await sink.waitForMessage({ to: second.user.email })).text);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i += 1) expectError(await second.attempt(wrong), 422, 'form_code_incorrect', 'code');
    expectError(await second.attempt(wrong), 400, 'verification_failed', 'code');
    // Now even the right code is refused: the verification is spent.
    expectError(await second.attempt(code), 400, 'verification_failed', 'code');
    const view = expectOk(await second.browser.get(`/client/sign_ins/${second.signIn.id}`)).response;
    expect(view.first_factor_verification).toMatchObject({ status: 'failed', attempts: 5 });
    // A fresh code starts a fresh budget.
    expectOk(await second.prepare());
    const fresh = extractCode((await sink.waitForMessage({ to: second.user.email })).text);
    expectOk(await second.attempt(fresh));
  });

  it('refuses an expired code', async () => {
    const { user, signIn, prepare, attempt } = await startSignIn();
    expectOk(await prepare());
    const code = extractCode((await sink.waitForMessage({ to: user.email })).text);
    const stored = await t.server.store.signIns.findById(signIn.id);
    if (!stored?.firstFactorVerification) throw new Error('no verification stored');
    await t.server.store.signIns.update({
      ...stored,
      firstFactorVerification: { ...stored.firstFactorVerification, expireAt: Date.now() - 1000 },
    });
    expectError(await attempt(code), 400, 'verification_expired', 'code');
  });

  it('can send the code in the create call (strategy=email_code)', async () => {
    const user = await createUser(t);
    const browser = new Browser(t.server.url);
    const created = expectOk(
      await browser.post('/client/sign_ins', { identifier: user.username, strategy: 'email_code' }),
    );
    expect(created.response.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'email_code' });
    const code = extractCode((await sink.waitForMessage({ to: user.email })).text);
    const done = expectOk(
      await browser.post(`/client/sign_ins/${created.response.id}/attempt_first_factor`, {
        strategy: 'email_code',
        code,
      }),
    );
    expect(done.response.status).toBe('complete');
  });

  it('offers every verified address, masks the ones not typed, and sends where asked', async () => {
    const primary = `${Date.now().toString(36)}-first@example.com`;
    const second = `${Date.now().toString(36)}-second@example.org`;
    const user = await createUser(t, { email_address: [primary, second] });
    const apiUser = (await (await t.api(`/users/${user.id}`)).json()) as {
      email_addresses: { id: string; email_address: string }[];
    };
    const secondId = apiUser.email_addresses.find((email) => email.email_address === second)?.id;
    const browser = new Browser(t.server.url);
    const signIn = expectOk(await browser.post('/client/sign_ins', { identifier: second })).response;
    const factors = signIn.supported_first_factors.filter(
      (factor: { strategy: string }) => factor.strategy === 'email_code',
    );
    expect(factors).toEqual(
      expect.arrayContaining([
        {
          strategy: 'email_code',
          email_address_id: user.primaryEmailId,
          safe_identifier: `${primary[0]}***@e***.com`,
          primary: true,
        },
        { strategy: 'email_code', email_address_id: secondId, safe_identifier: second, primary: false },
      ]),
    );
    expect(factors).toHaveLength(2);
    expectOk(
      await browser.post(`/client/sign_ins/${signIn.id}/prepare_first_factor`, {
        strategy: 'email_code',
        email_address_id: secondId as string,
      }),
    );
    const code = extractCode((await sink.waitForMessage({ to: second })).text);
    const done = expectOk(
      await browser.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'email_code', code }),
    );
    expect(done.response.status).toBe('complete');
  });

  it('limits how many codes one identifier can request (429 with Retry-After)', async () => {
    const { user, prepare } = await startSignIn();
    for (let i = 0; i < 5; i += 1) expectOk(await prepare());
    const limited = await prepare();
    expectError(limited, 429, 'too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    for (let i = 0; i < 5; i += 1) await sink.waitForMessage({ to: user.email });
  });
});
