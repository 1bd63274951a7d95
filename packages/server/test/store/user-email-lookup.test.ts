import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DATABASES } from '../support/databases.js';
import { instanceRecord, newUser, password } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

/** `findByEmailAddress`: the sign-in's read of the address's holder (the lookup inside the read). */
describe.each(DATABASES)('users.findByEmailAddress [%s]', (database) => {
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

  it('reads the same record as findById for the holder of any of their addresses, and nobody for others', async () => {
    const ada = newUser({ emails: ['ada@example.com', 'ada.second@example.com'], phones: ['+15555550100'] });
    const bob = newUser({ emails: ['bob@example.com'] });
    await store.users.insert(ada);
    await store.users.insert(bob);
    const adaRecord = await store.users.findById(ada.fields.id);
    expect(adaRecord?.emailAddresses).toHaveLength(2);
    expect(adaRecord?.phoneNumbers).toHaveLength(1);
    expect(await store.users.findByEmailAddress('ada@example.com')).toEqual(adaRecord);
    expect(await store.users.findByEmailAddress('ada.second@example.com')).toEqual(adaRecord);
    expect(await store.users.findByEmailAddress('bob@example.com')).toEqual(await store.users.findById(bob.fields.id));
    expect(await store.users.findByEmailAddress('nobody@example.com')).toBeNull();
    expect(await store.users.findByEmailAddress('ADA@example.com')).toBeNull();
  });

  it('carries the password with the user', async () => {
    const digest = password();
    const carol = newUser({ emails: ['carol@example.com'], password: digest });
    await store.users.insert(carol);
    const found = await store.users.findByEmailAddress('carol@example.com');
    expect(found?.password).toEqual(digest);
    expect(found).toEqual(await store.users.findById(carol.fields.id));
  });

  it('forgets an address once it is deleted, and its user with it', async () => {
    const dan = newUser({ emails: ['dan@example.com', 'dan.old@example.com'] });
    await store.users.insert(dan);
    await store.users.deleteIdentifier('email_address', dan.emailAddresses[1]?.id as string);
    expect(await store.users.findByEmailAddress('dan.old@example.com')).toBeNull();
    expect((await store.users.findByEmailAddress('dan@example.com'))?.emailAddresses).toHaveLength(1);
    await store.users.delete(dan.fields.id);
    expect(await store.users.findByEmailAddress('dan@example.com')).toBeNull();
  });
});
