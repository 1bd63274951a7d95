import type { Browser as Chromium, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../e2e/clerk-compat/support/browser.js';
import { type SMTPSink, startSMTPSink } from '../../server/test/support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.js';
import { buildDashboard, checkPage, signInOperator } from './support/dashboard-browser.js';

/**
 * Issue #8, configuration: an owner creates a secret key (shown once, works against the Backend API),
 * revokes it (401 from then on), rotates the signing key (the new kid is in the JWKS before it
 * signs), points email at an SMTP server and sends a test message that arrives, and reads a message
 * in the dev inbox. A support operator sees the same pages without the controls.
 */
describe('API keys and Email pages in Chromium', () => {
  let t: TestServer;
  let sink: SMTPSink;
  let chromium: Chromium;
  let page: Page;
  let createdSecret = '';

  const bapiWith = (secret: string) =>
    fetch(`${t.server.url}/api/v1/users`, { headers: { authorization: `Bearer ${secret}` } });
  const jwksKids = async () =>
    ((await (await fetch(`${t.server.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys.map(
      (key) => key.kid,
    );

  beforeAll(async () => {
    await buildDashboard();
    t = await startTestServer('sqlite');
    sink = await startSMTPSink({ rejectRecipient: (address) => address.startsWith('bounce@') });
    chromium = await launchChromium();
    page = await signInOperator(chromium, t, 'owner');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.server.url });
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await t?.stop();
    await sink?.close();
  });

  it('creates a secret key, shown once with a copy button, that works against the Backend API', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await page.getByText('Default secret key', { exact: true }).waitFor();
    await checkPage(page, 'api-keys');
    await page.getByLabel('Key name').fill('Browser test key');
    await page.getByRole('button', { name: 'Create secret key' }).click();
    createdSecret = (await page.getByTestId('new-secret-key').textContent()) ?? '';
    expect(createdSecret).toMatch(/^sk_test_/);
    await page.getByRole('button', { name: 'Copy key' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(createdSecret);
    await checkPage(page, 'api-keys-created');
    expect((await bapiWith(createdSecret)).status).toBe(200);
    // Shown once: gone after "Done" and after a reload; the list shows only its last four characters.
    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await page.getByText('Browser test key', { exact: true }).waitFor();
    expect(await page.content()).not.toContain(createdSecret);
    await page.getByText(`…${createdSecret.slice(-4)}`).waitFor();
  });

  it('revokes the key after a confirmation; it gets 401 at once', async () => {
    await page.getByRole('button', { name: `Revoke Browser test key (…${createdSecret.slice(-4)})` }).click();
    await page.getByText(`Servers using …${createdSecret.slice(-4)} lose access at once.`).waitFor();
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('Browser test key revoked. Requests using it are refused from now on.').waitFor();
    await page.getByText(/^revoked /).waitFor();
    expect((await bapiWith(createdSecret)).status).toBe(401);
    // The instance's own key still works.
    expect((await bapiWith(t.secretKey)).status).toBe(200);
  });

  it('rotates the signing key after a confirmation: the JWKS publishes the new key before it signs', async () => {
    const before = await jwksKids();
    expect(before).toHaveLength(1);
    await page.getByRole('button', { name: 'Rotate signing key' }).click();
    await page.getByRole('button', { name: 'Rotate key', exact: true }).click();
    await page.getByText(/Signing key rotated\. The new key is published now/).waitFor();
    await page.getByText('published, not signing yet').waitFor();
    const after = await jwksKids();
    expect(after).toHaveLength(2);
    const newKid = after.find((kid) => !before.includes(kid)) as string;
    expect(newKid).toMatch(/^ins_/);
    await page.getByText(newKid).waitFor();
    // The old key still signs until the publish delay is over.
    const listed = (await (await t.api('/instance/signing_keys')).json()) as { kid: string; status: string }[];
    expect(listed.find((key) => key.kid === before[0])?.status).toBe('signing');
    await checkPage(page, 'api-keys-rotated');
  });

  it('saves SMTP settings and sends a test message that arrives; a refusal shows its reason', async () => {
    await page.getByRole('link', { name: 'Email', exact: true }).click();
    await page.getByRole('heading', { name: 'Email', level: 1 }).waitFor();
    await page
      .getByTestId('email-delivery')
      .getByText(/printed to the terminal/)
      .waitFor();
    await checkPage(page, 'email');
    await page.getByLabel('Host', { exact: true }).fill('127.0.0.1');
    await page.getByLabel('Port', { exact: true }).fill(String(sink.port));
    await page.getByLabel('From address').fill('Acme <no-reply@acme.test>');
    await page.getByRole('button', { name: 'Save email settings' }).click();
    await page.getByText('Email settings saved. They apply now.').waitFor();
    await page.getByTestId('email-delivery').getByText(`smtp://127.0.0.1:${sink.port}`).waitFor();

    const testForm = page.getByRole('form', { name: 'Send a test email' });
    await testForm.getByLabel('Recipient').fill('ops@example.com');
    await testForm.getByRole('button', { name: 'Send test email' }).click();
    await page.getByTestId('test-send-result').getByText(`smtp://127.0.0.1:${sink.port}`).waitFor();
    const received = await sink.waitForMessage({ to: 'ops@example.com' });
    expect(received.subject).toBe('Test email from Latch');
    expect(received.from).toEqual({ name: 'Acme', address: 'no-reply@acme.test' });

    await testForm.getByLabel('Recipient').fill('bounce@example.com');
    await testForm.getByRole('button', { name: 'Send test email' }).click();
    await testForm
      .getByRole('alert')
      .getByText(/Mailbox bounce@example\.com unavailable/)
      .waitFor();
    await checkPage(page, 'email-test-failed');
  });

  it('reads a message in the dev inbox', async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    const read = page.getByRole('button', { name: 'Read “Test email from Latch” to ops@example.com' });
    await read.click();
    await expect
      .poll(() => page.getByTestId('dev-inbox-body').textContent())
      .toContain('Latch sent this message to check its email settings');
    await checkPage(page, 'email-dev-inbox');
  });

  it('a support operator sees keys and email settings without the controls', async () => {
    const support = await signInOperator(chromium, t, 'support');
    await support.getByRole('link', { name: 'API keys' }).click();
    await support.getByText('Support operators can see the keys but not create, revoke or rotate them.').waitFor();
    await support.getByText('Default secret key', { exact: true }).waitFor();
    expect(await support.getByRole('button', { name: 'Create secret key' }).count()).toBe(0);
    expect(await support.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
    expect(await support.getByRole('button', { name: 'Rotate signing key' }).count()).toBe(0);
    await checkPage(support, 'api-keys-support');
    await support.getByRole('link', { name: 'Email', exact: true }).click();
    await support.getByText('Support operators can see the email settings but not change them.').waitFor();
    expect(await support.getByLabel('Host', { exact: true }).isDisabled()).toBe(true);
    expect(await support.getByRole('button', { name: 'Save email settings' }).count()).toBe(0);
    expect(await support.getByRole('button', { name: 'Send test email' }).count()).toBe(0);
    await checkPage(support, 'email-support');
    await support.context().close();
  });
});
