import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { SETTINGS_WATCH_INTERVAL_MS } from '../../../src/domain/instance-settings-watch.js';
import { silentLogger } from '../../../src/logger.js';
import { type RunningServer, startServer } from '../../../src/start-server.js';
import { Browser, createUser, PASSWORD } from '../../fapi/sign-in/support.js';
import { DATABASES } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { expectError, expectOk } from '../support.js';

describe.each(DATABASES)('Backend API instance settings [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database, { trustProxy: 'true' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const patch = (body: unknown) => t.api('/instance/settings', { method: 'PATCH', body });
  const environmentUsername = async () => {
    const environment = (await new Browser(t.server.url).get('/environment')).body;
    return environment.user_settings.attributes.username;
  };

  it('GET /instance and /instance/settings describe the running instance', async () => {
    const instance = await expectOk(await t.api('/instance'));
    expect(instance).toEqual({
      object: 'instance',
      id: t.server.instance.id,
      environment_type: 'development',
      allowed_origins: [],
      workspace_id: null,
    });
    const settings = await expectOk(await t.api('/instance/settings'));
    expect(settings).toMatchObject({
      object: 'instance_settings',
      sign_in: { email_address: true, username: true, email_code: true, password: true },
      sign_up: { mode: 'public', password: 'required' },
      password_policy: { min_length: 8, max_length: 72 },
      sessions: { mode: 'single', inactivity_timeout_seconds: null },
      restrictions: { allowlist: false, blocklist: false, allowlist_identifiers: [], blocklist_identifiers: [] },
    });
    expect(typeof settings.updated_at).toBe('number');
  });

  it('turning username sign-in off applies at once: the environment stops offering it and a username sign-in is refused', async () => {
    const user = await createUser(t);
    await expectOk(await patch({ sign_up: { username: 'optional' } }));
    expect((await environmentUsername()).used_for_first_factor).toBe(true);
    const before = await new Browser(t.server.url).post('/client/sign_ins', {
      identifier: user.username,
      strategy: 'password',
      password: PASSWORD,
    });
    expect(before.status, before.text).toBe(200);

    const saved = await expectOk(await patch({ sign_in: { username: false } }));
    expect(saved.sign_in).toEqual({ email_address: true, username: false, email_code: true, password: true });
    // The other sections kept their values.
    expect(saved.sign_up.username).toBe('optional');
    expect((await environmentUsername()).used_for_first_factor).toBe(false);
    const after = await new Browser(t.server.url).post('/client/sign_ins', {
      identifier: user.username,
      strategy: 'password',
      password: PASSWORD,
    });
    expect(after.status, after.text).toBe(422);
    expect(after.body.errors[0].code).toBe('form_identifier_not_found');
    expect((await expectOk(await t.api('/instance/settings'))).sign_in.username).toBe(false);

    await expectOk(await patch({ sign_in: { username: true } }));
    expect((await environmentUsername()).used_for_first_factor).toBe(true);
  });

  it('a change is recorded in the audit log', async () => {
    await expectOk(await patch({ sessions: { mode: 'multi' } }));
    const log = await expectOk(await t.api('/audit_logs?action=instance.settings_updated&paginated=true'));
    expect(log.total_count).toBeGreaterThan(0);
    expect(log.data[0]).toMatchObject({ action: 'instance.settings_updated' });
    const environment = (await new Browser(t.server.url).get('/environment')).body;
    expect(environment.auth_config.single_session_mode).toBe(false);
    await expectOk(await patch({ sessions: { mode: 'single' } }));
  });

  it('Clerk-named endpoints: PATCH /instance (allowed origins) and PATCH /instance/restrictions', async () => {
    const updated = await expectOk(
      await t.api('/instance', { method: 'PATCH', body: { allowed_origins: ['https://app.example.com'] } }),
    );
    expect(updated.allowed_origins).toEqual(['https://app.example.com']);
    expect(t.server.instance.settings.allowedOrigins).toEqual(['https://app.example.com']);
    const restrictions = await expectOk(
      await t.api('/instance/restrictions', { method: 'PATCH', body: { allowlist: true } }),
    );
    expect(restrictions).toEqual({
      object: 'instance_restrictions',
      allowlist: true,
      blocklist: false,
      allowlist_blocklist_disabled_on_sign_in: true,
      block_email_subaddresses: false,
      block_disposable_email_domains: false,
    });
    await expectOk(await t.api('/instance/restrictions', { method: 'PATCH', body: { allowlist: false } }));
    await expectOk(await t.api('/instance', { method: 'PATCH', body: { allowed_origins: [] } }));
  });

  it('the allowlist and blocklist decide who may sign up (Frontend API), not who the Backend API creates', async () => {
    const signUp = (email: string) =>
      new Browser(t.server.url).post('/client/sign_ups', { email_address: email, password: PASSWORD });
    await expectOk(
      await patch({
        restrictions: { allowlist: true, allowlist_identifiers: ['example.org', 'vip@example.com'] },
      }),
    );
    const refused = await signUp('nobody@example.com');
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body.errors[0]).toMatchObject({ code: 'not_allowed_access', meta: { param_name: 'email_address' } });
    expect((await signUp('ada@sub.example.org')).status).toBe(200);
    expect((await signUp('vip@example.com')).status).toBe(200);
    await expectOk(
      await patch({
        restrictions: { allowlist: false, blocklist: true, blocklist_identifiers: ['@spam.example'] },
      }),
    );
    expect((await signUp('eve@spam.example')).status).toBe(403);
    expect((await signUp('nobody@example.com')).status).toBe(200);
    // The Backend API is the operator's own tool: restrictions do not apply to it.
    await expectOk(await t.api('/users', { method: 'POST', body: { email_address: ['mallory@spam.example'] } }));
    await expectOk(
      await patch({ restrictions: { blocklist: false, blocklist_identifiers: [], allowlist_identifiers: [] } }),
    );
  });

  it('with allowlist_blocklist_disabled_on_sign_in off, the lists also decide who may sign in', async () => {
    const blocked = await createUser(t);
    const signIn = () =>
      new Browser(t.server.url).post('/client/sign_ins', {
        identifier: blocked.email,
        strategy: 'password',
        password: PASSWORD,
      });
    const domain = blocked.email.slice(blocked.email.indexOf('@') + 1);
    // Sign-ups only (Clerk's default): the blocklisted address still signs in.
    await expectOk(await patch({ restrictions: { blocklist: true, blocklist_identifiers: [domain] } }));
    expect((await signIn()).status).toBe(200);
    await expectOk(await patch({ restrictions: { allowlist_blocklist_disabled_on_sign_in: false } }));
    const refused = await signIn();
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body.errors[0]).toMatchObject({ code: 'not_allowed_access', meta: { param_name: 'identifier' } });
    // An address nobody has is refused the same way: the answer says nothing about accounts.
    const unknown = await new Browser(t.server.url).post('/client/sign_ins', { identifier: `nobody@${domain}` });
    expect(unknown.status).toBe(403);
    await expectOk(
      await patch({
        restrictions: { blocklist: false, blocklist_identifiers: [], allowlist_blocklist_disabled_on_sign_in: true },
      }),
    );
    expect((await signIn()).status).toBe(200);
  });

  it('POST /jwt_templates/preview renders claims for a user without signing anything', async () => {
    const user = await createUser(t, { first_name: 'Ada' });
    const preview = await expectOk(
      await t.api('/jwt_templates/preview', {
        method: 'POST',
        body: {
          claims: { name: '{{user.first_name}}', email: '{{user.primary_email_address}}' },
          user_id: user.id,
        },
      }),
    );
    expect(preview).toMatchObject({
      object: 'jwt_template_preview',
      user_id: user.id,
      claims: { name: 'Ada', email: user.email, sub: user.id },
    });
    expect(preview.claims.exp - preview.claims.iat).toBe(60);
    // Standard claims are Latch's: a template may not set them, as on create.
    await expectError(
      await t.api('/jwt_templates/preview', { method: 'POST', body: { claims: { iat: 1 }, user_id: user.id } }),
      422,
      'form_param_value_invalid',
      'claims',
    );
    await expectError(
      await t.api('/jwt_templates/preview', { method: 'POST', body: { claims: {}, user_id: 'user_missing' } }),
      404,
      'resource_not_found',
    );
    await expectError(
      await t.api('/jwt_templates/preview', { method: 'POST', body: { claims: [], user_id: user.id } }),
      422,
      'form_param_format_invalid',
      'claims',
    );
  });

  it('lists are normalized: lower case, trimmed, without duplicates', async () => {
    const saved = await expectOk(
      await patch({ restrictions: { blocklist_identifiers: [' Spam.example ', 'spam.example', 'Eve@Example.com'] } }),
    );
    expect(saved.restrictions.blocklist_identifiers).toEqual(['spam.example', 'eve@example.com']);
  });

  it('bad input gets Clerk-shaped 422s naming the parameter, and changes nothing', async () => {
    const before = await expectOk(await t.api('/instance/settings'));
    await expectError(await patch({ sign_in: { username: 'no' } }), 422, 'form_param_format_invalid');
    await expectError(await patch({ colour: 'blue' }), 422, 'form_param_unknown', 'colour');
    await expectError(
      await patch({ allowed_origins: ['https://app.example.com/path'] }),
      422,
      'form_param_format_invalid',
    );
    await expectError(
      await patch({ sign_in: { email_address: false, username: false } }),
      422,
      'form_param_value_invalid',
      'sign_in',
    );
    await expectError(
      await patch({ sign_in: { password: false, email_code: false } }),
      422,
      'form_param_value_invalid',
      'sign_in',
    );
    await expectError(
      await patch({ password_policy: { min_length: 50, max_length: 20 } }),
      422,
      'form_param_value_invalid',
      'password_policy.min_length',
    );
    await expectError(
      await patch({ sessions: { lifetime_seconds: 3600, inactivity_timeout_seconds: 7200 } }),
      422,
      'form_param_value_invalid',
      'sessions.inactivity_timeout_seconds',
    );
    await expectError(
      await t.api('/instance/settings', { method: 'PATCH', rawBody: '{' }),
      400,
      'malformed_request_body',
    );
    expect(await expectOk(await t.api('/instance/settings'))).toEqual(before);
  });

  it('another process over the same database picks a change up within the watch interval', async () => {
    const other: RunningServer = await startServer(
      parseConfig({
        instanceType: 'development',
        port: 0,
        databaseUrl: t.database.url,
        frontendApiUrl: 'http://127.0.0.1:4000',
        logLevel: 'silent',
      }),
      { logger: silentLogger },
    );
    try {
      expect(other.instance.settings.passwordPolicy.minLength).toBe(8);
      await expectOk(await patch({ password_policy: { min_length: 12 } }));
      const deadline = Date.now() + 20 * SETTINGS_WATCH_INTERVAL_MS;
      while (other.instance.settings.passwordPolicy.minLength !== 12 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(other.instance.settings.passwordPolicy.minLength).toBe(12);
      // …and that process enforces it: a 10-character password is now too short there.
      const created = await fetch(`${other.url}/api/v1/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email_address: ['short-pw@example.com'], password: '0123456789' }),
      });
      await expectError(created, 422, 'form_password_length_too_short', 'password');
    } finally {
      await other.close();
      await patch({ password_policy: { min_length: 8 } });
    }
  });
});
