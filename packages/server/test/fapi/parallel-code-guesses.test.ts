import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CODE_ATTEMPTS } from '../../src/domain/verification/verification-code.js';
import { DATABASES } from '../support/databases.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { Browser, createUser, expectOk } from './sign-in/support.js';
import { attempt, preparedSignUp, uniqueEmail } from './sign-up/sign-up-server.js';

/** A six-digit guess that is not `code`. */
const wrongGuess = (code: string, i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');

/**
 * Every guess at an emailed code counts, also when a script fires them all at once: the checks of one
 * code run one after another (checkCodeSerialized), so after five wrong guesses in parallel the right
 * code is refused. On PostgreSQL, where the parallel requests run on separate connections, each used
 * to read the same attempt count and the five counted as one or two.
 */
describe.each(DATABASES)('parallel guesses at an emailed code [%s]', (database) => {
  let sink: SMTPSink;
  let t: TestServer;
  beforeAll(async () => {
    sink = await startSMTPSink();
    // Each test browser has its own X-Forwarded-For address: per-IP limits stay per test.
    t = await startTestServer(database, { smtpUrl: sink.url, trustProxy: 'true' });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  it('sign-in: five wrong codes at once spend the code', async () => {
    const user = await createUser(t, {});
    const browser = new Browser(t.server.url);
    const signIn = expectOk(
      await browser.post('/client/sign_ins', { identifier: user.email, strategy: 'email_code' }),
    ).response;
    const code = extractCode((await sink.waitForMessage({ to: user.email })).text);
    const guess = (value: string) =>
      browser.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'email_code', code: value });

    const wrong = await Promise.all(Array.from({ length: MAX_CODE_ATTEMPTS }, (_, i) => guess(wrongGuess(code, i))));
    // Each guess counts: the last one counted uses up the code (Clerk's 400 verification_failed), the others are wrong.
    const outcomes = wrong.map((response) => `${response.status} ${response.body.errors[0].code}`).sort();
    expect(outcomes).toEqual([
      '400 verification_failed',
      ...Array(MAX_CODE_ATTEMPTS - 1).fill('422 form_code_incorrect'),
    ]);
    const stored = await t.server.store.signIns.findById(signIn.id);
    expect(stored?.firstFactorVerification).toMatchObject({ attempts: MAX_CODE_ATTEMPTS, status: 'failed' });

    const right = await guess(code);
    expect(right.status).toBe(400);
    expect(right.body.errors[0].code).toBe('verification_failed');
    expect((await t.server.store.sessions.list({ userId: user.id })).length).toBe(0);
  });

  it('sign-up: five wrong codes at once spend the code', async () => {
    const browser = new Browser(t.server.url);
    const email = uniqueEmail('parallel');
    const { id, code } = await preparedSignUp(browser, sink, email);
    const wrong = await Promise.all(
      Array.from({ length: MAX_CODE_ATTEMPTS }, (_, i) => attempt(browser, id, wrongGuess(code, i))),
    );
    expect(wrong.every((response) => response.status >= 400 && response.status < 500)).toBe(true);
    const stored = await t.server.store.signUps.findById(id);
    expect(stored?.emailVerification).toMatchObject({ attempts: MAX_CODE_ATTEMPTS, status: 'failed' });

    const right = await attempt(browser, id, code);
    expect(right.status).toBeGreaterThanOrEqual(400);
    expect((await t.server.store.signUps.findById(id))?.status).not.toBe('complete');
  });

  it('sign-up: the right code sent twice at once verifies once and creates one user', async () => {
    const browser = new Browser(t.server.url);
    const email = uniqueEmail('twice');
    const { id, code } = await preparedSignUp(browser, sink, email);
    const both = await Promise.all([attempt(browser, id, code), attempt(browser, id, code)]);
    const statuses = both.map((response) => response.status).sort();
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).toBeGreaterThanOrEqual(400);
    expect(statuses[1]).toBeLessThan(500);
    const users = await t.server.store.users.list(
      { emailAddresses: [email] },
      { limit: 10, offset: 0, orderBy: 'created_at', direction: 'desc' },
    );
    expect(users).toHaveLength(1);
  });
});
