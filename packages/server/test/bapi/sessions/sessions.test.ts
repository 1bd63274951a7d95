import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../src/store/records.js';
import { signIn, TemplateTokenBrowser } from '../../fapi/template-tokens/browser.js';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { decodeJWT, verifyInstanceJWT } from '../jwt-templates/jwt-verifier.js';
import { createUser, expectError, expectOk, type UserBody, unique } from '../support.js';

const SESSION_KEYS = [
  'abandon_at',
  'actor',
  'client_id',
  'created_at',
  'expire_at',
  'id',
  'last_active_at',
  'last_active_organization_id',
  'latest_activity',
  'object',
  'status',
  'tasks',
  'updated_at',
  'user_id',
];
const CLIENT_KEYS = [
  'created_at',
  'id',
  'last_active_session_id',
  'last_authentication_strategy',
  'object',
  'session_ids',
  'sessions',
  'sign_in_id',
  'sign_up_id',
  'updated_at',
];

describe.each(DATABASES)('Backend API sessions and clients [%s]', (database) => {
  let t: TestServer;
  let userId: string;

  const newSession = async (user = userId) =>
    expectOk(await t.api('/sessions', { method: 'POST', body: { user_id: user } }));
  const sessionList = async (query: string) =>
    (await expectOk(await t.api(`/sessions?${query}`))) as unknown as UserBody[];
  const mintToken = (sessionId: string, body?: Record<string, unknown>) =>
    t.api(`/sessions/${sessionId}/tokens`, { method: 'POST', body });

  beforeAll(async () => {
    t = await startTestServer(database);
    userId = (await createUser(t, { email_address: [`sessions.${unique()}@example.com`], first_name: 'Ada' })).id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('POST /sessions', () => {
    it('starts an active session on a new client and renders Clerk’s Backend API session', async () => {
      const before = Date.now();
      const session = await newSession();
      expect(Object.keys(session).sort()).toEqual(SESSION_KEYS);
      expect(session).toMatchObject({
        object: 'session',
        user_id: userId,
        status: 'active',
        last_active_organization_id: null,
        actor: null,
        tasks: null,
      });
      expect(session.id).toMatch(/^sess_/);
      expect(session.client_id).toMatch(/^client_/);
      expect(session.created_at).toBeGreaterThanOrEqual(before);
      expect(session.last_active_at).toBe(session.created_at);
      // Seven days by default; no inactivity timeout, so abandonment coincides with expiry.
      expect(session.expire_at - session.created_at).toBe(7 * 24 * 3600 * 1000);
      expect(session.abandon_at).toBe(session.expire_at);
      expect(session.latest_activity).toMatchObject({ object: 'session_activity', is_mobile: false, ip_address: null });
      expect(await expectOk(await t.api(`/sessions/${session.id}`))).toEqual(session);

      const client = await expectOk(await t.api(`/clients/${session.client_id}`));
      expect(Object.keys(client).sort()).toEqual(CLIENT_KEYS);
      expect(client).toMatchObject({
        object: 'client',
        id: session.client_id,
        session_ids: [session.id],
        last_active_session_id: session.id,
        sign_in_id: null,
        sign_up_id: null,
        last_authentication_strategy: null,
      });
      expect(client.sessions).toEqual([session]);
    });

    it('refuses unknown users, banned users and bad bodies without writing anything', async () => {
      const before = await t.server.store.sessions.count({});
      await expectError(
        await t.api('/sessions', { method: 'POST', body: { user_id: 'user_missing' } }),
        404,
        'resource_not_found',
      );
      await expectError(await t.api('/sessions', { method: 'POST', body: {} }), 422, 'form_param_missing', 'user_id');
      await expectError(
        await t.api('/sessions', { method: 'POST', body: { user_id: 7 } }),
        422,
        'form_param_format_invalid',
        'user_id',
      );
      await expectError(
        await t.api('/sessions', { method: 'POST', body: { user_id: userId, active_organization_id: 'org_1' } }),
        422,
        'form_param_unknown',
        'active_organization_id',
      );
      const banned = await createUser(t, { email_address: [`banned.${unique()}@example.com`] });
      await expectOk(await t.api(`/users/${banned.id}/ban`, { method: 'POST' }));
      await expectError(
        await t.api('/sessions', { method: 'POST', body: { user_id: banned.id } }),
        422,
        'user_banned',
        'user_id',
      );
      expect(await t.server.store.sessions.count({})).toBe(before);
    });
  });

  describe('GET /sessions', () => {
    let otherUserId: string;
    let sessions: UserBody[];
    beforeAll(async () => {
      otherUserId = (await createUser(t, { email_address: [`list.${unique()}@example.com`] })).id;
      sessions = [];
      for (let i = 0; i < 3; i += 1) sessions.push(await newSession(otherUserId));
    });

    it('lists a user’s sessions newest first as a bare array, or {data, total_count}', async () => {
      const listed = await sessionList(`user_id=${otherUserId}`);
      expect(listed.map((session) => session.id)).toEqual(sessions.map((session) => session.id).reverse());
      for (const session of listed) expect(Object.keys(session).sort()).toEqual(SESSION_KEYS);
      const page = await expectOk(await t.api(`/sessions?user_id=${otherUserId}&paginated=true&limit=1&offset=1`));
      expect(page).toEqual({ data: [listed[1]], total_count: 3 });
    });

    it('filters by client and by status, judging lapsed sessions at the current time', async () => {
      const [first, second] = sessions as [UserBody, UserBody];
      expect((await sessionList(`client_id=${first.client_id}`)).map((session) => session.id)).toEqual([first.id]);
      await expectOk(await t.api(`/sessions/${second.id}/revoke`, { method: 'POST' }));
      // A stored "active" session whose lifetime is over reads as expired.
      const stored = (await t.server.store.sessions.findById(first.id)) as SessionRecord;
      await t.server.store.sessions.update({ ...stored, expireAt: Date.now() - 1000, abandonAt: Date.now() - 1000 });

      const ids = async (status: string) =>
        (await sessionList(`user_id=${otherUserId}&status=${status}`)).map((session) => session.id);
      expect(await ids('revoked')).toEqual([second.id]);
      expect(await ids('expired')).toEqual([first.id]);
      expect(await ids('active')).toEqual([sessions[2]?.id]);
      expect(await ids('ended')).toEqual([]);
      const expired = await expectOk(await t.api(`/sessions?user_id=${otherUserId}&status=expired&paginated=true`));
      expect(expired.total_count).toBe(1);
      expect(expired.data[0].status).toBe('expired');
      expect((await expectOk(await t.api(`/sessions/${first.id}`))).status).toBe('expired');
    });

    it('refuses bad queries naming the parameter', async () => {
      await expectError(await t.api('/sessions?status=sleeping'), 422, 'form_param_value_invalid', 'status');
      await expectError(await t.api('/sessions?limit=501'), 422, 'form_param_max_length_exceeded', 'limit');
      await expectError(await t.api('/sessions?offset=-1'), 422, 'form_param_min_length_not_reached', 'offset');
      await expectError(await t.api('/sessions?userId=x'), 422, 'form_param_unknown', 'userId');
      await expectError(await t.api('/sessions?paginated=1'), 422, 'form_param_value_invalid', 'paginated');
    });

    it('answers 404 for an unknown session and 422 for an over-long id', async () => {
      await expectError(await t.api('/sessions/sess_unknown'), 404, 'resource_not_found');
      await expectError(
        await t.api(`/sessions/${'s'.repeat(129)}`),
        422,
        'form_param_max_length_exceeded',
        'session_id',
      );
    });
  });

  describe('POST /sessions/{id}/tokens', () => {
    it('mints a v2 session token that verifies against the JWKS', async () => {
      const session = await newSession();
      const token = await expectOk(await mintToken(session.id));
      expect(Object.keys(token).sort()).toEqual(['jwt', 'object']);
      expect(token.object).toBe('token');
      expect(decodeJWT(token.jwt).header.cat).toBe('cl_B7d4PD111AAA');
      const claims = await verifyInstanceJWT(t, token.jwt);
      expect(claims).toMatchObject({
        sub: userId,
        sid: session.id,
        v: 2,
        sts: 'active',
        iss: 'https://127.0.0.1:4000',
      });
      expect(claims.exp - claims.iat).toBe(60);
      expect(claims.azp).toBeUndefined();

      const long = await verifyInstanceJWT(
        t,
        (await expectOk(await mintToken(session.id, { expires_in_seconds: 900 }))).jwt,
      );
      expect(long.exp - long.iat).toBe(900);
      const fallback = await verifyInstanceJWT(
        t,
        (await expectOk(await mintToken(session.id, { expires_in_seconds: null }))).jwt,
      );
      expect(fallback.exp - fallback.iat).toBe(60);
    });

    it('refuses bad lifetimes, unknown sessions and sessions that are no longer active', async () => {
      const session = await newSession();
      await expectError(
        await mintToken(session.id, { expires_in_seconds: 10 }),
        422,
        'form_param_min_length_not_reached',
        'expires_in_seconds',
      );
      await expectError(
        await mintToken(session.id, { expires_in_seconds: '60' }),
        422,
        'form_param_format_invalid',
        'expires_in_seconds',
      );
      await expectError(
        await mintToken(session.id, { organization_id: 'org_1' }),
        422,
        'form_param_unknown',
        'organization_id',
      );
      await expectError(await mintToken('sess_unknown'), 404, 'resource_not_found');
      await expectOk(await t.api(`/sessions/${session.id}/revoke`, { method: 'POST' }));
      await expectError(await mintToken(session.id), 401, 'authentication_invalid');
      await expectOk(await t.api('/jwt_templates', { method: 'POST', body: { name: 'after-revoke', claims: {} } }));
      await expectError(
        await t.api(`/sessions/${session.id}/tokens/after-revoke`, { method: 'POST' }),
        401,
        'authentication_invalid',
      );
    });

    it('stops minting for a user who is banned after signing in', async () => {
      const user = await createUser(t, { email_address: [`later-banned.${unique()}@example.com`] });
      const session = await newSession(user.id);
      await expectOk(await mintToken(session.id));
      await expectOk(await t.api(`/users/${user.id}/ban`, { method: 'POST' }));
      await expectError(await mintToken(session.id), 401, 'authentication_invalid');
    });
  });

  describe('POST /sessions/{id}/revoke', () => {
    it('revokes: the session reads revoked, the client is signed out, a second revoke changes nothing', async () => {
      const session = await newSession();
      const revoked = await expectOk(await t.api(`/sessions/${session.id}/revoke`, { method: 'POST' }));
      expect(revoked).toMatchObject({ id: session.id, status: 'revoked', client_id: session.client_id });
      expect(revoked.updated_at).toBeGreaterThanOrEqual(session.updated_at);
      expect(await expectOk(await t.api(`/sessions/${session.id}`))).toEqual(revoked);
      const client = await expectOk(await t.api(`/clients/${session.client_id}`));
      expect(client.last_active_session_id).toBeNull();
      expect(client.sessions[0].status).toBe('revoked');
      expect(await expectOk(await t.api(`/sessions/${session.id}/revoke`, { method: 'POST' }))).toEqual(revoked);
      await expectError(await t.api('/sessions/sess_unknown/revoke', { method: 'POST' }), 404, 'resource_not_found');
    });

    it('signs the browser out: the Frontend API refuses the revoked session’s tokens', async () => {
      const browser = new TemplateTokenBrowser(t.server.url);
      const session = await signIn(t, browser, userId);
      expect((await browser.call('POST', `/client/sessions/${session.id}/tokens`)).status).toBe(200);
      await expectOk(await t.api(`/sessions/${session.id}/revoke`, { method: 'POST' }));
      const refused = await browser.call('POST', `/client/sessions/${session.id}/tokens`);
      expect(refused.status).toBe(401);
      expect(refused.body.errors[0].code).toBe('authentication_invalid');
      const { body } = await browser.call('GET', '/client');
      expect(body.response.sessions).toEqual([]);
    });
  });

  describe('POST /sessions/{id}/verify', () => {
    it('returns the session for its own valid token and 401 for anything else', async () => {
      const session = await newSession();
      const other = await newSession();
      const jwt = (await expectOk(await mintToken(session.id))).jwt as string;
      const verify = (id: string, token: unknown) =>
        t.api(`/sessions/${id}/verify`, { method: 'POST', body: { token } });
      expect(await expectOk(await verify(session.id, jwt))).toEqual(
        await expectOk(await t.api(`/sessions/${session.id}`)),
      );

      await expectError(await verify(other.id, jwt), 401, 'authentication_invalid');
      const [header, payload, signature] = jwt.split('.') as [string, string, string];
      const forged = Buffer.from(JSON.stringify({ ...decodeJWT(jwt).payload, sid: other.id })).toString('base64url');
      await expectError(await verify(other.id, `${header}.${forged}.${signature}`), 401, 'authentication_invalid');
      const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
      await expectError(await verify(session.id, `${header}.${payload}.${flipped}`), 401, 'authentication_invalid');
      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      await expectError(await verify(session.id, `${none}.${payload}.`), 401, 'authentication_invalid');
      await expectError(await verify(session.id, 'not-a-jwt'), 401, 'authentication_invalid');
      await expectOk(await t.api('/jwt_templates', { method: 'POST', body: { name: 'verify-template', claims: {} } }));
      const templateToken = (
        await expectOk(await t.api(`/sessions/${session.id}/tokens/verify-template`, { method: 'POST' }))
      ).jwt;
      await expectError(await verify(session.id, templateToken), 401, 'authentication_invalid');

      await expectError(
        await t.api(`/sessions/${session.id}/verify`, { method: 'POST', body: {} }),
        422,
        'form_param_missing',
        'token',
      );
      await expectError(await verify('sess_unknown', jwt), 404, 'resource_not_found');
      await expectOk(await t.api(`/sessions/${session.id}/revoke`, { method: 'POST' }));
      await expectError(await verify(session.id, jwt), 401, 'authentication_invalid');
    });
  });

  describe('/clients', () => {
    it('lists clients newest first, bare or paginated, each with its sessions', async () => {
      const session = await newSession();
      const listed = (await expectOk(await t.api('/clients?limit=500'))) as unknown as UserBody[];
      expect(Array.isArray(listed)).toBe(true);
      expect(listed[0]?.id).toBe(session.client_id);
      expect(listed[0]?.session_ids).toEqual([session.id]);
      for (const client of listed) expect(Object.keys(client).sort()).toEqual(CLIENT_KEYS);
      const createdAt = listed.map((client) => client.created_at as number);
      expect(createdAt).toEqual([...createdAt].sort((a, b) => b - a));
      const page = await expectOk(await t.api('/clients?paginated=true&limit=2&offset=1'));
      expect(page.total_count).toBe(listed.length);
      expect(page.data).toEqual(listed.slice(1, 3));
      await expectError(await t.api('/clients?limit=abc'), 422, 'form_param_format_invalid', 'limit');
      await expectError(await t.api('/clients/client_unknown'), 404, 'resource_not_found');
    });

    it('verifies a browser’s __client credential, and nothing else', async () => {
      const browser = new TemplateTokenBrowser(t.server.url);
      const session = await signIn(t, browser, userId);
      const token = browser.cookies.get('__client') as string;
      expect(token).toBeTruthy();
      const client = await expectOk(await t.api('/clients/verify', { method: 'POST', body: { token } }));
      expect(client).toMatchObject({
        object: 'client',
        id: session.clientId,
        session_ids: [session.id],
        last_active_session_id: session.id,
      });
      expect(client.sessions[0].latest_activity).toMatchObject({ browser_name: 'Chrome', ip_address: '127.0.0.1' });
      expect(JSON.stringify(client)).not.toContain(token);

      await expectError(
        await t.api('/clients/verify', { method: 'POST', body: { token: `${token}x` } }),
        404,
        'resource_not_found',
      );
      await expectError(
        await t.api('/clients/verify', { method: 'POST', body: { token: 'short' } }),
        404,
        'resource_not_found',
      );
      await expectError(
        await t.api('/clients/verify', { method: 'POST', body: {} }),
        422,
        'form_param_missing',
        'token',
      );
      // Signed out for good (DELETE /v1/client): the credential no longer names a client.
      await browser.call('POST', '/client?_method=DELETE');
      await expectError(await t.api('/clients/verify', { method: 'POST', body: { token } }), 404, 'resource_not_found');
    });
  });
});
