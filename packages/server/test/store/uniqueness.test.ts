import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewUser, Store } from '../../src/store/store.js';
import { UniqueViolation } from '../../src/store/unique-violation.js';
import { DATABASES } from '../support/databases.js';
import { newUser, password, secretKey, signingKey } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

describe.each(DATABASES)('store uniqueness [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  let owner: NewUser;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
    owner = newUser({
      username: 'taken_name',
      externalId: 'ext-taken',
      emails: ['taken@example.com'],
      phones: ['+15550000001'],
    });
    await store.users.insert(owner);
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** Runs `work` in a transaction and returns what it rejected with. */
  async function rejection(work: (tx: Store) => Promise<unknown>): Promise<unknown> {
    return store.transaction(work).then(
      () => expect.unreachable('the transaction should have rejected'),
      (error: unknown) => error,
    );
  }

  /** A would-be user whose other identifiers are all fresh, so only `clash` can collide. */
  function challenger(n: number, clash: Parameters<typeof newUser>[0]): NewUser {
    return newUser({
      username: `fresh_name_${n}`,
      externalId: `ext-fresh-${n}`,
      emails: [`fresh${n}@example.com`],
      phones: [`+1555100000${n}`],
      password: password(),
      ...clash,
    });
  }

  async function expectNothingLeftOf(user: NewUser): Promise<void> {
    expect(await store.users.findById(user.fields.id)).toBeNull();
    const emails = user.emailAddresses.map((e) => e.value).filter((v) => v !== 'taken@example.com');
    const phones = user.phoneNumbers.map((p) => p.value).filter((v) => v !== '+15550000001');
    expect(await store.users.findTakenIdentifiers('email_address', emails)).toEqual([]);
    expect(await store.users.findTakenIdentifiers('phone_number', phones)).toEqual([]);
    if (user.fields.username !== 'taken_name')
      expect(await store.users.findUserIdByUsername(user.fields.username!)).toBeNull();
    if (user.fields.externalId !== 'ext-taken')
      expect(await store.users.findUserIdByExternalId(user.fields.externalId!)).toBeNull();
  }

  const clashes = [
    // The clashing email comes second, after a fresh one has already been written.
    { column: 'email_address', n: 1, clash: { emails: ['fresh1@example.com', 'taken@example.com'] } },
    { column: 'phone_number', n: 2, clash: { phones: ['+15550000001'] } },
    { column: 'username', n: 3, clash: { username: 'taken_name' } },
    { column: 'external_id', n: 4, clash: { externalId: 'ext-taken' } },
  ];

  it.each(clashes)(
    'rejects a taken $column with UniqueViolation and leaves nothing behind',
    async ({ column, n, clash }) => {
      const user = challenger(n, clash);
      const error = await rejection((tx) => tx.users.insert(user));
      expect(error).toBeInstanceOf(UniqueViolation);
      expect((error as UniqueViolation).column).toBe(column);
      await expectNothingLeftOf(user);
    },
  );

  it('rejects a taken user id with UniqueViolation on id', async () => {
    const user = challenger(5, { id: owner.fields.id });
    const error = await rejection((tx) => tx.users.insert(user));
    expect(error).toBeInstanceOf(UniqueViolation);
    expect((error as UniqueViolation).column).toBe('id');
    expect(await store.users.findTakenIdentifiers('email_address', ['fresh5@example.com'])).toEqual([]);
  });

  it('rejects an update to a taken username with UniqueViolation and keeps the old value', async () => {
    const user = challenger(6, {});
    await store.users.insert(user);
    const error = await rejection((tx) =>
      tx.users.update(user.fields.id, { username: 'taken_name', firstName: 'Renamed' }),
    );
    expect(error).toBeInstanceOf(UniqueViolation);
    expect((error as UniqueViolation).column).toBe('username');
    expect(await store.users.findById(user.fields.id)).toMatchObject({ username: 'fresh_name_6', firstName: null });
  });

  it('rolls back earlier writes of the same transaction too', async () => {
    const first = challenger(7, {});
    const second = challenger(8, { emails: ['taken@example.com'] });
    const error = await rejection(async (tx) => {
      await tx.users.insert(first);
      await tx.users.insert(second);
    });
    expect(error).toBeInstanceOf(UniqueViolation);
    await expectNothingLeftOf(first);
    await expectNothingLeftOf(second);
  });

  it('leaves the owner of the taken values intact', async () => {
    expect(await store.users.findById(owner.fields.id)).toMatchObject({
      username: 'taken_name',
      externalId: 'ext-taken',
      emailAddresses: [expect.objectContaining({ value: 'taken@example.com' })],
      phoneNumbers: [expect.objectContaining({ value: '+15550000001' })],
    });
  });

  it('rejects a duplicate secret key hash with UniqueViolation on secret_hash', async () => {
    const existing = secretKey();
    await store.secretKeys.insert(existing);
    const error = await rejection((tx) => tx.secretKeys.insert(secretKey({ secretHash: existing.secretHash })));
    expect(error).toBeInstanceOf(UniqueViolation);
    expect((error as UniqueViolation).column).toBe('secret_hash');
  });

  it('rejects a duplicate signing key id with UniqueViolation on kid', async () => {
    const existing = signingKey();
    await store.signingKeys.insert(existing);
    const error = await rejection((tx) => tx.signingKeys.insert(signingKey({ kid: existing.kid })));
    expect(error).toBeInstanceOf(UniqueViolation);
    expect((error as UniqueViolation).column).toBe('kid');
  });
});
