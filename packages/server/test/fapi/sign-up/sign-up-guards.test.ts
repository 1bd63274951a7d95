import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../../support/smtp-sink.js';
import { FapiClient } from '../support/fapi-client.js';
import {
  attempt,
  codeFor,
  createSignUp,
  expectEnvelope,
  expectError,
  PASSWORD,
  prepare,
  preparedSignUp,
  type SignUpServer,
  startSignUpServer,
  uniqueEmail,
} from './sign-up-server.js';

describe.each(DATABASES)('Frontend API sign-up: refusals, limits and isolation [%s]', (database) => {
  let sink: SMTPSink;
  let t: SignUpServer;
  beforeAll(async () => {
    sink = await startSMTPSink();
    t = await startSignUpServer(database, { sink });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  it('refuses a taken email address by name', async () => {
    const email = uniqueEmail();
    const first = t.browser();
    const { id, code } = await preparedSignUp(first, sink, email);
    expectEnvelope(await attempt(first, id, code));
    const second = t.browser();
    const taken = await second.post('/client/sign_ups', { email_address: email.toUpperCase(), password: PASSWORD });
    expectError(taken, 422, 'form_identifier_exists', 'email_address');
    expect(second.cookies.get('__client')).toBeUndefined();
  });

  it('refuses breached and too-short passwords before hashing anything', async () => {
    const browser = t.browser();
    for (const password of ['password123', 'Sunshine1', 'QWERTYUIOP']) {
      expectError(
        await browser.post('/client/sign_ups', { email_address: uniqueEmail(), password }),
        422,
        'form_password_pwned',
        'password',
      );
    }
    expectError(
      await browser.post('/client/sign_ups', { email_address: uniqueEmail(), password: 'short' }),
      422,
      'form_password_length_too_short',
      'password',
    );
    const { id } = await createSignUp(browser, { email_address: uniqueEmail(), password: PASSWORD });
    expectError(
      await browser.patch(`/client/sign_ups/${id}`, { password: 'iloveyou1' }),
      422,
      'form_password_pwned',
      'password',
    );
  });

  it("answers 404 for another browser's sign-up, an unknown id, and a browser without a client", async () => {
    const owner = t.browser();
    const { id } = await createSignUp(owner, { email_address: uniqueEmail(), password: PASSWORD });
    for (const other of [t.browser(), new FapiClient(t.server.url)]) {
      await other.get('/client');
      expectError(await other.get(`/client/sign_ups/${id}`), 404, 'resource_not_found');
      expectError(await other.patch(`/client/sign_ups/${id}`, { first_name: 'Eve' }), 404, 'resource_not_found');
      expectError(await prepare(other, id), 404, 'resource_not_found');
      expectError(
        await other.post(`/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: '123456' }),
        404,
        'resource_not_found',
      );
    }
    expectError(await t.browser().get(`/client/sign_ups/${id}`), 404, 'resource_not_found');
    expectError(await owner.get('/client/sign_ups/sua_doesnotexist'), 404, 'resource_not_found');
    // The owner's attempt is untouched.
    const own = expectEnvelope(await owner.get(`/client/sign_ups/${id}`)).response;
    expect(own.first_name).toBeNull();
    expect(own.verifications.email_address).toBeNull();
  });

  it('refuses a foreign Origin with 403 and writes nothing', async () => {
    const browser = new FapiClient(t.server.url, { origin: 'https://evil.example' });
    const email = uniqueEmail();
    expectError(
      await browser.post('/client/sign_ups', { email_address: email, password: PASSWORD }),
      403,
      'origin_invalid',
    );
    expect(browser.cookies.size).toBe(0);
    const owner = t.browser();
    const { id } = await createSignUp(owner, { email_address: uniqueEmail(), password: PASSWORD });
    expectError(
      await owner.post(
        `/client/sign_ups/${id}/prepare_verification`,
        { strategy: 'email_code' },
        { origin: 'https://evil.example' },
      ),
      403,
      'origin_invalid',
    );
    expect((await t.server.store.signUps.findById(id))?.emailVerification).toBeNull();
  });

  it('names the parameter of every bad input and writes nothing', async () => {
    const browser = t.browser();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ email_address: 'not-an-email', password: PASSWORD }, 'form_param_format_invalid', 'email_address'],
      [
        { email_address: [uniqueEmail(), uniqueEmail()], password: PASSWORD },
        'form_param_format_invalid',
        'email_address',
      ],
      [
        { email_address: uniqueEmail(), password: PASSWORD, unsafe_metadata: 'not json' },
        'form_param_format_invalid',
        'unsafe_metadata',
      ],
      [
        { email_address: uniqueEmail(), password: PASSWORD, unsafe_metadata: '[1,2]' },
        'form_param_format_invalid',
        'unsafe_metadata',
      ],
      [
        { email_address: uniqueEmail(), password: PASSWORD, legal_accepted: 'maybe' },
        'form_param_format_invalid',
        'legal_accepted',
      ],
      // Usernames are off by default: naming one is an unknown parameter, as is a phone number.
      [{ email_address: uniqueEmail(), password: PASSWORD, username: 'ada' }, 'form_param_unknown', 'username'],
      [
        { email_address: uniqueEmail(), password: PASSWORD, phone_number: '+14155550100' },
        'form_param_unknown',
        'phone_number',
      ],
      [
        { email_address: uniqueEmail(), password: PASSWORD, strategy: 'oauth_google' },
        'form_param_value_invalid',
        'strategy',
      ],
      [{ email_address: uniqueEmail(), password: 'x'.repeat(2000) }, 'form_param_max_length_exceeded', 'password'],
      [
        { email_address: uniqueEmail(), password: PASSWORD, first_name: 'x'.repeat(300) },
        'form_param_max_length_exceeded',
        'first_name',
      ],
      [
        { email_address: uniqueEmail(), password: PASSWORD, unsafe_metadata: { big: 'x'.repeat(9000) } },
        'form_param_max_length_exceeded',
        'unsafe_metadata',
      ],
    ];
    for (const [fields, code, param] of cases) {
      expectError(await browser.post('/client/sign_ups', fields), 422, code, param);
    }
    expect(browser.cookies.get('__client')).toBeUndefined();

    const { id } = await createSignUp(browser, { email_address: uniqueEmail(), password: PASSWORD });
    const path = `/client/sign_ups/${id}`;
    expectError(await browser.post(`${path}/prepare_verification`, {}), 422, 'form_param_missing', 'strategy');
    expectError(
      await browser.post(`${path}/prepare_verification`, { strategy: 'phone_code' }),
      422,
      'form_param_value_invalid',
      'strategy',
    );
    expectError(
      await browser.post(`${path}/attempt_verification`, { strategy: 'email_code' }),
      422,
      'form_param_missing',
      'code',
    );
    expectError(
      await browser.post(`${path}/attempt_verification`, { strategy: 'email_code', code: '123456' }),
      400,
      'client_state_invalid',
    );
    expectError(
      await browser.patch(path, { email_address: 'nope' }),
      422,
      'form_param_format_invalid',
      'email_address',
    );
    const unchanged = expectEnvelope(await browser.get(path)).response;
    expect(unchanged.verifications.email_address).toBeNull();
  });

  it('asks for an email address before sending a code', async () => {
    const browser = t.browser();
    const { id, missing_fields } = await createSignUp(browser, { password: PASSWORD });
    expect(missing_fields).toEqual(['email_address']);
    expectError(await prepare(browser, id), 422, 'form_param_missing', 'email_address');
    const email = uniqueEmail();
    expect(
      expectEnvelope(await browser.patch(`/client/sign_ups/${id}`, { email_address: email })).response.missing_fields,
    ).toEqual([]);
    expectEnvelope(await prepare(browser, id));
    expect(await codeFor(sink, email)).toMatch(/^\d{6}$/);
  });

  it('limits code emails per address with 429 and Retry-After', async () => {
    const browser = t.browser();
    const email = uniqueEmail();
    const { id } = await createSignUp(browser, { email_address: email, password: PASSWORD });
    for (let send = 1; send <= 5; send += 1) {
      expectEnvelope(await prepare(browser, id));
      await codeFor(sink, email);
    }
    const limited = await prepare(browser, id);
    expectError(limited, 429, 'too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
