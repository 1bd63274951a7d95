import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { type Browser, expectError, expectOk, signedInUser, uniqueEmail } from './support/browser.js';

describe.each(DATABASES)('FAPI /v1/me/email_addresses [%s]', (database) => {
  let t: TestServer;
  let sink: SMTPSink;
  beforeAll(async () => {
    sink = await startSMTPSink();
    t = await startTestServer(database, { smtpUrl: sink.url });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  /** Adds an address (with clerk-js's trailing slash) and returns its JSON. */
  async function addEmail(browser: Browser, address: string) {
    return expectOk(await browser.call('POST', '/me/email_addresses/', { form: { email_address: address } })).response;
  }

  /** Asks for a code and reads it from the real mailbox. */
  async function sendCode(browser: Browser, id: string, address: string): Promise<string> {
    expectOk(
      await browser.call('POST', `/me/email_addresses/${id}/prepare_verification`, {
        form: { strategy: 'email_code' },
      }),
    );
    const message = await sink.waitForMessage({ to: address });
    return extractCode(message.text);
  }

  it('adds, verifies with the emailed code, makes primary (telling the old address) and deletes the old one', async () => {
    const { browser, email: oldAddress, primaryEmailId } = await signedInUser(t);
    const newAddress = uniqueEmail('second');

    const created = await addEmail(browser, `  ${newAddress.toUpperCase()} `);
    expect(created).toMatchObject({
      object: 'email_address',
      email_address: newAddress,
      verification: null,
      linked_to: [],
      reserved: false,
    });
    expect(created.id).toMatch(/^idn_/);

    const listed = expectOk(await browser.call('GET', '/me/email_addresses')).response;
    expect(listed.map((email: { email_address: string }) => email.email_address)).toEqual([oldAddress, newAddress]);

    const before = Date.now();
    expectOk(
      await browser.call('POST', `/me/email_addresses/${created.id}/prepare_verification`, {
        form: { strategy: 'email_code' },
      }),
    );
    const message = await sink.waitForMessage({ to: newAddress });
    expect(message.text).toMatch(/10 minutes/);
    const code = extractCode(message.text);
    const pending = expectOk(await browser.call('GET', `/me/email_addresses/${created.id}`)).response;
    expect(pending.verification).toMatchObject({ status: 'unverified', strategy: 'email_code', attempts: 0 });
    expect(pending.verification.expire_at).toBeGreaterThan(before);

    // Not primary while unverified.
    expectError(
      await browser.call('PATCH', '/me', { form: { primary_email_address_id: created.id } }),
      422,
      'form_param_value_invalid',
      'primary_email_address_id',
    );

    const verified = expectOk(
      await browser.call('POST', `/me/email_addresses/${created.id}/attempt_verification`, { form: { code } }),
    );
    expect(verified.response.verification).toMatchObject({ status: 'verified', strategy: 'email_code' });
    expect(verified.client.sessions[0].user.email_addresses[1].verification.status).toBe('verified');

    const switched = expectOk(await browser.call('PATCH', '/me', { form: { primary_email_address_id: created.id } }));
    expect(switched.response.primary_email_address_id).toBe(created.id);
    const notice = await sink.waitForMessage({ to: oldAddress });
    expect(notice.subject).toMatch(/email address was changed/);
    expect(notice.text).toContain(newAddress);

    const deleted = expectOk(await browser.call('DELETE', `/me/email_addresses/${primaryEmailId}`));
    expect(deleted.response).toStrictEqual({ object: 'email_address', id: primaryEmailId, deleted: true });
    expect(deleted.client.sessions[0].user.email_addresses.map((e: { id: string }) => e.id)).toEqual([created.id]);
    expectError(await browser.call('GET', `/me/email_addresses/${primaryEmailId}`), 404, 'resource_not_found');
    // The old address is free again.
    const reused = await signedInUser(t);
    expect((await addEmail(reused.browser, oldAddress)).email_address).toBe(oldAddress);
  });

  it('refuses wrong, replayed and expired codes', async () => {
    const { browser } = await signedInUser(t);
    const address = uniqueEmail('codes');
    const { id } = await addEmail(browser, address);

    expectError(
      await browser.call('POST', `/me/email_addresses/${id}/attempt_verification`, { form: { code: '123456' } }),
      400,
      'verification_not_sent',
      'code',
    );
    const code = await sendCode(browser, id, address);
    const wrong = code === '000000' ? '111111' : '000000';
    expectError(
      await browser.call('POST', `/me/email_addresses/${id}/attempt_verification`, { form: { code: wrong } }),
      422,
      'form_code_incorrect',
      'code',
    );
    expect(expectOk(await browser.call('GET', `/me/email_addresses/${id}`)).response.verification.attempts).toBe(1);

    // Expire the pending code in the store, as time passing would.
    const user = (await t.server.store.users.findById(expectOk(await browser.call('GET', '/me')).response.id))!;
    const stored = user.emailAddresses.find((email) => email.id === id)!;
    expect(stored.verificationCodeHash).toBeTruthy();
    expect(stored.verificationCodeHash).not.toContain(code);
    await t.server.store.users.updateIdentifier('email_address', { ...stored, verificationExpireAt: Date.now() - 1 });
    expect(expectOk(await browser.call('GET', `/me/email_addresses/${id}`)).response.verification.status).toBe(
      'expired',
    );
    expectError(
      await browser.call('POST', `/me/email_addresses/${id}/attempt_verification`, { form: { code } }),
      400,
      'verification_expired',
      'code',
    );

    // A new code replaces the old one; once used, it cannot be replayed.
    const fresh = await sendCode(browser, id, address);
    expectOk(await browser.call('POST', `/me/email_addresses/${id}/attempt_verification`, { form: { code: fresh } }));
    expectError(
      await browser.call('POST', `/me/email_addresses/${id}/attempt_verification`, { form: { code: fresh } }),
      400,
      'verification_already_verified',
    );
    expectError(
      await browser.call('POST', `/me/email_addresses/${id}/prepare_verification`, {
        form: { strategy: 'email_code' },
      }),
      400,
      'verification_already_verified',
    );
    // Asking for a new code names no field: no code was submitted.
    const again = await browser.call('POST', `/me/email_addresses/${id}/prepare_verification`, {
      form: { strategy: 'email_code' },
    });
    expect(again.body.errors[0].meta?.param_name).toBeUndefined();
  });

  it('spends a code after five wrong attempts', async () => {
    const { browser } = await signedInUser(t);
    const address = uniqueEmail('budget');
    const { id } = await addEmail(browser, address);
    const code = await sendCode(browser, id, address);
    const wrong = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < 4; i += 1) {
      expectError(
        await browser.call('POST', `/me/email_addresses/${id}/attempt_verification`, { form: { code: wrong } }),
        422,
        'form_code_incorrect',
      );
    }
    expectError(
      await browser.call('POST', `/me/email_addresses/${id}/attempt_verification`, { form: { code: wrong } }),
      400,
      'verification_failed',
      'code',
    );
    expectError(
      await browser.call('POST', `/me/email_addresses/${id}/attempt_verification`, { form: { code } }),
      400,
      'verification_failed',
      'code',
    );
    expect(expectOk(await browser.call('GET', `/me/email_addresses/${id}`)).response.verification).toMatchObject({
      status: 'failed',
      attempts: 5,
    });
  });

  it('limits code sends per address with 429 and Retry-After', async () => {
    const { browser } = await signedInUser(t);
    const address = uniqueEmail('flood');
    const { id } = await addEmail(browser, address);
    for (let i = 0; i < 5; i += 1) {
      expectOk(
        await browser.call('POST', `/me/email_addresses/${id}/prepare_verification`, {
          form: { strategy: 'email_code' },
        }),
      );
    }
    const limited = await browser.call('POST', `/me/email_addresses/${id}/prepare_verification`, {
      form: { strategy: 'email_code' },
    });
    expectError(limited, 429, 'too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses an address that is taken, malformed or missing', async () => {
    const ada = await signedInUser(t);
    const bob = await signedInUser(t);
    expectError(
      await bob.browser.call('POST', '/me/email_addresses', { form: { email_address: ada.email.toUpperCase() } }),
      422,
      'form_identifier_exists',
      'email_address',
    );
    // An address already on the user's own account is taken too.
    expectError(
      await bob.browser.call('POST', '/me/email_addresses/', { form: { email_address: bob.email } }),
      422,
      'form_identifier_exists',
      'email_address',
    );
    expectError(
      await bob.browser.call('POST', '/me/email_addresses/', { form: { email_address: 'not-an-email' } }),
      422,
      'form_param_format_invalid',
      'email_address',
    );
    expectError(
      await bob.browser.call('POST', '/me/email_addresses/', { form: {} }),
      422,
      'form_param_missing',
      'email_address',
    );
    expectError(
      await bob.browser.call('POST', '/me/email_addresses/', { json: { email_address: ['a@b.co'] } }),
      422,
      'form_param_format_invalid',
      'email_address',
    );
    expectError(
      await bob.browser.call('POST', '/me/email_addresses/', {
        form: { email_address: uniqueEmail(), verified: 'true' },
      }),
      422,
      'form_param_unknown',
      'verified',
    );
    expect(expectOk(await bob.browser.call('GET', '/me/email_addresses')).response).toHaveLength(1);
  });

  it('treats another user’s address ids as unknown (404)', async () => {
    const ada = await signedInUser(t);
    const bob = await signedInUser(t);
    const id = bob.primaryEmailId;
    expectError(await ada.browser.call('GET', `/me/email_addresses/${id}`), 404, 'resource_not_found');
    expectError(
      await ada.browser.call('POST', `/me/email_addresses/${id}/prepare_verification`, {
        form: { strategy: 'email_code' },
      }),
      404,
      'resource_not_found',
    );
    expectError(
      await ada.browser.call('POST', `/me/email_addresses/${id}/attempt_verification`, { form: { code: '123456' } }),
      404,
      'resource_not_found',
    );
    expectError(await ada.browser.call('DELETE', `/me/email_addresses/${id}`), 404, 'resource_not_found');
    expectError(await ada.browser.call('DELETE', '/me/email_addresses/idn_nope'), 404, 'resource_not_found');
    expect(expectOk(await bob.browser.call('GET', `/me/email_addresses/${id}`)).response.email_address).toBe(bob.email);
  });

  it('validates prepare and attempt bodies', async () => {
    const { browser, primaryEmailId } = await signedInUser(t);
    const { id } = await addEmail(browser, uniqueEmail('bodies'));
    expectError(
      await browser.call('POST', `/me/email_addresses/${id}/prepare_verification`, { form: {} }),
      422,
      'form_param_missing',
      'strategy',
    );
    expectError(
      await browser.call('POST', `/me/email_addresses/${id}/prepare_verification`, {
        form: { strategy: 'email_link' },
      }),
      422,
      'form_param_value_invalid',
      'strategy',
    );
    expectError(
      await browser.call('POST', `/me/email_addresses/${id}/attempt_verification`, { form: {} }),
      422,
      'form_param_missing',
      'code',
    );
    expectError(
      await browser.call('POST', `/me/email_addresses/${id}/attempt_verification`, { form: { code: 'x'.repeat(100) } }),
      422,
      'form_param_max_length_exceeded',
      'code',
    );
    expectError(
      await browser.call('POST', `/me/email_addresses/${primaryEmailId}/attempt_verification`, {
        form: { code: '123456' },
      }),
      400,
      'verification_already_verified',
    );
    expectError(
      await browser.call('GET', `/me/email_addresses/${id}`, { sessionId: 'sess_other' }),
      401,
      'authentication_invalid',
    );
  });

  it('keeps the last verified primary address, and hands primary on when another verified one exists', async () => {
    const { browser, email, primaryEmailId } = await signedInUser(t);
    const unverified = await addEmail(browser, uniqueEmail('unverified'));
    // Only the primary is verified: it stays.
    expectError(
      await browser.call('DELETE', `/me/email_addresses/${primaryEmailId}`),
      422,
      'form_param_value_invalid',
      'email_address_id',
    );
    // A non-primary address goes freely, verified or not.
    expectOk(await browser.call('DELETE', `/me/email_addresses/${unverified.id}`));

    const backupAddress = uniqueEmail('backup');
    const backup = await addEmail(browser, backupAddress);
    const code = await sendCode(browser, backup.id, backupAddress);
    expectOk(await browser.call('POST', `/me/email_addresses/${backup.id}/attempt_verification`, { form: { code } }));
    const body = expectOk(await browser.call('DELETE', `/me/email_addresses/${primaryEmailId}`));
    expect(body.client.sessions[0].user.primary_email_address_id).toBe(backup.id);
    expect((await sink.waitForMessage({ to: email })).text).toContain(backupAddress);
  });
});
