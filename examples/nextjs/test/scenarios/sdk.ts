import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COOKIE_SUFFIX } from '../../../../e2e/clerk-compat/support/latch.js';
import { type BrowserTab, type ExampleContext, UI_TIMEOUT } from '../support/example-context.js';

const EMAIL = 'ada@example.test';
const PASSWORD = 'correct horse battery staple 42';

/**
 * Issue #4: the middleware (edge runtime), `auth()` / `currentUser()` in Server Components, Route
 * Handlers, Server Actions and the Pages Router, Bearer tokens from `getToken()`, a token refreshed in
 * an open tab, the handshake after a lost cookie, and sign-out. Signing in goes through `<SignIn/>`.
 */
export function sdkScenario(example: ExampleContext): void {
  let tab: BrowserTab;
  let context: BrowserContext;
  let page: Page;
  let userId: string;

  beforeAll(async () => {
    userId = await example.createUser({
      email: EMAIL,
      password: PASSWORD,
      firstName: 'Ada',
      publicMetadata: { plan: 'pro' },
    });
    tab = await example.newTab();
    context = tab.context;
    page = tab.page;
  });

  afterAll(async () => {
    await tab?.close();
  });

  const step = (name: string, body: () => Promise<void>) => example.step(tab, name, body);

  async function text(selector: string): Promise<string> {
    return page.locator(selector).innerText({ timeout: UI_TIMEOUT });
  }

  /** `fetch` from the page (same origin, the browser's cookies): status and body. */
  async function fetchInPage(path: string): Promise<{ status: number; body: string }> {
    // A string, not a function: Playwright serializes functions, and transpiled helpers may not survive.
    return page.evaluate(
      `fetch(${JSON.stringify(path)}).then(async (r) => ({ status: r.status, body: await r.text() }))`,
    );
  }

  async function sessionCookie(): Promise<string | undefined> {
    const cookies = await context.cookies();
    return cookies.find((cookie) => cookie.name === `__session_${COOKIE_SUFFIX}` || cookie.name === '__session')?.value;
  }

  it('serves the public home signed out, with the middleware running in the edge runtime', async () => {
    await step('signed-out home', async () => {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      expect(response?.headers()['x-middleware-runtime']).toBe('edge');
      expect(await text('#server-user')).toBe('Server sees nobody');
      expect(await text('#signed-out')).toContain('You are signed out');
      await expect.poll(() => text('#client-auth'), { timeout: UI_TIMEOUT }).toBe('Client sees nobody');
    });
    await step('signed-out Route Handler, protected route and Server Action', async () => {
      const me = await context.request.get('/api/me');
      expect(me.status()).toBe(401);
      expect(await me.json()).toEqual({ error: 'Unauthorized' });
      // auth.protect() in the middleware: a signed-out API call is not redirected, it gets a 404 (as Clerk's).
      const protectedCall = await context.request.get('/api/protected', { maxRedirects: 0 });
      expect(protectedCall.status()).toBe(404);
      // The benchmark's baseline route is outside the middleware's matcher: no auth, no middleware at all.
      const open = await context.request.get('/api/no-auth');
      expect(open.status()).toBe(200);
      expect(open.headers()['x-middleware-runtime']).toBeUndefined();
      await page.click('#who-am-i');
      await expect.poll(() => text('#who-am-i-answer'), { timeout: UI_TIMEOUT }).toBe('action refused');
    });
  });

  it('sends a signed-out visit to /dashboard to sign-in, and back after signing in', async () => {
    await step('redirect to sign-in', async () => {
      await page.goto('/dashboard');
      await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: UI_TIMEOUT });
      expect(new URL(page.url()).searchParams.get('redirect_url')).toBe(`${example.appUrl}/dashboard`);
    });
    await step('sign in with email and password through <SignIn/>', async () => {
      await example.signInThroughUI(page, EMAIL, PASSWORD, '/dashboard');
    });
    await step('the Server Component shows the user', async () => {
      expect(await text('#welcome')).toBe('Welcome, Ada!');
      expect(await text('#email')).toBe(`Email: ${EMAIL}`);
      expect(await text('#user-id')).toBe(`ID: ${userId}`);
      expect(JSON.parse(await text('#metadata'))).toEqual({ plan: 'pro' });
    });
    await step('the first (server) render of a client component is already signed in', async () => {
      const html = await (await context.request.get('/dashboard')).text();
      expect(html).toContain(`Client sees ${userId}`);
    });
  });

  it('lets a Route Handler, a Server Action and a Pages Router API route see the userId', async () => {
    await step('Route Handler', async () => {
      const me = await fetchInPage('/api/me');
      expect(me.status).toBe(200);
      expect(JSON.parse(me.body)).toMatchObject({ userId });
    });
    await step('Server Action', async () => {
      await page.click('#who-am-i');
      await expect.poll(() => text('#who-am-i-answer'), { timeout: UI_TIMEOUT }).toBe(`action sees ${userId}`);
    });
    await step('Pages Router getAuth(req)', async () => {
      const pages = await fetchInPage('/api/pages-auth');
      expect(pages.status).toBe(200);
      expect(JSON.parse(pages.body)).toEqual({ userId });
    });
  });

  it('authenticates /api/protected with a Bearer token from getToken()', async () => {
    await step('browser: getToken() + Authorization header, no cookies', async () => {
      await page.click('#call-protected');
      await expect.poll(() => text('#protected-result'), { timeout: UI_TIMEOUT }).toMatch(/^200 /);
      expect(JSON.parse((await text('#protected-result')).slice(4))).toMatchObject({ userId });
    });
    await step('a server-to-server call with the same kind of token', async () => {
      const token = await sessionCookie();
      expect(token).toBeTruthy();
      const response = await fetch(`${example.appUrl}/api/protected`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ userId });
      const forged = await fetch(`${example.appUrl}/api/protected`, {
        headers: { Authorization: `Bearer ${token}x` },
      });
      expect(forged.status).toBe(404);
    });
  });

  it('refreshes a session token that expires while the tab stays open, without a visible sign-out', async () => {
    await step('outlive the first token', async () => {
      const first = await sessionCookie();
      expect(first).toBeTruthy();
      const firstExpiry = expiryOf(first as string);
      // Wait (without touching the page) until the token we started with has expired.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstExpiry * 1000 - Date.now()) + 1_500));
      const current = await sessionCookie();
      expect(current).toBeTruthy();
      expect(current).not.toBe(first);
      expect(expiryOf(current as string) * 1000).toBeGreaterThan(Date.now());
      expect(new URL(page.url()).pathname).toBe('/dashboard');
      expect(await text('#client-auth')).toContain(`Client sees ${userId}`);
    });
    await step('requests after the expiry are still signed in', async () => {
      expect((await fetchInPage('/api/me')).status).toBe(200);
      await page.click('#call-protected');
      await expect.poll(() => text('#protected-result'), { timeout: UI_TIMEOUT }).toMatch(/^200 /);
      const response = await page.goto('/dashboard');
      expect(new URL(page.url()).pathname).toBe('/dashboard');
      expect(response?.status()).toBe(200);
      expect(await text('#welcome')).toBe('Welcome, Ada!');
    });
  }, 60_000);

  it('recovers a deleted session cookie through the handshake on the next page load', async () => {
    await step('handshake', async () => {
      const session = (await context.cookies()).filter((cookie) => cookie.name.startsWith('__session'));
      expect(session.length).toBeGreaterThan(0);
      // Leave the app first: an open tab's SDK may write its in-memory token back into the cookie at any
      // moment (as clerk-js does), which would make this a test of timing, not of the handshake.
      await page.goto('about:blank');
      await context.clearCookies({ name: /^__session/ });
      await page.goto('/dashboard');
      await page.waitForURL((url) => url.pathname === '/dashboard', { timeout: UI_TIMEOUT });
      expect(await text('#welcome')).toBe('Welcome, Ada!');
      expect(tab.traffic.some((entry) => entry.line.includes('/v1/client/handshake'))).toBe(true);
    });
  });

  it('makes protected routes redirect again after sign-out', async () => {
    await step('sign out', async () => {
      await page.click('#sign-out');
      await page.waitForURL((url) => url.pathname === '/', { timeout: UI_TIMEOUT });
      await expect.poll(() => text('#server-user'), { timeout: UI_TIMEOUT }).toBe('Server sees nobody');
    });
    await step('protected routes redirect', async () => {
      await page.goto('/dashboard');
      await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: UI_TIMEOUT });
      expect((await fetchInPage('/api/me')).status).toBe(401);
    });
  });
}

/** `exp` of a JWT, in seconds (the token came from Latch; this only reads it). */
function expiryOf(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as {
    exp: number;
  };
  return payload.exp;
}
