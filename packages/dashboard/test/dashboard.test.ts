import { readFile } from 'node:fs/promises';
import type { BrowserContext, Browser as Chromium, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../e2e/clerk-compat/support/browser.js';
import { buildTestApp } from '../../react/test/support/build-test-app.js';
import { startUIApp, type UIAppServer } from '../../react/test/support/ui-app-server.js';
import { developmentSignInLink } from '../../server/src/domain/operators/development-sign-in-link.js';
import { Browser as FapiBrowser, PASSWORD, signInWithPassword } from '../../server/test/fapi/sign-in/support.js';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.js';
import { buildDashboard, checkPage, reportPageErrors, signInOperator } from './support/dashboard-browser.js';

/**
 * Issue #8's acceptance scenario in Debian's Chromium: `latch dev`'s one-time link signs an owner
 * in; the owner finds a user, edits private metadata, bans and unbans them, revokes a session,
 * creates a JWT template with a live preview, turns username sign-in off, and sees it all in the
 * audit log. A support operator sees no destructive controls. Every page is checked with axe-core,
 * at 1280 px and 375 px, and screenshotted to e2e/screenshots/.
 */

describe('Dashboard in Chromium (issue #8 acceptance)', () => {
  let t: TestServer;
  let chromium: Chromium;
  let context: BrowserContext;
  let page: Page;
  let user: { id: string; email: string; username: string };
  let sessionId: string;
  let appBrowser: FapiBrowser;
  /** An app with @latch/react's <SignIn/> at /sign-in, talking to this Latch. */
  let signInApp: UIAppServer;

  beforeAll(async () => {
    const signInBundle = buildTestApp();
    await buildDashboard();
    t = await startTestServer('sqlite');
    // Username sign-in is offered at first (sign-up collects usernames), so turning it off shows.
    await t.api('/instance/settings', { method: 'PATCH', body: { sign_up: { username: 'optional' } } });
    const email = `ada-${Date.now()}@example.com`;
    const username = `ada_${Date.now()}`;
    // The user signs up through the Frontend API (the code comes from the development inbox).
    const signUpBrowser = new FapiBrowser(t.server.url);
    const signUp = await signUpBrowser.post('/client/sign_ups', {
      email_address: email,
      username,
      password: PASSWORD,
      first_name: 'Ada',
      last_name: 'Lovelace',
    });
    const signUpId = signUp.body.response.id as string;
    await signUpBrowser.post(`/client/sign_ups/${signUpId}/prepare_verification`, { strategy: 'email_code' });
    const [mail] = (await (await t.api(`/email_messages?to=${encodeURIComponent(email)}`)).json()) as {
      text: string;
    }[];
    const code = /(?<!\d)\d{6}(?!\d)/.exec(mail?.text ?? '')?.[0] ?? '';
    const verified = await signUpBrowser.post(`/client/sign_ups/${signUpId}/attempt_verification`, {
      strategy: 'email_code',
      code,
    });
    expect(verified.body.response.status).toBe('complete');
    user = { id: verified.body.response.created_user_id as string, email, username };
    // The user signs in to the app (Frontend API), so they have a session to revoke and tokens to refresh.
    appBrowser = new FapiBrowser(t.server.url);
    sessionId = (await signInWithPassword(appBrowser, email)).response.created_session_id;
    signInApp = await startUIApp(await signInBundle, t.server.url, t.server.publishableKey);
    chromium = await launchChromium();
    context = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    reportPageErrors(page);
    // Ban and delete ask first (window.confirm): the operator says yes.
    page.on('dialog', (dialog) => dialog.accept());
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await signInApp?.close();
    await t?.stop();
  });

  it('signs the owner in with the one-time link from latch dev', async () => {
    const link = await developmentSignInLink(t.server.store, t.server.url, Date.now());
    await page.goto(link);
    await page
      .getByRole('heading', { name: 'Users' })
      .waitFor()
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\nURL ${page.url()}\nPage: ${await page.locator('body').textContent()}`);
      });
    expect(page.url()).toBe(`${t.server.url}/dashboard/users`);
    await expect.poll(() => page.getByText('owner@latch.localhost').count()).toBe(1);
    await checkPage(page, 'users');
  });

  it('filters by status and exports the list as CSV', async () => {
    await page.getByLabel('Status').selectOption('banned');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('0 users').waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: user.email }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,email,first_name,last_name,username,external_id,banned,locked,created_at');
    expect(csv).toContain(`${user.id},${user.email},Ada,Lovelace,${user.username},,false,false,`);
  });

  it('finds the user and edits private metadata (visible through the Backend API)', async () => {
    await page.getByRole('searchbox', { name: 'Search users' }).fill(user.email);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: user.email }).click();
    await page.getByRole('heading', { name: user.email }).waitFor();
    const editor = page.getByLabel('Private metadata (Backend API only)');
    await editor.fill('{ "plan": ');
    await expect.poll(() => page.getByText(/Invalid JSON/).count()).toBe(1);
    await editor.fill('{ "plan": "pro" }');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await expect.poll(() => page.getByTestId('metadata-diff').textContent()).toContain('+ plan: "pro"');
    await checkPage(page, 'user-detail');
    await page.getByRole('button', { name: 'Save private metadata' }).click();
    await page.getByText('Metadata saved.').waitFor();
    const fromAPI = (await (await t.api(`/users/${user.id}`)).json()) as { private_metadata: unknown };
    expect(fromAPI.private_metadata).toEqual({ plan: 'pro' });
  });

  it('resets the password', async () => {
    await page.getByText('Reset password').click();
    await page.getByLabel('New password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('Password changed.').waitFor();
    const verified = await t.api(`/users/${user.id}/verify_password`, {
      method: 'POST',
      body: { password: 'a brand new passphrase' },
    });
    expect(verified.status).toBe(200);
  });

  it('bans the user (their sessions end, token refresh is refused), then unbans', async () => {
    const refresh = () => appBrowser.post(`/client/sessions/${sessionId}/tokens`, {});
    expect((await refresh()).status).toBe(200);
    await page.getByRole('button', { name: 'Ban' }).click();
    await page.getByText('User banned.').waitFor();
    expect((await refresh()).status).toBe(401);
    await page.getByText('No active sessions.').waitFor();
    // The next Frontend API call of the banned user's browser shows them signed out.
    expect((await appBrowser.get('/client')).body.response.sessions).toEqual([]);
    await page.getByRole('button', { name: 'Unban' }).click();
    await page.getByText('User unbanned.').waitFor();
    // As in Clerk, unbanning lets the user sign in again; it does not revive the revoked session.
    expect((await refresh()).status).not.toBe(200);
    sessionId = (await signInWithPassword(appBrowser, user.email, 'a brand new passphrase')).response
      .created_session_id;
    expect((await refresh()).status).toBe(200);
    // The new session shows once the page reloads its list.
    await page.reload();
    await page.getByRole('button', { name: `Revoke session ${sessionId}` }).waitFor();
  });

  it('revokes a session', async () => {
    await page.getByRole('button', { name: `Revoke session ${sessionId}` }).click();
    await page.getByText('Session revoked.').waitFor();
    const session = (await (await t.api(`/sessions/${sessionId}`)).json()) as { status: string };
    expect(session.status).toBe('revoked');
    expect((await appBrowser.post(`/client/sessions/${sessionId}/tokens`, {})).status).not.toBe(200);
  });

  it('creates a JWT template and sees its preview for the user', async () => {
    await page.getByRole('link', { name: 'JWT templates' }).click();
    await page.getByRole('heading', { name: 'JWT templates', level: 1 }).waitFor();
    await page.getByLabel('Name').fill('hasura');
    await page
      .getByLabel(/^Claims/)
      .fill('{ "email": "{{user.primary_email_address}}", "name": "{{user.first_name}}" }');
    await page.getByLabel('Find a user').fill(user.email);
    await page.getByRole('radio', { name: new RegExp(user.email) }).check();
    await expect.poll(() => page.getByTestId('claims-preview').textContent()).toContain(`"email": "${user.email}"`);
    expect(await page.getByTestId('claims-preview').textContent()).toContain(`"sub": "${user.id}"`);
    await checkPage(page, 'jwt-templates');
    await page.getByRole('button', { name: 'Create template' }).click();
    await page.getByText('Template created.').waitFor();
    await expect.poll(() => page.getByText('hasura', { exact: true }).count()).toBe(1);
  });

  it('turns off username sign-in; the sign-in page stops offering it at once', async () => {
    const usernameOffered = async () =>
      (await new FapiBrowser(t.server.url).get('/environment')).body.user_settings.attributes.username
        .used_for_first_factor;
    // The app's own sign-in page (@latch/react's <SignIn/>), in another tab of the same browser.
    const appPage = await context.newPage();
    await appPage.goto(`${signInApp.origin}/sign-in`);
    await appPage.getByLabel('Email address or username').waitFor();
    expect(await usernameOffered()).toBe(true);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByLabel('Sign in with username').uncheck();
    await checkPage(page, 'settings');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved. They apply now.').waitFor();
    expect(await usernameOffered()).toBe(false);
    await appPage.reload();
    await appPage.getByLabel('Email address', { exact: true }).waitFor();
    expect(await appPage.getByLabel('Email address or username').count()).toBe(0);
    expect(await appPage.getByLabel('Email address', { exact: true }).getAttribute('type')).toBe('email');
    await appPage.close();
  });

  it('sets attack protection and the organization settings; the Backend API shows both', async () => {
    await page.getByLabel(/^Lock an account after/).fill('7');
    await page.getByLabel(/Do not reveal whether an account exists/).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved. They apply now.').waitFor();
    const settings = (await (await t.api('/instance/settings')).json()) as { protection: Record<string, unknown> };
    expect(settings.protection).toMatchObject({ max_failed_attempts: 7, enumeration_protection: true });

    const organizations = page.getByRole('form', { name: 'Organizations' });
    await organizations.getByLabel('Admins may delete their organization').uncheck();
    await organizations.getByLabel('Members per organization').fill('25');
    await organizations.getByRole('button', { name: 'Save organization settings' }).click();
    await page.getByText('Organization settings saved. They apply now.').waitFor();
    const saved = (await (await t.api('/instance/organization_settings')).json()) as Record<string, unknown>;
    expect(saved).toMatchObject({ admin_delete_enabled: false, max_allowed_memberships: 25 });
  });

  it('creates a webhook endpoint, shows its secret once and on request', async () => {
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByLabel('URL').fill('http://127.0.0.1:9/latch-webhooks');
    const newEndpoint = page.getByRole('form', { name: 'New endpoint' });
    await newEndpoint.getByLabel('user.created').check();
    await newEndpoint.getByLabel('user.updated').check();
    await page.getByRole('button', { name: 'Create endpoint' }).click();
    await page.getByText('Endpoint created. Copy its secret now.').waitFor();
    await page.getByRole('heading', { name: 'http://127.0.0.1:9/latch-webhooks' }).waitFor();
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    await expect.poll(() => page.getByTestId('webhook-secret').textContent()).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Show messages' }).click();
    await page.getByText('No messages yet.').waitFor();
    await checkPage(page, 'webhooks');
  });

  it('deletes a webhook endpoint after a confirmation', async () => {
    const url = 'http://127.0.0.1:9/old-hooks';
    const created = await t.api('/webhooks/endpoints', { method: 'POST', body: { url } });
    const { id } = (await created.json()) as { id: string };
    await page.reload();
    const card = page.getByRole('article', { name: url });
    await card.getByRole('button', { name: 'Delete endpoint' }).click();
    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('button', { name: 'Delete endpoint' }).click();
    await card.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText(`Endpoint ${url} deleted.`).waitFor();
    expect(await page.getByRole('heading', { name: url }).count()).toBe(0);
    expect((await t.api(`/webhooks/endpoints/${id}`)).status).toBe(404);
  });

  it('shows each action in the audit log', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('cell', { name: 'instance.settings_updated' }).first().waitFor();
    for (const action of [
      'operator.signed_in',
      'user.updated',
      'session.revoked',
      'jwt_template.created',
      'instance.settings_updated',
    ]) {
      expect(await page.getByRole('cell', { name: action, exact: true }).count(), action).toBeGreaterThan(0);
    }
    // The operator is the actor of what they did, named by email.
    const byOwner = page
      .getByRole('row')
      .filter({ hasText: 'instance.settings_updated' })
      .filter({ hasText: 'operator owner@latch.localhost' });
    await expect.poll(() => byOwner.count()).toBeGreaterThan(0);
    await checkPage(page, 'audit-log');
    // Filtered by time: nothing happened before today; today's entries are all there.
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Until').fill('2020-01-01');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No entries match these filters.').waitFor();
    await page.getByLabel('Until').fill('');
    await page.getByLabel('From').fill(today);
    await page.getByLabel('Action').fill('session.revoked');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect
      .poll(() => page.getByRole('cell', { name: 'session.revoked', exact: true }).count())
      .toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: 'instance.settings_updated', exact: true }).count()).toBe(0);
  });

  it('the overview shows totals and sign-ups / sign-ins per day (a sign-up, then two sign-ins)', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const stat = (name: string) => page.locator('.stats div', { hasText: name }).locator('dd').textContent();
    expect(Number(await stat('Users'))).toBeGreaterThanOrEqual(1);
    expect(await stat('Failing webhook endpoints')).toBe('0');
    // Three sessions in all; the sign-up's own session is a sign-up, not a sign-in.
    expect(await page.getByRole('figure', { name: /Sign-ins per day/ }).textContent()).toMatch(/\(2 in 14 days/);
    expect(await page.getByRole('figure', { name: /Sign-ups per day/ }).textContent()).toMatch(/\([1-9]\d* in 14 days/);
    await checkPage(page, 'overview');
  });

  it('creates a user, locks and unlocks them, then deletes them after a confirmation', async () => {
    const doomedEmail = `grace-${Date.now()}@example.com`;
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByText('Create a user').click();
    await page.getByLabel('Email', { exact: true }).fill(doomedEmail);
    await page.getByLabel('First name').fill('Grace');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('heading', { name: doomedEmail }).waitFor();
    const doomed = { id: page.url().split('/').pop() as string };
    expect(((await (await t.api(`/users/${doomed.id}`)).json()) as { first_name: string }).first_name).toBe('Grace');
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByText('User locked.').waitFor();
    expect(((await (await t.api(`/users/${doomed.id}`)).json()) as { locked: boolean }).locked).toBe(true);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('User unlocked.').waitFor();
    expect(((await (await t.api(`/users/${doomed.id}`)).json()) as { locked: boolean }).locked).toBe(false);
    await page.getByRole('button', { name: 'Delete user' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect((await t.api(`/users/${doomed.id}`)).status).toBe(404);
    // A deleted user's page says so, under a heading.
    await page.goto(`${t.server.url}/dashboard/users/${doomed.id}`);
    await page.getByRole('alert').waitFor();
    await checkPage(page, 'user-not-found');
  });

  it('a support operator sees no delete button and cannot change settings', async () => {
    const support = await signInOperator(chromium, t, 'support', 'support@example.com');
    await support.goto(`${t.server.url}/dashboard/users/${user.id}`);
    await support.getByRole('heading', { name: user.email }).waitFor();
    expect(await support.getByRole('button', { name: 'Delete user' }).count()).toBe(0);
    expect(await support.getByRole('button', { name: 'Ban' }).count()).toBe(0);
    await support.goto(`${t.server.url}/dashboard/settings`);
    await support.getByText('Support operators can read the settings but not change them.').waitFor();
    expect(await support.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    expect(await support.getByLabel('Sign in with username').isDisabled()).toBe(true);
    // The API refuses what the UI hides: the same calls with the support operator's own token.
    const statuses = await support.evaluate(async (userId) => {
      const headers = { 'content-type': 'application/json', 'x-latch-dashboard': '1' };
      const minted = await (await fetch('/dashboard/api/session/tokens', { method: 'POST', headers })).json();
      const call = async (method: string, path: string, body?: unknown) =>
        (
          await fetch(`/api/v1${path}`, {
            method,
            headers: { ...headers, authorization: `Bearer ${minted.token}` },
            body: body === undefined ? undefined : JSON.stringify(body),
          })
        ).status;
      return {
        deleteUser: await call('DELETE', `/users/${userId}`),
        banUser: await call('POST', `/users/${userId}/ban`),
        changeSettings: await call('PATCH', '/instance/settings', { sign_in: { username: true } }),
        readUser: await call('GET', `/users/${userId}`),
      };
    }, user.id);
    expect(statuses).toEqual({ deleteUser: 403, banUser: 403, changeSettings: 403, readUser: 200 });
    expect((await t.api(`/users/${user.id}`)).status).toBe(200);
    // Removed meanwhile, the operator's next click lands on the sign-in page, not on an error.
    const operators = (await (await t.api('/operators')).json()) as { id: string; email: string }[];
    const supportId = operators.find((operator) => operator.email === 'support@example.com')?.id;
    expect((await t.api(`/operators/${supportId}`, { method: 'DELETE' })).status).toBe(200);
    await support.getByRole('link', { name: 'Audit log' }).click();
    await support.getByRole('heading', { name: 'Sign in to Latch' }).waitFor();
    await support.context().close();
  });
});
