import { createHash } from 'node:crypto';
import {
  AuthErrorReason,
  authenticateRequest,
  clearJWKSCache,
  createLatchClient,
  type LatchClient,
  TokenVerificationErrorReason,
} from '@latch/backend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES } from '../../server/test/support/databases.js';
import {
  APP_ORIGIN,
  apiUrlOf,
  appRequest,
  closedPortURL,
  instancePublicKeyPem,
  instanceSigningKey,
  recordingLogger,
  type SignedInBrowser,
  sessionClaims,
  signedInBrowser,
  signToken,
  startLatch,
  stopLatch,
  strangerKey,
  type TestServer,
} from './support/latch.js';

describe.each(DATABASES)('authenticateRequest against a real Latch (development instance) [%s]', (database) => {
  let t: TestServer;
  let other: TestServer;
  let latch: LatchClient;
  let session: SignedInBrowser;
  // A self-hosted development setup reaches the Frontend API over http: through `proxyUrl`.
  const options = () => ({ proxyUrl: t.server.url, authorizedParties: [APP_ORIGIN] });
  /** The cookies clerk-js leaves on the app domain after sign-in (plus the dev-browser token the handshake plants). */
  const cookiesOf = (s: SignedInBrowser, token = s.token) => ({
    __session: token,
    __client_uat: s.clientUat,
    __clerk_db_jwt: s.browser.cookies.get('__client') as string,
  });

  beforeAll(async () => {
    [t, other] = await Promise.all([startLatch(database), startLatch(database)]);
    latch = createLatchClient({ secretKey: t.secretKey, publishableKey: t.server.publishableKey, apiUrl: apiUrlOf(t) });
    session = await signedInBrowser(t);
  });
  afterAll(async () => {
    await Promise.all([stopLatch(t), stopLatch(other)]);
  });
  beforeEach(() => {
    clearJWKSCache();
  });

  describe('signed in', () => {
    it('a valid __session cookie with __client_uat: signed-in, toAuth() names the user and session', async () => {
      const state = await latch.authenticateRequest(
        appRequest('/dashboard', { cookies: cookiesOf(session) }),
        options(),
      );
      expect(state.status).toBe('signed-in');
      expect(state).toMatchObject({ isSignedIn: true, isAuthenticated: true, reason: null, token: session.token });
      expect(state.headers.get('location')).toBeNull();
      expect(state.headers.getSetCookie()).toEqual([]);
      const auth = state.toAuth();
      expect(auth).toMatchObject({
        isAuthenticated: true,
        userId: session.userId,
        sessionId: session.sessionId,
        sessionStatus: 'active',
        orgId: undefined,
        orgRole: undefined,
        orgPermissions: undefined,
        actor: null,
      });
      expect(auth?.sessionClaims).toMatchObject({ sub: session.userId, azp: APP_ORIGIN });
      expect(auth?.has({ role: 'org:admin' })).toBe(false);
      expect(await auth?.getToken()).toBe(session.token);
    });

    it('Authorization: Bearer on a fetch call: signed-in without any cookie', async () => {
      const request = appRequest('/api/protected', {
        kind: 'fetch',
        headers: { authorization: `Bearer ${session.token}` },
      });
      const state = await latch.authenticateRequest(request, options());
      expect(state.status).toBe('signed-in');
      expect(state.toAuth()).toMatchObject({ userId: session.userId });
    });

    it('networkless: only jwtKey (no secret, no publishable key) authenticates a bearer token', async () => {
      const request = appRequest('/api/protected', {
        kind: 'fetch',
        headers: { authorization: `Bearer ${session.token}` },
      });
      const state = await authenticateRequest(request, { jwtKey: await instancePublicKeyPem(t) });
      expect(state.status).toBe('signed-in');
      expect(state.toAuth()?.userId).toBe(session.userId);
    });

    it('suffixed cookies (__session_<suffix>) are read, computed from the publishable key like clerk-js', async () => {
      const suffix = createHash('sha1').update(t.server.publishableKey).digest('base64url').slice(0, 8);
      const cookies = {
        [`__session_${suffix}`]: session.token,
        [`__client_uat_${suffix}`]: session.clientUat,
        [`__clerk_db_jwt_${suffix}`]: 'dvb_any',
        // The unsuffixed pair of another app on localhost (another issuer) must not win.
        __session: await signToken(strangerKey().privateKeyPem, {
          ...sessionClaims(t, session),
          iss: 'https://clerk.another-app.test',
        }),
        __client_uat: String(Math.floor(Date.now() / 1000)),
      };
      const state = await latch.authenticateRequest(appRequest('/', { cookies }), options());
      expect(state.status).toBe('signed-in');
      expect(state.toAuth()?.sessionId).toBe(session.sessionId);
    });

    it('getToken({ template }) mints a JWT-template token through the Backend API', async () => {
      const template = await latch.jwtTemplates.create({ name: `sdk-${Date.now()}`, claims: { role: 'tester' } });
      const state = await latch.authenticateRequest(appRequest('/', { cookies: cookiesOf(session) }), options());
      const jwt = await state.toAuth()?.getToken({ template: template.name });
      const payload = JSON.parse(Buffer.from((jwt as string).split('.')[1] as string, 'base64url').toString());
      expect(payload).toMatchObject({ sub: session.userId, role: 'tester' });
      // A template token is not a session token, whatever its signature.
      const asBearer = await latch.authenticateRequest(
        appRequest('/api', { kind: 'fetch', headers: { authorization: `Bearer ${jwt}` } }),
        options(),
      );
      expect(asBearer).toMatchObject({ status: 'signed-out', reason: AuthErrorReason.TokenTypeMismatch });
    });
  });

  describe('bad tokens: signed-out with a reason, never an exception', () => {
    /** The same bad token, as a cookie on a fetch call and as a bearer token. */
    const expectSignedOut = async (
      token: string,
      reason: string,
      extra: Record<string, unknown> = {},
      cookieReason = reason,
    ) => {
      for (const [request, expected] of [
        [appRequest('/api/data', { kind: 'fetch', cookies: cookiesOf(session, token) }), cookieReason],
        [appRequest('/api/data', { kind: 'fetch', headers: { authorization: `Bearer ${token}` } }), reason],
      ] as const) {
        const state = await latch.authenticateRequest(request, { ...options(), ...extra });
        expect(state.status).toBe('signed-out');
        expect(state.reason).toBe(expected);
        expect(state.toAuth()).toMatchObject({ isAuthenticated: false, userId: null, sessionId: null });
        expect(state.toAuth()?.has({ permission: 'org:x:y' })).toBe(false);
        expect(await state.toAuth()?.getToken()).toBeNull();
      }
    };

    it('forged (stranger key, instance kid)', async () => {
      const { kid } = await instanceSigningKey(t);
      const forged = await signToken(strangerKey().privateKeyPem, sessionClaims(t, session), { kid });
      await expectSignedOut(forged, TokenVerificationErrorReason.TokenInvalidSignature);
    });

    it('expired, not yet valid, iat in the future: signed-out on fetch calls', async () => {
      const { kid, privateKeyPem } = await instanceSigningKey(t);
      const sign = (shift: { iat?: number; nbf?: number; exp?: number }) =>
        signToken(privateKeyPem, sessionClaims(t, session, shift), { kid });
      await expectSignedOut(
        await sign({ iat: Number(session.clientUat) - Math.floor(Date.now() / 1000), exp: -60 }),
        `${AuthErrorReason.SessionTokenExpired}-refresh-non-eligible-no-refresh-cookie`,
      );
      await expectSignedOut(await sign({ iat: 30, nbf: 60, exp: 120 }), AuthErrorReason.SessionTokenNBF);
      await expectSignedOut(await sign({ iat: 60, exp: 120 }), AuthErrorReason.SessionTokenIatInTheFuture);
    });

    it('wrong kid, wrong alg, wrong azp', async () => {
      const stranger = strangerKey();
      await expectSignedOut(
        await signToken(stranger.privateKeyPem, sessionClaims(t, session), { kid: 'ins_nope' }),
        TokenVerificationErrorReason.JWKKidMismatch,
      );
      const { kid, privateKeyPem } = await instanceSigningKey(t);
      await expectSignedOut(
        await signToken(privateKeyPem, sessionClaims(t, session), { kid, alg: 'RS384' }),
        TokenVerificationErrorReason.TokenInvalidAlgorithm,
      );
      await expectSignedOut(session.token, TokenVerificationErrorReason.TokenInvalidAuthorizedParties, {
        authorizedParties: ['https://other-app.example'],
      });
    });

    it('other instance: a real token of another Latch; a token with another issuer', async () => {
      const foreign = await signedInBrowser(other);
      await expectSignedOut(foreign.token, TokenVerificationErrorReason.JWKKidMismatch);
      const { kid, privateKeyPem } = await instanceSigningKey(t);
      const otherIssuer = await signToken(
        privateKeyPem,
        { ...sessionClaims(t, session), iss: 'https://clerk.other-instance.test' },
        { kid },
      );
      // As a cookie, another issuer's __session is another app's (suffixed cookies are then trusted,
      // and there are none here); as a bearer token it is refused for its issuer.
      await expectSignedOut(
        otherIssuer,
        TokenVerificationErrorReason.TokenInvalidIssuer,
        {},
        AuthErrorReason.DevBrowserMissing,
      );
    });

    it('malformed tokens', async () => {
      await expectSignedOut('not.a.jwt', TokenVerificationErrorReason.TokenInvalid);
      await expectSignedOut('%%%', TokenVerificationErrorReason.TokenInvalid);
    });

    it('JWKS endpoint down: signed-out with jwk-remote-failed-to-load, and the reason is logged', async () => {
      const logger = recordingLogger();
      const down = createLatchClient({
        secretKey: t.secretKey,
        publishableKey: t.server.publishableKey,
        apiUrl: `${await closedPortURL()}/api`,
      });
      for (const kind of ['document', 'fetch'] as const) {
        const state = await down.authenticateRequest(appRequest('/dashboard', { kind, cookies: cookiesOf(session) }), {
          ...options(),
          logger,
        });
        expect(state.status).toBe('signed-out');
        expect(state.reason).toBe(TokenVerificationErrorReason.RemoteJWKFailedToLoad);
        expect(state.message).toContain('JWKS');
      }
      expect(logger.lines.some((line) => line.includes('jwk-remote-failed-to-load'))).toBe(true);
    });
  });

  describe('cookie decisions (PROTOCOL.md §3.2)', () => {
    const dvb = { __clerk_db_jwt: 'dvb_test' };

    it('no cookies at all: signed-out (session-token-and-uat-missing)', async () => {
      const state = await latch.authenticateRequest(appRequest('/', { cookies: dvb }), options());
      expect(state).toMatchObject({ status: 'signed-out', reason: AuthErrorReason.SessionTokenAndUATMissing });
      expect(state.headers.get('location')).toBeNull();
    });

    it('no dev-browser token on a development instance: handshake (dev-browser-missing); fetch: signed-out', async () => {
      const document = await latch.authenticateRequest(appRequest('/'), options());
      expect(document).toMatchObject({ status: 'handshake', reason: AuthErrorReason.DevBrowserMissing });
      expect(document.toAuth()).toBeNull();
      const fetchCall = await latch.authenticateRequest(appRequest('/', { kind: 'fetch' }), options());
      expect(fetchCall).toMatchObject({ status: 'signed-out', reason: AuthErrorReason.DevBrowserMissing });
    });

    it('__clerk_db_jwt in the URL: handshake (dev-browser-sync), the parameter dropped from redirect_url', async () => {
      const state = await latch.authenticateRequest(
        appRequest('/page?__clerk_db_jwt=dvb_1&x=1', { cookies: dvb }),
        options(),
      );
      expect(state).toMatchObject({ status: 'handshake', reason: AuthErrorReason.DevBrowserSync });
      const location = new URL(state.headers.get('location') as string);
      expect(location.searchParams.get('redirect_url')).toBe(`${APP_ORIGIN}/page?x=1`);
      expect(location.searchParams.get('__clerk_db_jwt')).toBe('dvb_1');
    });

    it('__client_uat without __session: handshake on a document GET, signed-out on fetch and on POST', async () => {
      const cookies = { ...dvb, __client_uat: session.clientUat };
      const state = await latch.authenticateRequest(appRequest('/orders?page=2', { cookies }), options());
      expect(state).toMatchObject({ status: 'handshake', reason: AuthErrorReason.ClientUATWithoutSessionToken });
      const location = new URL(state.headers.get('location') as string);
      expect(`${location.origin}${location.pathname}`).toBe(`${t.server.url}/v1/client/handshake`);
      expect(Object.fromEntries(location.searchParams)).toMatchObject({
        redirect_url: `${APP_ORIGIN}/orders?page=2`,
        suffixed_cookies: 'false',
        __clerk_hs_reason: AuthErrorReason.ClientUATWithoutSessionToken,
        format: 'nonce',
        __clerk_db_jwt: 'dvb_test',
      });
      expect(state.headers.get('cache-control')).toBe('no-store');
      expect(state.headers.getSetCookie().some((c) => c.startsWith('__clerk_redirect_count=1;'))).toBe(true);
      const viaFetch = await latch.authenticateRequest(appRequest('/orders', { cookies, kind: 'fetch' }), options());
      expect(viaFetch).toMatchObject({ status: 'signed-out', reason: AuthErrorReason.ClientUATWithoutSessionToken });
      const viaPost = await latch.authenticateRequest(appRequest('/orders', { cookies, method: 'POST' }), options());
      expect(viaPost.status).toBe('signed-out');
    });

    it('a relative proxyUrl (/__latch) sends the handshake through the app origin', async () => {
      const state = await latch.authenticateRequest(
        appRequest('/settings', { cookies: { ...dvb, __client_uat: '1' } }),
        {
          proxyUrl: '/__latch',
        },
      );
      expect(state.status).toBe('handshake');
      expect(state.proxyUrl).toBe(`${APP_ORIGIN}/__latch`);
      const location = new URL(state.headers.get('location') as string);
      expect(`${location.origin}${location.pathname}`).toBe(`${APP_ORIGIN}/__latch/v1/client/handshake`);
    });

    it('__session without __client_uat: handshake (session-token-but-no-client-uat)', async () => {
      const state = await latch.authenticateRequest(
        appRequest('/', { cookies: { ...dvb, __session: session.token } }),
        options(),
      );
      expect(state).toMatchObject({ status: 'handshake', reason: AuthErrorReason.SessionTokenWithoutClientUAT });
      expect(new URL(state.headers.get('location') as string).searchParams.get('__session')).toBe(session.token);
    });

    it('token older than __client_uat: handshake (session-token-iat-before-client-uat)', async () => {
      const later = String(Math.floor(Date.now() / 1000) + 30);
      const state = await latch.authenticateRequest(
        appRequest('/', { cookies: { ...cookiesOf(session), __client_uat: later } }),
        options(),
      );
      expect(state).toMatchObject({ status: 'handshake', reason: AuthErrorReason.SessionTokenIATBeforeClientUAT });
    });

    it('expired token on a document GET: handshake carrying the expired token', async () => {
      const { kid, privateKeyPem } = await instanceSigningKey(t);
      const expired = await signToken(
        privateKeyPem,
        sessionClaims(t, session, { iat: Number(session.clientUat) - Math.floor(Date.now() / 1000), exp: -60 }),
        { kid },
      );
      const state = await latch.authenticateRequest(
        appRequest('/', { cookies: cookiesOf(session, expired) }),
        options(),
      );
      expect(state.status).toBe('handshake');
      expect(state.reason).toBe(`${AuthErrorReason.SessionTokenExpired}-refresh-non-eligible-no-refresh-cookie`);
    });

    it('a handshake loop gives up after three redirects: signed-out', async () => {
      const state = await latch.authenticateRequest(
        appRequest('/', { cookies: { ...dvb, __client_uat: session.clientUat, __clerk_redirect_count: '3' } }),
        { ...options(), logger: recordingLogger() },
      );
      expect(state).toMatchObject({ status: 'signed-out', reason: AuthErrorReason.ClientUATWithoutSessionToken });
    });

    it('a bogus handshake nonce is reported and ignored: the cookies still decide', async () => {
      const logger = recordingLogger();
      const state = await latch.authenticateRequest(
        appRequest('/?__clerk_handshake_nonce=bogus', { cookies: cookiesOf(session) }),
        { ...options(), logger },
      );
      expect(state.status).toBe('signed-in');
      expect(logger.lines.join('\n')).toContain('handshake');
    });

    it('a forged __clerk_handshake JWT sets no cookie', async () => {
      const { kid } = await instanceSigningKey(t);
      const forged = await signToken(
        strangerKey().privateKeyPem,
        {
          handshake: ['__session=evil; Path=/'],
          iat: Math.floor(Date.now() / 1000),
          exp: Math.floor(Date.now() / 1000) + 60,
        },
        { kid },
      );
      const state = await latch.authenticateRequest(
        appRequest(`/?__clerk_handshake=${forged}`, { cookies: { __clerk_db_jwt: 'dvb' } }),
        { ...options(), logger: recordingLogger() },
      );
      expect(state.status).toBe('signed-out');
      expect(state.headers.getSetCookie().some((cookie) => cookie.includes('evil'))).toBe(false);
    });
  });
});
