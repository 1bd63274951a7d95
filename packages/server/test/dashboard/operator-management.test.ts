import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../../src/domain/operators/create-operator.js';
import { createSignInLink } from '../../src/domain/operators/operator-sessions.js';
import type { OperatorRole } from '../../src/store/operator-store.js';
import { expectError, expectOk, unique } from '../bapi/support.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const DASHBOARD = { 'content-type': 'application/json', 'x-latch-dashboard': '1' };

describe.each(DATABASES)('Backend API /operators [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const asOperator = (bearer: string, path: string, init: { method?: string; body?: unknown } = {}) =>
    t.api(path, { ...init, headers: { authorization: `Bearer ${bearer}` } });

  /** Exchanges a one-time link token for a session, then for a Backend API bearer. */
  async function bearerFromLink(linkToken: string): Promise<string> {
    const signIn = await fetch(`${t.server.url}/dashboard/api/session`, {
      method: 'POST',
      headers: DASHBOARD,
      body: JSON.stringify({ token: linkToken }),
    });
    await expectOk(signIn);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const minted = await fetch(`${t.server.url}/dashboard/api/session/tokens`, {
      method: 'POST',
      headers: { ...DASHBOARD, cookie },
    });
    return (await expectOk(minted)).token as string;
  }
  async function operatorWith(role: OperatorRole) {
    const { operator } = await createOperator(
      t.server.store,
      { email: `${unique(role)}@example.com`, role },
      Date.now(),
    );
    const { token } = await createSignInLink(t.server.store, operator.id, Date.now());
    return { operator, bearer: await bearerFromLink(token) };
  }

  it('an owner invites an operator; the one-time link signs them in, once', async () => {
    const owner = await operatorWith('owner');
    const email = `${unique('Invited')}@Example.com`;
    const created = await expectOk(
      await asOperator(owner.bearer, '/operators', { method: 'POST', body: { email, name: ' Ada ', role: 'admin' } }),
    );
    expect(created).toMatchObject({ object: 'operator', email: email.toLowerCase(), name: 'Ada', role: 'admin' });
    expect(JSON.stringify(created)).not.toMatch(/digest|totp_secret/);
    const link = created.sign_in_link;
    expect(link).toMatchObject({ object: 'operator_sign_in_link', operator_id: created.id });
    expect(link.url).toMatch(new RegExp(`^${t.server.url}/dashboard/sign-in#token=opl_[\\w-]+$`));
    expect(link.expires_at).toBeGreaterThan(Date.now());
    const token = link.url.split('#token=')[1];
    const bearer = await bearerFromLink(token);
    expect(Array.isArray(await expectOk(await asOperator(bearer, '/users')))).toBe(true);
    const again = await fetch(`${t.server.url}/dashboard/api/session`, {
      method: 'POST',
      headers: DASHBOARD,
      body: JSON.stringify({ token }),
    });
    await expectError(again, 401, 'authentication_invalid');

    const list = await expectOk(await asOperator(owner.bearer, '/operators'));
    expect(list.map((operator: { id: string }) => operator.id)).toContain(created.id);
    const audit = await expectOk(await t.api(`/audit_logs?action=operator.created&target_id=${created.id}`));
    expect(audit[0]).toMatchObject({ actor: { type: 'operator', id: owner.operator.id } });
    const links = await expectOk(
      await t.api(`/audit_logs?action=operator.sign_in_link_created&target_id=${created.id}`),
    );
    expect(links).toHaveLength(1);
  });

  it('an owner changes a role, issues a new link and removes an operator (audited); their session ends', async () => {
    const owner = await operatorWith('owner');
    const support = await operatorWith('support');
    const changed = await expectOk(
      await asOperator(owner.bearer, `/operators/${support.operator.id}`, { method: 'PATCH', body: { role: 'admin' } }),
    );
    expect(changed).toMatchObject({ id: support.operator.id, role: 'admin' });
    // The new role applies to the tokens already out.
    await expectOk(await asOperator(support.bearer, '/jwt_templates', { method: 'GET' }));
    const link = await expectOk(
      await asOperator(owner.bearer, `/operators/${support.operator.id}/sign_in_links`, { method: 'POST' }),
    );
    expect(link.url).toMatch(/#token=opl_/);
    const removed = await expectOk(
      await asOperator(owner.bearer, `/operators/${support.operator.id}`, { method: 'DELETE' }),
    );
    expect(removed).toEqual({ object: 'operator', id: support.operator.id, deleted: true });
    await expectError(await asOperator(support.bearer, '/users'), 401, 'authentication_invalid');
    await expectError(
      await asOperator(owner.bearer, `/operators/${support.operator.id}`, { method: 'DELETE' }),
      404,
      'resource_not_found',
    );
    for (const action of ['operator.updated', 'operator.deleted']) {
      const entries = await expectOk(await t.api(`/audit_logs?action=${action}&target_id=${support.operator.id}`));
      expect(entries[0], action).toMatchObject({ actor: { type: 'operator', id: owner.operator.id } });
    }
  });

  it('admins and support list operators but get 403 for every write', async () => {
    const target = await operatorWith('support');
    for (const role of ['admin', 'support'] as const) {
      const { bearer } = await operatorWith(role);
      expect((await expectOk(await asOperator(bearer, '/operators'))).length).toBeGreaterThan(0);
      const writes: [string, string, unknown][] = [
        ['POST', '/operators', { email: `${unique('x')}@example.com`, role: 'owner' }],
        ['PATCH', `/operators/${target.operator.id}`, { role: 'owner' }],
        ['DELETE', `/operators/${target.operator.id}`, undefined],
        ['POST', `/operators/${target.operator.id}/sign_in_links`, undefined],
      ];
      for (const [method, path, body] of writes) {
        await expectError(await asOperator(bearer, path, { method, body }), 403, 'not_allowed_access');
      }
    }
    expect(await t.server.store.operators.findById(target.operator.id)).not.toBeNull();
  });

  it('never removes or demotes the last owner, nor lets an owner remove or demote themselves', async () => {
    // A secret key (no operator) manages operators too; make this instance's owners exactly one.
    for (const operator of await t.server.store.operators.list()) {
      if (operator.role === 'owner') await t.server.store.operators.delete(operator.id);
    }
    const owner = await operatorWith('owner');
    await expectError(
      await asOperator(owner.bearer, `/operators/${owner.operator.id}`, { method: 'DELETE' }),
      422,
      'form_param_value_invalid',
      'operator_id',
    );
    await expectError(
      await asOperator(owner.bearer, `/operators/${owner.operator.id}`, { method: 'PATCH', body: { role: 'admin' } }),
      422,
      'form_param_value_invalid',
      'operator_id',
    );
    await expectError(
      await t.api(`/operators/${owner.operator.id}`, { method: 'DELETE' }),
      422,
      'form_param_value_invalid',
      'role',
    );
    await expectError(
      await t.api(`/operators/${owner.operator.id}`, { method: 'PATCH', body: { role: 'support' } }),
      422,
      'form_param_value_invalid',
      'role',
    );
    // With a second owner, the secret key may demote the first.
    const second = await expectOk(
      await t.api('/operators', { method: 'POST', body: { email: `${unique('o2')}@example.com`, role: 'owner' } }),
    );
    expect(second.sign_in_link.url).toMatch(/#token=opl_/);
    await expectOk(await t.api(`/operators/${owner.operator.id}`, { method: 'PATCH', body: { role: 'admin' } }));
    const audit = await expectOk(await t.api(`/audit_logs?action=operator.updated&target_id=${owner.operator.id}`));
    expect(audit[0].actor.type).toBe('api_key');
  });

  it('refuses bad input with Clerk-shaped errors', async () => {
    const owner = await operatorWith('owner');
    const post = (body: unknown) => asOperator(owner.bearer, '/operators', { method: 'POST', body });
    await expectError(await post({ email: 'not-an-email', role: 'admin' }), 422, 'form_param_format_invalid', 'email');
    await expectError(
      await post({ email: `${unique('r')}@example.com`, role: 'root' }),
      422,
      'form_param_value_invalid',
      'role',
    );
    await expectError(await post({ role: 'admin' }), 422, 'form_param_missing', 'email');
    await expectError(
      await post({ email: `${unique('u')}@example.com`, role: 'admin', password: 'x' }),
      422,
      'form_param_unknown',
    );
    const email = `${unique('dup')}@example.com`;
    await expectOk(await post({ email, role: 'support' }));
    await expectError(await post({ email, role: 'support' }), 422, 'form_identifier_exists', 'email');
    await expectError(
      await asOperator(owner.bearer, '/operators/op_missing', { method: 'PATCH', body: { role: 'admin' } }),
      404,
      'resource_not_found',
    );
    await expectError(
      await asOperator(owner.bearer, '/operators/op_missing/sign_in_links', { method: 'POST' }),
      404,
      'resource_not_found',
    );
    await expectError(
      await asOperator(owner.bearer, `/operators/${owner.operator.id}`, { method: 'PATCH', body: { role: 7 } }),
      422,
      'form_param_value_invalid',
    );
  });
});
