import type { Browser as Chromium, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../e2e/clerk-compat/support/browser.js';
import type { JSONBody } from '../../server/test/fapi/me/support/browser.js';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.js';
import { buildDashboard, checkPage, signInOperator } from './support/dashboard-browser.js';

/**
 * Issue #8's Organizations pages in Debian's Chromium: an owner creates an organization, edits it,
 * invites by email, adds existing users, changes a role, removes a member, adds a verified domain,
 * and creates a custom role with a custom permission and assigns it — each result read back
 * through the Backend API. A support operator sees no destructive controls and the API refuses
 * their writes. Every page passes axe-core at 1280 and 375 px and is screenshotted.
 */

describe('Dashboard organizations in Chromium (issue #8, deliverable 4)', () => {
  let t: TestServer;
  let chromium: Chromium;
  let page: Page;
  let organizationId: string;
  const stamp = Date.now().toString(36);
  const ada = { email: `ada-${stamp}@example.com`, id: '' };
  const grace = { email: `grace-${stamp}@example.com`, id: '' };
  const linus = { email: `linus-${stamp}@example.com`, id: '' };
  const invitee = `invitee-${stamp}@example.com`;
  const domain = `acme-${stamp}.test`;

  const api = async (path: string, init: { method?: string; body?: unknown } = {}): Promise<JSONBody> => {
    const response = await t.api(path, init);
    const text = await response.text();
    expect(response.status, `${init.method ?? 'GET'} ${path}: ${text}`).toBe(200);
    return JSON.parse(text);
  };
  const rolesOfMembers = async () => {
    const list = await api(`/organizations/${organizationId}/memberships?limit=100`);
    return Object.fromEntries(list.data.map((m: JSONBody) => [m.public_user_data.user_id, m.role]));
  };

  beforeAll(async () => {
    await buildDashboard();
    t = await startTestServer('sqlite');
    for (const person of [ada, grace, linus]) {
      const created = await api('/users', { method: 'POST', body: { email_address: [person.email] } });
      person.id = created.id;
    }
    chromium = await launchChromium();
    page = await signInOperator(chromium, t, 'owner');
    // Removing a member or deleting asks first; the owner says yes.
    page.on('dialog', (dialog) => dialog.accept());
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await t?.stop();
  });

  it('creates an organization and edits its settings', async () => {
    await page.getByRole('link', { name: 'Organizations' }).click();
    await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();
    await page.getByText('0 organizations').waitFor();
    await page.getByText('Create an organization').click();
    await page.getByLabel('Name', { exact: true }).fill('Acme Corp');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: 'Acme Corp', level: 1 }).waitFor();
    organizationId = /\/organizations\/(org_[^/]+)$/.exec(page.url())?.[1] as string;
    expect(organizationId).toBeTruthy();
    const found = await api('/organizations?query=Acme');
    expect(found).toMatchObject({ total_count: 1, data: [{ id: organizationId, name: 'Acme Corp' }] });

    await page.getByLabel('Slug').fill(`acme-${stamp}`);
    await page.getByLabel('Private metadata (Backend API only)').fill('{ "plan": "enterprise" }');
    await checkPage(page, 'organization-settings');
    await page.getByRole('button', { name: 'Save organization' }).click();
    await page.getByText('Organization saved.').waitFor();
    expect(await api(`/organizations/${organizationId}`)).toMatchObject({
      slug: `acme-${stamp}`,
      private_metadata: { plan: 'enterprise' },
    });
  });

  it('invites a member by email and resends the invitation', async () => {
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('heading', { name: 'Invitations', level: 2 }).waitFor();
    await page.getByText('No invitations yet.').waitFor();
    await page.getByLabel('Email address').fill(invitee);
    await page.getByRole('form', { name: 'Invite by email' }).getByLabel(/^Role/).selectOption({ label: 'Member' });
    await page.getByRole('button', { name: 'Send invitation', exact: true }).click();
    await page.getByText(`Invitation sent to ${invitee}.`).waitFor();
    await page.getByText(invitee, { exact: true }).waitFor();
    const invitations = await api(`/organizations/${organizationId}/invitations`);
    expect(invitations.data).toMatchObject([{ email_address: invitee, role: 'org:member', status: 'pending' }]);
    await page.getByRole('button', { name: `Resend invitation to ${invitee}` }).click();
    await page.getByText(`Invitation sent again to ${invitee}.`).waitFor();

    const mistaken = `mistaken-${stamp}@example.com`;
    await page.getByLabel('Email address').fill(mistaken);
    await page.getByRole('button', { name: 'Send invitation', exact: true }).click();
    await page.getByText(`Invitation sent to ${mistaken}.`).waitFor();
    await page.getByRole('button', { name: `Revoke invitation to ${mistaken}` }).click();
    await page.getByText(`Invitation to ${mistaken} revoked.`).waitFor();
    const statuses = await api(`/organizations/${organizationId}/invitations?limit=10`);
    expect(Object.fromEntries(statuses.data.map((i: JSONBody) => [i.email_address, i.status]))).toEqual({
      [invitee]: 'pending',
      [mistaken]: 'revoked',
    });
    await page.getByLabel('Status').selectOption('revoked');
    await expect.poll(() => page.getByText(invitee, { exact: true }).count()).toBe(0);
    await page.getByText(mistaken, { exact: true }).waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByText(invitee, { exact: true }).waitFor();
    await checkPage(page, 'organization-invitations');
  });

  it('adds existing users, changes a role and removes a member', async () => {
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { name: 'Members', level: 2 }).waitFor();
    await page.getByText('0 members').waitFor();
    for (const person of [ada, grace, linus]) {
      await page.getByLabel('Find a user').fill(person.email);
      await page.getByRole('radio', { name: new RegExp(person.email) }).check();
      await page.getByRole('form', { name: 'Add an existing user' }).getByLabel(/^Role/).selectOption('org:member');
      await page.getByRole('button', { name: 'Add member' }).click();
      await page.getByText('Member added.').waitFor();
      await page.getByRole('link', { name: person.email }).waitFor();
    }
    expect(await rolesOfMembers()).toEqual({
      [ada.id]: 'org:member',
      [grace.id]: 'org:member',
      [linus.id]: 'org:member',
    });

    await page.getByLabel(`Role of ${ada.email}`).selectOption({ label: 'Admin' });
    await page.getByText(`${ada.email} is now Admin.`).waitFor();
    expect((await rolesOfMembers())[ada.id]).toBe('org:admin');

    await page.getByRole('button', { name: `Remove ${linus.email}` }).click();
    await page.getByText(`${linus.email} removed.`).waitFor();
    await page.getByText('2 members', { exact: true }).waitFor();
    expect(await rolesOfMembers()).toEqual({ [ada.id]: 'org:admin', [grace.id]: 'org:member' });
    await checkPage(page, 'organization-members');
  });

  it('adds a verified domain and changes its enrollment mode', async () => {
    await page.getByRole('link', { name: 'Verified domains' }).click();
    await page.getByRole('heading', { name: 'Verified domains', level: 2 }).waitFor();
    await page.getByLabel('Domain', { exact: true }).fill(domain);
    await page
      .getByRole('form', { name: 'Add a domain' })
      .getByLabel(/^Enrollment mode/)
      .selectOption('manual_invitation');
    await page.getByRole('button', { name: 'Add domain' }).click();
    await page.getByText(`${domain} added.`).waitFor();
    await page.getByLabel(`Enrollment mode of ${domain}`).selectOption('automatic_invitation');
    await page.getByText(`${domain} now uses automatic invitation.`).waitFor();
    const domains = await api(`/organizations/${organizationId}/domains`);
    expect(domains.data).toMatchObject([
      { name: domain, enrollment_mode: 'automatic_invitation', verification: { status: 'verified' } },
    ]);

    const typo = `acne-${stamp}.test`;
    await page.getByLabel('Domain', { exact: true }).fill(typo);
    await page.getByRole('button', { name: 'Add domain' }).click();
    await page.getByText(`${typo} added.`).waitFor();
    await page.getByRole('button', { name: `Delete domain ${typo}` }).click();
    await page.getByText(`${typo} deleted.`).waitFor();
    const left = await api(`/organizations/${organizationId}/domains`);
    expect(left.data.map((d: JSONBody) => d.name)).toEqual([domain]);
    await checkPage(page, 'organization-domains');
  });

  it('creates a custom permission and role, then gives a member that role', async () => {
    await page.getByRole('link', { name: 'Organizations', exact: true }).click();
    await page.getByRole('link', { name: 'Roles & permissions' }).click();
    await page.getByRole('heading', { name: 'Roles & permissions', level: 1 }).waitFor();
    // System roles are read-only.
    await page.getByRole('heading', { name: 'Admin system' }).waitFor();
    expect(await page.getByRole('button', { name: /^Delete role (Admin|Member)$/ }).count()).toBe(0);

    const permissionForm = page.getByRole('form', { name: 'Create a permission' });
    await permissionForm.getByLabel('Name', { exact: true }).fill('Read invoices');
    await permissionForm.getByLabel('Key', { exact: true }).fill('org:invoices:read');
    await permissionForm.getByRole('button', { name: 'Create permission' }).click();
    await page.getByText('Permission org:invoices:read created.').waitFor();

    const roleForm = page.getByRole('form', { name: 'Create a role' });
    await roleForm.getByLabel('Name', { exact: true }).fill('Billing');
    await roleForm.getByLabel('Key', { exact: true }).fill('org:billing');
    await roleForm.getByLabel('Description', { exact: true }).fill('Sees and pays invoices.');
    await roleForm.getByRole('checkbox', { name: /org:invoices:read/ }).check();
    await roleForm.getByRole('checkbox', { name: /org:sys_memberships:read/ }).check();
    await roleForm.getByRole('button', { name: 'Create role' }).click();
    await page.getByText('Role Billing created.').waitFor();
    await page.getByRole('heading', { name: 'Billing', level: 3 }).waitFor();
    const roles = await api('/organization_roles?limit=100');
    const billing = roles.data.find((role: JSONBody) => role.key === 'org:billing');
    expect(billing).toMatchObject({ name: 'Billing', description: 'Sees and pays invoices.' });
    expect(billing.permissions.map((p: JSONBody) => p.key).sort()).toEqual([
      'org:invoices:read',
      'org:sys_memberships:read',
    ]);

    // Edit the custom role: a new description, one permission more.
    await page.locator('summary', { hasText: 'Edit Billing' }).click();
    const editForm = page.getByRole('form', { name: 'Edit Billing' });
    await editForm.getByLabel('Description', { exact: true }).fill('Sees, pays and exports invoices.');
    await editForm.getByRole('checkbox', { name: /org:sys_domains:read/ }).check();
    await editForm.getByRole('button', { name: 'Save Billing' }).click();
    await page.getByText('Role saved.').waitFor();
    const edited = (await api(`/organization_roles/${billing.id}`)) as JSONBody;
    expect(edited.description).toBe('Sees, pays and exports invoices.');
    expect(edited.permissions.map((p: JSONBody) => p.key).sort()).toEqual([
      'org:invoices:read',
      'org:sys_domains:read',
      'org:sys_memberships:read',
    ]);

    // A throwaway role and permission, deleted again.
    await roleForm.getByLabel('Name', { exact: true }).fill('Auditor');
    await roleForm.getByLabel('Key', { exact: true }).fill('org:auditor');
    await roleForm.getByRole('button', { name: 'Create role' }).click();
    await page.getByText('Role Auditor created.').waitFor();
    await page.getByRole('button', { name: 'Delete role Auditor' }).click();
    await page.getByText('Role Auditor deleted.').waitFor();
    await permissionForm.getByLabel('Name', { exact: true }).fill('Export reports');
    await permissionForm.getByLabel('Key', { exact: true }).fill('org:reports:export');
    await permissionForm.getByRole('button', { name: 'Create permission' }).click();
    await page.getByText('Permission org:reports:export created.').waitFor();
    await page.getByRole('button', { name: 'Delete permission org:reports:export' }).click();
    await page.getByText('Permission org:reports:export deleted.').waitFor();
    const keys = async (path: string) => (await api(path)).data.map((item: JSONBody) => item.key);
    expect(await keys('/organization_roles?limit=100')).not.toContain('org:auditor');
    expect(await keys('/organization_permissions?limit=100')).not.toContain('org:reports:export');
    // System permissions cannot be deleted: no control offered.
    expect(await page.getByRole('button', { name: /^Delete permission org:sys_/ }).count()).toBe(0);
    await checkPage(page, 'organization-roles');

    await page.goto(`${t.server.url}/dashboard/organizations/${organizationId}/members`);
    await page.getByLabel(`Role of ${grace.email}`).selectOption({ label: 'Billing' });
    await page.getByText(`${grace.email} is now Billing.`).waitFor();
    expect((await rolesOfMembers())[grace.id]).toBe('org:billing');
    const membership = (await api(`/users/${grace.id}/organization_memberships`)).data[0];
    expect(membership.permissions).toContain('org:invoices:read');
  });

  it("a user's page links to their organizations", async () => {
    await page.goto(`${t.server.url}/dashboard/users/${grace.id}`);
    await page.getByRole('heading', { name: grace.email, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Acme Corp' }).click();
    await page.getByRole('heading', { name: 'Members', level: 2 }).waitFor();
    expect(page.url()).toBe(`${t.server.url}/dashboard/organizations/${organizationId}/members`);
    await page.goto(`${t.server.url}/dashboard/users/${linus.id}`);
    await page.getByText('Not a member of any organization.').waitFor();
    await checkPage(page, 'user-detail-organizations');
  });

  it('lists organizations with their member counts; changes are audited with the operator', async () => {
    await page.getByRole('link', { name: 'Organizations', exact: true }).click();
    const row = page.getByRole('row', { name: /Acme Corp/ });
    await row.waitFor();
    // Members, then pending invitations.
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('2');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('1 pending');
    await page.getByRole('searchbox', { name: 'Search organizations' }).fill('no such organization');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('0 organizations matching “no such organization”').waitFor();
    await page.getByRole('searchbox', { name: 'Search organizations' }).fill('acme');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Acme Corp' }).waitFor();
    await checkPage(page, 'organizations');

    const audit = await api(`/audit_logs?action=organization.created&target_id=${organizationId}`);
    expect(audit[0]).toMatchObject({ actor: { type: 'operator' } });
  });

  it('a support operator reads and resends, sees no destructive controls, and the API refuses writes (403)', async () => {
    const support = await signInOperator(chromium, t, 'support');
    const base = `${t.server.url}/dashboard/organizations/${organizationId}`;
    await support.goto(base);
    await support.getByRole('heading', { name: 'Acme Corp', level: 1 }).waitFor();
    await support.getByText('Support operators can read an organization but not change it.').waitFor();
    expect(await support.getByRole('button', { name: 'Delete organization' }).count()).toBe(0);
    expect(await support.getByRole('button', { name: 'Save organization' }).count()).toBe(0);

    await support.goto(`${base}/members`);
    await support.getByRole('link', { name: ada.email }).waitFor();
    expect(await support.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await support.getByRole('button', { name: 'Add member' }).count()).toBe(0);
    expect(await support.getByLabel(`Role of ${ada.email}`).count()).toBe(0);
    await checkPage(support, 'organization-members-support');

    await support.goto(`${base}/invitations`);
    await support.getByText(invitee, { exact: true }).waitFor();
    expect(await support.getByRole('button', { name: /^Revoke / }).count()).toBe(0);
    expect(await support.getByRole('button', { name: 'Send invitation', exact: true }).count()).toBe(0);
    await support.getByRole('button', { name: `Resend invitation to ${invitee}` }).click();
    await support.getByText(`Invitation sent again to ${invitee}.`).waitFor();

    await support.goto(`${base}/domains`);
    await support.getByText(domain, { exact: true }).waitFor();
    expect(await support.getByRole('button', { name: /^Delete / }).count()).toBe(0);

    await support.goto(`${t.server.url}/dashboard/organizations/roles`);
    await support.getByRole('heading', { name: 'Billing', level: 3 }).waitFor();
    expect(await support.getByRole('button', { name: /^(Delete|Create)/ }).count()).toBe(0);
    expect(await support.getByText(/^Edit /).count()).toBe(0);

    await support.goto(`${t.server.url}/dashboard/organizations`);
    await support.getByRole('link', { name: 'Acme Corp' }).waitFor();
    expect(await support.getByText('Create an organization').count()).toBe(0);

    // With the support operator's own credential, as the SPA would call it.
    const refused = await support.evaluate(async (id) => {
      const headers = { 'content-type': 'application/json', 'x-latch-dashboard': '1' };
      const minted = await fetch('/dashboard/api/session/tokens', { method: 'POST', headers });
      const { token } = (await minted.json()) as { token: string };
      const response = await fetch(`/api/v1/organizations/${id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: response.status, body: await response.json() };
    }, organizationId);
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].code).toBe('not_allowed_access');
    expect(await api(`/organizations/${organizationId}`)).toMatchObject({ id: organizationId, members_count: 2 });
    await support.context().close();
  });

  it('deletes an organization', async () => {
    const doomed = await api('/organizations', { method: 'POST', body: { name: `Doomed ${stamp}` } });
    await page.goto(`${t.server.url}/dashboard/organizations/${doomed.id}`);
    await page.getByRole('heading', { name: `Doomed ${stamp}`, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete organization' }).click();
    await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();
    expect((await t.api(`/organizations/${doomed.id}`)).status).toBe(404);
    expect((await t.api(`/organizations/${organizationId}`)).status).toBe(200);
  });
});
