import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { FapiClient, type FapiResponse, type JSONBody } from './support/fapi-client.js';

/**
 * Drives every Frontend API flow once — sign-up with an emailed code, password sign-in, email-code
 * sign-in, password reset, /me (profile, email, password, sessions), session and template tokens,
 * environment, client, handshake — and records every response body, `Set-Cookie` and `Location`.
 * None may carry what only the server may know: `private_metadata` (as a key or by its marker
 * value), password digests, code hashes, a code outside its email, or the `__client` token in a body.
 */

/** One recorded Frontend API exchange. */
interface Recorded {
  label: string;
  status: number;
  body: string;
  setCookies: string[];
  location: string;
}

/** A browser that records every exchange it makes. */
class RecordingBrowser extends FapiClient {
  constructor(
    baseURL: string,
    private readonly log: Recorded[],
  ) {
    super(baseURL);
  }

  override async request(...args: Parameters<FapiClient['request']>): Promise<FapiResponse> {
    const result = await super.request(...args);
    this.log.push({
      label: `${args[0]} ${args[1]}`,
      status: result.status,
      body: result.text,
      setCookies: result.headers.getSetCookie(),
      location: result.headers.get('location') ?? '',
    });
    return result;
  }
}

const PASSWORD = 'violet tractor 42 harbours';
const NEW_PASSWORD = 'amber lighthouse 77 kettles';
const THIRD_PASSWORD = 'copper meadow 19 lanterns';

let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}@example.com`;

/** Every string under a key that names a hash or digest, however deep (records are JSON documents). */
function collectHashes(value: unknown, out: Set<string>, key = ''): void {
  if (typeof value === 'string') {
    if (/hash|digest/i.test(key) && value.length >= 8) out.add(value);
    return;
  }
  if (Array.isArray(value)) for (const item of value) collectHashes(item, out, key);
  else if (typeof value === 'object' && value !== null)
    for (const [name, item] of Object.entries(value)) collectHashes(item, out, name);
}

function ok(result: FapiResponse, status = 200): JSONBody {
  expect(result.status, result.text).toBe(status);
  return result.body;
}

describe.each(DATABASES)('Frontend API responses carry no private data [%s]', (database) => {
  let sink: SMTPSink;
  let t: TestServer;
  const log: Recorded[] = [];
  const hashes = new Set<string>();
  const codes = new Set<string>();
  const clientTokens = new Set<string>();
  const browsers: RecordingBrowser[] = [];
  const marker = `PRIVATE-MARKER-${randomUUID()}`;

  beforeAll(async () => {
    sink = await startSMTPSink();
    // trustProxy: each browser has its own X-Forwarded-For, so per-IP limits stay per browser.
    t = await startTestServer(database, { smtpUrl: sink.url, trustProxy: 'true' });
  });

  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  const browser = () => {
    const made = new RecordingBrowser(t.server.url, log);
    browsers.push(made);
    return made;
  };
  /** The next code mailed to `to`, skipping notices without one (`password_changed`). */
  const code = async (to: string) => {
    for (;;) {
      const { text } = await sink.waitForMessage({ to });
      if (!/(?<!\d)\d{6}(?!\d)/.test(text)) continue;
      const value = extractCode(text);
      codes.add(value);
      return value;
    }
  };
  /** Reads the stored records' hashes and digests now, while the attempts still hold them. */
  const harvest = async (ids: { userId?: string; signInId?: string; signUpId?: string }) => {
    if (ids.userId) collectHashes(await t.server.store.users.findById(ids.userId), hashes);
    if (ids.signInId) collectHashes(await t.server.store.signIns.findById(ids.signInId), hashes);
    if (ids.signUpId) collectHashes(await t.server.store.signUps.findById(ids.signUpId), hashes);
  };
  const setPrivateMetadata = async (userId: string) => {
    const response = await t.api(`/users/${userId}/metadata`, {
      method: 'PATCH',
      body: { private_metadata: { secret: marker, nested: { also: marker } } },
    });
    expect(response.status, await response.clone().text()).toBe(200);
  };

  it('drives every flow and no response leaks', { timeout: 120_000 }, async () => {
    const template = await t.api('/jwt_templates', {
      method: 'POST',
      body: { name: 'no-leak', claims: { sub: '{{user.id}}', email: '{{user.primary_email_address}}' } },
    });
    expect(template.status, await template.clone().text()).toBe(200);

    // Environment.
    const anonymous = browser();
    ok(await anonymous.get('/environment'));

    // Sign-up with a code from the mailbox.
    const newcomer = browser();
    const newcomerEmail = uniqueEmail('nopriv-signup');
    const signUp = ok(
      await newcomer.post('/client/sign_ups', { email_address: newcomerEmail, password: PASSWORD }),
    ).response;
    ok(await newcomer.post(`/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_code' }));
    const signUpCode = await code(newcomerEmail);
    await harvest({ signUpId: signUp.id });
    ok(await newcomer.get(`/client/sign_ups/${signUp.id}`));
    ok(await newcomer.patch(`/client/sign_ups/${signUp.id}`, { first_name: 'Newcomer' }));
    const signedUp = ok(
      await newcomer.post(`/client/sign_ups/${signUp.id}/attempt_verification`, {
        strategy: 'email_code',
        code: signUpCode,
      }),
    ).response;
    expect(signedUp.status).toBe('complete');
    await setPrivateMetadata(signedUp.created_user_id);
    await harvest({ userId: signedUp.created_user_id, signUpId: signUp.id });
    const newcomerSession = signedUp.created_session_id as string;
    ok(await newcomer.get('/me', { query: { _clerk_session_id: newcomerSession } }));
    ok(await newcomer.get('/client'));

    // The main user: created by the Backend API with private metadata and a password.
    const email = uniqueEmail('nopriv');
    const created = await t.api('/users', {
      method: 'POST',
      body: { email_address: [email], password: PASSWORD, private_metadata: { secret: marker } },
    });
    const user = (await created.json()) as JSONBody;
    expect(created.status, JSON.stringify(user)).toBe(200);
    const userId = user.id as string;
    const primaryEmailId = user.primary_email_address_id as string;
    await harvest({ userId });

    // Password sign-in.
    const laptop = browser();
    const passwordSignIn = ok(
      await laptop.post('/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD }),
    ).response;
    expect(passwordSignIn.status).toBe('complete');
    const session = passwordSignIn.created_session_id as string;
    ok(await laptop.get(`/client/sign_ins/${passwordSignIn.id}`));

    // Email-code sign-in.
    const phone = browser();
    const codeSignIn = ok(await phone.post('/client/sign_ins', { identifier: email })).response;
    ok(
      await phone.post(`/client/sign_ins/${codeSignIn.id}/prepare_first_factor`, {
        strategy: 'email_code',
        email_address_id: primaryEmailId,
      }),
    );
    const signInCode = await code(email);
    await harvest({ signInId: codeSignIn.id });
    const codeDone = ok(
      await phone.post(`/client/sign_ins/${codeSignIn.id}/attempt_first_factor`, {
        strategy: 'email_code',
        code: signInCode,
      }),
    ).response;
    expect(codeDone.status).toBe('complete');
    const phoneSession = codeDone.created_session_id as string;

    // Sessions, tokens, template token, touch.
    ok(await laptop.get('/client'));
    ok(await laptop.get(`/client/sessions/${session}`));
    ok(await laptop.post(`/client/sessions/${session}/touch`, { active_organization_id: '' }));
    ok(await laptop.post(`/client/sessions/${session}/tokens`));
    ok(await laptop.post(`/client/sessions/${session}/tokens/no-leak`));

    // /me: profile, email addresses, sessions, password.
    const me = { query: { _clerk_session_id: session } };
    ok(await laptop.get('/me', me));
    ok(await laptop.patch('/me', { first_name: 'Ada', last_name: 'Lovelace' }, me));
    ok(await laptop.patch('/me/metadata', { unsafe_metadata: { theme: 'dark' } }, me));
    ok(await laptop.get('/me/email_addresses', me));
    const secondEmail = uniqueEmail('nopriv-second');
    const added = ok(await laptop.post('/me/email_addresses', { email_address: secondEmail }, me)).response;
    ok(await laptop.post(`/me/email_addresses/${added.id}/prepare_verification`, { strategy: 'email_code' }, me));
    const emailCode = await code(secondEmail);
    await harvest({ userId });
    ok(await laptop.get(`/me/email_addresses/${added.id}`, me));
    ok(await laptop.post(`/me/email_addresses/${added.id}/attempt_verification`, { code: emailCode }, me));
    ok(await laptop.get('/me/sessions', me));
    ok(await laptop.get('/me/sessions/active', me));
    ok(await laptop.post('/me/change_password', { current_password: PASSWORD, new_password: NEW_PASSWORD }, me));
    await harvest({ userId });
    ok(await laptop.delete(`/me/email_addresses/${added.id}`, undefined, me));

    // Password reset with a code, from a third browser.
    const kiosk = browser();
    const reset = ok(await kiosk.post('/client/sign_ins', { identifier: email })).response;
    ok(
      await kiosk.post(`/client/sign_ins/${reset.id}/prepare_first_factor`, {
        strategy: 'reset_password_email_code',
        email_address_id: primaryEmailId,
      }),
    );
    const resetCode = await code(email);
    await harvest({ signInId: reset.id });
    ok(
      await kiosk.post(`/client/sign_ins/${reset.id}/attempt_first_factor`, {
        strategy: 'reset_password_email_code',
        code: resetCode,
      }),
    );
    const resetDone = ok(await kiosk.post(`/client/sign_ins/${reset.id}/reset_password`, { password: THIRD_PASSWORD }));
    expect(resetDone.response.status).toBe('complete');
    await harvest({ userId, signInId: reset.id });

    // Handshake redirect (both formats), then sign out and revoke.
    for (const format of ['nonce', 'token']) {
      const result = await laptop.get('/client/handshake', {
        query: { redirect_url: 'http://localhost:3000/dashboard', format },
      });
      expect(result.status, result.text).toBe(307);
    }
    ok(await laptop.post(`/me/sessions/${phoneSession}/revoke`, undefined, me));
    ok(await laptop.post(`/client/sessions/${session}/end`));
    ok(await newcomer.delete('/client/sessions'));
    ok(await kiosk.delete('/client'));

    // What the server holds: every digest and hash, read back now as well.
    for (const id of [userId, signedUp.created_user_id]) await harvest({ userId: id });
    for (const made of browsers) {
      const token = made.cookies.get('__client');
      if (token) clientTokens.add(token);
    }
    for (const entry of log) {
      for (const raw of entry.setCookies) {
        const match = /^__client=([^;]*)/.exec(raw);
        if (match?.[1]) clientTokens.add(match[1]);
      }
    }

    expect(hashes.size, 'password digests and code hashes were found in the store').toBeGreaterThanOrEqual(5);
    expect([...hashes].some((hash) => hash.startsWith('$argon2id$'))).toBe(true);
    expect(codes.size).toBe(4);
    expect(clientTokens.size).toBeGreaterThanOrEqual(4);
    expect(log.length).toBeGreaterThanOrEqual(40);

    const problems: string[] = [];
    for (const entry of log) {
      const headers = [...entry.setCookies, entry.location].join('\n');
      const everything = `${entry.body}\n${headers}`;
      const find = (needle: string, where: string, what: string) => {
        if (where.includes(needle)) problems.push(`${entry.label} (${entry.status}) leaks ${what}`);
      };
      find('private_metadata', everything, 'private_metadata');
      find('privateMetadata', everything, 'privateMetadata');
      find(marker, everything, 'the private metadata marker');
      find('$argon2', everything, 'an argon2 digest');
      for (const hash of hashes) find(hash, everything, `a stored hash/digest ${hash.slice(0, 16)}…`);
      for (const value of codes) {
        if (new RegExp(`(?<![0-9A-Za-z])${value}(?![0-9A-Za-z])`).test(everything))
          problems.push(`${entry.label} (${entry.status}) leaks the code ${value}`);
      }
      for (const token of clientTokens) find(token, entry.body, 'the __client token in its body');
    }
    expect(problems).toEqual([]);
  });
});
