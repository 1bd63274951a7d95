import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../../src/domain/operators/create-operator.js';
import { createSignInLink } from '../../src/domain/operators/operator-sessions.js';
import type { OperatorRole } from '../../src/store/operator-store.js';
import { expectError, expectOk, unique } from '../bapi/support.js';
import { DATABASES } from '../support/databases.js';
import { type SMTPSink, startSMTPSink } from '../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { bapi, bapiError } from './support.js';

/**
 * What the dashboard's Organizations pages need from the Backend API: resending an invitation
 * (Latch's own call), operator tokens limited by role, and organization changes audited with the
 * operator (or the secret key) that made them.
 */
describe.each(DATABASES)('organizations from the dashboard [%s]', (database) => {
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

  /** A short-lived `opa_…` bearer for a new operator of `role`, minted the way the dashboard does. */
  async function operatorWith(role: OperatorRole) {
    const { operator } = await createOperator(
      t.server.store,
      { email: `${unique(role)}@example.com`, role },
      Date.now(),
    );
    const { token } = await createSignInLink(t.server.store, operator.id, Date.now());
    const headers = { 'content-type': 'application/json', 'x-latch-dashboard': '1' };
    const session = await fetch(`${t.server.url}/dashboard/api/session`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ token }),
    });
    await expectOk(session);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const minted = await fetch(`${t.server.url}/dashboard/api/session/tokens`, {
      method: 'POST',
      headers: { ...headers, cookie },
    });
    const bearer = (await expectOk(minted)).token as string;
    const call = (path: string, init: { method?: string; body?: unknown } = {}) =>
      t.api(path, { ...init, headers: { authorization: `Bearer ${bearer}` } });
    return { operator, call };
  }

  async function organizationWithInvitation() {
    const org = await bapi(t, '/organizations', { method: 'POST', body: { name: unique('Acme') } });
    const email = `${unique('invitee')}@example.com`;
    const invitation = await bapi(t, `/organizations/${org.id}/invitations`, {
      method: 'POST',
      body: { email_address: email, role: 'org:member' },
    });
    await sink.waitForMessage({ to: email });
    return { org, email, invitation };
  }

  it('resends a pending invitation by email; the invitation stays as it was', async () => {
    const { org, email, invitation } = await organizationWithInvitation();
    const resent = await bapi(t, `/organizations/${org.id}/invitations/${invitation.id}/resend`, { method: 'POST' });
    expect(resent).toMatchObject({
      object: 'organization_invitation',
      id: invitation.id,
      status: 'pending',
      email_address: email,
      updated_at: invitation.updated_at,
    });
    const again = await sink.waitForMessage({ to: email });
    expect(again.text).toContain(org.name);
  });

  it('refuses to resend an invitation that is not pending, or is not this organization’s', async () => {
    const { org, invitation } = await organizationWithInvitation();
    const other = await organizationWithInvitation();
    await bapiError(
      t,
      `/organizations/${org.id}/invitations/${other.invitation.id}/resend`,
      { method: 'POST' },
      404,
      'resource_not_found',
    );
    await bapiError(
      t,
      `/organizations/org_nope/invitations/${invitation.id}/resend`,
      { method: 'POST' },
      404,
      'resource_not_found',
    );
    await bapi(t, `/organizations/${org.id}/invitations/${invitation.id}/revoke`, { method: 'POST', body: {} });
    await bapiError(
      t,
      `/organizations/${org.id}/invitations/${invitation.id}/resend`,
      { method: 'POST' },
      400,
      'organization_invitation_not_pending',
    );
  });

  it('a support operator reads organizations and resends invitations, but changes nothing (403)', async () => {
    const support = await operatorWith('support');
    const { org, email, invitation } = await organizationWithInvitation();
    const list = await expectOk(await support.call('/organizations?limit=100'));
    expect(list.data.map((o: { id: string }) => o.id)).toContain(org.id);
    await expectOk(await support.call(`/organization_roles?limit=100`));
    await expectOk(
      await support.call(`/organizations/${org.id}/invitations/${invitation.id}/resend`, { method: 'POST' }),
    );
    await sink.waitForMessage({ to: email });
    const user = await expectOk(
      await t.api('/users', { method: 'POST', body: { email_address: [`${unique('u')}@example.com`] } }),
    );
    const refused: [string, string, unknown?][] = [
      ['POST', '/organizations', { name: 'Nope' }],
      ['DELETE', `/organizations/${org.id}`],
      ['PATCH', `/organizations/${org.id}`, { name: 'Renamed' }],
      ['POST', `/organizations/${org.id}/memberships`, { user_id: user.id, role: 'org:member' }],
      ['POST', `/organizations/${org.id}/invitations/${invitation.id}/revoke`, {}],
      ['POST', `/organizations/${org.id}/domains`, { name: 'nope.test', enrollment_mode: 'manual_invitation' }],
      ['POST', '/organization_roles', { key: 'org:nope', name: 'Nope' }],
    ];
    for (const [method, path, body] of refused) {
      await expectError(await support.call(path, { method, body }), 403, 'not_allowed_access');
    }
    const after = await bapi(t, `/organizations/${org.id}`);
    expect(after).toMatchObject({ name: org.name, members_count: 0, pending_invitations_count: 1 });
  });

  it('organization changes are audited with the operator, or the secret key, as actor', async () => {
    const admin = await operatorWith('admin');
    const user = await expectOk(
      await t.api('/users', { method: 'POST', body: { email_address: [`${unique('u')}@example.com`] } }),
    );
    const org = await expectOk(await admin.call('/organizations', { method: 'POST', body: { name: unique('Ops') } }));
    await expectOk(
      await admin.call(`/organizations/${org.id}/memberships`, {
        method: 'POST',
        body: { user_id: user.id, role: 'org:member' },
      }),
    );
    const audited = async (action: string, targetId: string) =>
      (await expectOk(await t.api(`/audit_logs?action=${action}&target_id=${targetId}`)))[0];
    expect(await audited('organization.created', org.id)).toMatchObject({
      actor: { type: 'operator', id: admin.operator.id },
    });
    const memberships = await bapi(t, `/organizations/${org.id}/memberships`);
    expect(await audited('organizationMembership.created', memberships.data[0].id)).toMatchObject({
      actor: { type: 'operator', id: admin.operator.id },
    });
    // A secret-key change names the key itself, not an anonymous key.
    await bapi(t, `/organizations/${org.id}`, { method: 'PATCH', body: { name: 'Renamed by the key' } });
    const keyChange = await audited('organization.updated', org.id);
    expect(keyChange.actor).toMatchObject({ type: 'api_key', id: expect.stringMatching(/^sak_/) });
  });
});
