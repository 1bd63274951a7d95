import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../../src/domain/operators/create-operator.js';
import { createSignInLink } from '../../src/domain/operators/operator-sessions.js';
import type { OperatorRole } from '../../src/store/operator-store.js';
import { expectError, expectOk, unique } from '../bapi/support.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { eventually } from '../webhooks/support/eventually.js';

const DASHBOARD = { 'content-type': 'application/json', 'x-latch-dashboard': '1' };

/**
 * What the dashboard's webhook and JWT template pages do lands in the audit log with the operator
 * as actor (never a secret), and a support operator may resend but not edit, rotate or read secrets.
 */
describe.each(DATABASES)('Webhook endpoint and JWT template changes by operators [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function bearerFor(role: OperatorRole) {
    const { operator } = await createOperator(
      t.server.store,
      { email: `${unique(role)}@example.com`, role },
      Date.now(),
    );
    const { token } = await createSignInLink(t.server.store, operator.id, Date.now());
    const signIn = await fetch(`${t.server.url}/dashboard/api/session`, {
      method: 'POST',
      headers: DASHBOARD,
      body: JSON.stringify({ token }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const minted = await expectOk(
      await fetch(`${t.server.url}/dashboard/api/session/tokens`, {
        method: 'POST',
        headers: { ...DASHBOARD, cookie },
      }),
    );
    const call = (path: string, init: { method?: string; body?: unknown } = {}) =>
      t.api(path, { ...init, headers: { authorization: `Bearer ${minted.token}` } });
    return { operator, call };
  }

  const auditedActions = async (targetId: string) =>
    (await expectOk(await t.api(`/audit_logs?target_id=${targetId}&limit=50`))) as {
      action: string;
      actor: { type: string; id: string };
    }[];

  it('audits every endpoint change, resend and replay with the operator as actor, and no secret', async () => {
    const admin = await bearerFor('admin');
    const endpoint = await expectOk(
      await admin.call('/webhooks/endpoints', {
        method: 'POST',
        body: { url: 'http://127.0.0.1:9/hook', event_types: ['user.updated'] },
      }),
    );
    const base = `/webhooks/endpoints/${endpoint.id}`;
    await expectOk(await admin.call(base, { method: 'PATCH', body: { description: 'CRM', event_types: [] } }));
    await expectOk(await admin.call(`${base}/disable`, { method: 'POST' }));
    await expectOk(await admin.call(`${base}/enable`, { method: 'POST' }));
    const rotated = await expectOk(await admin.call(`${base}/secret/rotate`, { method: 'POST', body: {} }));
    const revealed = await expectOk(await admin.call(`${base}/secret`));
    expect(revealed.secret).toBe(rotated.secret);
    // Spelled differently, routed the same: still audited with the operator as actor.
    await expectOk(await admin.call(`${base}/%73ecret`));
    const user = await expectOk(
      await t.api('/users', { method: 'POST', body: { email_address: [`${unique('u')}@example.com`] } }),
    );
    const message = await eventually(async () => {
      const messages = (await expectOk(await admin.call(`${base}/messages`))) as { id: string }[];
      return messages[0];
    });
    await expectOk(await admin.call(`${base}/messages/${message.id}/resend`, { method: 'POST' }));
    const replay = await expectOk(
      await admin.call(`${base}/replay`, { method: 'POST', body: { since: Date.now() - 60_000 } }),
    );
    expect(replay.messages).toBeGreaterThanOrEqual(1);
    expect(user.id).toMatch(/^user_/);

    const entries = await auditedActions(endpoint.id);
    expect(entries.map((entry) => entry.action).sort()).toEqual(
      [
        'webhook_endpoint.created',
        'webhook_endpoint.updated',
        'webhook_endpoint.disabled',
        'webhook_endpoint.enabled',
        'webhook_endpoint.secret_rotated',
        'webhook_endpoint.secret_revealed',
        'webhook_endpoint.secret_revealed',
        'webhook_endpoint.replayed',
      ].sort(),
    );
    for (const entry of entries) expect(entry.actor).toEqual({ type: 'operator', id: admin.operator.id });
    expect(entries.filter((entry) => entry.action === 'webhook_endpoint.secret_revealed')).toHaveLength(2);
    const resent = await auditedActions(message.id);
    expect(resent.map((entry) => entry.action)).toContain('webhook_message.resent');

    await expectOk(await admin.call(base, { method: 'DELETE' }));
    expect((await auditedActions(endpoint.id)).map((entry) => entry.action)).toContain('webhook_endpoint.deleted');
    const stored = await t.server.store.webhooks.events.list(
      { types: ['webhook_endpoint.created', 'webhook_endpoint.secret_rotated', 'webhook_endpoint.secret_revealed'] },
      { limit: 50, offset: 0 },
    );
    expect(stored.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(stored)).not.toContain('whsec_');
    expect(JSON.stringify(stored)).not.toContain(rotated.secret);
  });

  it('a secret-key caller who reads a secret is named in the audit log, however the path is spelled', async () => {
    const endpoint = await expectOk(
      await t.api('/webhooks/endpoints', { method: 'POST', body: { url: 'http://127.0.0.1:9/key-reader' } }),
    );
    const keyId = (await t.server.store.secretKeys.list())[0]?.id;
    const encoded = await fetch(`${t.server.url}/%61pi/v1/webhooks/endpoints/${endpoint.id}/secret`, {
      headers: { authorization: `Bearer ${t.secretKey}` },
    });
    expect((await expectOk(encoded)).secret).toMatch(/^whsec_/);
    const head = await fetch(`${t.server.url}/api/v1/webhooks/endpoints/${endpoint.id}/secret`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${t.secretKey}` },
    });
    expect(head.status).toBe(200);
    const reveals = (await auditedActions(endpoint.id)).filter(
      (entry) => entry.action === 'webhook_endpoint.secret_revealed',
    );
    expect(reveals.length).toBeGreaterThanOrEqual(1);
    for (const entry of reveals) expect(entry.actor).toEqual({ type: 'api_key', id: keyId });
  });

  it('a support operator resends but cannot edit, rotate, replay or read the secret (403)', async () => {
    const support = await bearerFor('support');
    const endpoint = await expectOk(
      await t.api('/webhooks/endpoints', { method: 'POST', body: { url: 'http://127.0.0.1:9/support-hook' } }),
    );
    const base = `/webhooks/endpoints/${endpoint.id}`;
    await expectOk(await support.call(base));
    await expectOk(await support.call(`${base}/attempts`));
    const forbidden: [string, string, unknown][] = [
      ['GET', `${base}/secret`, undefined],
      ['POST', `${base}/secret/rotate`, {}],
      ['PATCH', base, { description: 'x' }],
      ['POST', `${base}/disable`, undefined],
      ['POST', `${base}/replay`, { since: 0 }],
      ['DELETE', base, undefined],
    ];
    for (const [method, path, body] of forbidden) {
      await expectError(await support.call(path, { method, body }), 403, 'not_allowed_access');
    }
    // Resend is theirs: the 404 says the route let them through to a message that does not exist.
    await expectError(
      await support.call(`${base}/messages/msg_missing/resend`, { method: 'POST' }),
      404,
      'resource_not_found',
    );
  });

  it('refuses bad edits with Clerk-shaped errors', async () => {
    const admin = await bearerFor('admin');
    const endpoint = await expectOk(
      await admin.call('/webhooks/endpoints', { method: 'POST', body: { url: 'http://127.0.0.1:9/bad-input' } }),
    );
    const base = `/webhooks/endpoints/${endpoint.id}`;
    await expectError(
      await admin.call(base, { method: 'PATCH', body: { event_types: ['user.exploded'] } }),
      422,
      'form_param_value_invalid',
    );
    await expectError(
      await admin.call(base, { method: 'PATCH', body: { url: 'ftp://example.com/x' } }),
      422,
      'form_param_format_invalid',
      'url',
    );
    await expectError(
      await admin.call(`${base}/replay`, { method: 'POST', body: { since: 2_000, until: 1_000 } }),
      422,
      'form_param_value_invalid',
      'until',
    );
  });

  it('audits JWT template creation, edits and deletion', async () => {
    const admin = await bearerFor('admin');
    const template = await expectOk(
      await admin.call('/jwt_templates', {
        method: 'POST',
        body: { name: unique('tpl').replace(/-/g, '_'), claims: { role: 'x' }, lifetime: 60 },
      }),
    );
    await expectOk(
      await admin.call(`/jwt_templates/${template.id}`, {
        method: 'PATCH',
        body: { lifetime: 120, allowed_clock_skew: 10 },
      }),
    );
    await expectError(
      await admin.call(`/jwt_templates/${template.id}`, { method: 'PATCH', body: { allowed_clock_skew: 301 } }),
      422,
      'form_param_max_length_exceeded',
      'allowed_clock_skew',
    );
    await expectOk(await admin.call(`/jwt_templates/${template.id}`, { method: 'DELETE' }));
    const entries = await auditedActions(template.id);
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'jwt_template.created',
      'jwt_template.deleted',
      'jwt_template.updated',
    ]);
    for (const entry of entries) expect(entry.actor).toEqual({ type: 'operator', id: admin.operator.id });
  });
});
