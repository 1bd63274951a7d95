import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../e2e/clerk-compat/support/browser.js';
import { type LatchUnderTest, PASSWORD, startLatchUnderTest } from '../../js/test/support/latch-server.js';
import { DATABASES } from '../../server/test/support/databases.js';
import { buildTestApp } from './support/build-test-app.js';
import { startUIApp, type UIAppServer } from './support/ui-app-server.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = join(REPO, 'e2e/screenshots');

/**
 * The page under test: the switcher in a header, and by path `<CreateOrganization/>`,
 * `<OrganizationProfile/>` (with a custom page) or `<OrganizationList/>`; `window.orgUI.signIn` signs in
 * through `@latch/js` (the sign-in UI is tested elsewhere). Written to a temporary entry and bundled with
 * Vite against the working tree's sources, like the other UI tests.
 */
const APP = `
import { LatchProvider, useLatchContext, OrganizationSwitcher, CreateOrganization, OrganizationProfile, OrganizationList } from '@latch/react';
import { plPL } from '@latch/localizations';
import { dark } from '@latch/themes';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Hooks() {
  const { latch, resources } = useLatchContext();
  useEffect(() => {
    window.orgUI = {
      async signIn(email, password) {
        const attempt = await latch.client.signIn.create({ identifier: email, strategy: 'password', password });
        await latch.setActive({ session: attempt.createdSessionId });
      },
    };
  }, [latch]);
  return <output id="state">{resources ? (resources.user ? 'signed-in:' + (resources.session?.lastActiveOrganizationId ?? 'personal') : 'signed-out') : 'loading'}</output>;
}

function Screen() {
  const path = location.pathname;
  if (path === '/create') return <CreateOrganization afterCreateOrganizationUrl="/org/:slug/settings" />;
  if (path === '/list') return <OrganizationList afterSelectOrganizationUrl="/org/:slug/settings" />;
  if (path.startsWith('/org/')) {
    return (
      <OrganizationProfile routing="path" path={path.split('/').slice(0, 4).join('/')}>
        <OrganizationProfile.Page label="Reports" url="reports"><p id="custom-page">Quarterly reports</p></OrganizationProfile.Page>
      </OrganizationProfile>
    );
  }
  return null;
}

const params = new URLSearchParams(location.search);
createRoot(document.getElementById('root')).render(
  <LatchProvider publishableKey={window.LATCH_PUBLISHABLE_KEY} proxyUrl="/__latch" {...(params.get('lang') === 'pl' ? { localization: plPL } : {})} {...(params.get('theme') === 'dark' ? { appearance: { baseTheme: dark } } : {})}>
    <header style={{ padding: 8 }}><OrganizationSwitcher afterSelectOrganizationUrl="/org/:slug/settings" afterCreateOrganizationUrl="/org/:id/settings" /></header>
    <Hooks />
    <main><Screen /></main>
  </LatchProvider>,
);
`;

/** The page above, written to a temporary entry and bundled like the other component test pages. */
async function buildApp(): Promise<string> {
  const entry = join(await mkdtemp(join(tmpdir(), 'latch-org-ui-')), 'main.jsx');
  await writeFile(entry, APP);
  return buildTestApp(entry);
}

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(d: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}) at ${violation.targets.join(', ')}`);
}
interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: unknown }>;
}

declare global {
  interface Window {
    orgUI?: { signIn(email: string, password: string): Promise<void> };
  }
}

let bundle: Promise<string> | null = null;

/**
 * The organization components in Chromium against a real Latch: A creates "Acme" with
 * `<CreateOrganization/>`, invites B from `<OrganizationProfile/>` (the email is read from the SMTP
 * sink), B joins from `<OrganizationSwitcher/>` and switches to Acme, A makes B an admin and B can then
 * manage members; plus `<OrganizationList/>`, custom pages, keyboard use, Polish strings and axe.
 */
describe.each(DATABASES)('organization components in a browser (%s)', (database) => {
  let latch: LatchUnderTest;
  let app: UIAppServer;
  let browser: Browser;
  const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });

  beforeAll(async () => {
    bundle ??= buildApp();
    latch = await startLatchUnderTest(database);
    app = await startUIApp(await bundle, latch.t.server.url, latch.t.server.publishableKey);
    browser = await launchChromium();
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await latch?.stop();
  });

  async function signedInPage(email: string, path = '/'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 860 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('[page error]', error));
    await page.goto(`${app.origin}/`);
    await poll(() => page.locator('#state').textContent()).toBe('signed-out');
    await page.evaluate(([e, p]) => window.orgUI?.signIn(e as string, p as string), [email, PASSWORD]);
    await poll(() => page.locator('#state').textContent()).toMatch(/^signed-in/);
    if (path !== '/') await page.goto(`${app.origin}${path}`);
    return page;
  }

  it('create → invite by email → accept in the switcher → switch → promote to admin', async () => {
    const alice = `alice.${database}@example.com`;
    const bob = `bob.${database}@example.com`;
    await latch.createUser(alice);
    await latch.createUser(bob);

    // A creates Acme; the slug follows the name; the new organization becomes active and the URL's :slug is filled.
    const a = await signedInPage(alice, '/create');
    await a.getByLabel('Name', { exact: true }).fill('Acme');
    await poll(() => a.getByLabel('Slug', { exact: true }).inputValue()).toBe('acme');
    await a.getByRole('button', { name: 'Create organization' }).click();
    await a.waitForURL(`${app.origin}/org/acme/settings`);
    await poll(() => a.locator('#state').textContent()).toMatch(/^signed-in:org_/);
    await visible(a.getByRole('button', { name: /^Acme.*Switch organization$/ }));
    await visible(a.getByRole('heading', { name: 'Acme', level: 1 }));
    expect(await seriousAxeViolations(a)).toEqual([]);

    // Duplicate slug: a Clerk error on the slug field, nothing created.
    const dup = await signedInPage(alice, '/create');
    await dup.getByLabel('Name', { exact: true }).fill('Acme');
    await dup.getByRole('button', { name: 'Create organization' }).click();
    await visible(dup.locator('[data-field="slug"] .latch-formFieldErrorText'));
    await poll(() => dup.getByLabel('Slug', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await dup.context().close();

    // Invite B as a member from the Members page.
    await a.getByRole('button', { name: 'Members' }).click();
    await a.waitForURL(`${app.origin}/org/acme/settings/members`);
    await poll(() => a.locator('[data-member]').count()).toBe(1);
    await a.getByRole('button', { name: 'Invite' }).click();
    await a.getByLabel('Email address').fill(bob);
    await poll(() => a.getByLabel('Role', { exact: true }).inputValue()).toBe('org:member');
    await a.getByRole('button', { name: 'Send invitation' }).click();
    await poll(
      async () => (await a.locator('[data-section="invitations"] [role="status"]').textContent()) ?? '',
    ).toContain(`Invitation sent to ${bob}.`);
    await visible(a.locator(`[data-invitation="${bob}"]`));
    const email = await latch.sink.waitForMessage({ to: bob });
    expect(`${email.subject} ${email.text}`).toContain('Acme');
    expect(await seriousAxeViolations(a)).toEqual([]);
    await a.screenshot({ path: join(SCREENSHOTS, `organization-profile-members-${database}.png`) });

    // B sees the invitation in the switcher, joins, and switches to Acme (keyboard only).
    const b = await signedInPage(bob);
    await visible(b.getByRole('button', { name: /Switch organization$/ }));
    await b.getByRole('button', { name: /Switch organization$/ }).click();
    const panel = b.getByRole('dialog', { name: 'Switch organization' });
    await visible(panel.getByText('Invitations'));
    expect(await seriousAxeViolations(b)).toEqual([]);
    await b.screenshot({ path: join(SCREENSHOTS, `organization-switcher-invitation-${database}.png`) });
    await panel.getByRole('button', { name: 'Join Acme' }).click();
    const acmeOption = panel.locator('button[data-organization]', { hasText: 'Acme' });
    await visible(acmeOption);
    await poll(() => panel.getByRole('button', { name: 'Join Acme' }).count()).toBe(0);
    await acmeOption.focus();
    await b.keyboard.press('Enter');
    await b.waitForURL(`${app.origin}/org/acme/settings`);
    await poll(() => b.locator('#state').textContent()).toMatch(/^signed-in:org_/);
    await visible(b.getByRole('button', { name: /^Acme.*Switch organization$/ }));

    // As a member B cannot manage: no role pickers, no invite button, no delete.
    await b.getByRole('button', { name: 'Members' }).click();
    await poll(() => b.locator('[data-member]').count()).toBe(2);
    await poll(() => b.getByRole('combobox').count()).toBe(0);
    await poll(() => b.getByRole('button', { name: 'Invite' }).count()).toBe(0);

    // A makes B an admin with the role picker.
    await a.reload();
    await a.getByLabel(/^Role of /).selectOption('org:admin');
    await poll(async () => a.getByLabel(/^Role of /).inputValue()).toBe('org:admin');
    const bMembership = await latch.t.api(`/organizations/${await orgIdOf(a)}/memberships`);
    const memberships = (await bMembership.json()) as {
      data: Array<{ role: string; public_user_data: { identifier: string } }>;
    };
    expect(memberships.data.find((m) => m.public_user_data.identifier === bob)?.role).toBe('org:admin');

    // B, reloaded, now manages members too; the custom page is in the navbar.
    await b.reload();
    await visible(b.getByRole('button', { name: 'Invite' }));
    await b.getByRole('button', { name: 'Reports' }).click();
    await poll(() => b.locator('#custom-page').textContent()).toBe('Quarterly reports');
    await b.context().close();
    await a.context().close();
  }, 180_000);

  it('OrganizationList lists memberships and creates in place; the switcher works by keyboard and in Polish', async () => {
    const carol = `carol.${database}@example.com`;
    await latch.createUser(carol);
    const page = await signedInPage(carol, '/list');
    await visible(page.getByRole('heading', { name: 'Choose an organization' }));
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Globex Corp');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.waitForURL(`${app.origin}/org/globex-corp/settings`);

    // Leave is refused for the last admin with the server's message; the organization stays.
    await page.getByRole('button', { name: 'Leave organization' }).click();
    await page.locator('form').getByRole('button', { name: 'Leave organization' }).click();
    await visible(page.getByRole('alert').locator('.latch-alertText'));

    // Keyboard: open the switcher, Arrow keys move, Escape closes and returns focus to the trigger.
    await page.goto(`${app.origin}/list?lang=pl`);
    await visible(page.getByRole('heading', { name: 'Wybierz organizację' }));
    await visible(page.locator('button[data-organization]', { hasText: 'Globex Corp' }));
    const trigger = page.getByRole('button', { name: /^Globex Corp.*Zmień organizację$/ });
    await trigger.focus();
    await page.keyboard.press('Enter');
    await visible(page.getByRole('dialog', { name: 'Zmień organizację' }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    await poll(() => trigger.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Back to the personal account from the list; then delete Globex (typing its name).
    await page.getByRole('button', { name: /Konto osobiste/ }).click();
    await poll(() => page.locator('#state').textContent()).toBe('signed-in:personal');
    await page.locator('button[data-organization]', { hasText: 'Globex Corp' }).click();
    await page.waitForURL(`${app.origin}/org/globex-corp/settings`);
    await page.getByRole('button', { name: 'Delete organization' }).click();
    await page.getByLabel('Confirmation').fill('Globex Corp');
    await page.locator('form').getByRole('button', { name: 'Delete organization' }).click();
    await poll(() => page.locator('#state').textContent()).toBe('signed-in:personal');
    const listed = await latch.t.api('/organizations?query=globex');
    expect(((await listed.json()) as { total_count: number }).total_count).toBe(0);
    await page.context().close();
  }, 120_000);

  it('an admin revokes an invitation, adds, verifies and removes a domain, and removes a member; dark theme is axe-clean', async () => {
    const dana = `dana.${database}@example.com`;
    const eve = `eve.${database}@example.com`;
    const danaId = await latch.createUser(dana);
    const eveId = await latch.createUser(eve);
    const created = await latch.t.api('/organizations', {
      method: 'POST',
      body: { name: 'Initech', slug: `initech-${database}`, created_by: danaId },
    });
    expect(created.status).toBe(200);
    const organizationId = ((await created.json()) as { id: string }).id;
    const added = await latch.t.api(`/organizations/${organizationId}/memberships`, {
      method: 'POST',
      body: { user_id: eveId, role: 'org:member' },
    });
    expect(added.status).toBe(200);

    const page = await signedInPage(dana, '/list');
    await page.locator('button[data-organization]', { hasText: 'Initech' }).click();
    await page.waitForURL(`${app.origin}/org/initech-${database}/settings`);

    // Domains: add one with an enrollment mode (unverified until its affiliation email is confirmed), remove it.
    await page.getByRole('button', { name: 'Add domain' }).click();
    await page.getByLabel('Domain', { exact: true }).fill(`initech-${database}.test`);
    await page.getByLabel('Enrollment mode').selectOption('automatic_suggestion');
    await page.locator('[data-section="domains"] form').getByRole('button', { name: 'Add domain' }).click();
    const domain = page.locator(`[data-domain="initech-${database}.test"]`);
    await visible(domain);
    await poll(async () => (await domain.textContent()) ?? '').toContain('Automatic suggestions');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Verify it: a code goes to an address at the domain (read from the SMTP sink).
    await page.getByRole('button', { name: `Verify initech-${database}.test` }).click();
    await page.getByLabel(`Email address at initech-${database}.test`).fill(`it@initech-${database}.test`);
    await page.getByRole('button', { name: 'Send code' }).click();
    const code = await latch.codeFor(`it@initech-${database}.test`);
    await page.getByLabel('Verification code').fill(code);
    await page.locator('[data-section="domains"] form').getByRole('button', { name: 'Verify' }).click();
    await poll(async () => (await domain.textContent()) ?? '').toContain('Verified');
    await poll(() => page.getByRole('button', { name: `Verify initech-${database}.test` }).count()).toBe(0);
    await page.getByRole('button', { name: `Remove initech-${database}.test` }).click();
    await poll(() => domain.count()).toBe(0);

    // Invitations: invite, then revoke; the server's list agrees.
    await page.getByRole('button', { name: 'Members' }).click();
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByLabel('Email address').fill(`frank.${database}@example.com`);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await visible(page.locator(`[data-invitation="frank.${database}@example.com"]`));
    await page.getByRole('button', { name: `Revoke the invitation to frank.${database}@example.com` }).click();
    await poll(() => page.locator(`[data-invitation="frank.${database}@example.com"]`).count()).toBe(0);
    const invitations = await latch.t.api(`/organizations/${organizationId}/invitations?status=pending`);
    expect(((await invitations.json()) as { total_count: number }).total_count).toBe(0);

    // Members: remove Eve.
    await poll(() => page.locator('[data-member]').count()).toBe(2);
    await page.getByRole('button', { name: /^Remove / }).click();
    await poll(() => page.locator('[data-member]').count()).toBe(1);
    const members = await latch.t.api(`/organizations/${organizationId}/memberships`);
    expect(((await members.json()) as { total_count: number }).total_count).toBe(1);

    // Dark theme: the same page through @latch/themes' dark base theme.
    await page.goto(`${app.origin}/org/initech-${database}/settings/members?theme=dark`);
    await visible(page.locator('[data-member]'));
    await switcherTrigger(page).click();
    await visible(page.getByRole('dialog', { name: 'Switch organization' }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `organization-profile-dark-${database}.png`) });

    // "Manage" opens <OrganizationProfile/> in a modal; Escape closes it.
    await page.getByRole('button', { name: 'Manage' }).click();
    const modal = page.getByRole('dialog', { name: 'Organization' });
    await visible(modal.getByRole('heading', { name: 'Initech', level: 1 }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await poll(() => modal.count()).toBe(0);
    await page.context().close();
  }, 120_000);
});

const switcherTrigger = (page: Page) => page.getByRole('button', { name: /Switch organization$/ });

/** Waits until the element is on screen (Playwright's own auto-waiting, not a timing assertion). */
async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function orgIdOf(page: Page): Promise<string> {
  const state = (await page.locator('#state').textContent()) ?? '';
  return state.replace('signed-in:', '');
}
