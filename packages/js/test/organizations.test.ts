import { isLatchAPIResponseError } from '@latch/js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../server/test/support/databases.js';
import { claimsOf } from './support/jwt.js';
import { type LatchUnderTest, PASSWORD, startLatchUnderTest } from './support/latch-server.js';

describe.each(DATABASES)('@latch/js organizations against a real Latch (%s)', (database) => {
  let latch: LatchUnderTest;
  beforeAll(async () => {
    latch = await startLatchUnderTest(database);
  });
  afterAll(async () => {
    await latch?.stop();
  });

  it('creates an organization, makes it active, and goes back to the personal account', async () => {
    await latch.createUser('founder@example.com');
    const { latch: sdk, browser } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({
      identifier: 'founder@example.com',
      strategy: 'password',
      password: PASSWORD,
    });
    await sdk.setActive({ session: signIn.createdSessionId });

    const organization = await sdk.createOrganization({ name: 'Acme Inc', slug: 'acme' });
    expect(organization).toMatchObject({ name: 'Acme Inc', slug: 'acme' });
    expect(organization.id).toMatch(/^org_/);
    expect((await sdk.getOrganization(organization.id)).name).toBe('Acme Inc');

    const touches = browser.requestsTo(/\/touch$/).length;
    await sdk.setActive({ organization });
    const touch = browser.requestsTo(/\/touch$/).at(-1);
    expect(browser.requestsTo(/\/touch$/)).toHaveLength(touches + 1);
    expect(new URLSearchParams(touch?.body).get('active_organization_id')).toBe(organization.id);
    expect(new URLSearchParams(touch?.body).get('intent')).toBe('select_org');
    expect(sdk.session?.lastActiveOrganizationId).toBe(organization.id);
    // __session follows the switch: it holds the token of the session as it is now.
    const orgToken = await sdk.session!.getToken();
    expect(browser.appCookies.get('__session')).toBe(orgToken);
    expect(claimsOf(orgToken).sid).toBe(sdk.session?.id);

    await sdk.setActive({ organization: null });
    expect(new URLSearchParams(browser.requestsTo(/\/touch$/).at(-1)?.body).get('active_organization_id')).toBe('');
    expect(sdk.session?.lastActiveOrganizationId).toBeNull();
    expect(sdk.organization).toBeNull();
  });

  it('refuses an organization the user does not belong to with a typed 404', async () => {
    await latch.createUser('outsider@example.com');
    const { latch: sdk } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({
      identifier: 'outsider@example.com',
      strategy: 'password',
      password: PASSWORD,
    });
    await sdk.setActive({ session: signIn.createdSessionId });
    const error = await sdk.setActive({ organization: 'org_not_mine' }).catch((caught: unknown) => caught);
    expect(isLatchAPIResponseError(error) && error.status).toBe(404);
    expect(sdk.session?.lastActiveOrganizationId).toBeNull();
  });
});
