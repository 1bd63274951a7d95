import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import {
  Browser,
  createUser,
  expectError,
  expectOk,
  type JSONBody,
  PASSWORD,
  setSettings,
  signInWithPassword,
  unique,
} from './support.js';

/** The creation time in a `createId` id: its first 48 bits, in milliseconds. */
function idTimestamp(id: string): number {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let value = 0n;
  for (const char of id.slice(id.indexOf('_') + 1)) value = value * 62n + BigInt(alphabet.indexOf(char));
  return Number(value >> 80n);
}

describe.each(DATABASES)('Frontend API sign-in protection [%s]', (database) => {
  let t: TestServer;
  let sink: SMTPSink;
  let defaults: TestServer['server']['instance']['settings'];
  beforeAll(async () => {
    sink = await startSMTPSink();
    // Each test browser has its own X-Forwarded-For address: per-IP limits stay per test.
    t = await startTestServer(database, { smtpUrl: sink.url, trustProxy: 'true' });
    defaults = t.server.instance.settings;
  });
  afterEach(() => {
    t.server.instance.settings = defaults;
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  const browser = () => new Browser(t.server.url);
  const passwordSignIn = (b: Browser, identifier: string, password: string) =>
    b.post('/client/sign_ins', { identifier, strategy: 'password', password });
  const protect = (change: Partial<typeof defaults.protection>) =>
    setSettings(t, (settings) => ({ ...settings, protection: { ...settings.protection, ...change } }));

  describe('rate limits', () => {
    it('answers 429 with Retry-After once an identifier has had its tries, before checking the password', async () => {
      const user = await createUser(t);
      const b = browser();
      // Creation with a password and attempts count against the same identifier.
      for (let i = 0; i < 5; i += 1)
        expectError(await passwordSignIn(b, user.email, `wrong ${i}`), 422, 'form_password_incorrect');
      const signIn = expectOk(await b.post('/client/sign_ins', { identifier: user.email })).response;
      const attempt = (password: string) =>
        b.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, { strategy: 'password', password });
      for (let i = 0; i < 5; i += 1) expectError(await attempt(`wrong again ${i}`), 422, 'form_password_incorrect');
      const limited = await attempt(PASSWORD);
      expectError(limited, 429, 'too_many_requests');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // From another browser (another IP) too: the limit follows the identifier.
      expectError(await passwordSignIn(browser(), user.email.toUpperCase(), PASSWORD), 429, 'too_many_requests');
      // Limited requests never reached the password check: the failure count stopped at ten.
      expect((await t.server.store.users.findById(user.id))?.failedVerificationAttempts).toBe(10);
      expect(expectOk(await b.get(`/client/sign_ins/${signIn.id}`)).response.status).toBe('needs_first_factor');
    });
  });

  describe('lockout', () => {
    it('locks after maxFailedAttempts, refuses even the right password, and the Backend API unlock clears it', async () => {
      protect({ maxFailedAttempts: 3, lockoutSeconds: 600 });
      const user = await createUser(t);
      const b = browser();
      expectError(await passwordSignIn(b, user.email, 'wrong one'), 422, 'form_password_incorrect', 'password');
      expectError(await passwordSignIn(b, user.email, 'wrong two'), 422, 'form_password_incorrect', 'password');
      const locking = expectError(await passwordSignIn(b, user.email, 'wrong three'), 403, 'user_locked');
      expect(locking.meta.lockout_expires_in_seconds).toBeGreaterThan(590);
      expect(locking.meta.lockout_expires_in_seconds).toBeLessThanOrEqual(600);

      const locked = expectError(await passwordSignIn(b, user.email, PASSWORD), 403, 'user_locked');
      expect(locked.meta.lockout_expires_in_seconds).toBeGreaterThan(0);
      expectError(await b.post('/client/sign_ins', { identifier: user.username }), 403, 'user_locked');

      const apiUser = (await (await t.api(`/users/${user.id}`)).json()) as JSONBody;
      expect(apiUser).toMatchObject({ locked: true });
      expect(apiUser.lockout_expires_in_seconds).toBeGreaterThan(590);
      // Locking changed the user: one user.updated (the failures before it recorded none).
      const updates = (await (
        await t.api(`/audit_logs?target_id=${user.id}&action=user.updated`)
      ).json()) as JSONBody[];
      expect(updates).toHaveLength(1);

      expect((await t.api(`/users/${user.id}/unlock`, { method: 'POST' })).status).toBe(200);
      expect((await signInWithPassword(browser(), user.email)).response.status).toBe('complete');
      expect((await t.server.store.users.findById(user.id))?.failedVerificationAttempts).toBe(0);
    });

    it('counts wrong codes too, and refuses prepare and attempt while locked', async () => {
      protect({ maxFailedAttempts: 2, lockoutSeconds: 600 });
      const user = await createUser(t);
      const b = browser();
      const signIn = expectOk(await b.post('/client/sign_ins', { identifier: user.email })).response;
      const step = (name: string, form: Record<string, string>) =>
        b.post(`/client/sign_ins/${signIn.id}/${name}`, form);
      expectOk(await step('prepare_first_factor', { strategy: 'email_code', email_address_id: user.primaryEmailId }));
      const code = extractCode((await sink.waitForMessage({ to: user.email })).text);
      const wrong = code === '000000' ? '111111' : '000000';
      expectError(
        await step('attempt_first_factor', { strategy: 'email_code', code: wrong }),
        422,
        'form_code_incorrect',
        'code',
      );
      expectError(await step('attempt_first_factor', { strategy: 'email_code', code: wrong }), 403, 'user_locked');
      expectError(await step('attempt_first_factor', { strategy: 'email_code', code }), 403, 'user_locked');
      expectError(
        await step('prepare_first_factor', { strategy: 'email_code', email_address_id: user.primaryEmailId }),
        403,
        'user_locked',
      );
      expectError(await step('attempt_first_factor', { strategy: 'password', password: PASSWORD }), 403, 'user_locked');
    });

    it('lapses by itself after lockoutSeconds, starting a fresh count', async () => {
      protect({ maxFailedAttempts: 2, lockoutSeconds: 600 });
      const user = await createUser(t);
      const b = browser();
      expectError(await passwordSignIn(b, user.email, 'wrong one'), 422, 'form_password_incorrect');
      expectError(await passwordSignIn(b, user.email, 'wrong two'), 403, 'user_locked');
      // Let the lockout run out (as if ten minutes passed).
      await t.server.store.users.update(user.id, { lockoutExpiresAt: Date.now() - 1000 });
      expectError(await passwordSignIn(b, user.email, 'wrong three'), 422, 'form_password_incorrect');
      const stored = await t.server.store.users.findById(user.id);
      expect(stored).toMatchObject({ locked: false, failedVerificationAttempts: 1 });
      expect((await signInWithPassword(b, user.email)).response.status).toBe('complete');
    });

    it('an administrator lock has no expiry', async () => {
      const user = await createUser(t);
      expect((await t.api(`/users/${user.id}/lock`, { method: 'POST' })).status).toBe(200);
      const error = expectError(await passwordSignIn(browser(), user.email, PASSWORD), 403, 'user_locked');
      expect(error.meta).toEqual({ lockout_expires_in_seconds: null });
    });
  });

  describe('banned users', () => {
    it('refuses a banned user at every step with 403 user_banned, and again after unban works', async () => {
      const user = await createUser(t);
      const b = browser();
      const signIn = expectOk(await b.post('/client/sign_ins', { identifier: user.email })).response;
      expect((await t.api(`/users/${user.id}/ban`, { method: 'POST' })).status).toBe(200);
      expectError(await passwordSignIn(browser(), user.email, PASSWORD), 403, 'user_banned');
      expectError(await browser().post('/client/sign_ins', { identifier: user.email }), 403, 'user_banned');
      expectError(
        await b.post(`/client/sign_ins/${signIn.id}/attempt_first_factor`, {
          strategy: 'password',
          password: PASSWORD,
        }),
        403,
        'user_banned',
      );
      expectError(
        await b.post(`/client/sign_ins/${signIn.id}/prepare_first_factor`, {
          strategy: 'email_code',
          email_address_id: user.primaryEmailId,
        }),
        403,
        'user_banned',
      );
      expect(await t.server.store.sessions.count({ userId: user.id })).toBe(0);
      expect((await t.api(`/users/${user.id}/unban`, { method: 'POST' })).status).toBe(200);
      expect((await signInWithPassword(browser(), user.email)).response.status).toBe('complete');
    });
  });

  describe('enumeration protection', () => {
    /** The parts of a sign-in an observer could compare, with ids reduced to their shape. */
    function shape(signIn: JSONBody) {
      return {
        ...signIn,
        id: signIn.id.replace(/_.*/, '_'),
        abandon_at: typeof signIn.abandon_at,
        identifier: typeof signIn.identifier,
        supported_first_factors: signIn.supported_first_factors.map((factor: JSONBody) => ({
          ...factor,
          ...(factor.email_address_id ? { email_address_id: factor.email_address_id.replace(/_.*/, '_') } : {}),
          ...(factor.safe_identifier ? { safe_identifier: factor.safe_identifier === signIn.identifier } : {}),
        })),
      };
    }

    it('off: an unknown identifier is form_identifier_not_found', async () => {
      protect({ enumerationProtection: false });
      expectError(
        await browser().post('/client/sign_ins', { identifier: 'ghost@example.com' }),
        422,
        'form_identifier_not_found',
        'identifier',
      );
    });

    it('on: an unknown email gets an attempt that looks like a real one and fails only at its credential', async () => {
      protect({ enumerationProtection: true });
      const real = await createUser(t, { first_name: 'Grace', last_name: 'Hopper' });
      const ghost = `${unique('ghost')}@example.com`;

      const realSignIn = expectOk(await browser().post('/client/sign_ins', { identifier: real.email })).response;
      const b = browser();
      const created = expectOk(await b.post('/client/sign_ins', { identifier: ghost }));
      const fake = created.response;
      expect(shape(fake)).toEqual(shape(realSignIn));
      // No names or avatar before the first factor, for anyone.
      expect(realSignIn.user_data).toEqual({ first_name: null, last_name: null, image_url: '', has_image: false });
      expect(fake.supported_first_factors[1]).toMatchObject({
        strategy: 'email_code',
        safe_identifier: ghost,
        primary: true,
      });
      expect(fake.supported_first_factors[1].email_address_id).toMatch(/^idn_[0-9A-Za-z]{22}$/);
      // Stable: asking again fabricates the same factors.
      const again = expectOk(await browser().post('/client/sign_ins', { identifier: ghost })).response;
      expect(again.supported_first_factors).toEqual(fake.supported_first_factors);
      expect(created.client.sign_in.id).toBe(fake.id);

      // Password: incorrect, as for a real account.
      expectError(
        await b.post(`/client/sign_ins/${fake.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD }),
        422,
        'form_password_incorrect',
        'password',
      );
      expectError(await passwordSignIn(browser(), ghost, PASSWORD), 422, 'form_password_incorrect', 'password');

      // Email code: "sent" (nothing goes out), then incorrect.
      const prepared = expectOk(
        await b.post(`/client/sign_ins/${fake.id}/prepare_first_factor`, {
          strategy: 'email_code',
          email_address_id: fake.supported_first_factors[1].email_address_id,
        }),
      ).response;
      expect(prepared.first_factor_verification).toMatchObject({
        status: 'unverified',
        strategy: 'email_code',
        attempts: 0,
      });
      for (const code of ['000000', '123456']) {
        expectError(
          await b.post(`/client/sign_ins/${fake.id}/attempt_first_factor`, { strategy: 'email_code', code }),
          422,
          'form_code_incorrect',
          'code',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(sink.messages.some((message) => message.envelope.to.includes(ghost))).toBe(false);
      expect(await t.server.store.emails.list({ toAddress: ghost, limit: 1, offset: 0 })).toEqual([]);

      // The real user still signs in, and sees their name once proven.
      const done = await signInWithPassword(browser(), real.email);
      expect(done.response.user_data).toMatchObject({ first_name: 'Grace', last_name: 'Hopper' });
    });

    it('on: an unknown username gets masked, stable, fabricated factors', async () => {
      protect({ enumerationProtection: true });
      const name = unique('nobody').replace(/-/g, '_');
      const fake = expectOk(await browser().post('/client/sign_ins', { identifier: name })).response;
      expect(fake.status).toBe('needs_first_factor');
      expect(fake.supported_first_factors.map((factor: JSONBody) => factor.strategy)).toEqual([
        'password',
        'email_code',
        'reset_password_email_code',
      ]);
      expect(fake.supported_first_factors[1].safe_identifier).toMatch(/^n\*\*\*@[a-z]\*\*\*\.[a-z]+$/);
      const again = expectOk(await browser().post('/client/sign_ins', { identifier: name })).response;
      expect(again.supported_first_factors).toEqual(fake.supported_first_factors);
      // The fabricated id is dated within the instance's lifetime, like a real one.
      const at = idTimestamp(fake.supported_first_factors[1].email_address_id);
      expect(at).toBeGreaterThanOrEqual(t.server.instance.createdAt);
      expect(at).toBeLessThanOrEqual(Date.now());
      const real = await createUser(t);
      const realFactor = expectOk(await browser().post('/client/sign_ins', { identifier: real.username })).response
        .supported_first_factors[1];
      expect(realFactor.safe_identifier).toMatch(/^s\*\*\*@e\*\*\*\.com$/);
    });

    it('on: unknown identifiers lock out after maxFailedAttempts like real accounts', async () => {
      protect({ enumerationProtection: true, maxFailedAttempts: 3, lockoutSeconds: 600 });
      const ghost = `${unique('ghost')}@example.com`;
      const b = browser();
      expectError(await passwordSignIn(b, ghost, 'one'), 422, 'form_password_incorrect');
      expectError(await passwordSignIn(b, ghost, 'two'), 422, 'form_password_incorrect');
      const locking = expectError(await passwordSignIn(b, ghost, 'three'), 403, 'user_locked');
      expect(locking.meta.lockout_expires_in_seconds).toBeGreaterThan(590);
      expectError(await b.post('/client/sign_ins', { identifier: ghost }), 403, 'user_locked');
    });

    it('on: an account without a password answers "incorrect" at creation like everyone else', async () => {
      protect({ enumerationProtection: true });
      const user = await createUser(t, { password: undefined });
      expectError(await passwordSignIn(browser(), user.email, PASSWORD), 422, 'form_password_incorrect', 'password');
    });

    it('on: unknown and known identifiers take about as long (one argon2 verification each)', async () => {
      protect({ enumerationProtection: true });
      const users = [await createUser(t), await createUser(t)];
      const timed = async (identifier: string) => {
        const started = performance.now();
        expectError(await passwordSignIn(browser(), identifier, 'not the password'), 422, 'form_password_incorrect');
        return performance.now() - started;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let round = 0; round < 6; round += 1) {
        for (const user of users) {
          known.push(await timed(user.email));
          unknown.push(await timed(`${unique('ghost')}@example.com`));
        }
      }
      // The fastest of each is the intrinsic cost (a busy machine only ever adds time). Loose bounds
      // for a busy CI machine: without the dummy verification an unknown identifier costs only its
      // database queries, a small fraction of an argon2 verification.
      const known0 = Math.min(...known);
      const unknown0 = Math.min(...unknown);
      const report = `unknown ${unknown0.toFixed(1)} ms vs known ${known0.toFixed(1)} ms`;
      expect(unknown0 / known0, report).toBeGreaterThan(0.4);
      expect(unknown0 / known0, report).toBeLessThan(2.5);
    });
  });
});
