import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { bapi, rolesOf } from './support.js';

/**
 * "At least one member can manage members" holds when admins leave at the same moment: the checks
 * are serialized (Store.lock), so of two concurrent removals of the last two admins one is refused —
 * on PostgreSQL, where the server runs the two requests on two connections, too.
 */
describe.each(DATABASES)('the last organization admin under concurrent requests [%s]', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(database);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const newUser = async (name: string) =>
    (await bapi(t, '/users', {
      method: 'POST',
      body: { email_address: [`${name}-${Math.random().toString(36).slice(2)}@example.com`] },
    })) as { id: string };

  it('two admins removed at once: one removal is refused, one admin remains', async () => {
    for (let round = 0; round < 3; round++) {
      const [first, second] = [await newUser('first-admin'), await newUser('second-admin')];
      const org = await bapi(t, '/organizations', {
        method: 'POST',
        body: { name: `Race ${round}`, created_by: first.id },
      });
      await bapi(t, `/organizations/${org.id}/memberships`, {
        method: 'POST',
        body: { user_id: second.id, role: 'org:admin' },
      });
      const responses = await Promise.all(
        [first, second].map((user) => t.api(`/organizations/${org.id}/memberships/${user.id}`, { method: 'DELETE' })),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 400]);
      const refused = responses.find((response) => response.status === 400) as Response;
      expect(((await refused.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
        'organization_minimum_permissions_needed',
      );
      expect(Object.values(await rolesOf(t, org.id as string))).toEqual(['org:admin']);
    }
  });
});
