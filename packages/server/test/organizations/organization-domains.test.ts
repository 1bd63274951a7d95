import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  expectError,
  expectOk,
  type JSONBody,
  signedInUser,
  signInBrowser,
} from '../fapi/me/support/browser.js';
import { DATABASES } from '../support/databases.js';
import { extractCode, type SMTPSink, startSMTPSink } from '../support/smtp-sink.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { bapi, bapiError, createOrganizationAs, rolesOf } from './support.js';

let domainCounter = 0;
/** A domain name no other test uses. */
function uniqueDomain(prefix: string): string {
  domainCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${domainCounter}.test`;
}

describe.each(DATABASES)('organization verified domains [%s]', (database) => {
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

  /** A signed-in user whose (verified) primary address is at `domain`. */
  async function userAt(domain: string, local: string) {
    const email = `${local}@${domain}`;
    const user = await createUser(t, { email_address: [email] });
    return { ...user, email, browser: await signInBrowser(t, user.id) };
  }

  it('verifies a domain with a code emailed to an address at it, then offers automatic invitations', async () => {
    const admin = await signedInUser(t);
    const org = await createOrganizationAs(admin.browser, 'Initech');
    const name = uniqueDomain('initech');

    const created = expectOk(
      await admin.browser.call('POST', `/organizations/${org.id}/domains`, {
        form: { name: name.toUpperCase(), enrollment_mode: 'automatic_invitation' },
      }),
    ).response;
    expect(created).toMatchObject({ object: 'organization_domain', name, verification: null });

    // An address elsewhere cannot prove the domain.
    expectError(
      await admin.browser.call(
        'POST',
        `/organizations/${org.id}/domains/${created.id}/prepare_affiliation_verification`,
        {
          form: { affiliation_email_address: 'it@elsewhere.test' },
        },
      ),
      422,
      'form_param_format_invalid',
      'affiliation_email_address',
    );
    // No code has been sent yet: Clerk's 400 verification_not_sent.
    expectError(
      await admin.browser.call(
        'POST',
        `/organizations/${org.id}/domains/${created.id}/attempt_affiliation_verification`,
        { form: { code: '123456' } },
      ),
      400,
      'verification_not_sent',
      'code',
    );
    const prepared = expectOk(
      await admin.browser.call(
        'POST',
        `/organizations/${org.id}/domains/${created.id}/prepare_affiliation_verification`,
        {
          form: { affiliation_email_address: `it@${name}` },
        },
      ),
    ).response;
    expect(prepared.verification).toMatchObject({ status: 'unverified', strategy: 'email_code' });
    const code = extractCode((await sink.waitForMessage({ to: `it@${name}` })).text);

    // Before verification, nobody at the domain is offered anything.
    const early = await userAt(name, 'early');
    const none = expectOk(
      await early.browser.call('GET', '/me/organization_invitations', { query: { paginated: 'true' } }),
    ).response;
    expect(none.total_count).toBe(0);

    expectError(
      await admin.browser.call(
        'POST',
        `/organizations/${org.id}/domains/${created.id}/attempt_affiliation_verification`,
        {
          form: { code: code === '000000' ? '111111' : '000000' },
        },
      ),
      422,
      'form_code_incorrect',
      'code',
    );
    const verified = expectOk(
      await admin.browser.call(
        'POST',
        `/organizations/${org.id}/domains/${created.id}/attempt_affiliation_verification`,
        {
          form: { code },
        },
      ),
    ).response;
    expect(verified.verification).toMatchObject({ status: 'verified', strategy: 'email_code' });
    // The code is spent: sending it again answers Clerk's 400 for a finished verification.
    expectError(
      await admin.browser.call(
        'POST',
        `/organizations/${org.id}/domains/${created.id}/attempt_affiliation_verification`,
        { form: { code } },
      ),
      400,
      'verification_already_verified',
      'code',
    );

    // Now the user at the domain has an invitation with the default role, and accepts it.
    const offered = expectOk(
      await early.browser.call('GET', '/me/organization_invitations', {
        query: { paginated: 'true', status: 'pending' },
      }),
    ).response;
    expect(offered.total_count).toBe(1);
    expect(offered.data[0]).toMatchObject({ email_address: early.email, role: 'org:member', organization_id: org.id });
    expectOk(await early.browser.call('POST', `/me/organization_invitations/${offered.data[0].id}/accept`));
    expect(await rolesOf(t, org.id)).toEqual({ [admin.userId]: 'org:admin', [early.id]: 'org:member' });

    // Listing again offers nothing new: one invitation per user and organization.
    const again = expectOk(
      await early.browser.call('GET', '/me/organization_invitations', { query: { paginated: 'true' } }),
    ).response;
    expect(again.data.map((i: JSONBody) => i.status)).toEqual(['accepted']);
  });

  it('suggests an organization to users at a verified domain; accepting asks the admins, who approve', async () => {
    const admin = await signedInUser(t);
    const org = await createOrganizationAs(admin.browser, 'Globex');
    const name = uniqueDomain('globex');
    const domain = await bapi(t, `/organizations/${org.id}/domains`, {
      method: 'POST',
      body: { name, enrollment_mode: 'automatic_suggestion', verified: true },
    });
    expect(domain.verification).toMatchObject({ status: 'verified', strategy: 'admin' });

    const hank = await userAt(name, 'hank');
    const suggestions = expectOk(
      await hank.browser.call('GET', '/me/organization_suggestions', {
        query: { status: 'pending', paginated: 'true' },
      }),
    ).response;
    expect(suggestions.total_count).toBe(1);
    expect(suggestions.data[0]).toMatchObject({
      object: 'organization_suggestion',
      status: 'pending',
      public_organization_data: { id: org.id, name: 'Globex' },
    });
    // A suggestion is not an invitation.
    const invitations = expectOk(
      await hank.browser.call('GET', '/me/organization_invitations', { query: { paginated: 'true' } }),
    ).response;
    expect(invitations.total_count).toBe(0);

    const accepted = expectOk(
      await hank.browser.call('POST', `/me/organization_suggestions/${suggestions.data[0].id}/accept`),
    ).response;
    expect(accepted.status).toBe('accepted');
    expect(await rolesOf(t, org.id)).toEqual({ [admin.userId]: 'org:admin' });

    const requests = expectOk(
      await admin.browser.call('GET', `/organizations/${org.id}/membership_requests`, { query: { paginated: 'true' } }),
    ).response;
    expect(requests.total_count).toBe(1);
    expect(requests.data[0]).toMatchObject({
      object: 'organization_membership_request',
      status: 'pending',
      public_user_data: { user_id: hank.id, identifier: hank.email },
    });
    // Hank cannot approve himself.
    expectError(
      await hank.browser.call('POST', `/organizations/${org.id}/membership_requests/${requests.data[0].id}/accept`),
      404,
      'organization_not_found_or_unauthorized',
    );
    expectOk(
      await admin.browser.call('POST', `/organizations/${org.id}/membership_requests/${requests.data[0].id}/accept`),
    );
    expect(await rolesOf(t, org.id)).toEqual({ [admin.userId]: 'org:admin', [hank.id]: 'org:member' });
  });

  it('refuses common email providers, a domain another organization has, and disabled enrollment modes', async () => {
    const admin = await signedInUser(t);
    const org = await createOrganizationAs(admin.browser, 'Hooli');
    await bapiError(
      t,
      `/organizations/${org.id}/domains`,
      { method: 'POST', body: { name: 'gmail.com', enrollment_mode: 'automatic_invitation' } },
      422,
      'organization_domain_common',
      'name',
    );
    const name = uniqueDomain('hooli');
    await bapi(t, `/organizations/${org.id}/domains`, {
      method: 'POST',
      body: { name, enrollment_mode: 'manual_invitation' },
    });
    const other = await createOrganizationAs(admin.browser, 'Hooli Two');
    await bapiError(
      t,
      `/organizations/${other.id}/domains`,
      { method: 'POST', body: { name, enrollment_mode: 'manual_invitation' } },
      422,
      'organization_domain_already_exists',
    );
    await bapi(t, '/instance/organization_settings', {
      method: 'PATCH',
      body: { domains_enrollment_modes: ['manual_invitation', 'automatic_invitation'] },
    });
    try {
      await bapiError(
        t,
        `/organizations/${other.id}/domains`,
        { method: 'POST', body: { name: uniqueDomain('hooli'), enrollment_mode: 'automatic_suggestion' } },
        403,
        'organization_domain_enrollment_mode_not_enabled',
      );
    } finally {
      await bapi(t, '/instance/organization_settings', {
        method: 'PATCH',
        body: { domains_enrollment_modes: ['manual_invitation', 'automatic_invitation', 'automatic_suggestion'] },
      });
    }
    const listed = await bapi(t, `/organizations/${other.id}/domains`);
    expect(listed).toEqual({ data: [], total_count: 0 });
  });
});
