import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../e2e/clerk-compat/support/browser.js';
import { type LatchUnderTest, PASSWORD, startLatchUnderTest } from '../../js/test/support/latch-server.js';
import { DATABASES } from '../../server/test/support/databases.js';
import { buildTestApp } from './support/build-test-app.js';
import { startUIApp, type UIAppServer } from './support/ui-app-server.js';

interface ProbeState {
  auth: {
    isLoaded: boolean;
    userId: string | null;
    orgId: string | null;
    orgRole: string | null;
    orgSlug: string | null;
    orgPermissions: string[] | null;
    isAdmin: boolean;
    canManageMembers: boolean;
  };
  organization: { isLoaded: boolean; id: string | null; memberships: { count: number; isLoading: boolean } };
  list: {
    isLoaded: boolean;
    organizationList: string[] | null;
    userMemberships: { count: number; error: string | null };
  };
}

let bundle: Promise<string> | null = null;

/**
 * `useAuth`, `useOrganizationList` and `useOrganization` in Chromium, on the real `@latch/js` and a real
 * Latch: create an organization with `createOrganization`, switch with `setActive`, and the hooks
 * report the organization, the role and the permissions the new session token carries.
 */
describe.each(DATABASES)('organization hooks in a browser (%s)', (database) => {
  let latch: LatchUnderTest;
  let app: UIAppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    bundle ??= buildTestApp(fileURLToPath(new URL('./support/org-hooks-app/main.tsx', import.meta.url)));
    latch = await startLatchUnderTest(database);
    app = await startUIApp(await bundle, latch.t.server.url, latch.t.server.publishableKey);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => console.error('[page error]', error));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await latch?.stop();
  });

  async function state(): Promise<ProbeState> {
    return JSON.parse((await page.locator('#state').textContent()) ?? 'null') as ProbeState;
  }
  const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });

  it('creates an organization, switches to it and back; useAuth follows with role and permissions', async () => {
    const email = `founder.${database}@example.com`;
    await latch.createUser(email);
    await page.goto(`${app.origin}/`);
    await poll(async () => (await state()).list.isLoaded).toBe(true);
    expect((await state()).auth).toMatchObject({ isLoaded: true, userId: null, orgId: null, isAdmin: false });

    await page.evaluate(([e, p]) => window.orgHooks?.signIn(e as string, p as string), [email, PASSWORD]);
    await poll(async () => (await state()).auth.userId).toMatch(/^user_/);
    expect((await state()).auth).toMatchObject({ orgId: null, orgRole: null, isAdmin: false });

    const created = await page.evaluate(() => window.orgHooks?.create('Acme Hooks'));
    expect(created?.id).toMatch(/^org_/);
    expect(created?.slug).toBe('acme-hooks');

    await page.evaluate((id) => window.orgHooks?.activate(id), created?.id as string);
    await poll(async () => (await state()).auth.orgId).toBe(created?.id);
    const active = (await state()).auth;
    expect(active).toMatchObject({
      orgRole: 'org:admin',
      orgSlug: 'acme-hooks',
      isAdmin: true,
      canManageMembers: true,
    });
    expect(active.orgPermissions).toContain('org:sys_memberships:manage');
    await poll(async () => (await state()).organization).toMatchObject({ isLoaded: true, id: created?.id });
    // useOrganization({ memberships }) loads the active organization's members (the founder).
    await poll(async () => (await state()).organization.memberships).toEqual({ count: 1, isLoading: false });
    // useOrganizationList({ userMemberships }) loaded before the organization existed: revalidate re-reads it.
    expect((await state()).list.userMemberships).toEqual({ count: 0, error: null });
    await page.evaluate(() => window.orgHooks?.revalidateUserMemberships());
    await poll(async () => (await state()).list.userMemberships).toEqual({ count: 1, error: null });

    await page.evaluate(() => window.orgHooks?.activate(null));
    await poll(async () => (await state()).auth.orgId).toBeNull();
    expect((await state()).auth).toMatchObject({ orgRole: null, isAdmin: false, canManageMembers: false });
    expect((await state()).organization).toMatchObject({ isLoaded: true, id: null });
  }, 60_000);
});
