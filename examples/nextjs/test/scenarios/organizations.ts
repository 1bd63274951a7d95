import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type BrowserTab,
  type ExampleContext,
  pageLive,
  poll,
  SCREENSHOTS,
  UI_TIMEOUT,
} from '../support/example-context.js';

const PASSWORD = 'organizations passphrase for the example 9';

/**
 * Issue #6 in the example app: A creates "Acme" with `<CreateOrganization/>` and invites B from
 * `<OrganizationProfile/>` (the email is read from the SMTP sink); B joins from the header's
 * `<OrganizationSwitcher/>` and switches to Acme; `/org/[slug]/admin` (`auth.protect({ role: 'org:admin' })`)
 * refuses B until A makes B an admin; `<Protect permission="org:reports:read">` shows the reports only to
 * a role holding that custom permission (permission and role created through the Backend API).
 */
export function organizationsScenario(example: ExampleContext): void {
  const email = (name: string) => `${name}-org-${example.kind}@example.test`;
  let alice: BrowserTab;
  let bob: BrowserTab;

  beforeAll(async () => {
    await example.createUser({ email: email('alice'), password: PASSWORD, firstName: 'Alice', lastName: 'Admin' });
    await example.createUser({ email: email('bob'), password: PASSWORD, firstName: 'Bob', lastName: 'Builder' });
    alice = await example.newTab();
    bob = await example.newTab();
  });
  afterAll(async () => {
    await alice?.close();
    await bob?.close();
  });

  async function backendApi<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${example.latchUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${example.secretKey}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  /**
   * Reloads until `check` holds: a role change reaches a browser with its next session token (tokens
   * live 20 s here), so this waits for the refresh rather than for a fixed time.
   */
  async function reloadUntil(page: Page, check: () => Promise<boolean>): Promise<void> {
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.waitForLoadState('networkidle');
          return check();
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toBe(true);
  }

  const switcher = (page: Page) => page.getByRole('button', { name: /Switch organization$/ });
  const status = async (page: Page, path: string) => (await page.goto(path))?.status() ?? 0;

  it('A creates Acme and invites B; B joins from the switcher; roles gate the admin page and the reports', async () => {
    const { page: a } = alice;
    const { page: b } = bob;

    await example.step(alice, 'A creates Acme with <CreateOrganization/>', async () => {
      await a.goto('/sign-in');
      await example.signInThroughUI(a, email('alice'), PASSWORD);
      await a.goto('/org/create');
      await pageLive(a);
      await a.getByLabel('Name', { exact: true }).fill('Acme', { timeout: UI_TIMEOUT });
      await poll(() => a.getByLabel('Slug', { exact: true }).inputValue()).toBe('acme');
      await a.getByRole('button', { name: 'Create organization' }).click();
      await a.waitForURL((url) => url.pathname === '/org/acme', { timeout: UI_TIMEOUT });
      await poll(async () => ((await switcher(a).textContent()) ?? '').includes('Acme')).toBe(true);
      // Server-side auth() sees the new organization with A as its admin.
      await reloadUntil(a, async () =>
        ((await a.locator('#org-server-auth').textContent()) ?? '').includes('"orgRole":"org:admin"'),
      );
      expect(await status(a, '/org/acme/admin')).toBe(200);
      expect((await a.locator('#org-admin-role').textContent()) ?? '').toBe('org:admin');
    });

    // The custom permission and a role holding it, through the Backend API.
    const permission = await backendApi<{ id: string }>('POST', '/organization_permissions', {
      name: 'Read reports',
      key: 'org:reports:read',
    });
    await backendApi('POST', '/organization_roles', {
      name: 'Analyst',
      key: 'org:analyst',
      permissions: [permission.id],
    });

    await example.step(alice, 'A invites B from <OrganizationProfile/>', async () => {
      await a.goto('/org/acme/settings/members');
      await pageLive(a);
      await a.getByRole('button', { name: 'Invite' }).click({ timeout: UI_TIMEOUT });
      await a.getByLabel('Email address').fill(email('bob'));
      await a.getByRole('button', { name: 'Send invitation' }).click();
      await poll(() => a.locator(`[data-invitation="${email('bob')}"]`).count()).toBe(1);
      const invitation = await example.smtp.waitForMessage({ to: email('bob'), timeoutMs: UI_TIMEOUT });
      expect(`${invitation.subject} ${invitation.text}`).toContain('Acme');
      await a.screenshot({ path: `${SCREENSHOTS}/example-organization-members-${example.kind}.png` });
    });

    await example.step(bob, 'B accepts from <OrganizationSwitcher/> and switches to Acme', async () => {
      await b.goto('/sign-in');
      await example.signInThroughUI(b, email('bob'), PASSWORD);
      await switcher(b).click({ timeout: UI_TIMEOUT });
      const panel = b.getByRole('dialog', { name: 'Switch organization' });
      await panel.getByRole('button', { name: 'Join Acme' }).click({ timeout: UI_TIMEOUT });
      await panel.locator('button[data-organization]', { hasText: 'Acme' }).click({ timeout: UI_TIMEOUT });
      await b.waitForURL((url) => url.pathname === '/org/acme', { timeout: UI_TIMEOUT });
      await reloadUntil(b, async () =>
        ((await b.locator('#org-server-auth').textContent()) ?? '').includes('"orgRole":"org:member"'),
      );
    });

    await example.step(bob, 'a member is refused the admin page and the reports', async () => {
      expect(await b.locator('#reports-denied').count()).toBe(1);
      expect(await b.locator('#reports').count()).toBe(0);
      expect(await status(b, '/org/acme/admin')).toBe(404);
    });

    await example.step(
      alice,
      'A makes B an analyst: the reports appear for B, the admin page stays closed',
      async () => {
        await a.goto('/org/acme/settings/members');
        await pageLive(a);
        await a.getByLabel('Role of Bob Builder').selectOption('org:analyst', { timeout: UI_TIMEOUT });
        await poll(() => a.getByLabel('Role of Bob Builder').inputValue()).toBe('org:analyst');
        await b.goto('/org/acme');
        await reloadUntil(b, async () => (await b.locator('#reports').count()) === 1);
        expect(await status(b, '/org/acme/admin')).toBe(404);
      },
    );

    await example.step(alice, 'A makes B an admin: the admin page opens for B', async () => {
      await a.getByLabel('Role of Bob Builder').selectOption('org:admin');
      await poll(() => a.getByLabel('Role of Bob Builder').inputValue()).toBe('org:admin');
      await b.goto('/org/acme');
      await reloadUntil(b, async () =>
        ((await b.locator('#org-server-auth').textContent()) ?? '').includes('"orgRole":"org:admin"'),
      );
      expect(await status(b, '/org/acme/admin')).toBe(200);
      expect((await b.locator('#org-admin').textContent()) ?? '').toBe('Admin of acme');
      // Admin holds only the system permissions: the custom one is the analyst's.
      expect(await status(b, '/org/acme')).toBe(200);
      await poll(() => b.locator('#reports-denied').count()).toBe(1);
    });
  }, 300_000);
}
