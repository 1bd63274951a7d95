import type { Browser as Chromium, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../e2e/clerk-compat/support/browser.js';
import { createOperator } from '../../server/src/domain/operators/create-operator.js';
import { totpCode, totpStep } from '../../server/src/domain/operators/totp.js';
import { PRODUCTION_WITHOUT_MAIL, startTestServer, type TestServer } from '../../server/test/support/test-server.js';
import { buildDashboard, checkPage, reportPageErrors } from './support/dashboard-browser.js';

/**
 * Production operator enrollment in Debian's Chromium: an owner (password + TOTP) signs in with the
 * email/password/code form and invites an admin; the admin opens the one-time setup link in their
 * own browser, reads the authenticator key, chooses a password and confirms a first code — and is
 * signed in. From then on they sign in with email, password and a (later) code; the link is spent.
 * The setup form is checked with axe at 1280 and 375 px.
 */

const OWNER_PASSWORD = 'the owner password, long enough';
const ADMIN_PASSWORD = 'a long operator password';

describe('Dashboard: operator enrollment through a setup link on a production instance (Chromium)', () => {
  let t: TestServer;
  let chromium: Chromium;
  let owner: Page;
  let admin: Page;
  let ownerEmail: string;
  let ownerSecret: string;
  const adminEmail = `new-admin-${Date.now()}@example.com`;
  let link = '';
  let adminSecret = '';

  const newPage = async (label: string) => {
    const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    reportPageErrors(page, label);
    return page;
  };

  /** The current code of `secret`, or the code `ahead` steps later (codes are single-use per step). */
  const code = (secret: string, ahead = 0) => totpCode(secret, totpStep(Date.now()) + ahead);

  /** The production sign-in form: email, password and authenticator code. */
  const signInWithForm = async (page: Page, email: string, password: string, totp: string) => {
    await page.getByRole('heading', { name: 'Sign in to Latch' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Authenticator code').fill(totp);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  };

  beforeAll(async () => {
    await buildDashboard();
    t = await startTestServer('sqlite', PRODUCTION_WITHOUT_MAIL);
    ownerEmail = `owner-${Date.now()}@example.com`;
    const created = await createOperator(
      t.server.store,
      { email: ownerEmail, role: 'owner', password: OWNER_PASSWORD, totp: true },
      Date.now(),
    );
    ownerSecret = created.totpSecret as string;
    chromium = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await t?.stop();
  });

  it('the owner signs in with email, password and an authenticator code', async () => {
    owner = await newPage('owner');
    await owner.goto(`${t.server.url}/dashboard/sign-in`);
    await owner.getByText('New operator? Open the one-time link an owner sent you to set up your access.').waitFor();
    expect(await owner.getByText(/^Development:/).count()).toBe(0);
    await signInWithForm(owner, ownerEmail, OWNER_PASSWORD, code(ownerSecret));
    await owner.getByRole('navigation', { name: 'Main' }).waitFor();
    await owner.getByText(ownerEmail).first().waitFor();
  });

  it('the owner invites an admin: the page shows a one-time setup link', async () => {
    await owner.getByRole('link', { name: 'Operators' }).click();
    await owner.getByRole('heading', { name: 'Operators', level: 1 }).waitFor();
    await owner.getByText('an invited operator sets both up from their one-time link', { exact: false }).waitFor();
    const invite = owner.getByRole('form', { name: 'Invite an operator' });
    await invite.getByLabel('Email address').fill(adminEmail);
    await invite.getByLabel(/^Name/).fill('Ada Admin');
    await invite.getByLabel('Role', { exact: true }).selectOption('admin');
    await invite.getByRole('button', { name: 'Invite operator' }).click();
    await owner.getByRole('heading', { name: `Setup link for ${adminEmail}` }).waitFor();
    await owner
      .getByText('They open it to choose a password and add an authenticator app.', { exact: false })
      .waitFor();
    link = await owner.getByTestId('operator-link').inputValue();
    expect(link).toMatch(new RegExp(`^${t.server.url}/dashboard/sign-in#token=opl_[\\w-]+$`));
    // Not set up yet: the owner can hand out a fresh link if this one gets lost.
    const row = owner.getByRole('row', { name: new RegExp(adminEmail) });
    await row.getByText('not set up yet', { exact: false }).waitFor();
    await row.getByRole('button', { name: `New setup link for ${adminEmail}` }).waitFor();
    await checkPage(owner, 'operators-production-setup-link');
  });

  it('the invited admin opens the link in their own browser and gets the setup form', async () => {
    admin = await newPage('admin');
    await admin.goto(link);
    await admin.getByRole('heading', { name: 'Set up your access', level: 1 }).waitFor();
    // The single-use token leaves the address bar at once.
    expect(admin.url()).toBe(`${t.server.url}/dashboard/sign-in`);
    await admin.getByRole('main').getByText(adminEmail, { exact: true }).waitFor();
    const shown = (await admin.getByTestId('totp-secret').textContent()) ?? '';
    // Groups of four, as authenticator apps show a key typed by hand.
    expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    adminSecret = shown.replace(/\s/g, '');
    expect(adminSecret).toMatch(/^[A-Z2-7]{16,}$/);
    const uri = await admin.getByRole('link', { name: 'Open in an authenticator app' }).getAttribute('href');
    expect(uri).toContain(`secret=${adminSecret}`);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Latch%3A/);
    await checkPage(admin, 'operator-enrollment');
    // Opened but not finished: the owner can still hand out a fresh link (a lost key, an expired link).
    await owner.reload();
    const row = owner.getByRole('row', { name: new RegExp(adminEmail) });
    await row.getByText('not set up yet', { exact: false }).waitFor();
    await row.getByRole('button', { name: `New setup link for ${adminEmail}` }).waitFor();
  });

  it('refuses differing passwords and a wrong code, then sets up and signs in', async () => {
    const password = admin.getByLabel('Password', { exact: true });
    const again = admin.getByLabel('Password again');
    const totp = admin.getByLabel('Authenticator code');
    const submit = admin.getByRole('button', { name: 'Set up and sign in' });
    let completions = 0;
    admin.on('request', (request) => {
      if (request.url().endsWith('/dashboard/api/enrollment/complete')) completions++;
    });

    await password.fill(ADMIN_PASSWORD);
    await again.fill(`${ADMIN_PASSWORD}!`);
    await totp.fill(code(adminSecret));
    await submit.click();
    await admin.getByRole('alert').filter({ hasText: 'The two passwords differ.' }).waitFor();
    // Caught in the page: the link is not spent on a typo.
    expect(completions).toBe(0);

    // A code from far away in time: not accepted now (the window is one step either side).
    const near = [-1, 0, 1].map((ahead) => code(adminSecret, ahead));
    const wrong = [10, 11, 12].map((ahead) => code(adminSecret, ahead)).find((candidate) => !near.includes(candidate));
    await again.fill(ADMIN_PASSWORD);
    await totp.fill(wrong as string);
    await submit.click();
    await admin.getByRole('alert').filter({ hasText: 'That authenticator code is not right.' }).waitFor();
    expect(completions).toBe(1);
    await checkPage(admin, 'operator-enrollment-wrong-code');
    // Nothing changed on the server: no password yet.
    const pending = (await t.server.store.operators.list()).find((operator) => operator.email === adminEmail);
    expect(pending?.passwordDigest).toBeNull();

    await totp.fill(code(adminSecret));
    await submit.click();
    await admin.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await admin.getByRole('navigation', { name: 'Main' }).waitFor();
    await admin.getByText(adminEmail).first().waitFor();
    expect(admin.url()).toBe(`${t.server.url}/dashboard/users`);
    // The session survives a reload: the cookie was set.
    await admin.reload();
    await admin.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    const enrolled = (await t.server.store.operators.list()).find((operator) => operator.email === adminEmail);
    expect(enrolled?.passwordDigest).not.toBeNull();
    expect(enrolled?.totpSecret).toBe(adminSecret);
  });

  it('after signing out, the admin signs in with email, password and a later code', async () => {
    await admin.getByRole('button', { name: 'Sign out' }).click();
    await admin.getByRole('heading', { name: 'Sign in to Latch' }).waitFor();
    await signInWithForm(admin, adminEmail, ADMIN_PASSWORD, code(adminSecret, 1));
    await admin.getByText(adminEmail).first().waitFor();
    await admin.getByRole('link', { name: 'Operators' }).click();
    await admin.getByText('Only owners can invite, change or remove operators.').waitFor();
  });

  it('the link is spent: opening it again shows an error', async () => {
    const again = await newPage('admin again');
    await again.goto(link);
    await again
      .getByRole('alert')
      .filter({ hasText: 'This link is invalid, used or expired. Ask an owner for a new one.' })
      .waitFor();
    expect(await again.getByRole('heading', { name: 'Set up your access' }).count()).toBe(0);
    await again.getByRole('heading', { name: 'Sign in to Latch' }).waitFor();
    await again.context().close();

    // The owner's list shows the admin set up (TOTP on, signed in).
    await owner.reload();
    const row = owner.getByRole('row', { name: new RegExp(adminEmail) });
    await row.getByText('TOTP on', { exact: false }).waitFor();
    expect(await row.getByRole('button', { name: `New setup link for ${adminEmail}` }).count()).toBe(0);
  });
});
