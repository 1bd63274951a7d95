import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCode } from '../../packages/server/test/support/smtp-sink.js';
import {
  COOKIE_WRITE_LOGGER,
  formatTraffic,
  launchChromium,
  recordTraffic,
  shortenCookie,
  type TrafficEntry,
} from './support/browser.js';
import { COOKIE_SUFFIX, formatLatchLog, type LatchForE2E, startLatch } from './support/latch.js';
import { buildApp, type RunningApp, runtimeEnv, startApp } from './support/next-app.js';

/**
 * The outside check: the OFFICIAL Clerk SDKs, unmodified — a Next.js app on `@clerk/nextjs` 7.9.17
 * and the clerk-js 6.40.0 / @clerk/ui 1.36.0 bundles Latch serves — run against Latch in Debian's
 * Chromium (PROTOCOL.md §8.4). The browser talks only to the app; the app's built-in proxy forwards
 * `/__clerk/*` to Latch's Frontend API and `@clerk/backend` calls Latch's Backend API.
 *
 * On failure the error names the step and carries what the browser and Latch saw during it; the full
 * trace and a screenshot land in `e2e/clerk-compat/.artifacts/`.
 */

const ARTIFACTS = new URL('./.artifacts/', import.meta.url);
const UI_TIMEOUT = 15_000;

/** What `<pre id="auth">` shows: `JSON.stringify(await auth())` on the server. */
interface AuthJSON {
  userId: string | null;
  sessionId: string | null;
  [key: string]: unknown;
}

describe('official Clerk SDKs (@clerk/nextjs 7.9.17, clerk-js 6.40.0, @clerk/ui 1.36.0) against Latch', () => {
  let latch: LatchForE2E;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const traffic: TrafficEntry[] = [];
  const passed: string[] = [];
  let setup = '';

  beforeAll(async () => {
    const appPort = await freePort();
    // The build does not depend on Latch (nothing per-run is inlined), so both start together.
    const started = Date.now();
    const [build, latchStart] = await Promise.allSettled([buildApp(), startLatch(`http://localhost:${appPort}`)]);
    // Keep a started Latch even when the build failed, so afterAll stops it.
    if (latchStart.status === 'fulfilled') latch = latchStart.value;
    if (build.status === 'rejected') throw build.reason;
    if (latchStart.status === 'rejected') throw latchStart.reason;
    setup = `${build.value ? 'fresh' : 'cached'} build; build and Latch start took ${Math.round((Date.now() - started) / 1000)} s`;
    app = await startApp(appPort, runtimeEnv(latch.url, latch.secretKey));
    browser = await launchChromium();
    context = await browser.newContext({ baseURL: app.url });
    await context.addInitScript(COOKIE_WRITE_LOGGER);
    page = await openPage();
  }, 170_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await latch?.stop();
  });

  async function openPage(): Promise<Page> {
    const opened = await context.newPage();
    opened.setDefaultTimeout(UI_TIMEOUT);
    recordTraffic(opened, traffic);
    return opened;
  }

  /** Runs one scenario step; a failure is rethrown with the step's name and everything seen meanwhile. */
  async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      const result = await run();
      passed.push(`${name} (${Date.now() - started} ms)`);
      return result;
    } catch (error) {
      throw await diagnose(name, error, started);
    }
  }

  async function diagnose(name: string, error: unknown, since: number): Promise<Error> {
    // Let late response bodies arrive before printing them.
    await new Promise((resolve) => setTimeout(resolve, 300));
    mkdirSync(ARTIFACTS, { recursive: true });
    const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    await page?.screenshot({ path: new URL(`${slug}.png`, ARTIFACTS).pathname, fullPage: true }).catch(() => undefined);
    const pageText = await page
      ?.locator('body')
      // biome-ignore lint/performance/useDomNodeTextContent: the text a person sees; textContent would include Next's inline RSC scripts.
      .innerText({ timeout: 1_000 })
      .catch(() => '(unreadable)');
    const message = [
      `Step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`,
      `Passed before it: ${passed.length ? passed.join(' → ') : 'nothing'}`,
      `Page: ${page?.url()}\n${(pageText ?? '').slice(0, 1_500)}`,
      `Browser traffic during the step:\n${formatTraffic(traffic, since) || '  (none)'}`,
      `Latch during the step:\n${formatLatchLog(latch.log, since) || '  (nothing)'}`,
      `Browser cookies now:\n${await cookieSummary()}`,
      `next start output (tail):\n${app.output().slice(-3_000)}`,
    ].join('\n\n');
    writeFileSync(
      new URL('clerk-compat.log', ARTIFACTS),
      `${message}\n\nWhole run, browser:\n${formatTraffic(traffic)}\n\nWhole run, Latch:\n${formatLatchLog(latch.log)}\n`,
    );
    const wrapped = new Error(message);
    if (error instanceof Error && error.stack) wrapped.stack = `${message}\n${error.stack}`;
    return wrapped;
  }

  async function cookieSummary(): Promise<string> {
    const cookies = await context.cookies().catch(() => []);
    return (
      cookies
        .map(
          (cookie) =>
            `  ${shortenCookie(`${cookie.name}=${cookie.value}`)} (domain ${cookie.domain}${cookie.httpOnly ? ', HttpOnly' : ''})`,
        )
        .join('\n') || '  (none)'
    );
  }

  /** Loads `/` (a document request, so the middleware may handshake) and reads the server's `auth()`. */
  async function serverAuth(): Promise<AuthJSON> {
    const response = await page.goto('/');
    expect(response?.status(), 'GET / status').toBe(200);
    return JSON.parse((await page.locator('#auth').textContent()) ?? 'null') as AuthJSON;
  }

  /**
   * Types into fields of Clerk's UI and makes sure the text stays: the form can still re-render while
   * @clerk/ui settles and drop what was typed, and a submit with an empty required field sends nothing
   * (once seen in CI: no `POST /v1/client/sign_ups` after the click). Values must hold over two reads.
   */
  async function fillAndKeep(fields: [Locator, string][]): Promise<void> {
    const kept = async () => {
      for (const [field, value] of fields) if ((await field.inputValue()) !== value) return false;
      return true;
    };
    for (let attempt = 0; attempt < 20; attempt++) {
      for (const [field, value] of fields) if ((await field.inputValue()) !== value) await field.fill(value);
      await page.waitForTimeout(250);
      if (await kept()) return;
    }
    throw new Error('The form kept dropping what was typed into it');
  }

  /** clerk-js is in the page and finished loading (bundle served, /environment and /client read). */
  async function clerkLoaded(): Promise<void> {
    // A string, not a function: the test runs as TypeScript and helpers injected by the transform
    // would not exist in the page.
    await page.waitForFunction('window.Clerk !== undefined && window.Clerk.loaded === true', undefined, {
      timeout: UI_TIMEOUT,
    });
  }

  it('signs up with an emailed code, authenticates server-side, recovers via the handshake, signs out and in', async () => {
    const email = `ada+${Date.now()}@example.com`;
    const password = `Latch-e2e-${Math.random().toString(36).slice(2)}-Pw9!`;

    await step('signed-out home page loads clerk-js and @clerk/ui from Latch', async () => {
      const auth = await serverAuth();
      expect(auth.userId, 'auth().userId before signing up').toBeNull();
      await clerkLoaded();
      expect(
        traffic.some((entry) => /GET \/npm\/@clerk\/clerk-js@[^ ]+\/dist\/clerk\.browser\.js → 200/.test(entry.line)),
        'clerk.browser.js came through the /__clerk proxy from Latch',
      ).toBe(true);
    });

    await step('sign up with email and password through <SignUp/>', async () => {
      await page.goto('/sign-up');
      await clerkLoaded();
      await fillAndKeep([
        [page.locator('input[name="emailAddress"]'), email],
        [page.locator('input[name="password"]'), password],
      ]);
      await page.locator('.cl-formButtonPrimary').click();
      await page.locator('input[data-input-otp]').waitFor({ state: 'visible' });
    });

    const code = await step('the verification code arrives by SMTP', async () =>
      extractCode((await latch.sink.waitForMessage({ to: email, timeoutMs: UI_TIMEOUT })).text),
    );

    await step('enter the emailed code; <SignUp/> completes and redirects home', async () => {
      await page.locator('input[data-input-otp]').click();
      await page.keyboard.type(code, { delay: 30 });
      await page.waitForURL((url) => url.pathname === '/', { timeout: UI_TIMEOUT });
    });

    const first = await step('server-rendered auth() shows the new user and session', async () => {
      const auth = await serverAuth();
      expect(auth.userId, 'auth().userId after signing up').toMatch(/^user_/);
      expect(auth.sessionId, 'auth().sessionId after signing up').toMatch(/^sess_/);
      return auth;
    });

    await step('/api/me returns currentUser() from the Backend API', async () => {
      const response = await page.goto('/api/me');
      expect(response?.status(), 'GET /api/me status').toBe(200);
      const { user } = (await response!.json()) as {
        user: { id: string; emailAddresses: { emailAddress: string }[]; primaryEmailAddressId: string | null } | null;
      };
      expect(user?.id, 'currentUser().id (undefined: the request was not authenticated)').toBe(first.userId);
      expect(
        user?.emailAddresses.map((address) => address.emailAddress),
        'currentUser().emailAddresses',
      ).toEqual([email]);
    });

    await step('without its __session cookies the browser recovers through the handshake', async () => {
      // A fresh tab, so no running clerk-js can put a session cookie back before the request.
      await page.close();
      await context.clearCookies({ name: /^__session/ });
      const cleared = await context.cookies();
      expect(cleared.filter((cookie) => cookie.name.startsWith('__session'))).toEqual([]);
      const since = Date.now();
      page = await openPage();
      const auth = await serverAuth();
      expect(auth.userId, 'auth().userId after the handshake').toBe(first.userId);
      expect(auth.sessionId, 'auth().sessionId after the handshake').toBe(first.sessionId);
      const sinceHere = traffic.filter((entry) => entry.at >= since).map((entry) => entry.line);
      expect(
        sinceHere.some((line) => /^GET \/v1\/client\/handshake .*→ 307/.test(line)),
        'the browser went through GET /v1/client/handshake (307)',
      ).toBe(true);
      expect(
        latch.log.some(
          (entry) =>
            entry.at >= since &&
            entry.fields.path === '/api/v1/clients/handshake_payload' &&
            entry.fields.status === 200,
        ),
        'the app redeemed the nonce: GET /api/v1/clients/handshake_payload → 200',
      ).toBe(true);
      // Polled: clerk-js may drop and re-mint the cookie right after loading (see README).
      await expect
        .poll(
          async () =>
            (await context.cookies()).some((cookie) => cookie.name.startsWith('__session') && cookie.value !== ''),
          { message: 'the browser holds a __session cookie again', timeout: UI_TIMEOUT },
        )
        .toBe(true);
    });

    await step('sign out through <UserButton/>', async () => {
      await page.goto('/');
      await clerkLoaded();
      await page.locator('.cl-userButtonTrigger').click();
      await page
        .locator('.cl-userButtonPopoverActionButton__signOut')
        .or(page.getByRole('menuitem', { name: /sign out/i }))
        .first()
        .click();
      await page.waitForFunction('window.Clerk !== undefined && window.Clerk.user == null', undefined, {
        timeout: UI_TIMEOUT,
      });
      await page.waitForLoadState('networkidle');
      // The sign-out response's Set-Cookie may land after clerk-js already shows the user as gone.
      await expect
        .poll(
          async () =>
            (await context.cookies())
              .filter((cookie) => cookie.name.startsWith('__client_uat'))
              .map((cookie) => `${cookie.name}=${cookie.value}`)
              .sort(),
          { message: 'sign-out sets every __client_uat cookie to 0', timeout: UI_TIMEOUT },
        )
        .toEqual(['__client_uat=0', `__client_uat_${COOKIE_SUFFIX}=0`]);
      const auth = await serverAuth();
      expect(auth.userId, 'auth().userId after signing out').toBeNull();
    });

    await step('sign in again with the password through <SignIn/>', async () => {
      await page.goto('/sign-in');
      await clerkLoaded();
      await fillAndKeep([[page.locator('input[name="identifier"]'), email]]);
      await page.locator('.cl-formButtonPrimary').click();
      const passwordField = page.locator('input[name="password"]:visible');
      await fillAndKeep([[passwordField, password]]);
      await page.locator('.cl-formButtonPrimary').click();
      await page.waitForURL((url) => url.pathname === '/', { timeout: UI_TIMEOUT });
      const auth = await serverAuth();
      expect(auth.userId, 'auth().userId after signing in').toBe(first.userId);
      expect(auth.sessionId, 'auth().sessionId after signing in').toMatch(/^sess_/);
      expect(auth.sessionId, 'signing in starts a new session').not.toBe(first.sessionId);
    });

    writePassedLog();
  }, 120_000);

  /** A document request to `path` (the middleware may handshake) and the server's `auth()` there. */
  async function serverAuthAt(path: string): Promise<AuthJSON> {
    const response = await page.goto(path);
    expect(response?.status(), `GET ${path} status`).toBe(200);
    return JSON.parse((await page.locator('#auth').textContent()) ?? 'null') as AuthJSON;
  }

  // Continues signed in from the scenario above (vitest runs a file's tests in order).
  it("clerkMiddleware's organizationSyncOptions: the URL's organization becomes active through Latch's handshake", async () => {
    const slug = `initech-${Date.now()}`;
    const { userId } = await step('an organization the user belongs to, created through the Backend API', async () => {
      const auth = await serverAuth();
      expect(auth.userId, 'signed in from the scenario above').toMatch(/^user_/);
      const response = await fetch(`${latch.url}/api/v1/organizations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${latch.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Initech', slug, created_by: auth.userId }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return auth;
    });

    const orgId = await step(
      'GET /org/<slug>: handshake with organization_id, auth() has the organization',
      async () => {
        const since = Date.now();
        const auth = await serverAuthAt(`/org/${slug}`);
        expect(auth.userId).toBe(userId);
        expect(auth.orgSlug, 'auth().orgSlug on /org/<slug>').toBe(slug);
        expect(auth.orgId, 'auth().orgId on /org/<slug>').toMatch(/^org_/);
        expect(auth.orgRole, 'auth().orgRole on /org/<slug>').toBe('org:admin');
        expect(
          traffic.some((entry) => entry.at >= since && /^GET \/v1\/client\/handshake .*→ 307/.test(entry.line)),
          'the browser went through GET /v1/client/handshake',
        ).toBe(true);
        return auth.orgId as string;
      },
    );

    await step('GET /me (a personal-account pattern): auth() has no organization', async () => {
      const auth = await serverAuthAt('/me');
      expect(auth.userId).toBe(userId);
      expect(auth.orgId ?? null, 'auth().orgId on /me').toBeNull();
      // Back on the organization's page, it is active again.
      const again = await serverAuthAt(`/org/${slug}`);
      expect(again.orgId, 'auth().orgId back on /org/<slug>').toBe(orgId);
      await serverAuthAt('/me');
    });
    writePassedLog();
  }, 90_000);

  // Continues signed in from the scenario above (vitest runs a file's tests in order).
  it('creates an organization and switches between it and the personal account with <OrganizationSwitcher/>', async () => {
    const name = `Acme ${Date.now()}`;

    const created = await step(
      'create an organization from <OrganizationSwitcher/>; the server sees it active',
      async () => {
        await page.goto('/');
        await clerkLoaded();
        await page.locator('.cl-organizationSwitcherTrigger').click();
        await page.locator('.cl-organizationSwitcherPopoverActionButton__createOrganization').click();
        await page.locator('input[name="name"]').fill(name);
        await page.locator('.cl-formButtonPrimary').click();
        // `afterCreateOrganizationUrl="/"`: the component navigates home once clerk-js activated the new organization.
        // clerk-js updates the session object before its touch returns: wait for the new token in the cookie.
        await expect
          .poll(sessionCookieOrganization, {
            message: '__session holds a token with an `o` claim',
            timeout: UI_TIMEOUT,
          })
          .toMatch(/^org_/);
        const auth = await serverAuth();
        expect(auth.orgId, 'auth().orgId after creating the organization').toMatch(/^org_/);
        expect(auth.orgRole, 'auth().orgRole of the creator').toBe('org:admin');
        expect(auth.orgSlug, 'auth().orgSlug').toMatch(/^acme-/);
        return auth;
      },
    );

    await step('the switcher shows the active organization', async () => {
      await clerkLoaded();
      await expect
        .poll(async () => page.locator('.cl-organizationSwitcherTrigger').textContent(), {
          message: 'the trigger names the active organization',
          timeout: UI_TIMEOUT,
        })
        .toContain(name);
    });

    await step('switch to the personal account; auth() has no organization', async () => {
      await page.locator('.cl-organizationSwitcherTrigger').click();
      await page
        .locator('.cl-organizationSwitcherPreviewButton')
        .filter({ hasText: /personal account/i })
        .click();
      await expect
        .poll(sessionCookieOrganization, { message: '__session holds a personal token', timeout: UI_TIMEOUT })
        .toBeNull();
      const auth = await serverAuth();
      expect(auth.userId, 'auth().userId on the personal account').toBe(created.userId);
      expect(auth.orgId ?? null, 'auth().orgId on the personal account').toBeNull();
    });

    await step('switch back to the organization; auth() shows its id and role again', async () => {
      await clerkLoaded();
      await page.locator('.cl-organizationSwitcherTrigger').click();
      await page.locator('.cl-organizationSwitcherPreviewButton').filter({ hasText: name }).click();
      await expect
        .poll(sessionCookieOrganization, { message: "__session holds the organization's token", timeout: UI_TIMEOUT })
        .toBe(created.orgId);
      const auth = await serverAuth();
      expect(auth.orgId, 'auth().orgId after switching back').toBe(created.orgId);
      expect(auth.orgRole, 'auth().orgRole after switching back').toBe('org:admin');
    });

    writePassedLog();
  }, 90_000);

  /** The `o.id` claim of the browser's `__session` cookie (null: personal account or no cookie). */
  async function sessionCookieOrganization(): Promise<string | null> {
    const cookie = (await context.cookies()).find((entry) => entry.name === '__session' && entry.value !== '');
    const payload = cookie?.value.split('.')[1];
    if (!payload) return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { o?: { id?: string } };
    return claims.o?.id ?? null;
  }

  function writePassedLog(): void {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(
      new URL('clerk-compat.log', ARTIFACTS),
      `Passed (${setup}): ${passed.join(' → ')}\n\nBrowser:\n${formatTraffic(traffic)}\n\nLatch:\n${formatLatchLog(latch.log)}\n`,
    );
  }
});

/** A port nobody listens on right now, for `next start` (which needs it before Latch is configured). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
