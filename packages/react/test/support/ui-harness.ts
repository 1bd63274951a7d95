import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from '../../../../e2e/clerk-compat/support/browser.js';
import { type LatchUnderTest, PASSWORD, startLatchUnderTest } from '../../../js/test/support/latch-server.js';
import type { DatabaseName } from '../../../server/test/support/databases.js';
import { buildTestApp } from './build-test-app.js';
import { startUIApp, type UIAppServer } from './ui-app-server.js';

export { PASSWORD };
export const SCREENSHOTS = fileURLToPath(new URL('../../../../e2e/screenshots/', import.meta.url));

let bundle: Promise<string> | null = null;

/**
 * `expect.poll` with room for a loaded machine: the default 1 s is shorter than a sign-up (password
 * hashing, email delivery) takes when several browser suites share two cores.
 */
export function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 15_000, interval: 50 });
}

/** Everything a UI test needs: a real Latch + SMTP sink, the bundled test app in front of it, Chromium. */
export interface UIHarness {
  latch: LatchUnderTest;
  app: UIAppServer;
  browser: Browser;
  /** A fresh browser profile (own cookies) with a page at `path`. */
  open(path: string): Promise<Page>;
  stop(): Promise<void>;
}

export async function startUIHarness(database: DatabaseName): Promise<UIHarness> {
  bundle ??= buildTestApp();
  const latch = await startLatchUnderTest(database);
  const app = await startUIApp(await bundle, latch.t.server.url, latch.t.server.publishableKey);
  const browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    latch,
    app,
    browser,
    async open(path) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 860 } });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('[page error]', error));
      await page.goto(`${app.origin}${path}`);
      return page;
    },
    async stop() {
      await browser?.close();
      await app?.close();
      await latch?.stop();
    },
  };
}

/** Signs in through the UI with identifier + password and waits for the home page. */
export async function signInThroughUI(page: Page, origin: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.waitForURL(`${origin}/home`);
  await poll(() => page.locator('#home-state').textContent()).toBe('signed-in');
}

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

/** Runs axe-core in the page and returns the serious and critical violations (id: help). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: Document): Promise<{
            violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.join(', ')}`);
}
