import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, poll, signInThroughUI, startUIHarness, type UIHarness } from './support/ui-harness.js';

/**
 * The components' flows end to end, in Chromium, against a real Latch and a real SMTP mailbox:
 * everything through the UI, as a user would (labels and roles, not test ids).
 */
describe.each(['sqlite', 'postgres'] as const)('Latch UI flows in Chromium (%s)', (database) => {
  let h: UIHarness;
  beforeAll(async () => {
    h = await startUIHarness(database);
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('signs up with the emailed code, then uses the UserButton menu (custom items, keyboard) and signs out', async () => {
    const email = `new-${database}@example.com`;
    const page = await h.open('/sign-up');
    await poll(() => page.getByRole('heading', { name: 'Create your account' }).isVisible()).toBe(true);
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();

    await poll(() => page.getByRole('heading', { name: 'Verify your email' }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/sign-up/verify-email-address');
    const code = await h.latch.codeFor(email);
    // Six digits submit the form by themselves.
    await page.getByLabel('Verification code').fill(code);
    await page.waitForURL(`${h.app.origin}/home`);
    await poll(() => page.locator('#home-state').textContent()).toBe('signed-in');
    // The provider's instance is on `window.Latch`, as clerk-js's is on `window.Clerk`.
    expect(
      await page.evaluate(() => {
        const latch = (
          window as { Latch?: { loaded: boolean; user?: { primaryEmailAddress?: { emailAddress: string } } } }
        ).Latch;
        return { loaded: latch?.loaded, email: latch?.user?.primaryEmailAddress?.emailAddress };
      }),
    ).toEqual({ loaded: true, email });

    const trigger = page.getByRole('button', { name: /Open user menu: Ada Lovelace/ });
    await trigger.click();
    const menu = page.getByRole('menu');
    const items = await menu.getByRole('menuitem').allTextContents();
    // The app's order: a custom link, the built-in "Manage account", a custom action, "Sign out".
    expect(items.map((text) => text.replace(/^[?!§]/, ''))).toEqual([
      'Help center',
      'Manage account',
      'Ping',
      'Open terms',
      'Sign out',
    ]);
    expect(await page.getByRole('menuitem', { name: 'Help center' }).getAttribute('href')).toBe('/help');
    // Keyboard: focus starts on the first item, arrows move, Escape closes and returns to the trigger.
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Help center');
    await page.keyboard.press('ArrowDown');
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Manage account');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await poll(() => page.title()).toBe('pinged');
    await trigger.click();
    await page.keyboard.press('Escape');
    await poll(() => menu.count()).toBe(0);
    expect(await trigger.evaluate((node) => node === document.activeElement)).toBe(true);

    // "Manage account" opens UserProfile in a modal dialog.
    await trigger.click();
    await page.getByRole('menuitem', { name: 'Manage account' }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.getByRole('heading', { name: 'Profile details' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);

    // A custom action with `open` shows the UserButton's own custom profile page in the modal.
    await trigger.click();
    await page.getByRole('menuitem', { name: 'Open terms' }).click();
    await poll(() => dialog.getByText('Terms shown in the modal').isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Terms' }).getAttribute('aria-current')).toBe('page');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await poll(() => dialog.count()).toBe(0);

    await trigger.click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(`${h.app.origin}/sign-in`);
    await page.context().close();
  });

  it('puts server errors on the field named by meta.param_name, then signs in with the password', async () => {
    const email = `errors-${database}@example.com`;
    await h.latch.createUser(email);
    // A deep link into a step with no sign-in in progress falls back to the first step, URL included.
    const page = await h.open('/sign-in/factor-one');
    await poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    const identifier = page.getByLabel('Email address');
    await identifier.fill(`nobody-${database}@example.com`);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await poll(() => identifier.getAttribute('aria-invalid')).toBe('true');
    const identifierError = await identifier.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${identifierError}"]`).textContent()).toBe('Couldn’t find your account.');
    // Focus lands on the field in error.
    expect(await identifier.evaluate((node) => node === document.activeElement)).toBe(true);

    await identifier.fill(email);
    expect(await identifier.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await poll(() => page.locator('.latch-identityPreviewText').textContent()).toBe(email);
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const passwordError = await password.getAttribute('aria-describedby');
    const errorText = page.locator(`[id="${passwordError}"]`);
    expect(await errorText.textContent()).toMatch(/^Password is incorrect/);
    // The message sits in a live region, so it is announced when it appears.
    expect(await errorText.evaluate((node) => node.parentElement?.getAttribute('aria-live'))).toBe('polite');
    expect(new URL(page.url()).pathname).toBe('/sign-in/factor-one');

    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.waitForURL(`${h.app.origin}/home`);
    await poll(() => page.locator('#home-state').textContent()).toBe('signed-in');
    await page.context().close();
  });

  it('keeps the step in the hash with routing="hash", and Back returns to the previous step', async () => {
    const email = `hash-${database}@example.com`;
    await h.latch.createUser(email);
    const page = await h.open('/sign-in?routing=hash');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await poll(() => new URL(page.url()).hash).toBe('#/factor-one');
    await poll(() => page.getByRole('heading', { name: 'Enter your password' }).isVisible()).toBe(true);
    await page.goBack();
    await poll(() => page.getByRole('heading', { name: 'Sign in to Latch' }).isVisible()).toBe(true);
    await page.goForward();
    await poll(() => page.getByRole('heading', { name: 'Enter your password' }).isVisible()).toBe(true);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.waitForURL(`${h.app.origin}/home`);
    await page.context().close();
  });

  it('signs in with the keyboard only', async () => {
    const email = `keyboard-${database}@example.com`;
    await h.latch.createUser(email);
    const page = await h.open('/sign-in');
    // The identifier field has focus on arrival; Tab order then reaches the primary button.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name))
      .toBe('identifier');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Continue');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name))
      .toBe('password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${h.app.origin}/home`);
    await poll(() => page.locator('#home-state').textContent()).toBe('signed-in');
    // Signed in (single-session instance): the sign-in page sends the user on instead of showing the form.
    await page.goto(`${h.app.origin}/sign-in?redirect_url=${encodeURIComponent(`${h.app.origin}/home?from=sign-in`)}`);
    await page.waitForURL(`${h.app.origin}/home?from=sign-in`);
    await page.context().close();
  });

  it('signs up with the fields the instance requires: username and legal consent', async () => {
    const original = h.latch.t.server.instance.settings;
    h.latch.setSettings((settings) => ({
      ...settings,
      signUp: { ...settings.signUp, username: 'required', legalConsent: true },
    }));
    try {
      const email = `consent-${database}@example.com`;
      const page = await h.open('/sign-up');
      const username = page.getByLabel('Username');
      await poll(() => username.isVisible()).toBe(true);
      await username.fill(`consent_${database}`);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      const consent = page.getByRole('checkbox', { name: /I agree to the Terms of Service and Privacy Policy/ });
      await poll(() => consent.getAttribute('aria-invalid')).toBe('true');
      const errorId = await consent.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('Accept the terms to continue.');
      await consent.check();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await poll(() => page.getByRole('heading', { name: 'Verify your email' }).isVisible()).toBe(true);
      await page.getByLabel('Verification code').fill(await h.latch.codeFor(email));
      await page.waitForURL(`${h.app.origin}/home`);
      const users = (await (await h.latch.t.api(`/users?email_address=${encodeURIComponent(email)}`)).json()) as Array<{
        username: string;
        legal_accepted_at: number | null;
        unsafe_metadata: Record<string, unknown>;
      }>;
      expect(users[0]?.username).toBe(`consent_${database}`);
      expect(users[0]?.legal_accepted_at).toBeGreaterThan(0);
      // <SignUp unsafeMetadata> reaches the new user.
      expect(users[0]?.unsafe_metadata).toEqual({ plan: 'free' });
      await page.context().close();
    } finally {
      h.latch.setSettings(() => original);
    }
  });

  it('adds a second account and switches between them from the UserButton (multi-session)', async () => {
    const original = h.latch.t.server.instance.settings;
    h.latch.setSettings((settings) => ({ ...settings, sessions: { ...settings.sessions, mode: 'multi' } }));
    try {
      const first = `multi-a-${database}@example.com`;
      const second = `multi-b-${database}@example.com`;
      await h.latch.createUser(first);
      await h.latch.createUser(second);
      const page = await h.open('/sign-in');
      await signInThroughUI(page, h.app.origin, first);
      await page.getByRole('button', { name: `Open user menu: ${first}` }).click();
      await page.getByRole('menuitem', { name: 'Add account' }).click();
      await page.waitForURL(`${h.app.origin}/sign-in`);
      await signInThroughUI(page, h.app.origin, second);
      const trigger = page.getByRole('button', { name: `Open user menu: ${second}` });
      await trigger.click();
      await page.getByRole('menuitem', { name: `Switch to ${first}` }).click();
      await poll(() => page.getByRole('button', { name: `Open user menu: ${first}` }).count()).toBe(1);
      await page.context().close();
    } finally {
      h.latch.setSettings(() => original);
    }
  });

  it('signs in with an email code through "Use another method"', async () => {
    const email = `code-${database}@example.com`;
    await h.latch.createUser(email);
    const page = await h.open('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('button', { name: 'Use another method' }).click();
    expect(new URL(page.url()).pathname).toBe('/sign-in/choose-strategy');
    await page.getByRole('button', { name: /^Email code to / }).click();
    await poll(() => page.getByRole('heading', { name: 'Check your email' }).isVisible()).toBe(true);
    // A wrong code is reported on the code field.
    const code = page.getByLabel('Verification code');
    await code.fill('000000');
    await poll(() => code.getAttribute('aria-invalid')).toBe('true');
    await code.fill(await h.latch.codeFor(email));
    await page.waitForURL(`${h.app.origin}/home`);
    await poll(() => page.locator('#home-state').textContent()).toBe('signed-in');
    await page.context().close();
  });

  it('deletes the account after typing the confirmation phrase', async () => {
    const email = `delete-${database}@example.com`;
    const userId = await h.latch.createUser(email);
    const page = await h.open('/sign-in');
    await signInThroughUI(page, h.app.origin, email);
    await page.goto(`${h.app.origin}/user/security`);
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.getByLabel('Confirmation').fill('delete it');
    await page.getByRole('button', { name: 'Delete account' }).click();
    await poll(() => page.getByLabel('Confirmation').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Confirmation').fill('Delete account');
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.waitForURL(`${h.app.origin}/sign-in`);
    expect((await h.latch.t.api(`/users/${userId}`)).status).toBe(404);
    await page.context().close();
  });

  it('resets a forgotten password with the emailed code', async () => {
    const email = `forgot-${database}@example.com`;
    const newPassword = 'a-brand-new-passphrase-77';
    await h.latch.createUser(email);
    const page = await h.open('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await poll(() => page.getByRole('heading', { name: 'Reset password' }).isVisible()).toBe(true);
    await page.getByLabel('Reset password code').fill(await h.latch.codeFor(email));
    await poll(() => page.getByRole('heading', { name: 'Set new password' }).isVisible()).toBe(true);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm password', { exact: true }).fill('something-else-entirely');
    await page.getByRole('button', { name: 'Reset password' }).click();
    const confirm = page.getByLabel('Confirm password', { exact: true });
    await poll(() => confirm.getAttribute('aria-invalid')).toBe('true');
    await confirm.fill(newPassword);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.waitForURL(`${h.app.origin}/home`);
    await poll(() => page.locator('#home-state').textContent()).toBe('signed-in');
    await page.context().close();

    // The new password is the one that works now.
    const again = await h.open('/sign-in');
    await signInThroughUI(again, h.app.origin, email, newPassword);
    await again.context().close();
  });

  it('edits the profile: name, a new verified email, the password, and revokes another device', async () => {
    const email = `profile-${database}@example.com`;
    await h.latch.createUser(email);
    const other = await h.open('/sign-in');
    await signInThroughUI(other, h.app.origin, email);
    const page = await h.open('/sign-in');
    await signInThroughUI(page, h.app.origin, email);
    await page.goto(`${h.app.origin}/user`);

    await page.getByRole('button', { name: 'Update profile' }).click();
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    await page.getByRole('button', { name: 'Save' }).click();
    await poll(() => page.getByTestId('profile-name').textContent()).toBe('Grace Hopper');

    const added = `second-${database}@example.com`;
    await page.getByRole('button', { name: 'Add email address' }).click();
    await page.getByRole('textbox', { name: 'Email address', exact: true }).fill(added);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByLabel('Verification code').fill(await h.latch.codeFor(added));
    const row = page.locator(`[data-email="${added}"]`);
    await poll(() => row.isVisible()).toBe(true);
    await poll(() => row.getByText('Unverified').count()).toBe(0);
    await poll(() => row.getByRole('button', { name: 'Set as primary' }).isVisible()).toBe(true);

    // The new address becomes primary; the old one can then be removed (after a confirmation).
    await row.getByRole('button', { name: 'Set as primary' }).click();
    await poll(() => row.getByText('Primary').count()).toBe(1);
    const original = page.locator(`[data-email="${email}"]`);
    await original.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Remove', exact: true }).last().click();
    await poll(() => original.count()).toBe(0);

    await page.getByRole('button', { name: 'Security' }).click();
    expect(new URL(page.url()).pathname).toBe('/user/security');
    await page.getByRole('button', { name: 'Update password' }).click();
    await page.getByLabel('Current password', { exact: true }).fill('wrong-current-password');
    await page.getByLabel('New password', { exact: true }).fill('another-fresh-passphrase-19');
    await page.getByLabel('Confirm password', { exact: true }).fill('another-fresh-passphrase-19');
    // Keep the other device signed in for the revoke step below.
    await page.getByLabel('Sign out of all other devices').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    const current = page.getByLabel('Current password', { exact: true });
    await poll(() => current.getAttribute('aria-invalid')).toBe('true');
    await current.fill(PASSWORD);
    await page.getByRole('button', { name: 'Save' }).click();
    await poll(() => page.getByText('Your password was updated.').isVisible()).toBe(true);

    const devices = page.locator('.latch-activeDevice');
    await poll(() => devices.count()).toBe(2);
    await page.getByRole('button', { name: 'Sign out of device' }).click();
    await poll(() => devices.count()).toBe(1);
    expect(await devices.first().getByText('This device').isVisible()).toBe(true);

    await other.goto(`${h.app.origin}/home`);
    await poll(() => other.locator('#home-state').textContent()).toBe('signed-out');
    await other.context().close();
    await page.context().close();
  });
});
