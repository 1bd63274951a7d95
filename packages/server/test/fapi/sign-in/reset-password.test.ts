import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { Browser, createUser, expectError, expectOk, PASSWORD, signInWithPassword, type TestUser } from './support.js';

const NEW_PASSWORD = 'a completely new passphrase';

describe.each(DATABASES)('Frontend API sign-in: forgot password [%s]', (database) => {
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

  /** Walks a new browser to `needs_new_password` with the code from the mailbox. */
  async function verifyResetCode(user: TestUser) {
    const browser = new Browser(t.server.url);
    const signIn = expectOk(await browser.post('/client/sign_ins', { identifier: user.email })).response;
    const prepared = expectOk(
      await browser.post(`/client/sign_ins/${signIn.id}/prepare_first_factor`, {
        strategy: 'reset_password_email_code',
        email_address_id: user.primaryEmailId,
      }),
    ).response;
    expect(prepared.first_factor_verification).toMatchObject({
      status: 'unverified',
      strategy: 'reset_password_email_code',
    });
    const email = await sink.waitForMessage({ to: user.email });
    expect(email.subject).toMatch(/password reset code/);
    const verified = expectOk(
      await browser.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, {
        strategy: 'reset_password_email_code',
        code: extractCode(email.text),
      }),
    );
    expect(verified.response).toMatchObject({
      status: 'needs_new_password',
      created_session_id: null,
      first_factor_verification: { status: 'verified', strategy: 'reset_password_email_code' },
    });
    expect(verified.client.sign_in.status).toBe('needs_new_password');
    expect(verified.client.sessions).toEqual([]);
    return { browser, signIn };
  }

  it('resets the password end to end and signs out the other sessions when asked', async () => {
    const user = await createUser(t);
    // Two other devices are signed in with the old password.
    const laptop = new Browser(t.server.url);
    const phone = new Browser(t.server.url);
    const laptopSession = (await signInWithPassword(laptop, user.email)).response.created_session_id;
    const phoneSession = (await signInWithPassword(phone, user.email)).response.created_session_id;

    const { browser, signIn } = await verifyResetCode(user);
    const done = expectOk(
      await browser.post(`/client/sign_ins/${signIn.id}/reset_password`, {
        password: NEW_PASSWORD,
        sign_out_of_other_sessions: 'true',
      }),
    );
    expect(done.response).toMatchObject({ id: signIn.id, status: 'complete' });
    expect(done.client.last_active_session_id).toBe(done.response.created_session_id);
    expect(done.client.sessions.map((session: { id: string }) => session.id)).toEqual([
      done.response.created_session_id,
    ]);

    // The other sessions ended: their tokens stop working.
    expect((await t.server.store.sessions.findById(laptopSession))?.status).toBe('revoked');
    expect((await t.server.store.sessions.findById(phoneSession))?.status).toBe('revoked');
    expectError(await laptop.post(`/client/sessions/${laptopSession}/tokens`), 401, 'authentication_invalid');
    expect(expectOk(await phone.get('/client')).response.sessions).toEqual([]);

    // A notice went to the primary address.
    const notice = await sink.waitForMessage({ to: user.email });
    expect(notice.subject).toMatch(/password was changed/);

    // The new password works, the old one does not.
    expect((await signInWithPassword(new Browser(t.server.url), user.email, NEW_PASSWORD)).response.status).toBe(
      'complete',
    );
    expectError(
      await new Browser(t.server.url).post('/client/sign_ins', {
        identifier: user.email,
        strategy: 'password',
        password: PASSWORD,
      }),
      422,
      'form_password_incorrect',
      'password',
    );
    const stored = await t.server.store.users.findById(user.id);
    expect(stored?.password?.hasher).toBe('argon2id');
    expect(stored?.password?.digest).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // The change is a user.updated, as for a password changed from the profile.
    const updates = (await (await t.api(`/audit_logs?target_id=${user.id}&action=user.updated`)).json()) as unknown[];
    expect(updates).toHaveLength(1);
  });

  it('keeps the other sessions when not asked to sign them out', async () => {
    const user = await createUser(t);
    const laptop = new Browser(t.server.url);
    const laptopSession = (await signInWithPassword(laptop, user.email)).response.created_session_id;
    const { browser, signIn } = await verifyResetCode(user);
    expectOk(await browser.post(`/client/sign_ins/${signIn.id}/reset_password`, { password: NEW_PASSWORD }));
    expect((await t.server.store.sessions.findById(laptopSession))?.status).toBe('active');
    await sink.waitForMessage({ to: user.email });
  });

  it('checks the new password against the policy, and the attempt can try again', async () => {
    const user = await createUser(t);
    const { browser, signIn } = await verifyResetCode(user);
    const reset = (password: string) => browser.post(`/client/sign_ins/${signIn.id}/reset_password`, { password });
    expectError(await reset('short'), 422, 'form_password_length_too_short', 'password');
    expectError(await reset('x'.repeat(73)), 422, 'form_password_length_too_long', 'password');
    expectError(await reset('password123'), 422, 'form_password_pwned', 'password');
    // Nothing changed: still waiting, old password intact.
    expect(expectOk(await browser.get(`/client/sign_ins/${signIn.id}`)).response.status).toBe('needs_new_password');
    expect((await signInWithPassword(new Browser(t.server.url), user.email)).response.status).toBe('complete');
    // A valid one completes, once.
    expect(expectOk(await reset(NEW_PASSWORD)).response.status).toBe('complete');
    expectError(await reset('yet another new password'), 422, 'client_state_invalid');
    await sink.waitForMessage({ to: user.email });
  });

  it('a reset code does not sign in by itself, and an email code cannot reset', async () => {
    const user = await createUser(t);
    const browser = new Browser(t.server.url);
    const signIn = expectOk(await browser.post('/client/sign_ins', { identifier: user.email })).response;
    expectOk(
      await browser.post(`/client/sign_ins/${signIn.id}/prepare_first_factor`, {
        strategy: 'reset_password_email_code',
        email_address_id: user.primaryEmailId,
      }),
    );
    const code = extractCode((await sink.waitForMessage({ to: user.email })).text);
    // The reset code is not an email_code.
    expectError(
      await browser.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'email_code', code }),
      422,
      'client_state_invalid',
    );
    expectError(
      await browser.post(`/client/sign_ins/${signIn.id}/reset_password`, { password: NEW_PASSWORD }),
      422,
      'client_state_invalid',
    );
    expect(await t.server.store.sessions.count({ userId: user.id })).toBe(0);
  });
});
