import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRecord } from '../../src/store/records.js';
import type { NewUser, Store } from '../../src/store/store.js';
import { DATABASES } from '../support/databases.js';
import { identifier, NOW, newUser, password } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

/** What findById should hand back for a freshly inserted user. */
function asRecord(user: NewUser): UserRecord {
  return {
    ...user.fields,
    emailAddresses: user.emailAddresses,
    phoneNumbers: user.phoneNumbers,
    password: user.password,
  };
}

describe.each(DATABASES)('store users [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function insert(user: NewUser): Promise<NewUser> {
    await store.users.insert(user);
    return user;
  }

  describe('insert and findById', () => {
    it('round-trips every field of a fully populated user', async () => {
      const user = newUser({
        externalId: 'ext-roundtrip',
        username: 'round_trip',
        firstName: 'Ada',
        lastName: 'Lovelace',
        locale: 'en-GB',
        imageUrl: 'https://img.example/ada.png',
        publicMetadata: { plan: 'pro', seats: 3, flags: [true, false], nested: { deep: null } },
        privateMetadata: { stripe: { customer: 'cus_123' }, note: 'ünïcødé ✓' },
        unsafeMetadata: { theme: 'dark', ratio: 0.25 },
        banned: true,
        locked: true,
        lockoutExpiresAt: NOW + 3_600_000,
        failedVerificationAttempts: 7,
        deleteSelfEnabled: false,
        createOrganizationEnabled: false,
        createOrganizationsLimit: 5,
        legalAcceptedAt: NOW - 86_400_000,
        lastSignInAt: NOW - 1_000,
        lastActiveAt: NOW - 500,
        createdAt: NOW - 10_000_000_000,
        updatedAt: NOW + 1,
        emails: ['ada@example.com', 'ada@work.example'],
        phones: ['+15550001001', '+447700900123'],
        password: password({ updatedAt: NOW - 42 }),
      });
      user.emailAddresses[1] = {
        ...user.emailAddresses[1]!,
        verificationStatus: 'unverified',
        verificationStrategy: 'email_code',
        reserved: true,
      };
      await insert(user);

      const found = await store.users.findById(user.fields.id);
      expect(found).toStrictEqual(asRecord(user));
    });

    it('returns timestamps as JS numbers, not strings', async () => {
      const user = await insert(
        newUser({
          lastSignInAt: NOW + 5,
          lastActiveAt: NOW + 6,
          legalAcceptedAt: NOW + 7,
          emails: ['numbers@example.com'],
          password: password(),
        }),
      );
      const found = (await store.users.findById(user.fields.id))!;
      for (const value of [
        found.createdAt,
        found.updatedAt,
        found.lastSignInAt,
        found.lastActiveAt,
        found.legalAcceptedAt,
        found.password!.updatedAt,
        found.emailAddresses[0]!.createdAt,
      ]) {
        expect(typeof value).toBe('number');
      }
      expect(found.createdAt).toBe(NOW);
      expect(found.lastSignInAt).toBe(NOW + 5);
    });

    it('round-trips a minimal user: nulls stay null, metadata stays empty, no identifiers, no password', async () => {
      const user = await insert(newUser());
      const found = await store.users.findById(user.fields.id);
      expect(found).toStrictEqual(asRecord(user));
      expect(found).toMatchObject({
        username: null,
        emailAddresses: [],
        phoneNumbers: [],
        password: null,
        publicMetadata: {},
      });
    });

    it('returns null for an unknown id', async () => {
      expect(await store.users.findById('user_missing')).toBeNull();
    });
  });

  describe('update', () => {
    it('changes only the given fields', async () => {
      const user = await insert(
        newUser({
          firstName: 'Before',
          lastName: 'Keep',
          username: 'update_me',
          emails: ['update@example.com'],
          password: password(),
        }),
      );
      const changes = {
        firstName: 'After',
        locale: 'fr-FR',
        publicMetadata: { changed: true },
        banned: true,
        failedVerificationAttempts: 2,
        lastActiveAt: NOW + 99,
        updatedAt: NOW + 100,
      };
      expect(await store.users.update(user.fields.id, changes)).toBe(true);
      expect(await store.users.findById(user.fields.id)).toStrictEqual({ ...asRecord(user), ...changes });
    });

    it('can set nullable fields back to null and booleans back to false', async () => {
      const user = await insert(
        newUser({ username: 'nullable_me', lastName: 'Gone', locked: true, lockoutExpiresAt: NOW + 1 }),
      );
      await store.users.update(user.fields.id, {
        username: null,
        lastName: null,
        locked: false,
        lockoutExpiresAt: null,
      });
      const found = await store.users.findById(user.fields.id);
      expect(found).toMatchObject({ username: null, lastName: null, locked: false, lockoutExpiresAt: null });
      expect(await store.users.findUserIdByUsername('nullable_me')).toBeNull();
    });

    it('leaves other users untouched', async () => {
      const target = await insert(newUser({ firstName: 'Target' }));
      const bystander = await insert(newUser({ firstName: 'Bystander' }));
      await store.users.update(target.fields.id, { firstName: 'Changed' });
      expect(await store.users.findById(bystander.fields.id)).toStrictEqual(asRecord(bystander));
    });

    it('returns false for an unknown id, with or without changes', async () => {
      expect(await store.users.update('user_missing', { firstName: 'Nobody' })).toBe(false);
      expect(await store.users.update('user_missing', {})).toBe(false);
    });

    it('returns true for an empty change set on an existing user', async () => {
      const user = await insert(newUser());
      expect(await store.users.update(user.fields.id, {})).toBe(true);
      expect(await store.users.findById(user.fields.id)).toStrictEqual(asRecord(user));
    });
  });

  describe('setPassword', () => {
    it('adds a password to a user without one', async () => {
      const user = await insert(newUser());
      const pw = password({ updatedAt: NOW + 10 });
      await store.users.setPassword(user.fields.id, pw);
      expect((await store.users.findById(user.fields.id))?.password).toStrictEqual(pw);
    });

    it('replaces an existing password', async () => {
      const user = await insert(newUser({ password: password() }));
      const replacement = password({ digest: '$bcrypt$replacement', hasher: 'bcrypt', updatedAt: NOW + 20 });
      await store.users.setPassword(user.fields.id, replacement);
      expect((await store.users.findById(user.fields.id))?.password).toStrictEqual(replacement);
    });

    it('removes the password when given null', async () => {
      const user = await insert(newUser({ password: password() }));
      await store.users.setPassword(user.fields.id, null);
      expect((await store.users.findById(user.fields.id))?.password).toBeNull();
    });
  });

  describe('delete', () => {
    it('removes the user, cascading to identifiers and password, and returns false the second time', async () => {
      const user = await insert(
        newUser({
          username: 'doomed',
          externalId: 'ext-doomed',
          emails: ['doomed@example.com'],
          phones: ['+15550009999'],
          password: password(),
        }),
      );
      expect(await store.users.delete(user.fields.id)).toBe(true);

      expect(await store.users.findById(user.fields.id)).toBeNull();
      expect(await store.users.findTakenIdentifiers('email_address', ['doomed@example.com'])).toEqual([]);
      expect(await store.users.findTakenIdentifiers('phone_number', ['+15550009999'])).toEqual([]);
      expect(await store.users.findUserIdByUsername('doomed')).toBeNull();
      expect(await store.users.findUserIdByExternalId('ext-doomed')).toBeNull();

      // Re-creating the same id shows nothing of the old user survived: no orphaned password or identifiers.
      await store.users.insert(newUser({ id: user.fields.id }));
      const reborn = await store.users.findById(user.fields.id);
      expect(reborn).toMatchObject({ emailAddresses: [], phoneNumbers: [], password: null });
      expect(await store.users.delete(user.fields.id)).toBe(true);

      expect(await store.users.delete(user.fields.id)).toBe(false);
    });

    it('returns false for an unknown id', async () => {
      expect(await store.users.delete('user_never_existed')).toBe(false);
    });

    it('frees identifiers for a new user', async () => {
      const first = await insert(newUser({ username: 'reusable', emails: ['reuse@example.com'] }));
      await store.users.delete(first.fields.id);
      const second = await insert(newUser({ username: 'reusable', emails: ['reuse@example.com'] }));
      expect(await store.users.findUserIdByUsername('reusable')).toBe(second.fields.id);
      expect(await store.users.findTakenIdentifiers('email_address', ['reuse@example.com'])).toEqual([
        'reuse@example.com',
      ]);
    });
  });

  describe('lookups', () => {
    it('findTakenIdentifiers returns exactly the taken values of that kind', async () => {
      await insert(newUser({ emails: ['taken1@example.com', 'taken2@example.com'], phones: ['+15550004444'] }));
      const emails = await store.users.findTakenIdentifiers('email_address', [
        'free@example.com',
        'taken2@example.com',
        'taken1@example.com',
      ]);
      expect([...emails].sort()).toEqual(['taken1@example.com', 'taken2@example.com']);
      expect(await store.users.findTakenIdentifiers('phone_number', ['+15550004444', '+15550005555'])).toEqual([
        '+15550004444',
      ]);
    });

    it('findTakenIdentifiers keeps email addresses and phone numbers apart', async () => {
      await insert(newUser({ emails: ['kinds@example.com'], phones: ['+15550006666'] }));
      expect(await store.users.findTakenIdentifiers('phone_number', ['kinds@example.com'])).toEqual([]);
      expect(await store.users.findTakenIdentifiers('email_address', ['+15550006666'])).toEqual([]);
    });

    it('findTakenIdentifiers answers an empty list with an empty list', async () => {
      expect(await store.users.findTakenIdentifiers('email_address', [])).toEqual([]);
      expect(await store.users.findTakenIdentifiers('phone_number', [])).toEqual([]);
    });

    it('findUserIdByUsername and findUserIdByExternalId find the owner or null', async () => {
      const user = await insert(newUser({ username: 'lookup_me', externalId: 'ext-lookup' }));
      await insert(newUser({ username: 'someone_else', externalId: 'ext-else' }));
      expect(await store.users.findUserIdByUsername('lookup_me')).toBe(user.fields.id);
      expect(await store.users.findUserIdByExternalId('ext-lookup')).toBe(user.fields.id);
      expect(await store.users.findUserIdByUsername('nobody_here')).toBeNull();
      expect(await store.users.findUserIdByExternalId('ext-nobody')).toBeNull();
    });
  });

  it('lists identifiers in creation order', async () => {
    const user = newUser({ emails: [] });
    const id = user.fields.id;
    user.emailAddresses = [
      identifier(id, 'third@example.com', { createdAt: NOW + 3 }),
      identifier(id, 'first@example.com', { createdAt: NOW + 1 }),
      identifier(id, 'second@example.com', { createdAt: NOW + 2 }),
    ];
    await insert(user);
    const found = await store.users.findById(id);
    expect(found?.emailAddresses.map((e) => e.value)).toEqual([
      'first@example.com',
      'second@example.com',
      'third@example.com',
    ]);
  });
});
