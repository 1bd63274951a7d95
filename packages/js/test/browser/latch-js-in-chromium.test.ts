import { cookieSuffix } from '@latch/js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../e2e/clerk-compat/support/browser.js';
import { claimsOf } from '../support/jwt.js';
import { type LatchUnderTest, PASSWORD, startLatchUnderTest } from '../support/latch-server.js';
import { type AppServer, startAppServer } from './support/app-server.js';

declare global {
  interface Window {
    latch: import('@latch/js').Latch;
    latchEvents: { sessionId: string | null; userId: string | null }[];
    latchReady: boolean;
  }
}

const TOKENS = /\/__latch\/v1\/client\/sessions\/[^/]+\/tokens(\?|$)/;

describe('@latch/js in Debian Chromium behind a same-origin /__latch proxy (sqlite)', () => {
  let latch: LatchUnderTest;
  let app: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    latch = await startLatchUnderTest('sqlite');
    app = await startAppServer(latch.t.server.url, latch.t.server.publishableKey);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await latch?.stop();
  });

  async function openApp(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(app.origin);
    await page.waitForFunction(() => window.latchReady === true);
    return page;
  }

  async function signInOnPage(page: Page, email: string): Promise<string> {
    return page.evaluate(
      async ({ email, password }) => {
        const signIn = await window.latch.client!.signIn.create({ identifier: email, strategy: 'password', password });
        await window.latch.setActive({ session: signIn.createdSessionId });
        return window.latch.session!.id;
      },
      { email, password: PASSWORD },
    );
  }

  async function sessionCookie(context: BrowserContext) {
    return (await context.cookies(app.origin)).find((cookie) => cookie.name === '__session');
  }

  it('writes __session on the app origin, readable by the app server, SameSite=Lax', async () => {
    const userId = await latch.createUser('chromium@example.com');
    const context = await browser.newContext();
    const page = await openApp(context);
    const sessionId = await signInOnPage(page, 'chromium@example.com');

    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ domain: '127.0.0.1', path: '/', httpOnly: false, sameSite: 'Lax', secure: false });
    expect(claimsOf(cookie?.value)).toMatchObject({ sub: userId, sid: sessionId, azp: app.origin });
    expect(cookie?.value).toBe(await page.evaluate(() => window.latch.session!.getToken()));
    // The suffixed twin carries the same token, so a server preferring either form agrees.
    const suffix = await cookieSuffix(latch.t.server.publishableKey);
    const suffixed = (await context.cookies(app.origin)).find((entry) => entry.name === `__session_${suffix}`);
    expect(suffixed?.value).toBe(cookie?.value);
    // Through the same-origin proxy, the Frontend API's own __client_uat lands on the app's origin.
    const uat = (await context.cookies(app.origin)).find((entry) => entry.name === '__client_uat');
    expect(Number(uat?.value)).toBeGreaterThan(0);
    // The Frontend API's own client cookie is first-party (through the proxy) and out of reach of scripts.
    const client = (await context.cookies(app.origin)).find((entry) => entry.name === '__client');
    expect(client?.httpOnly).toBe(true);
    expect(await page.evaluate(() => document.cookie.includes('__client='))).toBe(false);
    expect(await page.textContent('#state')).toBe('signed-in');

    // A reload finds the same session through the first-party client cookie.
    await page.reload();
    await page.waitForFunction(() => window.latchReady === true);
    expect(await page.evaluate(() => window.latch.session?.id)).toBe(sessionId);
    await context.close();
  });

  it('also works cross-origin without a proxy (CORS with credentials, same site)', async () => {
    const userId = await latch.createUser('cors@example.com');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.origin}/?fapi=${encodeURIComponent(latch.t.server.url)}`);
    await page.waitForFunction(() => window.latchReady === true);
    expect(await page.evaluate(() => window.latch.frontendApi)).toBe(latch.t.server.url);
    await signInOnPage(page, 'cors@example.com');
    expect(claimsOf((await sessionCookie(context))?.value).sub).toBe(userId);

    await page.reload();
    await page.waitForFunction(() => window.latchReady === true);
    expect(await page.evaluate(() => window.latch.user?.id)).toBe(userId);
    await context.close();
  });

  it('refreshes the token when the window regains focus after the token went stale', async () => {
    await latch.createUser('focus-chromium@example.com');
    const context = await browser.newContext();
    const page = await context.newPage();
    // Page time is ours to move: the tab "sleeps" 55 s without its timers running.
    await page.clock.install();
    await page.goto(app.origin);
    await page.waitForFunction(() => window.latchReady === true);
    await signInOnPage(page, 'focus-chromium@example.com');

    await page.clock.setSystemTime(Date.now() + 55_000);
    const refreshed = page.waitForResponse((response) => TOKENS.test(new URL(response.url()).pathname));
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const jwt = ((await (await refreshed).json()) as { jwt: string }).jwt;
    await expect.poll(async () => (await sessionCookie(context))?.value).toBe(jwt);

    // Coming back to a hidden tab (visibilitychange) does the same.
    await page.clock.setSystemTime(Date.now() + 2 * 55_000);
    const again = page.waitForResponse((response) => TOKENS.test(new URL(response.url()).pathname));
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const second = ((await (await again).json()) as { jwt: string }).jwt;
    await expect.poll(async () => (await sessionCookie(context))?.value).toBe(second);
    await context.close();
  });

  it('signing out in one tab signs the other tabs out; tokens are shared between tabs', async () => {
    await latch.createUser('tabs-chromium@example.com');
    const context = await browser.newContext();
    const first = await openApp(context);
    const sessionId = await signInOnPage(first, 'tabs-chromium@example.com');

    // A second tab opened later picks the signed-in client up from the first-party __client cookie.
    const second = await openApp(context);
    expect(await second.evaluate(() => window.latch.session?.id)).toBe(sessionId);

    const token = await first.evaluate(() => window.latch.session!.getToken({ skipCache: true }));
    const tokenRequests: string[] = [];
    second.on('request', (request) => {
      if (TOKENS.test(new URL(request.url()).pathname)) tokenRequests.push(request.url());
    });
    await expect.poll(() => second.evaluate(() => window.latch.session!.getToken())).toBe(token);
    expect(tokenRequests).toEqual([]);

    await first.evaluate(() => window.latch.signOut());
    await second.waitForFunction(() => window.latch.session === null);
    expect(await second.evaluate(() => window.latchEvents.at(-1))).toEqual({ sessionId: null, userId: null });
    expect(await second.textContent('#state')).toBe('signed-out');
    expect(await sessionCookie(context)).toBeUndefined();
    await context.close();
  });
});
