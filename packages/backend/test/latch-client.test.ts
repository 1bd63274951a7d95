import {
  createLatchClient,
  isLatchAPIResponseError,
  type LatchAPIResponseError,
  type LatchClient,
  verifyToken,
} from '@latch/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../server/test/support/databases.js';
import {
  apiUrlOf,
  closedPortURL,
  PASSWORD,
  signedInBrowser,
  startLatch,
  stopLatch,
  type TestServer,
  unique,
} from './support/latch.js';

/** Awaits a promise that must reject with a LatchAPIResponseError, and returns the error. */
async function apiError(promise: Promise<unknown>): Promise<LatchAPIResponseError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the Backend API call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(isLatchAPIResponseError(error)).toBe(true);
  return error as LatchAPIResponseError;
}

describe.each(DATABASES)('createLatchClient against a real Latch Backend API [%s]', (database) => {
  let t: TestServer;
  let latch: LatchClient;

  beforeAll(async () => {
    t = await startLatch(database);
    latch = createLatchClient({ secretKey: t.secretKey, apiUrl: apiUrlOf(t) });
  });
  afterAll(async () => {
    await stopLatch(t);
  });

  describe('users', () => {
    it('createUser → camelCased User with Clerk getters; metadata keys untouched', async () => {
      const email = `${unique('ada')}@example.com`;
      const user = await latch.users.createUser({
        emailAddress: [email],
        password: PASSWORD,
        firstName: 'Ada',
        lastName: 'Lovelace',
        publicMetadata: { favouriteColour: 'teal', nested: { snake_key: 1 } },
        privateMetadata: { internalNote: 'vip' },
      });
      expect(user).toMatchObject({
        object: 'user',
        firstName: 'Ada',
        lastName: 'Lovelace',
        fullName: 'Ada Lovelace',
        passwordEnabled: true,
        banned: false,
        locked: false,
        publicMetadata: { favouriteColour: 'teal', nested: { snake_key: 1 } },
        privateMetadata: { internalNote: 'vip' },
      });
      expect(user.id).toMatch(/^user_/);
      expect(user.emailAddresses).toHaveLength(1);
      expect(user.emailAddresses[0]).toMatchObject({ object: 'email_address', emailAddress: email });
      expect(user.primaryEmailAddressId).toBe(user.emailAddresses[0]?.id);
      expect(user.primaryEmailAddress?.emailAddress).toBe(email);
      expect(typeof user.createdAt).toBe('number');
      // The wire JSON is kept, snake_case, out of enumeration.
      expect(user.raw).toMatchObject({ id: user.id, first_name: 'Ada' });
      expect(Object.keys(user)).not.toContain('raw');

      const fetched = await latch.users.getUser(user.id);
      expect(fetched.primaryEmailAddress?.emailAddress).toBe(email);
    });

    it('getUserList with filters → { data, totalCount }; getCount', async () => {
      const tag = unique('list');
      const emails = [`${tag}-1@example.com`, `${tag}-2@example.com`];
      for (const email of emails) await latch.users.createUser({ emailAddress: [email], password: PASSWORD });
      const list = await latch.users.getUserList({ emailAddress: emails, limit: 1 });
      expect(list.totalCount).toBe(2);
      expect(list.data).toHaveLength(1);
      expect(emails).toContain(list.data[0]?.primaryEmailAddress?.emailAddress);
      expect(await latch.users.getCount({ emailAddress: emails })).toBe(2);
      expect(await latch.users.getCount({ query: tag })).toBe(2);
    });

    it('updateUser, updateUserMetadata (deep merge), replaceUserMetadata', async () => {
      const user = await latch.users.createUser({
        emailAddress: [`${unique('meta')}@example.com`],
        password: PASSWORD,
        publicMetadata: { plan: 'free', limits: { seats: 1, projects: 3 } },
      });
      const renamed = await latch.users.updateUser(user.id, {
        firstName: 'Grace',
        username: unique('grace').replace(/-/g, '_'),
      });
      expect(renamed.firstName).toBe('Grace');
      const merged = await latch.users.updateUserMetadata(user.id, {
        publicMetadata: { limits: { seats: 5 }, plan: null },
        privateMetadata: { stripeCustomerId: 'cus_1' },
      });
      expect(merged.publicMetadata).toEqual({ limits: { seats: 5, projects: 3 } });
      expect(merged.privateMetadata).toEqual({ stripeCustomerId: 'cus_1' });
      const replaced = await latch.users.replaceUserMetadata(user.id, { publicMetadata: { onlyThis: true } });
      expect(replaced.publicMetadata).toEqual({ onlyThis: true });
    });

    it('ban/unban, lock/unlock, verifyPassword, deleteUser', async () => {
      const user = await latch.users.createUser({ emailAddress: [`${unique('mod')}@example.com`], password: PASSWORD });
      expect((await latch.users.banUser(user.id)).banned).toBe(true);
      expect((await latch.users.unbanUser(user.id)).banned).toBe(false);
      expect((await latch.users.lockUser(user.id)).locked).toBe(true);
      expect((await latch.users.unlockUser(user.id)).locked).toBe(false);
      expect(await latch.users.verifyPassword({ userId: user.id, password: PASSWORD })).toEqual({ verified: true });
      const wrong = await apiError(latch.users.verifyPassword({ userId: user.id, password: 'not it at all' }));
      expect(wrong.status).toBe(422);
      expect(wrong.errors[0]).toMatchObject({ code: 'form_password_incorrect', meta: { paramName: 'password' } });

      expect(await latch.users.deleteUser(user.id)).toEqual({ object: 'user', id: user.id, deleted: true });
      const gone = await apiError(latch.users.getUser(user.id));
      expect(gone.status).toBe(404);
      expect(gone.errors[0]?.code).toBe('resource_not_found');
      expect(gone.errors[0]?.longMessage).toEqual(expect.any(String));
      expect(gone.latchTraceId).toEqual(expect.any(String));
      expect(gone.clerkTraceId).toBe(gone.latchTraceId);
    });

    it('Clerk-shaped errors become typed errors: duplicate identifier, bad param, bad input', async () => {
      const email = `${unique('dup')}@example.com`;
      await latch.users.createUser({ emailAddress: [email], password: PASSWORD });
      const duplicate = await apiError(latch.users.createUser({ emailAddress: [email], password: PASSWORD }));
      expect(duplicate.status).toBe(422);
      expect(duplicate.errors[0]).toMatchObject({
        code: 'form_identifier_exists',
        meta: { paramName: 'email_address' },
      });
      expect(duplicate.message.length).toBeGreaterThan(0);

      const badLimit = await apiError(
        latch.users.createUser({ emailAddress: [`${unique('x')}@example.com`], createOrganizationsLimit: -1 }),
      );
      expect(badLimit.errors[0]).toMatchObject({
        code: 'form_param_min_length_not_reached',
        meta: { paramName: 'create_organizations_limit' },
      });
      const badList = await apiError(latch.users.getUserList({ limit: 100000 }));
      expect(badList.status).toBe(422);
      expect(badList.errors[0]?.meta?.paramName).toBe('limit');
      // Ids are path-encoded: a crafted id cannot reach another route.
      const crafted = await apiError(latch.users.getUser('../jwks'));
      expect(crafted.status).toBe(404);
    });

    it('a wrong secret key → 401; an unreachable server → status 0 unexpected_error', async () => {
      const wrongKey = createLatchClient({ secretKey: 'sk_test_wrong', apiUrl: apiUrlOf(t) });
      const unauthorized = await apiError(wrongKey.users.getCount());
      expect(unauthorized.status).toBe(401);
      const down = createLatchClient({ secretKey: t.secretKey, apiUrl: `${await closedPortURL()}/api` });
      const unreachable = await apiError(down.users.getCount());
      expect(unreachable).toMatchObject({ status: 0, errors: [{ code: 'unexpected_error' }] });
    });
  });

  describe('sessions, clients, JWT templates, JWKS', () => {
    it('createSession, getSession, getSessionList, getToken, verifySession, revokeSession', async () => {
      const user = await latch.users.createUser({
        emailAddress: [`${unique('sess')}@example.com`],
        password: PASSWORD,
      });
      const session = await latch.sessions.createSession({ userId: user.id });
      expect(session).toMatchObject({ object: 'session', userId: user.id, status: 'active' });
      expect(session.clientId).toMatch(/^client_/);
      expect((await latch.sessions.getSession(session.id)).id).toBe(session.id);
      const list = await latch.sessions.getSessionList({ userId: user.id });
      expect(list.totalCount).toBe(1);
      expect(list.data[0]?.id).toBe(session.id);

      const { jwt } = await latch.sessions.getToken(session.id);
      const verified = await verifyToken(jwt, { secretKey: t.secretKey, apiUrl: apiUrlOf(t) });
      expect(verified.data).toMatchObject({ sub: user.id, sid: session.id });
      const longLived = await latch.sessions.getToken(session.id, undefined, 3600);
      const payload = JSON.parse(Buffer.from(longLived.jwt.split('.')[1] as string, 'base64url').toString());
      expect(payload.exp - payload.iat).toBe(3600);
      expect((await latch.sessions.verifySession(session.id, jwt)).id).toBe(session.id);

      const revoked = await latch.sessions.revokeSession(session.id);
      expect(revoked.status).toBe('revoked');
      const refused = await apiError(latch.sessions.getToken(session.id));
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.errors[0]?.code).toEqual(expect.any(String));
    });

    it('clients: getClientList, getClient, verifyClient with a browser credential, getHandshakePayload', async () => {
      const signedIn = await signedInBrowser(t);
      const verified = await latch.clients.verifyClient(signedIn.browser.cookies.get('__client') as string);
      expect(verified).toMatchObject({ object: 'client', lastActiveSessionId: signedIn.sessionId });
      expect(verified.sessionIds).toContain(signedIn.sessionId);
      expect(verified.sessions[0]).toMatchObject({ object: 'session', userId: signedIn.userId });
      expect((await latch.clients.getClient(verified.id)).id).toBe(verified.id);
      const list = await latch.clients.getClientList({ limit: 500 });
      expect(list.totalCount).toBeGreaterThanOrEqual(1);
      expect(list.data.map((client) => client.id)).toContain(verified.id);
      const bogus = await apiError(latch.clients.getHandshakePayload({ nonce: 'bogus' }));
      expect(bogus).toMatchObject({
        status: 404,
        errors: [{ code: 'handshake_nonce_invalid', meta: { paramName: 'nonce' } }],
      });
    });

    it('jwtTemplates: create, get, list, update, delete; template tokens carry the claims', async () => {
      const name = unique('tpl');
      const template = await latch.jwtTemplates.create({
        name,
        claims: { email: '{{user.primary_email_address}}', custom_claim: 'x' },
        lifetime: 120,
      });
      expect(template).toMatchObject({ object: 'jwt_template', name, lifetime: 120, allowedClockSkew: 5 });
      // Claim names are the token's, not camelCased.
      expect(template.claims).toEqual({ email: '{{user.primary_email_address}}', custom_claim: 'x' });
      expect((await latch.jwtTemplates.get(template.id)).name).toBe(name);
      expect((await latch.jwtTemplates.list()).data.map((item) => item.id)).toContain(template.id);
      const updated = await latch.jwtTemplates.update({ templateId: template.id, lifetime: 300 });
      expect(updated.lifetime).toBe(300);

      const user = await latch.users.createUser({ emailAddress: [`${unique('tpl')}@example.com`], password: PASSWORD });
      const session = await latch.sessions.createSession({ userId: user.id });
      const { jwt } = await latch.sessions.getToken(session.id, name);
      const payload = JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString());
      expect(payload).toMatchObject({ custom_claim: 'x', email: user.primaryEmailAddress?.emailAddress });

      const invalid = await apiError(latch.jwtTemplates.create({ name: 'has space', claims: {} }));
      expect(invalid.errors[0]?.meta?.paramName).toBe('name');
      expect(await latch.jwtTemplates.delete(template.id)).toMatchObject({ id: template.id, deleted: true });
      expect((await apiError(latch.jwtTemplates.get(template.id))).status).toBe(404);
    });

    it('jwks.getJwks returns the instance RSA keys', async () => {
      const jwks = await latch.jwks.getJwks();
      expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    });
  });
});
