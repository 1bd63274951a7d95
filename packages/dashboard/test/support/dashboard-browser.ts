import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Browser as Chromium, Page } from 'playwright-core';
import { build } from 'vite';
import { expect } from 'vitest';
import { createOperator } from '../../../server/src/domain/operators/create-operator.js';
import { createSignInLink } from '../../../server/src/domain/operators/operator-sessions.js';
import type { OperatorRole } from '../../../server/src/store/operator-store.js';
import type { TestServer } from '../../../server/test/support/test-server.js';

/**
 * What every dashboard browser test shares: one production build of the SPA per change of its
 * sources (several test files may ask at once), axe + screenshots at two widths, and operator sign-in.
 */

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DASHBOARD = join(ROOT, 'packages/dashboard');
export const SCREENSHOTS = join(ROOT, 'e2e/screenshots/dashboard');
const require = createRequire(import.meta.url);
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

/** The newest modification time under the dashboard's sources: the build is current when it matches. */
function sourceStamp(): string {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ['src', 'index.html', 'vite.config.ts', 'package.json']) visit(join(DASHBOARD, entry));
  return String(newest);
}

/**
 * Builds the SPA into packages/dashboard/dist unless a build of the same sources is there. A lock
 * directory serialises test files running in parallel workers: a second build would empty `dist`
 * under a test that is serving it.
 */
export async function buildDashboard(): Promise<void> {
  const lock = join(DASHBOARD, '.test-build.lock');
  const stampFile = join(DASHBOARD, 'dist', '.test-build-stamp');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a crashed run.
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    const stamp = sourceStamp();
    let built = '';
    try {
      built = readFileSync(stampFile, 'utf8');
    } catch {}
    if (built === stamp) return;
    // Vitest sets NODE_ENV=test, which would give React's development build and JSX; test what ships.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      // Not emptied: a test file still running serves the previous build, whose page may yet load
      // its hashed assets (an emptied dist answers 503 meanwhile). Stale assets are pruned below.
      await build({ root: DASHBOARD, logLevel: 'warn', build: { emptyOutDir: false } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    writeFileSync(stampFile, stamp);
    pruneStaleAssets();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Assets of builds older than ten minutes: no test page still loads them. */
function pruneStaleAssets(): void {
  const assets = join(DASHBOARD, 'dist', 'assets');
  const cutoff = Date.now() - 10 * 60_000;
  for (const entry of readdirSync(assets)) {
    const path = join(assets, entry);
    if (statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
  }
}

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // evaluate, not a <script> tag: the dashboard's CSP allows no inline script (and should not).
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; help: string; nodes: unknown[] };
    const axe = (window as unknown as { axe: { run(d: Document): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} ×${v.nodes}`);
}

/** axe at desktop width, a screenshot at both widths, and no horizontal scrolling at 375 px. */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  expect(await seriousAxeViolations(page), name).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await seriousAxeViolations(page), `${name} at 375 px`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-375.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Logs the page's own errors and failed requests, so a failing step explains itself. */
export function reportPageErrors(page: Page, label = 'dashboard'): void {
  page.on('pageerror', (error) => console.error(`[${label} pageerror]`, error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      console.error(`[${label} http]`, response.request().method(), response.status(), response.url());
    }
  });
}

/**
 * A new browser context with an operator of `role` signed in through a one-time link, on the
 * dashboard's Users page.
 */
export async function signInOperator(
  chromium: Chromium,
  t: TestServer,
  role: OperatorRole,
  email = `${role}-${Date.now()}@example.com`,
): Promise<Page> {
  const { operator } = await createOperator(t.server.store, { email, role }, Date.now());
  const { token } = await createSignInLink(t.server.store, operator.id, Date.now());
  const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  reportPageErrors(page);
  await page.goto(`${t.server.url}/dashboard/sign-in#token=${token}`);
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  return page;
}
