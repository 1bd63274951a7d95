import { type ClerkClient, createClerkClient } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { unique } from './support.js';

/** Runs `call`, expects it to reject with a Clerk API error, and returns that error. */
async function clerkError(call: () => Promise<unknown>) {
  const error = await call().then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(isClerkAPIResponseError(error)).toBe(true);
  return error as {
    status: number;
    clerkTraceId?: string;
    errors: { code: string; message: string; longMessage?: string; meta?: { paramName?: string } }[];
  };
}

/**
 * The official `@clerk/backend` 3.25.0 against a real Latch server. The SDK builds
 * `${apiUrl}/${apiVersion}/…` (PROTOCOL.md §1.3) and Latch serves the Backend API under `/api/v1`,
 * so `apiUrl` is the server URL plus `/api`.
 */
describe.each(DATABASES)('official @clerk/backend SDK against Latch [%s]', (database) => {
  let t: TestServer;
  let clerk: ClerkClient;
  beforeAll(async () => {
    t = await startTestServer(database);
    clerk = createClerkClient({ apiUrl: `${t.server.url}/api`, secretKey: t.secretKey, telemetry: { disabled: true } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('users', () => {
    const id = unique('sdk');
    const email = `ada.${id}@example.com`;
    let userId: string;

    it('createUser returns a User with every field mapped', async () => {
      const user = await clerk.users.createUser({
        emailAddress: [email],
        password: 'sdk password 123',
        firstName: 'Ada',
        lastName: 'Lovelace',
        username: `ada_${id}`,
        externalId: `ext-${id}`,
        publicMetadata: { plan: 'pro', nested: { level: 1 }, camelCaseKey: true },
        privateMetadata: { stripeCustomer: 'cus_1' },
        unsafeMetadata: { theme: 'dark' },
      });
      userId = user.id;
      expect(user.id).toMatch(/^user_/);
      expect(user.emailAddresses).toHaveLength(1);
      expect(user.emailAddresses[0]?.emailAddress).toBe(email);
      expect(user.emailAddresses[0]?.verification?.status).toBe('verified');
      expect(user.primaryEmailAddressId).toBe(user.emailAddresses[0]?.id);
      expect(user.primaryEmailAddress?.emailAddress).toBe(email);
      expect(user.firstName).toBe('Ada');
      expect(user.lastName).toBe('Lovelace');
      expect(user.fullName).toBe('Ada Lovelace');
      expect(user.username).toBe(`ada_${id}`);
      expect(user.externalId).toBe(`ext-${id}`);
      // The SDK snake-cases top-level keys only: metadata keys arrive as written.
      expect(user.publicMetadata).toEqual({ plan: 'pro', nested: { level: 1 }, camelCaseKey: true });
      expect(user.privateMetadata).toEqual({ stripeCustomer: 'cus_1' });
      expect(user.unsafeMetadata).toEqual({ theme: 'dark' });
      expect(user.passwordEnabled).toBe(true);
      expect(user.banned).toBe(false);
      expect(user.locked).toBe(false);
      expect(user.twoFactorEnabled).toBe(false);
      expect(typeof user.createdAt).toBe('number');
      expect(Math.abs(user.createdAt - Date.now())).toBeLessThan(60_000);
      expect(user.raw?.object).toBe('user');
    });

    it('getUser returns the same user', async () => {
      const user = await clerk.users.getUser(userId);
      expect(user.id).toBe(userId);
      expect(user.emailAddresses[0]?.emailAddress).toBe(email);
      expect(user.firstName).toBe('Ada');
      expect(user.privateMetadata).toEqual({ stripeCustomer: 'cus_1' });
    });

    it('getUserList returns data and totalCount, honouring filters, order and paging', async () => {
      const others = [];
      for (let i = 0; i < 3; i++) {
        others.push(
          await clerk.users.createUser({
            emailAddress: [`other${i}.${id}@example.com`],
            firstName: `Other${i}`,
            skipPasswordRequirement: true,
          }),
        );
      }
      const all = await clerk.users.getUserList();
      expect(all.totalCount).toBe(4);
      expect(all.data.map((user) => user.id)).toEqual(
        [...others]
          .reverse()
          .map((user) => user.id)
          .concat(userId),
      );

      const filtered = await clerk.users.getUserList({
        emailAddress: [email, `other1.${id}@example.com`],
        orderBy: '+created_at',
      });
      expect(filtered.totalCount).toBe(2);
      expect(filtered.data.map((user) => user.id)).toEqual([userId, others[1]?.id]);
      expect(filtered.data[0]?.emailAddresses[0]?.emailAddress).toBe(email);

      const page = await clerk.users.getUserList({ limit: 2, offset: 1, orderBy: '+created_at' });
      expect(page.totalCount).toBe(4);
      expect(page.data.map((user) => user.id)).toEqual([others[0]?.id, others[1]?.id]);

      const byQuery = await clerk.users.getUserList({ query: 'other2' });
      expect(byQuery.totalCount).toBe(1);
      expect(byQuery.data[0]?.firstName).toBe('Other2');

      const byId = await clerk.users.getUserList({ userId: [userId, others[2]!.id] });
      expect(byId.totalCount).toBe(2);

      expect(await clerk.users.getCount()).toBe(4);
      expect(await clerk.users.getCount({ emailAddress: [email] })).toBe(1);
    });

    it('updateUserMetadata deep-merges public and private metadata', async () => {
      const user = await clerk.users.updateUserMetadata(userId, {
        publicMetadata: { nested: { extra: 2 }, plan: null } as Record<string, unknown>,
        privateMetadata: { internalNote: 'vip' },
      });
      expect(user.publicMetadata).toEqual({ nested: { level: 1, extra: 2 }, camelCaseKey: true });
      expect(user.privateMetadata).toEqual({ stripeCustomer: 'cus_1', internalNote: 'vip' });
      expect(user.unsafeMetadata).toEqual({ theme: 'dark' });
    });

    it('replaceUserMetadata replaces what it is given', async () => {
      const user = await clerk.users.replaceUserMetadata(userId, { privateMetadata: { only: 'this' } });
      expect(user.privateMetadata).toEqual({ only: 'this' });
      expect(user.publicMetadata).toEqual({ nested: { level: 1, extra: 2 }, camelCaseKey: true });
    });

    it('updateUser changes profile fields', async () => {
      const user = await clerk.users.updateUser(userId, { firstName: 'Augusta' });
      expect(user.firstName).toBe('Augusta');
      expect(user.lastName).toBe('Lovelace');
      expect((await clerk.users.getUser(userId)).firstName).toBe('Augusta');
    });

    it('updateUser with metadata (deprecated in 3.x: PATCH the profile, then PUT the metadata)', async () => {
      const user = await clerk.users.updateUser(userId, { lastName: 'King', publicMetadata: { replaced: true } });
      expect(user.lastName).toBe('King');
      expect(user.firstName).toBe('Augusta');
      expect(user.publicMetadata).toEqual({ replaced: true });
      expect(user.privateMetadata).toEqual({ only: 'this' });
    });

    it('verifyPassword resolves for the right password and throws a 422 for a wrong one', async () => {
      expect(await clerk.users.verifyPassword({ userId, password: 'sdk password 123' })).toEqual({ verified: true });
      const error = await clerkError(() => clerk.users.verifyPassword({ userId, password: 'wrong password' }));
      expect(error.status).toBe(422);
      expect(error.errors[0]?.code).toBe('form_password_incorrect');
      expect(error.errors[0]?.meta?.paramName).toBe('password');
    });

    it('banUser, unbanUser, lockUser and unlockUser', async () => {
      expect((await clerk.users.banUser(userId)).banned).toBe(true);
      expect((await clerk.users.unbanUser(userId)).banned).toBe(false);
      expect((await clerk.users.lockUser(userId)).locked).toBe(true);
      expect((await clerk.users.unlockUser(userId)).locked).toBe(false);
    });

    it('surfaces errors as ClerkAPIResponseError with code, paramName and trace id', async () => {
      const duplicate = await clerkError(() =>
        clerk.users.createUser({ emailAddress: [email], skipPasswordRequirement: true }),
      );
      expect(duplicate.status).toBe(422);
      expect(duplicate.errors[0]?.code).toBe('form_identifier_exists');
      expect(duplicate.errors[0]?.meta?.paramName).toBe('email_address');
      expect(duplicate.errors[0]?.longMessage).toBeTruthy();
      expect(duplicate.clerkTraceId).toBeTruthy();

      const tooShort = await clerkError(() =>
        clerk.users.createUser({ emailAddress: [`short.${id}@example.com`], password: 'short' }),
      );
      expect(tooShort.status).toBe(422);
      expect(tooShort.errors[0]?.code).toBe('form_password_length_too_short');
      expect(tooShort.errors[0]?.meta?.paramName).toBe('password');

      const missing = await clerkError(() => clerk.users.getUser('user_2doesnotexistdoesnotex'));
      expect(missing.status).toBe(404);
      expect(missing.errors[0]?.code).toBe('resource_not_found');
    });

    it('deleteUser returns a DeletedObject, after which getUser fails with 404', async () => {
      const deleted = await clerk.users.deleteUser(userId);
      // The SDK's DeletedObject (its class name is mangled by the bundler): exactly these four fields.
      expect({ ...deleted }).toEqual({ object: 'user', id: userId, slug: null, deleted: true });
      const error = await clerkError(() => clerk.users.getUser(userId));
      expect(error.status).toBe(404);
      expect(error.errors[0]?.code).toBe('resource_not_found');
      expect((await clerk.users.getUserList({ emailAddress: [email] })).totalCount).toBe(0);
    });
  });

  it('jwks.getJwks returns the instance’s RSA signing key, as the public JWKS does', async () => {
    const jwks = await clerk.jwks.getJwks();
    expect(jwks.keys).toHaveLength(1);
    const [key] = jwks.keys as { kid: string; n: string; e: string; kty: string; alg: string; use: string }[];
    expect(key?.kid).toMatch(/.+/);
    expect(key?.e).toBe('AQAB');
    expect(Buffer.from(key?.n ?? '', 'base64url').length).toBe(256);
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    const published = await (await fetch(`${t.server.url}/.well-known/jwks.json`)).json();
    expect(published.keys[0]).toMatchObject({ kid: key?.kid, n: key?.n, e: key?.e });
  });

  it('rejects a client with a wrong secret key with 401 clerk_key_invalid', async () => {
    const wrong = createClerkClient({
      apiUrl: `${t.server.url}/api`,
      secretKey: `sk_test_${'x'.repeat(43)}`,
      telemetry: { disabled: true },
    });
    const error = await clerkError(() => wrong.users.getUserList());
    expect(error.status).toBe(401);
    expect(error.errors[0]?.code).toBe('clerk_key_invalid');
  });
});
