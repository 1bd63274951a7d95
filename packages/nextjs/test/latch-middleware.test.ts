import { createLatchClient } from '@latch/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SMTPSink, startSMTPSink } from '../../server/test/support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.js';
import { createRouteMatcher, getAuth, latchClient, latchMiddleware } from '../src/server/index.js';
import { DOCUMENT_HEADERS, forwardedRequestHeaders, runMiddleware } from './support/run-middleware.js';

/**
 * `latchMiddleware` and the server helpers against a real Latch (production instance, each database):
 * session tokens minted by Latch and verified through its JWKS, the handshake redirect, the
 * `/__latch` proxy reaching the real Frontend API, `latchClient` in both spellings and template tokens.
 */
describe.each(['sqlite', 'postgres'] as const)('latchMiddleware against a real Latch (%s)', (kind) => {
  let latch: TestServer;
  let sink: SMTPSink;
  let middleware: ReturnType<typeof latchMiddleware>;
  let userId: string;
  let sessionToken: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    sink = await startSMTPSink();
    latch = await startTestServer(kind, {
      instanceType: 'production',
      frontendApiUrl: 'http://clerk.app.test',
      smtpUrl: sink.url,
      emailFrom: 'Latch <no-reply@latch.test>',
    });
    const options = {
      publishableKey: latch.server.publishableKey,
      secretKey: latch.secretKey,
      apiUrl: `${latch.server.url}/api`,
    };
    // The server helpers (getAuth, latchClient) read the environment, as in an app.
    process.env.NEXT_PUBLIC_LATCH_PUBLISHABLE_KEY = options.publishableKey;
    process.env.LATCH_SECRET_KEY = options.secretKey;
    process.env.LATCH_API_URL = options.apiUrl;
    const admin = createLatchClient(options);
    const user = await admin.users.createUser({
      emailAddress: ['grace@example.test'],
      password: 'a long enough password 1906',
      firstName: 'Grace',
      skipPasswordChecks: true,
    });
    userId = user.id;
    const session = await admin.sessions.createSession({ userId });
    sessionToken = (await admin.sessions.getToken(session.id)).jwt;
    await admin.jwtTemplates.create({
      name: 'supabase',
      claims: { role: 'authenticated', email: '{{user.primary_email_address}}' },
    });
    const isPublicRoute = createRouteMatcher(['/', '/sign-in(.*)']);
    // Configured from the environment only, like the example app.
    middleware = latchMiddleware(async (auth, request) => {
      if (!isPublicRoute(request)) await auth.protect();
    });
  });

  afterAll(async () => {
    process.env = saved;
    await latch?.stop();
    await sink?.close();
  });

  it('verifies a Latch session token (JWKS from the Backend API) and hands the verdict on', async () => {
    const response = await runMiddleware(middleware, 'http://app.test/dashboard', {
      headers: { authorization: `Bearer ${sessionToken}` },
    });
    expect(response.headers.get('x-middleware-next')).toBe('1');
    const auth = getAuth({ headers: forwardedRequestHeaders(response) });
    expect(auth.userId).toBe(userId);
    expect(auth.sessionClaims?.sub).toBe(userId);
  });

  it('mints JWT-template tokens for getToken({ template }) through the Backend API', async () => {
    const response = await runMiddleware(middleware, 'http://app.test/dashboard', {
      headers: { authorization: `Bearer ${sessionToken}` },
    });
    const token = await getAuth({ headers: forwardedRequestHeaders(response) }).getToken({ template: 'supabase' });
    const claims = JSON.parse(Buffer.from((token as string).split('.')[1] as string, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ sub: userId, role: 'authenticated', email: 'grace@example.test' });
  });

  it('sends a signed-out page load to sign-in, and a browser with a stale cookie through the handshake', async () => {
    const signedOut = await runMiddleware(middleware, 'http://app.test/dashboard', { headers: DOCUMENT_HEADERS });
    expect(signedOut.status).toBe(307);
    expect(signedOut.headers.get('location')).toBe(
      `http://app.test/sign-in?redirect_url=${encodeURIComponent('http://app.test/dashboard')}`,
    );
    // `__client_uat` says "signed in since now" but no session cookie came along: ask the Frontend API.
    const stale = await runMiddleware(middleware, 'http://app.test/dashboard', {
      headers: { ...DOCUMENT_HEADERS, cookie: `__client_uat=${Math.floor(Date.now() / 1000)}` },
    });
    expect(stale.status).toBe(307);
    const location = new URL(stale.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe('http://app.test/__latch/v1/client/handshake');
    expect(location.searchParams.get('redirect_url')).toBe('http://app.test/dashboard');
  });

  it('serves the real Frontend API on the app origin through /__latch', async () => {
    const response = await runMiddleware(middleware, 'http://app.test/__latch/v1/environment');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { object: string }).object).toBe('environment');
  });

  it('offers latchClient both as an object and as a function', async () => {
    await latchClient.users.updateUser(userId, { publicMetadata: { plan: 'pro' } });
    const client = await latchClient();
    const user = await client.users.getUser(userId);
    expect(user.publicMetadata).toEqual({ plan: 'pro' });
    expect(user.firstName).toBe('Grace');
  });
});
