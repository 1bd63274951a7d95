import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  poll,
  SCREENSHOTS,
  seriousAxeViolations,
  signInThroughUI,
  startUIHarness,
  type UIHarness,
} from './support/ui-harness.js';

/**
 * Appearance, localization and accessibility of the four components in Chromium: computed styles
 * follow `baseTheme` / `variables` / `elements`, `plPL` shows Polish, axe-core finds no serious or
 * critical violations (light and dark), and screenshots of each land in e2e/screenshots/.
 */
describe('Latch UI appearance, localization and accessibility in Chromium (sqlite)', () => {
  let h: UIHarness;
  beforeAll(async () => {
    h = await startUIHarness('sqlite');
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
  });

  const styleOf = (page: Page, selector: string, property: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property);

  async function cardLoaded(page: Page) {
    await poll(() => page.locator('.latch-card').count()).toBe(1);
  }

  it('shows Polish strings with localization={plPL}', async () => {
    const page = await h.open('/sign-in?locale=plPL');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Zaloguj się do Latch');
    expect(await page.getByRole('button', { name: 'Kontynuuj' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Adres e-mail').first().isVisible()).toBe(true);
    expect(await page.getByText('Nie masz konta?').isVisible()).toBe(true);
    // Server errors by code, in Polish.
    await page.getByLabel('Adres e-mail').first().fill('nikt@example.com');
    await page.getByRole('button', { name: 'Kontynuuj' }).click();
    await poll(() => page.getByText('Nie znaleziono Twojego konta.').isVisible()).toBe(true);
    await page.context().close();
  });

  it('applies baseTheme dark, variables.colorPrimary and elements (style object and class) to computed styles', async () => {
    const light = await h.open('/sign-in');
    await cardLoaded(light);
    expect(await styleOf(light, '.latch-card', 'background-color')).toBe('rgb(255, 255, 255)');
    expect(await styleOf(light, '.latch-formButtonPrimary', 'background-color')).toBe('rgb(47, 48, 55)');
    expect(await styleOf(light, '.latch-headerTitle', 'color')).toBe('rgb(33, 33, 38)');
    await light.context().close();

    const dark = await h.open('/sign-in?theme=dark');
    await cardLoaded(dark);
    expect(await styleOf(dark, '.latch-card', 'background-color')).toBe('rgb(33, 33, 38)');
    expect(await styleOf(dark, '.latch-headerTitle', 'color')).toBe('rgb(255, 255, 255)');
    expect(await styleOf(dark, '.latch-formFieldInput', 'background-color')).toBe('rgb(47, 48, 55)');
    await dark.context().close();

    const custom = await h.open(
      '/sign-in?theme=dark&primary=%230f766e&cardBackground=rgb(1%2C%202%2C%203)&cardClass=my-button',
    );
    await cardLoaded(custom);
    expect(await styleOf(custom, '.latch-card', 'background-color')).toBe('rgb(1, 2, 3)');
    expect(await styleOf(custom, '.latch-formButtonPrimary', 'background-color')).toBe('rgb(15, 118, 110)');
    // colorPrimary also drives the focus ring of inputs.
    await custom.getByLabel('Email address').first().focus();
    expect(await styleOf(custom, '.latch-formFieldInput', 'border-top-color')).toBe('rgb(15, 118, 110)');
    expect(await custom.locator('.latch-formButtonPrimary').getAttribute('class')).toBe(
      'latch-formButtonPrimary my-button',
    );
    await custom.context().close();
  });

  it('shows the logo and the help/privacy/terms links from appearance.layout', async () => {
    const page = await h.open('/sign-in?layout=1');
    await cardLoaded(page);
    expect(await page.locator('.latch-logoImage').getAttribute('src')).toBe('/logo.svg');
    const links = page.locator('.latch-footerPagesLink');
    expect(await links.allTextContents()).toEqual(['Help', 'Privacy', 'Terms']);
    expect(await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')))).toEqual([
      '/help',
      '/privacy',
      '/terms',
    ]);
    await page.context().close();
  });

  it('stable latch-<elementKey> class names on the parts', async () => {
    const page = await h.open('/sign-in');
    await cardLoaded(page);
    for (const key of [
      'rootBox',
      'cardBox',
      'card',
      'header',
      'headerTitle',
      'headerSubtitle',
      'form',
      'formField',
      'formFieldLabel',
      'formFieldInput',
      'formButtonPrimary',
      'footer',
      'footerAction',
      'footerActionText',
      'footerActionLink',
    ]) {
      expect(await page.locator(`.latch-${key}`).count(), key).toBeGreaterThan(0);
    }
    await page.context().close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations, and screenshots each component (${theme})`, async () => {
      const query = theme === 'dark' ? '?theme=dark' : '';
      const shot = (page: Page, name: string) =>
        page.screenshot({ path: join(SCREENSHOTS, `${name}-${theme}.png`), fullPage: true });

      const signIn = await h.open(`/sign-in${query}`);
      await cardLoaded(signIn);
      expect(await seriousAxeViolations(signIn)).toEqual([]);
      await shot(signIn, 'sign-in');
      // With an error on screen too (error colors must keep their contrast).
      await signIn.getByLabel('Email address').first().fill(`missing-${theme}@example.com`);
      await signIn.getByRole('button', { name: 'Continue', exact: true }).click();
      await poll(() => signIn.locator('.latch-formFieldErrorText').count()).toBe(1);
      expect(await seriousAxeViolations(signIn)).toEqual([]);
      await shot(signIn, 'sign-in-error');
      await signIn.context().close();

      const signUp = await h.open(`/sign-up${query}`);
      await cardLoaded(signUp);
      await signUp.getByLabel('Password', { exact: true }).fill('short');
      expect(await seriousAxeViolations(signUp)).toEqual([]);
      await shot(signUp, 'sign-up');
      await signUp.context().close();

      const email = `axe-${theme}@example.com`;
      await h.latch.createUser(email);
      const home = await h.open('/sign-in');
      await signInThroughUI(home, h.app.origin, email);
      await home.goto(`${h.app.origin}/home${query}`);
      await home.getByRole('button', { name: /Open user menu/ }).click();
      await poll(() => home.getByRole('menu').count()).toBe(1);
      expect(await seriousAxeViolations(home)).toEqual([]);
      await shot(home, 'user-button-menu');

      await home.goto(`${h.app.origin}/user${query}`);
      await poll(() => home.getByRole('heading', { name: 'Profile details' }).isVisible()).toBe(true);
      await poll(() => home.locator('[data-email]').count()).toBe(1);
      expect(await seriousAxeViolations(home)).toEqual([]);
      await shot(home, 'user-profile');
      await home.getByRole('button', { name: 'Security' }).click();
      await poll(() => home.locator('.latch-activeDevice').count()).toBe(1);
      expect(await seriousAxeViolations(home)).toEqual([]);
      await shot(home, 'user-profile-security');
      await home.getByRole('button', { name: 'Terms' }).click();
      await poll(() => home.getByText('Custom terms page').isVisible()).toBe(true);
      await home.context().close();
    });
  }

  it('does not move while the SDK loads: the card has its final size before Latch answers', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1100, height: 860 } });
    const page = await context.newPage();
    // Hold the Frontend API's client call until the first paint was measured.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/__latch/v1/client**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${h.app.origin}/sign-in`);
    await poll(() => page.locator('.latch-card').count()).toBe(1);
    const before = await page.locator('.latch-card').boundingBox();
    release();
    await poll(() => page.getByRole('heading', { name: 'Sign in to Latch' }).isVisible()).toBe(true);
    const after = await page.locator('.latch-card').boundingBox();
    expect(after).toEqual(before);
    await context.close();
  });

  it('fits a phone screen without horizontal scrolling (sign-in, sign-up, profile)', async () => {
    const email = 'phone@example.com';
    await h.latch.createUser(email);
    const context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const page = await context.newPage();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    for (const path of ['/sign-in', '/sign-up']) {
      await page.goto(`${h.app.origin}${path}`);
      await poll(() => page.locator('.latch-card').count()).toBe(1);
      expect(await overflow(), path).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, `${path.slice(1)}-phone.png`), fullPage: true });
    }
    await signInThroughUI(page, h.app.origin, email);
    await page.goto(`${h.app.origin}/user/security`);
    await poll(() => page.locator('.latch-activeDevice').count()).toBe(1);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'user-profile-phone.png'), fullPage: true });
    await context.close();
  });

  it('opens SignIn in a modal from <SignInButton mode="modal"> and switches to SignUp in place', async () => {
    const page = await h.open('/home');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.getByRole('heading', { name: 'Sign in to Latch' }).isVisible()).toBe(true);
    // Focus moved into the dialog, on its first field.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('identifier');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-modal-light.png') });
    await dialog.getByRole('button', { name: 'Sign up' }).click();
    await poll(() => dialog.getByRole('heading', { name: 'Create your account' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sign in');
    await page.context().close();
  });
});
