import type { Browser as Chromium, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../e2e/clerk-compat/support/browser.js';
import { developmentSignInLink } from '../../server/src/domain/operators/development-sign-in-link.js';
import { Browser as FapiBrowser } from '../../server/test/fapi/sign-in/support.js';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.js';
import { FAST_WEBHOOKS } from '../../server/test/webhooks/support/fast-webhooks.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../server/test/webhooks/support/webhook-receiver.js';
import { buildDashboard, checkPage, reportPageErrors } from './support/dashboard-browser.js';

/**
 * The dashboard's operator management, failed sign-in chart, webhook endpoint editing (secret
 * rotation, resend, replay against a real local receiver) and JWT template edit/delete, in
 * Debian's Chromium, each page checked with axe at 1280 and 375 px.
 */

describe('Dashboard: operators, failed sign-ins, webhooks, JWT template edits (Chromium)', () => {
  let t: TestServer;
  let chromium: Chromium;
  let page: Page;
  let receiver: WebhookReceiver;
  let user: { id: string; email: string };

  const apiJSON = async <T = Record<string, unknown>>(path: string, init?: Parameters<TestServer['api']>[1]) => {
    const response = await t.api(path, init);
    const body = (await response.json()) as T;
    expect(response.status, JSON.stringify(body)).toBe(200);
    return body;
  };

  beforeAll(async () => {
    await buildDashboard();
    t = await startTestServer('sqlite', FAST_WEBHOOKS);
    receiver = await startWebhookReceiver();
    const email = `grace-${Date.now()}@example.com`;
    user = {
      id: (
        await apiJSON<{ id: string }>('/users', {
          method: 'POST',
          body: { email_address: [email], password: 'correct horse battery staple', first_name: 'Grace' },
        })
      ).id,
      email,
    };
    chromium = await launchChromium();
    const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    reportPageErrors(page);
    await page.goto(await developmentSignInLink(t.server.store, t.server.url, Date.now()));
    await page.getByRole('heading', { name: 'Users' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await receiver?.close();
    await t?.stop();
  });

  it('the owner invites an admin (the link signs them in), changes their role and removes them', async () => {
    await page.getByRole('link', { name: 'Operators' }).click();
    await page.getByRole('heading', { name: 'Operators', level: 1 }).waitFor();
    const email = `admin-${Date.now()}@example.com`;
    const invite = page.getByRole('form', { name: 'Invite an operator' });
    await invite.getByLabel('Email address').fill(email);
    await invite.getByLabel(/^Name/).fill('Ada Admin');
    await invite.getByLabel('Role', { exact: true }).selectOption('admin');
    await invite.getByRole('button', { name: 'Invite operator' }).click();
    await page.getByText('Operator invited. Hand them the sign-in link.').waitFor();
    const link = await page.getByTestId('operator-link').inputValue();
    expect(link).toMatch(new RegExp(`^${t.server.url}/dashboard/sign-in#token=opl_`));
    await page.getByRole('row', { name: new RegExp(email) }).waitFor();
    await checkPage(page, 'operators');

    // The invited admin opens the link in their own browser: signed in, operators read-only.
    const adminContext = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(10_000);
    reportPageErrors(admin, 'admin');
    await admin.goto(link);
    await admin.getByRole('heading', { name: 'Users' }).waitFor();
    await admin.getByText(email).first().waitFor();
    await admin.getByRole('link', { name: 'Operators' }).click();
    await admin.getByText('Only owners can invite, change or remove operators.').waitFor();
    await admin.getByRole('row', { name: new RegExp(email) }).waitFor();
    expect(await admin.getByRole('button', { name: 'Invite operator' }).count()).toBe(0);
    expect(await admin.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    await checkPage(admin, 'operators-read-only');

    await page.getByLabel(`Role for ${email}`).selectOption('support');
    await page.getByText('Role changed to support.').waitFor();
    const operators = await apiJSON<{ id: string; email: string; role: string }[]>('/operators');
    const invited = operators.find((operator) => operator.email === email);
    expect(invited?.role).toBe('support');

    await page.getByRole('button', { name: `Remove ${email}` }).click();
    await page.getByText(`Remove ${email}? They are signed out at once.`).waitFor();
    await page.getByRole('button', { name: 'Remove operator' }).click();
    await page.getByText(`${email} was removed and signed out.`).waitFor();
    await expect.poll(() => page.getByRole('row', { name: new RegExp(email) }).count()).toBe(0);
    expect((await apiJSON<{ email: string }[]>('/operators')).map((operator) => operator.email)).not.toContain(email);
    // Their session ended with them.
    await admin.reload();
    await admin.getByRole('heading', { name: /sign in/i }).waitFor();
    await adminContext.close();

    const audit = await apiJSON<{ action: string; actor: { type: string } }[]>(
      `/audit_logs?target_id=${invited?.id}&limit=20`,
    );
    expect(audit.map((entry) => entry.action).sort()).toEqual(
      [
        'operator.created',
        'operator.deleted',
        'operator.sign_in_link_created',
        'operator.signed_in',
        'operator.updated',
      ].sort(),
    );
  });

  it('a failed password sign-in through the Frontend API shows on the overview', async () => {
    const response = await new FapiBrowser(t.server.url).post('/client/sign_ins', {
      identifier: user.email,
      strategy: 'password',
      password: 'not the password',
    });
    expect(response.status).toBe(422);
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const failed = page.getByRole('figure', { name: /Failed sign-ins per day/ });
    expect(await failed.textContent()).toMatch(/\(1 in 14 days/);
    const stat = page.locator('.stats div', { hasText: 'Failed sign-ins today' }).locator('dd');
    expect(await stat.textContent()).toBe('1');
    await checkPage(page, 'overview-failed-sign-ins');
  });

  it('edits a webhook endpoint, rotates its secret, resends a message and replays since a time', async () => {
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    const create = page.getByRole('form', { name: 'New endpoint' });
    await create.getByLabel('URL').fill(receiver.url);
    await create.getByLabel('user.created').check();
    await create.getByLabel('user.updated').check();
    await create.getByRole('button', { name: 'Create endpoint' }).click();
    await page.getByText('Endpoint created. Copy its secret now.').waitFor();
    const card = page.getByRole('article', { name: receiver.url });
    await card.waitFor();
    const [endpoint] = await apiJSON<{ id: string; event_types: string[] }[]>('/webhooks/endpoints');
    expect(endpoint?.event_types).toEqual(['user.created', 'user.updated']);
    const base = `/webhooks/endpoints/${endpoint?.id}`;
    const firstSecret = (await apiJSON<{ secret: string }>(`${base}/secret`)).secret;

    // Edit: description and filter (user.created out, session.created in).
    await card.getByRole('button', { name: 'Edit' }).click();
    const edit = card.getByRole('form', { name: `Edit ${receiver.url}` });
    await edit.getByLabel('Endpoint description').fill('Billing sync');
    await edit.getByLabel('user.created').uncheck();
    await edit.getByLabel('session.created').check();
    await checkPage(page, 'webhooks-edit');
    await edit.getByRole('button', { name: 'Save endpoint' }).click();
    await card.getByText('Endpoint saved.').waitFor();
    const edited = await apiJSON<{ description: string; event_types: string[] }>(base);
    expect(edited.description).toBe('Billing sync');
    expect([...edited.event_types].sort()).toEqual(['session.created', 'user.updated']);

    // Disable, then enable again.
    await card.getByRole('button', { name: 'Disable' }).click();
    await card.getByText('disabled (manual)').waitFor();
    expect((await apiJSON<{ disabled: boolean }>(base)).disabled).toBe(true);
    await card.getByRole('button', { name: 'Enable' }).click();
    await card.getByText('enabled', { exact: true }).waitFor();
    expect((await apiJSON<{ disabled: boolean }>(base)).disabled).toBe(false);

    // A first delivery, signed with the first secret only.
    const since = Date.now() - 1000;
    await apiJSON(`/users/${user.id}`, { method: 'PATCH', body: { first_name: 'Grace B.' } });
    const [first] = await receiver.waitFor((received) => received.length >= 1);
    const firstId = first?.headers['svix-id'] as string;
    expect(first?.headers['svix-signature']?.split(' ')).toHaveLength(1);

    // Rotate: the new secret shows; both sign during the overlap.
    await card.getByRole('button', { name: 'Rotate secret' }).click();
    await card.getByRole('button', { name: 'Rotate now' }).click();
    await card.getByText('Secret rotated. Update your app with the new secret.').waitFor();
    const shown = (await card.getByTestId('webhook-secret').textContent()) as string;
    expect(shown).toMatch(/^whsec_/);
    expect(shown).not.toBe(firstSecret);
    expect((await apiJSON<{ secret: string }>(`${base}/secret`)).secret).toBe(shown);
    await card.getByText(/The previous secret still signs until/).waitFor();
    await apiJSON(`/users/${user.id}`, { method: 'PATCH', body: { last_name: 'Hopper' } });
    const afterRotation = await receiver.waitFor((received) => received.length >= 2);
    expect(afterRotation[1]?.headers['svix-signature']?.split(' ')).toHaveLength(2);

    // The message log with attempts, then resend the first message (same svix-id).
    await card.getByRole('button', { name: 'Show messages' }).click();
    await card.getByRole('button', { name: `Resend ${firstId}` }).waitFor();
    await expect.poll(() => card.getByTestId(`status-${firstId}`).textContent()).toBe('succeeded');
    const firstRow = card.getByRole('listitem').filter({ hasText: firstId });
    await firstRow.getByText('1 attempt', { exact: true }).click();
    await firstRow.getByText(/^succeeded · 200 · \d{4}-\d\d-\d\d [\d:]{8} · \d+ ms$/).waitFor();
    await checkPage(page, 'webhooks-messages');
    await card.getByRole('button', { name: `Resend ${firstId}` }).click();
    await card.getByText('Message queued again.').waitFor();
    await receiver.waitFor((received) => received.filter((r) => r.headers['svix-id'] === firstId).length === 2);

    // Replay since a chosen time: both messages again.
    const before = receiver.received.length;
    const localSince = await page.evaluate((at) => {
      const date = new Date(at);
      return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    }, since - 60_000);
    await card.getByLabel('Replay every event since').fill(localSince);
    await card.getByRole('button', { name: 'Replay', exact: true }).click();
    await card.getByText('Replay queued.').waitFor();
    const replayed = await receiver.waitFor((received) => received.length >= before + 2);
    const ids = replayed.slice(before).map((request) => request.headers['svix-id']);
    expect(ids).toContain(firstId);
    expect(ids).toContain(afterRotation[1]?.headers['svix-id']);
  });

  it('edits a JWT template with the live preview, then deletes it', async () => {
    await apiJSON('/jwt_templates', {
      method: 'POST',
      body: { name: 'firebase', claims: { email: '{{user.primary_email_address}}' }, lifetime: 60 },
    });
    await page.getByRole('link', { name: 'JWT templates' }).click();
    await page.getByRole('heading', { name: 'JWT templates', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit firebase' }).click();
    await page.getByRole('heading', { name: 'Edit firebase' }).waitFor();
    expect(await page.getByLabel('Lifetime (seconds)').inputValue()).toBe('60');
    await page.getByLabel('Lifetime (seconds)').fill('120');
    await page.getByLabel('Allowed clock skew (seconds)').fill('10');
    await page
      .getByLabel(/^Claims/)
      .fill('{ "email": "{{user.primary_email_address}}", "plan": "{{user.first_name}}" }');
    await page.getByLabel('Find a user').fill(user.email);
    await page.getByRole('radio', { name: new RegExp(user.email) }).check();
    await expect.poll(() => page.getByTestId('claims-preview').textContent()).toContain('"plan": "Grace B."');
    await checkPage(page, 'jwt-templates-edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Template firebase saved.').waitFor();
    const [saved] =
      await apiJSON<{ id: string; lifetime: number; allowed_clock_skew: number; claims: object }[]>('/jwt_templates');
    expect(saved).toMatchObject({
      lifetime: 120,
      allowed_clock_skew: 10,
      claims: { email: '{{user.primary_email_address}}', plan: '{{user.first_name}}' },
    });

    await page.getByRole('button', { name: 'Delete firebase' }).click();
    await page.getByText(/Delete the template firebase\?/).waitFor();
    await page.getByRole('button', { name: 'Delete template' }).click();
    await page.getByText('No templates yet.').waitFor();
    expect((await t.api(`/jwt_templates/${saved?.id}`)).status).toBe(404);
    await checkPage(page, 'jwt-templates-empty');
  });
});
