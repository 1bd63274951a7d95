import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  formatTraffic,
  launchChromium,
  recordTraffic,
  type TrafficEntry,
} from '../../../../e2e/clerk-compat/support/browser.js';
import { formatLatchLog } from '../../../../e2e/clerk-compat/support/latch.js';
import type { SMTPSink } from '../../../../packages/server/test/support/smtp-sink.js';
import { type RunningApp, runtimeEnv, startApp } from './example-app.js';
import { type LatchForExample, startLatchForExample } from './latch-for-example.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/** Session tokens live 20 s, so the SDK scenario sees one expire and get refreshed in an open tab. */
export const TOKEN_LIFETIME_SECONDS = 20;
export const UI_TIMEOUT = 15_000;
/** Where the browser tests write screenshots (git-ignored). */
export const SCREENSHOTS = fileURLToPath(new URL('../../../../e2e/screenshots/', import.meta.url));

/** A browser profile (own cookies) with one page, and what that page sent and received. */
export interface BrowserTab {
  context: BrowserContext;
  page: Page;
  traffic: TrafficEntry[];
  close(): Promise<void>;
}

/**
 * What every scenario module gets: one Latch (with its SMTP sink), one `next start` of the app built
 * once, one Chromium. Filled in by the entry file's `beforeAll`, so read it inside hooks and tests only.
 */
export interface ExampleContext {
  readonly kind: DatabaseKind;
  latch: LatchForExample;
  /** Latch's base URL (`http://127.0.0.1:<port>`; Backend API under `/api/v1`). */
  latchUrl: string;
  secretKey: string;
  /** The app's origin, `http://localhost:<port>`. */
  appUrl: string;
  app: RunningApp;
  browser: Browser;
  /** The mailbox Latch sends its codes to. */
  smtp: SMTPSink;
  /** A fresh browser profile on the app (`baseURL` set, traffic recorded for failure reports). */
  newTab(options?: { viewport?: { width: number; height: number } }): Promise<BrowserTab>;
  /** Runs a step; a failure carries what the browser, Latch and `next start` saw since it began. */
  step(tab: BrowserTab | null, name: string, body: () => Promise<void>): Promise<void>;
  /** A user created through the Backend API (email verified); returns its id. */
  createUser(user: NewUser): Promise<string>;
  /** Signs in through `<SignIn/>` at /sign-in (identifier, then password) and waits for `landing`. */
  signInThroughUI(page: Page, email: string, password: string, landing?: string): Promise<void>;
  /** Signs up through `<SignUp/>` at /sign-up with the emailed code and waits for `landing`. */
  signUpThroughUI(page: Page, user: NewUser, landing?: string): Promise<void>;
  /** The next code emailed to `email` (six digits). */
  codeFor(email: string): Promise<string>;
}

export interface NewUser {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
  publicMetadata?: Record<string, unknown>;
}

/** `expect.poll` with room for a loaded machine (password hashing, email delivery, two shared cores). */
export function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: UI_TIMEOUT, interval: 50 });
}

/**
 * Waits until the server-rendered card is live: its first field has focus and React has hydrated it.
 * Focus alone says nothing about hydration (the server's HTML carries `autofocus`, which the browser
 * honours at once); the primary button is marked `data-latch-hydrating` (and disabled) until React
 * has taken over. Typing into the server's HTML before that could be lost when hydration takes over.
 */
export async function cardReady(page: Page): Promise<void> {
  await poll(() =>
    page.evaluate(
      () =>
        document.activeElement?.tagName === 'INPUT' &&
        !!document.activeElement.closest('.latch-card') &&
        document.querySelector('.latch-card .latch-formButtonPrimary:not([data-latch-hydrating])') !== null,
    ),
  ).toBe(true);
}

/**
 * Waits until the page is live: `<LatchProvider>` has loaded `@latch/js` and put it on `window.Latch`.
 * Its effect runs after hydration, so from then on clicks reach React's handlers. A click on
 * server-rendered HTML before that is lost (a plain button has no handler yet) — the cause of an
 * invite step that once waited 30 s for a form that never opened.
 */
export async function pageLive(page: Page): Promise<void> {
  await poll(() => page.evaluate(() => (window as { Latch?: { loaded?: boolean } }).Latch?.loaded === true)).toBe(true);
}

/** Starts Latch, its SMTP sink, `next start` of the (already built) app and Chromium into `context`. */
export async function startExample(context: ExampleContext): Promise<void> {
  const appPort = await freePort();
  const latch = await startLatchForExample(`http://localhost:${appPort}`, {
    kind: context.kind,
    tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
  });
  context.latch = latch;
  context.latchUrl = latch.url;
  context.secretKey = latch.secretKey;
  context.smtp = latch.smtp;
  context.app = await startApp(appPort, runtimeEnv(latch.url, latch.secretKey));
  context.appUrl = context.app.url;
  context.browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
}

export async function stopExample(context: ExampleContext): Promise<void> {
  await context.browser?.close();
  await context.app?.stop();
  await context.latch?.stop();
}

/** The context object the entry file hands to every scenario module (fields set by `startExample`). */
export function createExampleContext(kind: DatabaseKind): ExampleContext {
  const context = { kind } as ExampleContext;
  context.newTab = async (options = {}) => {
    const browserContext = await context.browser.newContext({
      baseURL: context.appUrl,
      viewport: options.viewport ?? { width: 1100, height: 860 },
    });
    const page = await browserContext.newPage();
    const traffic: TrafficEntry[] = [];
    // The browser reaches Latch's Frontend API through the middleware's `/__latch` proxy.
    recordTraffic(page, traffic, '/__latch');
    return { context: browserContext, page, traffic, close: () => browserContext.close() };
  };
  context.step = async (tab, name, body) => {
    const since = Date.now();
    try {
      await body();
    } catch (error) {
      // What the user would see: a client-side validation message explains a submit that never reached Latch.
      const card = tab
        ? await tab.page
            .locator('.latch-card')
            .first()
            .innerText({ timeout: 1_000 })
            .catch(() => '(no card)')
        : '';
      const detail = [
        `step failed: ${name} (${context.kind})`,
        tab ? `browser:\n${formatTraffic(tab.traffic, since)}` : '',
        tab ? `card text:\n${card}` : '',
        `latch:\n${formatLatchLog(context.latch.log, since)}`,
        `next start (tail):\n${context.app.output().slice(-4_000)}`,
      ].join('\n');
      throw new Error(`${(error as Error).message}\n\n${detail}`, { cause: error });
    }
  };
  context.createUser = async (user) => {
    const response = await fetch(`${context.latchUrl}/api/v1/users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${context.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email_address: [user.email],
        password: user.password,
        first_name: user.firstName,
        last_name: user.lastName,
        public_metadata: user.publicMetadata,
        skip_password_checks: true,
      }),
    });
    const body = (await response.json()) as { id?: string };
    if (response.status !== 200 || !body.id)
      throw new Error(`creating the user failed: ${response.status} ${JSON.stringify(body)}`);
    return body.id;
  };
  context.signInThroughUI = async (page, email, password, landing = '/dashboard') => {
    if (new URL(page.url(), context.appUrl).pathname !== '/sign-in') await page.goto('/sign-in');
    await cardReady(page);
    await page.getByLabel('Email address').fill(email, { timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByLabel('Password', { exact: true }).fill(password, { timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.waitForURL((url) => url.pathname === landing, { timeout: UI_TIMEOUT });
  };
  context.signUpThroughUI = async (page, user, landing = '/dashboard') => {
    await page.goto('/sign-up');
    await poll(() => page.getByRole('heading', { name: 'Create your account' }).isVisible()).toBe(true);
    await cardReady(page);
    // The name fields appear once the instance's settings have loaded (this instance enables them).
    if (user.firstName) await page.getByLabel('First name').fill(user.firstName, { timeout: UI_TIMEOUT });
    if (user.lastName) await page.getByLabel('Last name').fill(user.lastName, { timeout: UI_TIMEOUT });
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await poll(() => page.getByRole('heading', { name: 'Verify your email' }).isVisible()).toBe(true);
    // Six digits submit the form by themselves.
    await page.getByLabel('Verification code').fill(await context.codeFor(user.email));
    await page.waitForURL((url) => url.pathname === landing, { timeout: UI_TIMEOUT });
  };
  context.codeFor = async (email) => {
    const message = await context.smtp.waitForMessage({ to: email, timeoutMs: UI_TIMEOUT });
    const code = /\b(\d{6})\b/.exec(message.text)?.[1];
    if (!code) throw new Error(`no six-digit code in the email to ${email}: ${message.text}`);
    return code;
  };
  return context;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
