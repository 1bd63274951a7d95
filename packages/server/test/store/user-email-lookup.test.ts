import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DATABASES } from '../support/databases.js';
import { instanceRecord, newUser } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

/** `findUserIdByEmailAddress`: the sign-in's identifier lookup (one indexed query). */
describe.each(DATABASES)('users.findUserIdByEmailAddress [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
    await store.instance.insert(instanceRecord());
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("finds the owner of any of a user's addresses, exactly as stored, and nobody for others", async () => {
    const ada = newUser({ emails: ['ada@example.com', 'ada.second@example.com'] });
    const bob = newUser({ emails: ['bob@example.com'] });
    await store.users.insert(ada);
    await store.users.insert(bob);
    expect(await store.users.findUserIdByEmailAddress('ada@example.com')).toBe(ada.fields.id);
    expect(await store.users.findUserIdByEmailAddress('ada.second@example.com')).toBe(ada.fields.id);
    expect(await store.users.findUserIdByEmailAddress('bob@example.com')).toBe(bob.fields.id);
    expect(await store.users.findUserIdByEmailAddress('nobody@example.com')).toBeNull();
    expect(await store.users.findUserIdByEmailAddress('ADA@example.com')).toBeNull();
  });

  it('forgets an address once it is deleted, and its user with it', async () => {
    const carol = newUser({ emails: ['carol@example.com', 'carol.old@example.com'] });
    await store.users.insert(carol);
    await store.users.deleteIdentifier('email_address', carol.emailAddresses[1]?.id as string);
    expect(await store.users.findUserIdByEmailAddress('carol.old@example.com')).toBeNull();
    await store.users.delete(carol.fields.id);
    expect(await store.users.findUserIdByEmailAddress('carol@example.com')).toBeNull();
  });
});
