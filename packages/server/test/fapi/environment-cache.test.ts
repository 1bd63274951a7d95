import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENT_FRESH_MS } from '../../src/http/fapi/routes/environment-routes.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { ORGANIZATION_SETTINGS_CHANGE } from '../../src/store/store-changes.js';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { FapiClient } from './support/fapi-client.js';

/**
 * `/v1/environment` is built once and served until something it shows changes: every change made
 * through this process shows on the very next request; a change made by another Latch process on
 * the same database shows within `ENVIRONMENT_FRESH_MS`.
 */
describe.each(DATABASES)('the served environment follows its settings [%s]', (database) => {
  let t: TestServer;
  /** Another Latch process's store on the same database: its writes are not recorded here. */
  let otherProcess: Store;
  beforeAll(async () => {
    t = await startTestServer(database);
    otherProcess = await createStore(t.database.location, { migrate: false });
  });
  afterAll(async () => {
    await otherProcess?.close();
    await t?.stop();
  });

  const environment = async () => {
    const response = await new FapiClient(t.server.url).get('/environment');
    expect(response.status, response.text).toBe(200);
    return response.body;
  };
  const bapi = async (path: string, method: string, body: unknown) => {
    const response = await t.api(path, { method, body });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json();
  };

  it('shows this process’s changes at once: instance settings, organization settings, role keys', async () => {
    const before = await environment();
    expect(await environment()).toEqual(before);

    await bapi('/instance/settings', 'PATCH', { application_name: 'Cached Co' });
    expect((await environment()).display_config.application_name).toBe('Cached Co');

    await bapi('/instance/organization_settings', 'PATCH', { max_allowed_memberships: 7 });
    expect((await environment()).organization_settings.max_allowed_memberships).toBe(7);

    const role = await bapi('/organization_roles', 'POST', { name: 'Founder', key: 'org:founder', permissions: [] });
    await bapi('/instance/organization_settings', 'PATCH', { creator_role_id: role.id });
    expect((await environment()).organization_settings.creator_role).toBe('org:founder');
    await bapi(`/organization_roles/${role.id}`, 'PATCH', { key: 'org:owner' });
    expect((await environment()).organization_settings.creator_role).toBe('org:owner');
  });

  it('a burst of page loads answers whole bodies, and a change made during it shows on the next load', async () => {
    await new Promise((resolve) => setTimeout(resolve, ENVIRONMENT_FRESH_MS + 50));
    const burst = Promise.all(Array.from({ length: 24 }, () => environment()));
    await bapi('/instance/organization_settings', 'PATCH', { max_allowed_memberships: 11 });
    expect((await environment()).organization_settings.max_allowed_memberships).toBe(11);
    const answers = await burst;
    for (const answer of answers) expect([7, 11]).toContain(answer.organization_settings.max_allowed_memberships);
    await bapi('/instance/organization_settings', 'PATCH', { max_allowed_memberships: 7 });
  });

  it('the store records every role and organization-settings write under one change id', async () => {
    const { store } = t.server;
    const changedAfter = async (write: () => Promise<unknown>) => {
      const seq = store.changes.seq;
      await write();
      return store.changes.changedSince([ORGANIZATION_SETTINGS_CHANGE], seq);
    };
    const [role] = await store.organizations.roles.list({ key: 'org:member' }, { limit: 1, offset: 0 });
    if (!role) throw new Error('the default member role is missing');
    expect(await changedAfter(() => store.organizations.roles.update({ ...role, name: 'Member' }))).toBe(true);
    const settings = await store.organizations.getSettings();
    expect(await changedAfter(() => store.organizations.saveSettings(settings, Date.now()))).toBe(true);
    // Reads and writes elsewhere do not count.
    expect(await changedAfter(() => store.organizations.roles.findById(role.id))).toBe(false);
  });

  it('shows another process’s organization settings within the freshness bound', async () => {
    expect((await environment()).organization_settings.max_allowed_memberships).toBe(7);
    const stored = await otherProcess.organizations.getSettings();
    await otherProcess.organizations.saveSettings({ ...stored, maxAllowedMemberships: 9 }, Date.now());
    await new Promise((resolve) => setTimeout(resolve, ENVIRONMENT_FRESH_MS + 50));
    expect((await environment()).organization_settings.max_allowed_memberships).toBe(9);
  });
});
