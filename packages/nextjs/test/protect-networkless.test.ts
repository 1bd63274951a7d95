import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLatchProps, getAuth, latchMiddleware } from '../src/server/index.js';
import { DOCUMENT_HEADERS, forwardedRequestHeaders, runMiddleware } from './support/run-middleware.js';
import { createTokenIssuer, type TokenIssuer } from './support/signed-tokens.js';

/**
 * `auth.protect()` variants and `await auth()` inside `latchMiddleware`, with networkless verification
 * (`jwtKey`) of tokens from our own key: this is how organization claims (v2 `o`) reach the checks
 * before a server mints them. Runs in Node, as Next 16's `proxy.ts` does.
 */

const SECRET_KEY = 'sk_live_networkless_test';
const ORG_ADMIN = { o: { id: 'org_1', slg: 'acme', rol: 'admin', per: 'read,manage', fpm: '1' }, fea: 'o:reports' };
const ORG_MEMBER = { o: { id: 'org_1', slg: 'acme', rol: 'member' } };

describe('latchMiddleware with auth.protect() (networkless verification)', () => {
  let issuer: TokenIssuer;
  let middleware: ReturnType<typeof latchMiddleware>;
  const previousSecret = process.env.LATCH_SECRET_KEY;

  beforeAll(async () => {
    issuer = await createTokenIssuer();
    process.env.LATCH_SECRET_KEY = SECRET_KEY;
    middleware = latchMiddleware(
      async (auth, request) => {
        const path = request.nextUrl.pathname;
        if (path.startsWith('/org')) await auth.protect({ organizationId: true });
        if (path.startsWith('/admin')) await auth.protect({ role: 'org:admin' });
        if (path.startsWith('/reports')) await auth.protect({ permission: 'org:reports:read' });
        if (path.startsWith('/members')) await auth.protect((has) => has({ role: 'org:member' }));
        if (path.startsWith('/billing')) await auth.protect({ role: 'org:admin', unauthorizedUrl: '/no-access' });
        if (path.startsWith('/account')) await auth.protect({ unauthenticatedUrl: '/welcome' });
        if (path === '/secure') {
          // The product description's 2FA sample, with `await auth()`.
          const { sessionClaims } = await auth();
          if (!sessionClaims?.['2fa_enabled']) return Response.redirect(new URL('/setup-2fa', request.url));
        }
        if (path === '/go-sign-in') (await auth()).redirectToSignIn();
      },
      { publishableKey: issuer.publishableKey, jwtKey: issuer.jwtKey, secretKey: SECRET_KEY },
    );
  });

  afterAll(() => {
    if (previousSecret === undefined) delete process.env.LATCH_SECRET_KEY;
    else process.env.LATCH_SECRET_KEY = previousSecret;
  });

  const call = async (path: string, token?: string, headers: Record<string, string> = {}) =>
    runMiddleware(middleware, `http://app.test${path}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
  const isNotFound = (response: Response) => response.headers.get('x-middleware-rewrite')?.includes('/latch_') ?? false;
  const passedThrough = (response: Response) => response.headers.get('x-middleware-next') === '1';

  it('requires an active organization for organizationId: true', async () => {
    expect(passedThrough(await call('/org/acme', await issuer.sign(ORG_MEMBER)))).toBe(true);
    expect(isNotFound(await call('/org/acme', await issuer.sign({})))).toBe(true);
  });

  it('checks roles and permissions from the v2 organization claim', async () => {
    expect(passedThrough(await call('/admin', await issuer.sign(ORG_ADMIN)))).toBe(true);
    expect(isNotFound(await call('/admin', await issuer.sign(ORG_MEMBER)))).toBe(true);
    expect(passedThrough(await call('/reports', await issuer.sign(ORG_ADMIN)))).toBe(true);
    expect(isNotFound(await call('/reports', await issuer.sign(ORG_MEMBER)))).toBe(true);
    expect(passedThrough(await call('/members', await issuer.sign(ORG_MEMBER)))).toBe(true);
    expect(isNotFound(await call('/members', await issuer.sign(ORG_ADMIN)))).toBe(true);
  });

  it('sends failed checks and signed-out visitors to the URLs given to protect()', async () => {
    const billing = await call('/billing', await issuer.sign(ORG_MEMBER));
    expect(billing.status).toBe(307);
    expect(billing.headers.get('location')).toBe('http://app.test/no-access');
    const account = await call('/account');
    expect(account.status).toBe(307);
    expect(account.headers.get('location')).toBe('http://app.test/welcome');
  });

  it('sends signed-out page loads to sign-in with a way back, and answers other requests 404 or 401', async () => {
    const page = await call('/admin', undefined, DOCUMENT_HEADERS);
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toBe(
      `http://app.test/sign-in?redirect_url=${encodeURIComponent('http://app.test/admin')}`,
    );
    expect(isNotFound(await call('/admin'))).toBe(true);
    const action = await runMiddleware(middleware, 'http://app.test/admin', {
      method: 'POST',
      headers: { 'next-action': 'abc123', accept: 'text/x-component' },
      body: '[]',
    });
    expect(action.status).toBe(401);
  });

  it('exposes session claims to the handler and lets it answer with its own (immutable) response', async () => {
    const without = await call('/secure', await issuer.sign({}));
    expect(without.status).toBe(302);
    expect(without.headers.get('location')).toBe('http://app.test/setup-2fa');
    expect(passedThrough(await call('/secure', await issuer.sign({ '2fa_enabled': true })))).toBe(true);
    const redirect = await call('/go-sign-in', undefined, DOCUMENT_HEADERS);
    expect(redirect.headers.get('location')).toContain('/sign-in?redirect_url=');
  });

  it('forwards a signed verdict that getAuth() trusts, and drops auth headers a visitor sent', async () => {
    const token = await issuer.sign({ ...ORG_ADMIN, sub: 'user_42' });
    const response = await call('/dashboard', token, {
      'x-latch-auth-status': 'signed-in',
      'x-latch-auth-token': 'forged',
      'x-latch-auth-signature': 'forged',
    });
    const forwarded = forwardedRequestHeaders(response);
    expect(forwarded['x-latch-auth-status']).toBe('signed-in');
    expect(forwarded['x-latch-auth-token']).toBe(token);
    expect(forwarded.authorization).toBe(`Bearer ${token}`);
    const auth = getAuth({ headers: forwarded });
    expect(auth.userId).toBe('user_42');
    expect(auth.orgRole).toBe('org:admin');
    expect(auth.has({ permission: 'org:reports:read' })).toBe(true);
    expect(await auth.getToken()).toBe(token);
  });

  it('builds Pages Router props with the auth state and a user without its private metadata', async () => {
    const token = await issuer.sign({ ...ORG_ADMIN, sub: 'user_42' });
    const forwarded = forwardedRequestHeaders(await call('/dashboard', token));
    const props = buildLatchProps(
      { headers: forwarded },
      {
        user: {
          id: 'user_42',
          firstName: 'Ada',
          publicMetadata: { plan: 'pro' },
          privateMetadata: { stripe: 'cus_1' },
        },
      },
    );
    expect(props.__latch_ssr_state).toMatchObject({ userId: 'user_42', sessionId: 'sess_test', orgSlug: 'acme' });
    expect(props.__latch_ssr_state.user).toEqual({ id: 'user_42', firstName: 'Ada', publicMetadata: { plan: 'pro' } });
  });

  it('treats a verdict with a wrong signature as signed out, and a missing one as a setup error', async () => {
    const token = await issuer.sign({ sub: 'user_42' });
    const forwarded = forwardedRequestHeaders(await call('/dashboard', token));
    const tampered = { ...forwarded, 'x-latch-auth-token': await issuer.sign({ sub: 'user_evil' }) };
    expect(getAuth({ headers: tampered }).userId).toBeNull();
    expect(() => getAuth({ headers: { cookie: '' } })).toThrow(/latchMiddleware\(\) did not run/);
  });

  it('rejects forged, expired, foreign-key and wrong-alg tokens as signed out without throwing', async () => {
    const valid = await issuer.sign({});
    const [header, payload] = valid.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'user_evil', sid: 'sess_x', exp: 9e9, iat: 1 })).toString(
      'base64url',
    );
    const other = await createTokenIssuer();
    const hs256 = await new SignJWT({ sid: 'sess_x' })
      .setProtectedHeader({ alg: 'HS256', kid: 'ins_test' })
      .setSubject('user_evil')
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode('a-shared-secret-of-enough-length-123'));
    const bad = [
      `${header}.${forgedPayload}.${valid.split('.')[2]}`,
      await issuer.sign({}, { expiresInSeconds: -120 }),
      await other.sign({}),
      hs256,
      `${header}.${payload}`,
      'not-a-token',
    ];
    for (const token of bad) {
      const response = await call('/dashboard', token);
      expect(forwardedRequestHeaders(response)['x-latch-auth-status'], token).toBe('signed-out');
      expect(isNotFound(await call('/admin', token)), token).toBe(true);
    }
  });
});
