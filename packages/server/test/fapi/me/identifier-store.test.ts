import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentifierRecord } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { UniqueViolation } from '../../../src/store/unique-violation.js';
import { identifier, NOW, newUser } from '../../store/factories.js';
import { openTestStore, type TestStore } from '../../store/open-test-store.js';
import { DATABASES } from '../../support/databases.js';

// The identifier writes `/v1/me` added to the Store (migration 0003), held to one behaviour on both engines.
describe.each(DATABASES)('store identifier writes [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('inserts an identifier and round-trips a pending code verification, past 2^31 ms', async () => {
    const user = newUser({ emails: ['first@example.com'] });
    await store.users.insert(user);
    const added: IdentifierRecord = {
      ...identifier(user.fields.id, 'added@example.com', {
        verificationStatus: 'unverified',
        verificationStrategy: 'email_code',
      }),
      createdAt: NOW + 1,
    };
    await store.transaction((tx) => tx.users.insertIdentifier('email_address', added));
    // No verification started: the record keeps its plain shape.
    expect((await store.users.findById(user.fields.id))?.emailAddresses).toStrictEqual([...user.emailAddresses, added]);

    const pending = {
      ...added,
      verificationCodeHash: 'hash',
      verificationAttempts: 2,
      verificationExpireAt: NOW + 600_000,
    };
    expect(await store.users.updateIdentifier('email_address', pending)).toBe(true);
    const found = (await store.users.findById(user.fields.id))?.emailAddresses[1];
    expect(found).toStrictEqual(pending);
    expect(typeof found?.verificationExpireAt).toBe('number');

    const verified = {
      ...pending,
      verificationStatus: 'verified' as const,
      verificationCodeHash: null,
      verificationExpireAt: null,
    };
    expect(await store.users.updateIdentifier('email_address', verified)).toBe(true);
    const { verificationCodeHash: _h, verificationAttempts: _a, verificationExpireAt: _e, ...plain } = verified;
    expect((await store.users.findById(user.fields.id))?.emailAddresses[1]).toStrictEqual(plain);
  });

  it('refuses a taken value inside a transaction as UniqueViolation on the value column', async () => {
    const owner = newUser({ emails: ['owned@example.com'], phones: ['+15550009999'] });
    const other = newUser();
    await store.users.insert(owner);
    await store.users.insert(other);
    const clash = identifier(other.fields.id, 'owned@example.com');
    const error = await store
      .transaction((tx) => tx.users.insertIdentifier('email_address', clash))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UniqueViolation);
    expect((error as UniqueViolation).column).toBe('email_address');
    const phoneError = await store
      .transaction((tx) => tx.users.insertIdentifier('phone_number', identifier(other.fields.id, '+15550009999')))
      .catch((e: unknown) => e);
    expect((phoneError as UniqueViolation).column).toBe('phone_number');
    expect((await store.users.findById(other.fields.id))?.emailAddresses).toEqual([]);
  });

  it('deletes an identifier and reports unknown ones', async () => {
    const user = newUser({ emails: ['one@example.com', 'two@example.com'], phones: ['+15550008888'] });
    await store.users.insert(user);
    const [first, second] = user.emailAddresses;
    expect(await store.users.deleteIdentifier('email_address', second!.id)).toBe(true);
    expect(await store.users.deleteIdentifier('email_address', second!.id)).toBe(false);
    expect(await store.users.deleteIdentifier('phone_number', first!.id)).toBe(false);
    expect(await store.users.updateIdentifier('email_address', second!)).toBe(false);
    expect((await store.users.findById(user.fields.id))?.emailAddresses).toStrictEqual([first]);
    expect(await store.users.findTakenIdentifiers('email_address', ['two@example.com'])).toEqual([]);
  });
});
