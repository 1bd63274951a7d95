import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import { hash as argon2Hash } from '@node-rs/argon2';
import { hash as bcryptHash } from '@node-rs/bcrypt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { countUsers, createUser, expectError, expectOk, unique, verifyPassword } from './support.js';

/** What every stored password converges on: argon2id at OWASP's parameters. */
const CURRENT_ARGON2ID = '$argon2id$v=19$m=19456,t=2,p=1$';

// `Algorithm` is a const enum in @node-rs/argon2's types: its values, spelled out.
const ARGON2I = 1;
const ARGON2ID = 2;

/** werkzeug's `generate_password_hash(method="scrypt:16384:8:1")` layout. */
function scryptWerkzeug(password: string, salt = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')): string {
  const key = scryptSync(password, salt, 64, { N: 16384, r: 8, p: 1 });
  return `scrypt:16384:8:1$${salt}$${key.toString('hex')}`;
}

/** Django's `PBKDF2PasswordHasher` layout. */
function pbkdf2Django(password: string, iterations = 10_000, salt = randomBytes(9).toString('hex')): string {
  const key = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  return `pbkdf2_sha256$${iterations}$${salt}$${key.toString('base64')}`;
}

const IMPORTED: { hasher: string; digest: (password: string) => Promise<string> }[] = [
  { hasher: 'bcrypt', digest: (password) => bcryptHash(password, { cost: 8 }) },
  { hasher: 'argon2i', digest: (password) => argon2Hash(password, { algorithm: ARGON2I as never }) },
  // Older parameters (the libraries' defaults before OWASP's current advice): upgraded on success.
  {
    hasher: 'argon2id',
    digest: (password) =>
      argon2Hash(password, { algorithm: ARGON2ID as never, memoryCost: 4096, timeCost: 3, parallelism: 1 }),
  },
  { hasher: 'scrypt_werkzeug', digest: async (password) => scryptWerkzeug(password) },
  { hasher: 'pbkdf2_sha256', digest: async (password) => pbkdf2Django(password) },
  { hasher: 'pbkdf2_sha256_django', digest: async (password) => pbkdf2Django(password, 1000) },
];

describe.each(DATABASES)('Backend API users: passwords [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const email = () => [`${unique('pw')}@example.com`];
  const stored = async (id: string) => (await t.server.store.users.findById(id))?.password;

  describe('plaintext passwords', () => {
    it('are stored as argon2id at the current parameters, salted, and verify', async () => {
      const a = await createUser(t, { email_address: email(), password: 'same password for both' });
      const b = await createUser(t, { email_address: email(), password: 'same password for both' });
      const [digestA, digestB] = [await stored(a.id), await stored(b.id)];
      expect(digestA?.hasher).toBe('argon2id');
      expect(digestA?.digest.startsWith(CURRENT_ARGON2ID)).toBe(true);
      expect(digestA?.digest).not.toBe(digestB?.digest);
      expect(a.password_enabled).toBe(true);
      expect(a.password_last_updated_at).toBe(digestA?.updatedAt);
      expect(await expectOk(await verifyPassword(t, a.id, 'same password for both'))).toEqual({ verified: true });
      // A successful check of a current digest does not rewrite it.
      expect((await stored(a.id))?.digest).toBe(digestA?.digest);
    });

    it('must be 8 to 72 characters, counted as characters not bytes', async () => {
      const before = await countUsers(t);
      for (const password of ['short', '7 chars']) {
        await expectError(
          await t.api('/users', { method: 'POST', body: { email_address: email(), password } }),
          422,
          'form_password_length_too_short',
          'password',
        );
      }
      await expectError(
        await t.api('/users', { method: 'POST', body: { email_address: email(), password: 'x'.repeat(73) } }),
        422,
        'form_password_length_too_long',
        'password',
      );
      expect(await countUsers(t)).toBe(before);
      for (const password of ['8 chars!', 'y'.repeat(72), '🔒🔒🔒🔒🔒🔒🔒🔒']) {
        const user = await createUser(t, { email_address: email(), password });
        expect(await expectOk(await verifyPassword(t, user.id, password))).toEqual({ verified: true });
      }
    });

    it('skip_password_checks allows a short password, but not an empty one', async () => {
      const user = await createUser(t, { email_address: email(), password: 'abc', skip_password_checks: true });
      expect(await expectOk(await verifyPassword(t, user.id, 'abc'))).toEqual({ verified: true });
      await expectError(await verifyPassword(t, user.id, 'abcd'), 422, 'form_password_incorrect', 'password');
      await expectError(
        await t.api('/users', {
          method: 'POST',
          body: { email_address: email(), password: '', skip_password_checks: true },
        }),
        422,
        'form_param_value_invalid',
        'password',
      );
    });

    it('apply the policy on update too', async () => {
      const user = await createUser(t, { email_address: email(), password: 'original password' });
      await expectError(
        await t.api(`/users/${user.id}`, { method: 'PATCH', body: { password: 'tiny' } }),
        422,
        'form_password_length_too_short',
        'password',
      );
      expect(await expectOk(await verifyPassword(t, user.id, 'original password'))).toEqual({ verified: true });
      await expectOk(
        await t.api(`/users/${user.id}`, { method: 'PATCH', body: { password: 'tiny', skip_password_checks: true } }),
      );
      expect(await expectOk(await verifyPassword(t, user.id, 'tiny'))).toEqual({ verified: true });
    });
  });

  describe.each(IMPORTED)('imported $hasher digest', ({ hasher, digest }) => {
    const password = `imported ${hasher} pässword`;
    let userId: string;
    let imported: string;

    beforeAll(async () => {
      imported = await digest(password);
      const user = await createUser(t, { email_address: email(), password_digest: imported, password_hasher: hasher });
      userId = user.id;
      expect(user.password_enabled).toBe(true);
      expect(JSON.stringify(user)).not.toContain(imported);
    });

    it('is stored as given until it is checked', async () => {
      expect(await stored(userId)).toMatchObject({ hasher, digest: imported });
    });

    it('refuses a wrong password and keeps the digest', async () => {
      await expectError(await verifyPassword(t, userId, `${password}!`), 422, 'form_password_incorrect', 'password');
      await expectError(await verifyPassword(t, userId, 'imported'), 422, 'form_password_incorrect', 'password');
      expect(await stored(userId)).toMatchObject({ hasher, digest: imported });
    });

    it('verifies the right password and is then re-hashed to argon2id', async () => {
      const updatedAt = (await stored(userId))?.updatedAt;
      expect(await expectOk(await verifyPassword(t, userId, password))).toEqual({ verified: true });
      const upgraded = await stored(userId);
      expect(upgraded?.hasher).toBe('argon2id');
      expect(upgraded?.digest.startsWith(CURRENT_ARGON2ID)).toBe(true);
      expect(upgraded?.digest).not.toBe(imported);
      // The password did not change, so neither does its date.
      expect(upgraded?.updatedAt).toBe(updatedAt);
      expect((await expectOk(await t.api(`/users/${userId}`))).password_last_updated_at).toBe(updatedAt);
    });

    it('keeps verifying after the upgrade, and still refuses wrong passwords', async () => {
      expect(await expectOk(await verifyPassword(t, userId, password))).toEqual({ verified: true });
      await expectError(await verifyPassword(t, userId, `${password}!`), 422, 'form_password_incorrect', 'password');
    });
  });

  describe('imported digests, edge cases', () => {
    it('leaves an argon2id digest at the current parameters as it is', async () => {
      const password = 'already current';
      const digest = await argon2Hash(password, {
        algorithm: ARGON2ID as never,
        memoryCost: 19456,
        timeCost: 2,
        parallelism: 1,
      });
      expect(digest.startsWith(CURRENT_ARGON2ID)).toBe(true);
      const user = await createUser(t, {
        email_address: email(),
        password_digest: digest,
        password_hasher: 'argon2id',
      });
      expect(await expectOk(await verifyPassword(t, user.id, password))).toEqual({ verified: true });
      expect(await stored(user.id)).toMatchObject({ hasher: 'argon2id', digest });
    });

    it('can be set on update', async () => {
      const user = await createUser(t, { email_address: email(), password: 'the old password' });
      const digest = await bcryptHash('the new password', { cost: 4 });
      await expectOk(
        await t.api(`/users/${user.id}`, {
          method: 'PATCH',
          body: { password_digest: digest, password_hasher: 'bcrypt' },
        }),
      );
      await expectError(await verifyPassword(t, user.id, 'the old password'), 422, 'form_password_incorrect');
      expect(await expectOk(await verifyPassword(t, user.id, 'the new password'))).toEqual({ verified: true });
      expect((await stored(user.id))?.hasher).toBe('argon2id');
    });

    it('refuses malformed digests with form_password_digest_invalid and creates nothing', async () => {
      const argon2i = await argon2Hash('x', { algorithm: ARGON2I as never });
      const malformed: [string, string][] = [
        ['bcrypt', 'not-a-bcrypt-hash'],
        ['bcrypt', '$2b$10$tooshort'],
        ['bcrypt', scryptWerkzeug('x')],
        ['argon2id', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ'],
        ['argon2id', argon2i],
        ['argon2i', 'argon2i'],
        ['scrypt_werkzeug', 'scrypt:16384:8:1$salt$NOT-HEX'],
        ['scrypt_werkzeug', 'scrypt$salt$abcdef'],
        ['pbkdf2_sha256', 'pbkdf2_sha256$many$salt$aGFzaA=='],
        ['pbkdf2_sha256', 'pbkdf2_sha1$1000$salt$aGFzaA=='],
        ['pbkdf2_sha256_django', 'pbkdf2_sha256$1000$salt'],
        ['bcrypt', ''],
      ];
      const before = await countUsers(t);
      for (const [hasher, digest] of malformed) {
        await expectError(
          await t.api('/users', {
            method: 'POST',
            body: { email_address: email(), password_digest: digest, password_hasher: hasher },
          }),
          422,
          'form_password_digest_invalid',
          'password_digest',
        );
      }
      expect(await countUsers(t)).toBe(before);
    });

    it('needs both password_digest and password_hasher, never alongside password', async () => {
      const digest = await bcryptHash('whatever', { cost: 4 });
      const post = (body: Record<string, unknown>) =>
        t.api('/users', { method: 'POST', body: { email_address: email(), ...body } });
      await expectError(
        await post({ password_digest: digest }),
        422,
        'form_conditional_param_missing',
        'password_hasher',
      );
      await expectError(
        await post({ password_hasher: 'bcrypt' }),
        422,
        'form_conditional_param_missing',
        'password_digest',
      );
      await expectError(
        await post({ password_digest: digest, password_hasher: 'bcrypt', password: 'also a password' }),
        422,
        'form_param_value_invalid',
        'password_digest',
      );
      await expectError(
        await post({ password_digest: digest, password_hasher: 'md5' }),
        422,
        'form_param_value_invalid',
        'password_hasher',
      );
    });

    it('a digest with an absurd work factor never verifies, and fails fast', async () => {
      const scrypt = `scrypt:1048576:64:1$salt$${'ab'.repeat(64)}`;
      const pbkdf2 = `pbkdf2_sha256$999999999$salt$${Buffer.alloc(32).toString('base64')}`;
      for (const [hasher, digest] of [
        ['scrypt_werkzeug', scrypt],
        ['pbkdf2_sha256', pbkdf2],
      ]) {
        const user = await createUser(t, { email_address: email(), password_digest: digest, password_hasher: hasher });
        const started = Date.now();
        await expectError(await verifyPassword(t, user.id, 'anything'), 422, 'form_password_incorrect', 'password');
        expect(Date.now() - started).toBeLessThan(5000);
        expect(await stored(user.id)).toMatchObject({ hasher, digest });
      }
    });
  });
});
