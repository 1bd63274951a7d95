import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  type BrowserTab,
  cardReady,
  type ExampleContext,
  pageLive,
  poll,
  SCREENSHOTS,
  UI_TIMEOUT,
} from '../support/example-context.js';

const PASSWORD = 'a sturdy passphrase for the UI 7';
const NEW_PASSWORD = 'a brand-new passphrase after reset 8';

/**
 * Issue #5 in the example app: `<SignUp/>`, `<SignIn/>`, the header's `<UserButton/>` (custom items) and
 * modal `<SignInButton/>`, `<UserProfile/>` — all through the UI, codes read from the SMTP sink — plus
 * the provider's `localization` (Polish) and `appearance` (dark, `elements.card`, `variables.colorPrimary`),
 * keyboard-only sign-in, axe-core, and screenshots (light and dark) in e2e/screenshots/.
 */
export function uiScenario(example: ExampleContext): void {
  const email = (name: string) => `${name}-${example.kind}@example.test`;

  /** Runs `body` with a fresh browser profile, closed afterwards; failures carry the traffic. */
  async function withTab(name: string, body: (tab: BrowserTab) => Promise<void>, preferences: Preferences = {}) {
    const tab = await example.newTab();
    try {
      await setPreferences(tab, preferences);
      await example.step(tab, name, () => body(tab));
    } finally {
      await tab.close();
    }
  }

  async function setPreferences(tab: BrowserTab, { theme, locale }: Preferences) {
    const cookies = [];
    if (theme) cookies.push({ name: 'example-theme', value: theme, url: example.appUrl });
    if (locale) cookies.push({ name: 'example-locale', value: locale, url: example.appUrl });
    if (cookies.length > 0) await tab.context.addCookies(cookies);
  }

  const userMenuTrigger = (page: Page) => page.getByRole('button', { name: /^Open user menu/ });

  it('signs up with the emailed code, uses the UserButton menu, signs out, and signs in from the modal', async () => {
    const address = email('grace');
    await withTab('sign up, menu, sign out, modal sign-in', async ({ page }) => {
      await example.signUpThroughUI(page, {
        email: address,
        password: PASSWORD,
        firstName: 'Grace',
        lastName: 'Hopper',
      });
      expect(await page.locator('#welcome').innerText()).toBe('Welcome, Grace!');
      expect(await page.locator('#email').innerText()).toBe(`Email: ${address}`);

      // The header's UserButton: custom link, reordered built-in, custom action, sign out.
      await userMenuTrigger(page).click();
      const menu = page.getByRole('menu');
      await poll(() => menu.count()).toBe(1);
      const items = (await menu.getByRole('menuitem').allInnerTexts()).map((item) => item.trim());
      expect(items).toEqual(['Dashboard', 'Manage account', 'Help', 'Sign out']);
      expect(await menu.getByRole('menuitem', { name: 'Dashboard' }).getAttribute('href')).toBe('/dashboard');
      await menu.getByRole('menuitem', { name: 'Help' }).click();
      await poll(() => page.locator('#help-note').isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Close help' }).click();

      // "Manage account" opens <UserProfile/> in a modal.
      await userMenuTrigger(page).click();
      await page.getByRole('menuitem', { name: 'Manage account' }).click();
      const dialog = page.getByRole('dialog');
      await poll(() => dialog.getByRole('heading', { name: 'Profile details' }).isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await poll(() => dialog.count()).toBe(0);

      await userMenuTrigger(page).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/', { timeout: UI_TIMEOUT });
      await poll(() => page.locator('#client-auth').innerText()).toBe('Client sees nobody');

      // Signed out: the header offers the modal <SignInButton/>.
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const modal = page.getByRole('dialog');
      await poll(() => modal.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
      await modal.getByLabel('Email address').fill(address);
      await modal.getByRole('button', { name: 'Continue', exact: true }).click();
      await modal.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await modal.getByRole('button', { name: 'Continue', exact: true }).click();
      await poll(() => userMenuTrigger(page).isVisible()).toBe(true);
      await page.goto('/dashboard');
      expect(await page.locator('#welcome').innerText({ timeout: UI_TIMEOUT })).toBe('Welcome, Grace!');
    });
  });

  it('resets a forgotten password with the emailed code, then signs in with the new one', async () => {
    const address = email('forgetful');
    await example.createUser({ email: address, password: PASSWORD, firstName: 'Forgetful' });
    await withTab('forgot password', async ({ page }) => {
      await page.goto('/sign-in');
      await cardReady(page);
      await page.getByLabel('Email address').fill(address);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.getByRole('button', { name: 'Forgot password?' }).click();
      await poll(() => page.getByRole('heading', { name: 'Reset password' }).isVisible()).toBe(true);
      await page.getByLabel('Reset password code').fill(await example.codeFor(address));
      await poll(() => page.getByRole('heading', { name: 'Set new password' }).isVisible()).toBe(true);
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Confirm password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Reset password' }).click();
      await page.waitForURL((url) => url.pathname === '/dashboard', { timeout: UI_TIMEOUT });
      expect(await page.locator('#welcome').innerText()).toBe('Welcome, Forgetful!');
    });
    await withTab('sign in with the new password', async ({ page }) => {
      await page.goto('/sign-in');
      await cardReady(page);
      await page.getByLabel('Email address').fill(address);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      const password = page.getByLabel('Password', { exact: true });
      await password.fill(PASSWORD);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      // The old password no longer works…
      await poll(() => password.getAttribute('aria-invalid')).toBe('true');
      // …the new one does.
      await password.fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/dashboard', { timeout: UI_TIMEOUT });
    });
  });

  it('signs in with the keyboard only', async () => {
    const address = email('keyboard');
    await example.createUser({ email: address, password: PASSWORD, firstName: 'Keys' });
    await withTab('keyboard-only sign-in', async ({ page }) => {
      await page.goto('/sign-in');
      const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name);
      // The identifier field has focus on arrival; once the card has hydrated, Tab reaches the primary button.
      await cardReady(page);
      expect(await focusedName()).toBe('identifier');
      await page.keyboard.type(address);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Continue');
      await page.keyboard.press('Enter');
      await poll(focusedName).toBe('password');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/dashboard', { timeout: UI_TIMEOUT });
      expect(await page.locator('#welcome').innerText()).toBe('Welcome, Keys!');
    });
  });

  it('edits the profile in <UserProfile/> and revokes another device’s session', async () => {
    const address = email('profile');
    await example.createUser({ email: address, password: PASSWORD, firstName: 'Profile' });
    const other = await example.newTab();
    try {
      await example.step(other, 'sign in on the other device', () =>
        example.signInThroughUI(other.page, address, PASSWORD),
      );
      await withTab('edit the profile, revoke the other device', async ({ page }) => {
        await example.signInThroughUI(page, address, PASSWORD);
        await page.goto('/user-profile');
        await pageLive(page);
        await page.getByRole('button', { name: 'Update profile' }).click();
        await page.getByLabel('First name').fill('Katherine');
        await page.getByLabel('Last name').fill('Johnson');
        await page.getByRole('button', { name: 'Save' }).click();
        await poll(() => page.getByTestId('profile-name').textContent()).toBe('Katherine Johnson');
        // The server sees the change too.
        await page.goto('/dashboard');
        expect(await page.locator('#welcome').innerText()).toBe('Welcome, Katherine!');

        await page.goto('/user-profile');
        await pageLive(page);
        await page.getByRole('button', { name: 'Security' }).click();
        expect(new URL(page.url()).pathname).toBe('/user-profile/security');
        const devices = page.locator('.latch-activeDevice');
        await poll(() => devices.count()).toBe(2);
        await page.getByRole('button', { name: 'Sign out of device' }).click();
        await poll(() => devices.count()).toBe(1);
        expect(await devices.first().getByText('This device').isVisible()).toBe(true);
      });
      await example.step(other, 'the other device is signed out', async () => {
        await other.page.goto('/');
        await poll(() => other.page.locator('#client-auth').innerText()).toBe('Client sees nobody');
      });
    } finally {
      await other.close();
    }
  });

  it('shows the sign-in page in Polish with localization={plPL} (the footer switch)', async () => {
    await withTab('Polish sign-in', async ({ page }) => {
      await page.goto('/sign-in');
      await cardReady(page);
      await page.getByRole('button', { name: 'Polski' }).click();
      await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Zaloguj się do /);
      expect(await page.getByRole('button', { name: 'Kontynuuj' }).isVisible()).toBe(true);
      expect(await page.getByLabel('Adres e-mail').isVisible()).toBe(true);
      expect(await page.getByText('Nie masz konta?').isVisible()).toBe(true);
      expect(await page.locator('html').getAttribute('lang')).toBe('pl');
      await cardReady(page);
      // Server errors by code, in Polish.
      await page.getByLabel('Adres e-mail').fill(email('nikt'));
      await page.getByRole('button', { name: 'Kontynuuj' }).click();
      await poll(() => page.getByText('Nie znaleziono Twojego konta.').isVisible()).toBe(true);
    });
  });

  it('applies the provider’s appearance: colorPrimary and elements.card, light and with baseTheme dark', async () => {
    const styleOf = (page: Page, selector: string, property: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property);
    await withTab('light appearance', async ({ page }) => {
      await page.goto('/sign-in');
      await poll(() => page.locator('.latch-card').count()).toBe(1);
      expect(await page.locator('.latch-card').getAttribute('class')).toContain('example-card');
      expect(await styleOf(page, '.latch-card', 'background-color')).toBe('rgb(255, 255, 255)');
      // variables.colorPrimary '#4338ca'.
      expect(await styleOf(page, '.latch-formButtonPrimary', 'background-color')).toBe('rgb(67, 56, 202)');
      // The page's own `elements.rootBox` class joins the stable one.
      expect(await page.locator('.latch-rootBox').getAttribute('class')).toContain('example-root-box');
    });
    await withTab(
      'dark appearance',
      async ({ page }) => {
        await page.goto('/sign-in');
        await poll(() => page.locator('.latch-card').count()).toBe(1);
        // baseTheme: dark.
        expect(await styleOf(page, '.latch-card', 'background-color')).toBe('rgb(33, 33, 38)');
        expect(await styleOf(page, '.latch-headerTitle', 'color')).toBe('rgb(255, 255, 255)');
        expect(await styleOf(page, '.latch-formFieldInput', 'background-color')).toBe('rgb(47, 48, 55)');
        // elements.card as a style object.
        expect(await styleOf(page, '.latch-card', 'border-top-width')).toBe('2px');
        expect(await styleOf(page, '.latch-card', 'border-top-color')).toBe('rgb(20, 184, 166)');
        // variables.colorPrimary '#0f766e' over the dark theme's own primary.
        expect(await styleOf(page, '.latch-formButtonPrimary', 'background-color')).toBe('rgb(15, 118, 110)');
      },
      { theme: 'dark' },
    );
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations on the four components, and screenshots them (${theme})`, async () => {
      const shot = (page: Page, name: string) =>
        page.screenshot({ path: join(SCREENSHOTS, `nextjs-${name}-${theme}.png`), fullPage: true });
      await withTab(
        `axe: sign-in and sign-up (${theme})`,
        async ({ page }) => {
          await page.goto('/sign-in');
          await poll(() => page.getByRole('button', { name: 'Continue', exact: true }).isVisible()).toBe(true);
          expect(await seriousAxeViolations(page)).toEqual([]);
          await shot(page, 'sign-in');
          await page.goto('/sign-up');
          await poll(() => page.getByRole('heading', { name: 'Create your account' }).isVisible()).toBe(true);
          await cardReady(page);
          await page.getByLabel('Password', { exact: true }).fill('short');
          expect(await seriousAxeViolations(page)).toEqual([]);
          await shot(page, 'sign-up');
        },
        { theme },
      );
      const address = email(`axe-${theme}`);
      await example.createUser({ email: address, password: PASSWORD, firstName: 'Axe', lastName: 'Core' });
      await withTab(
        `axe: UserButton menu and UserProfile (${theme})`,
        async ({ page }) => {
          await example.signInThroughUI(page, address, PASSWORD);
          await userMenuTrigger(page).click();
          await poll(() => page.getByRole('menu').count()).toBe(1);
          expect(await seriousAxeViolations(page)).toEqual([]);
          await shot(page, 'user-button-menu');
          await page.goto('/user-profile');
          await poll(() => page.getByRole('heading', { name: 'Profile details' }).isVisible()).toBe(true);
          await poll(() => page.locator('[data-email]').count()).toBe(1);
          expect(await seriousAxeViolations(page)).toEqual([]);
          await shot(page, 'user-profile');
        },
        { theme },
      );
    });
  }
}

interface Preferences {
  theme?: 'light' | 'dark';
  locale?: 'en' | 'pl';
}

const AXE_SOURCE: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** Runs axe-core (injected as `axe.source`) on the page; returns the serious and critical violations. */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  // A string, not a function: Playwright serializes functions, and transpiled helpers may not survive.
  const violations = (await page.evaluate(`window.axe.run(document).then((result) => result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((node) => JSON.stringify(node.target)),
  })))`)) as Array<{ id: string; impact: string | null; help: string; targets: string[] }>;
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.join(', ')}`);
}
