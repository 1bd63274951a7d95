import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserFilter } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import { DATABASES } from '../support/databases.js';
import { NOW, newUser, type UserSpec } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

/**
 * The filter cast: one user per trait, created one second apart in this order. Ids are chosen
 * (not generated) so that a query can hit an id and results read as names.
 */
const PEOPLE: Record<string, UserSpec> = {
  ada: {
    username: 'ada',
    firstName: 'Ada',
    lastName: 'Lovelace',
    externalId: 'ext-ada',
    emails: ['ada@example.com', 'ada.l@work.test'],
    phones: ['+15550000001'],
    lastActiveAt: NOW + 5_000,
    lastSignInAt: NOW + 4_000,
  },
  bob: {
    username: 'bob_smith',
    firstName: 'Bob',
    lastName: 'Smith',
    externalId: 'ext-bob',
    emails: ['bob@example.com'],
    phones: ['+15550000002'],
    banned: true,
    lastActiveAt: NOW + 1_000,
  },
  bobx: {
    // Looks like bob_smith to a LIKE that treats `_` as a wildcard.
    username: 'bobxsmith',
    firstName: 'Robert',
    lastName: '100x Real',
    emails: ['robert@other.test'],
    lastActiveAt: NOW + 9_000,
    lastSignInAt: NOW + 9_000,
  },
  cat: {
    username: 'cat',
    firstName: 'Cat',
    lastName: '100% Real',
    externalId: 'ext-cat',
    phones: ['+447700900003'],
    lastSignInAt: NOW + 2_000,
  },
  dee: {
    // Nothing but an id: every nullable column is NULL.
    locked: true,
  },
  eve: {
    username: 'eve',
    firstName: 'ÉVE',
    lastName: 'Öberg',
    emails: ['eve@example.org'],
    locked: true,
    banned: true,
  },
};
type Person = keyof typeof PEOPLE;
const NAMES = Object.keys(PEOPLE) as Person[];
const idOf = (name: Person) => `user_${name}`;
const createdAtOf = (name: Person) => NOW + 1_000 * (NAMES.indexOf(name) + 1);

describe.each(DATABASES)('store user list and count [%s]', (database) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(database);
    store = t.store;
    for (const name of NAMES) {
      await store.users.insert(newUser({ id: idOf(name), createdAt: createdAtOf(name), ...PEOPLE[name] }));
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** The people `filter` selects, in creation order; also checks count() agrees with list(). */
  async function matching(filter: UserFilter): Promise<string[]> {
    const users = await store.users.list(filter, { limit: 100, offset: 0, orderBy: 'created_at', direction: 'asc' });
    expect(await store.users.count(filter)).toBe(users.length);
    return users.map((user) => user.id.replace(/^user_/, ''));
  }

  it('lists and counts everyone without a filter', async () => {
    expect(await matching({})).toEqual(NAMES);
    expect(await store.users.count({})).toBe(NAMES.length);
  });

  it('returns whole user records, identifiers included', async () => {
    const [ada] = await store.users.list(
      { userIds: [idOf('ada')] },
      { limit: 1, offset: 0, orderBy: 'created_at', direction: 'asc' },
    );
    expect(ada).toStrictEqual(await store.users.findById(idOf('ada')));
    expect(ada?.emailAddresses.map((e) => e.value)).toEqual(['ada@example.com', 'ada.l@work.test']);
  });

  describe('exact-match list filters', () => {
    it('userIds', async () => {
      expect(await matching({ userIds: [idOf('cat'), idOf('ada'), 'user_nobody'] })).toEqual(['ada', 'cat']);
    });

    it('externalIds', async () => {
      expect(await matching({ externalIds: ['ext-bob', 'ext-cat', 'ext-nobody'] })).toEqual(['bob', 'cat']);
    });

    it('usernames, case-insensitively', async () => {
      expect(await matching({ usernames: ['BOB_SMITH', 'eve'] })).toEqual(['bob', 'eve']);
      expect(await matching({ usernames: ['bob'] })).toEqual([]);
    });

    it('emailAddresses, any of the user’s addresses, case-insensitively', async () => {
      expect(await matching({ emailAddresses: ['ADA.L@work.test'] })).toEqual(['ada']);
      expect(await matching({ emailAddresses: ['bob@example.com', 'eve@example.org'] })).toEqual(['bob', 'eve']);
      expect(await matching({ emailAddresses: ['example.com'] })).toEqual([]);
    });

    it('phoneNumbers', async () => {
      expect(await matching({ phoneNumbers: ['+15550000002', '+447700900003'] })).toEqual(['bob', 'cat']);
      expect(await matching({ phoneNumbers: ['+1555'] })).toEqual([]);
    });

    it.each(['userIds', 'externalIds', 'usernames', 'emailAddresses', 'phoneNumbers'] as const)(
      'an empty %s list matches nothing',
      async (key) => {
        expect(await matching({ [key]: [] })).toEqual([]);
      },
    );

    it('matches a user once even when several of their values are listed', async () => {
      expect(await matching({ emailAddresses: ['ada@example.com', 'ada.l@work.test'] })).toEqual(['ada']);
    });
  });

  describe('query: substring over id, external id, username, names, emails and phones', () => {
    it.each([
      ['user_ca', ['cat'], 'the id'],
      ['ext-b', ['bob'], 'the external id'],
      ['xsmi', ['bobx'], 'the username'],
      ['lovel', ['ada'], 'the last name'],
      ['rober', ['bobx'], 'the first name'],
      ['ada love', ['ada'], 'first and last name together'],
      ['work.test', ['ada'], 'a non-primary email address'],
      ['example.', ['ada', 'bob', 'eve'], 'email addresses'],
      ['7700900', ['cat'], 'a phone number'],
      ['+1555000000', ['ada', 'bob'], 'phone numbers, `+` being literal'],
    ])('%j matches %j via %s', async (query, expected) => {
      expect(await matching({ query })).toEqual(expected);
    });

    it('is case-insensitive in both directions', async () => {
      expect(await matching({ query: 'LOVELACE' })).toEqual(['ada']);
      expect(await matching({ query: 'USER_DEE' })).toEqual(['dee']);
      expect(await matching({ query: 'Ada@Example.COM' })).toEqual(['ada']);
    });

    it('is case-insensitive beyond ASCII', async () => {
      expect(await matching({ query: 'éve' })).toEqual(['eve']);
      expect(await matching({ query: 'ÖBERG' })).toEqual(['eve']);
      expect(await matching({ nameQuery: 'öberg' })).toEqual(['eve']);
    });

    it('matches `_` literally, not as any character', async () => {
      expect(await matching({ query: 'bob_s' })).toEqual(['bob']);
      expect(await matching({ query: '_' })).toEqual(NAMES); // every id has one
      expect(await matching({ usernameQuery: '_' })).toEqual(['bob']);
    });

    it('matches `%` literally, not as any run of characters', async () => {
      expect(await matching({ query: '100% real' })).toEqual(['cat']);
      expect(await matching({ query: '%' })).toEqual(['cat']);
      expect(await matching({ query: 'a%e' })).toEqual([]);
    });

    it('matches a backslash literally', async () => {
      expect(await matching({ query: '\\' })).toEqual([]);
      expect(await matching({ query: 'ada\\' })).toEqual([]);
    });

    it('matches nothing when no field contains the text', async () => {
      expect(await matching({ query: 'zzz-nowhere' })).toEqual([]);
    });
  });

  describe('field queries', () => {
    it('emailAddressQuery searches email addresses only', async () => {
      expect(await matching({ emailAddressQuery: 'EXAMPLE.' })).toEqual(['ada', 'bob', 'eve']);
      expect(await matching({ emailAddressQuery: 'work.test' })).toEqual(['ada']);
      expect(await matching({ emailAddressQuery: 'lovelace' })).toEqual([]);
    });

    it('phoneNumberQuery searches phone numbers only', async () => {
      expect(await matching({ phoneNumberQuery: '555000' })).toEqual(['ada', 'bob']);
      expect(await matching({ phoneNumberQuery: '+44' })).toEqual(['cat']);
      expect(await matching({ phoneNumberQuery: 'ada' })).toEqual([]);
    });

    it('usernameQuery searches usernames only', async () => {
      expect(await matching({ usernameQuery: 'SMITH' })).toEqual(['bob', 'bobx']);
      expect(await matching({ usernameQuery: 'lovelace' })).toEqual([]);
    });

    it('nameQuery searches first and last names only', async () => {
      expect(await matching({ nameQuery: 'smith' })).toEqual(['bob']);
      expect(await matching({ nameQuery: 'ROB' })).toEqual(['bobx']);
      expect(await matching({ nameQuery: 'real' })).toEqual(['bobx', 'cat']);
      expect(await matching({ nameQuery: 'ext-' })).toEqual([]);
    });
  });

  describe('flags', () => {
    it('banned', async () => {
      expect(await matching({ banned: true })).toEqual(['bob', 'eve']);
      expect(await matching({ banned: false })).toEqual(['ada', 'bobx', 'cat', 'dee']);
    });

    it('locked', async () => {
      expect(await matching({ locked: true })).toEqual(['dee', 'eve']);
      expect(await matching({ locked: false })).toEqual(['ada', 'bob', 'bobx', 'cat']);
    });
  });

  describe('time ranges (exclusive bounds; users without the timestamp never match)', () => {
    it('createdAtBefore / createdAtAfter', async () => {
      expect(await matching({ createdAtBefore: createdAtOf('bobx') })).toEqual(['ada', 'bob']);
      expect(await matching({ createdAtAfter: createdAtOf('cat') })).toEqual(['dee', 'eve']);
      expect(await matching({ createdAtAfter: createdAtOf('ada'), createdAtBefore: createdAtOf('cat') })).toEqual([
        'bob',
        'bobx',
      ]);
    });

    it('lastActiveAtBefore / lastActiveAtAfter', async () => {
      expect(await matching({ lastActiveAtBefore: NOW + 5_000 })).toEqual(['bob']);
      expect(await matching({ lastActiveAtBefore: NOW + 5_001 })).toEqual(['ada', 'bob']);
      expect(await matching({ lastActiveAtAfter: NOW + 1_000 })).toEqual(['ada', 'bobx']);
      expect(await matching({ lastActiveAtAfter: NOW })).toEqual(['ada', 'bob', 'bobx']);
    });

    it('lastSignInAtBefore / lastSignInAtAfter', async () => {
      expect(await matching({ lastSignInAtBefore: NOW + 4_000 })).toEqual(['cat']);
      expect(await matching({ lastSignInAtAfter: NOW + 2_000 })).toEqual(['ada', 'bobx']);
      expect(await matching({ lastSignInAtAfter: 0 })).toEqual(['ada', 'bobx', 'cat']);
    });
  });

  it('requires every given filter to hold', async () => {
    expect(await matching({ emailAddressQuery: 'example', banned: true })).toEqual(['bob', 'eve']);
    expect(await matching({ emailAddressQuery: 'example', banned: true, locked: false })).toEqual(['bob']);
    expect(await matching({ query: 'real', usernames: ['cat'] })).toEqual(['cat']);
    expect(await matching({ userIds: [idOf('ada')], banned: true })).toEqual([]);
  });

  it('count ignores paging and agrees with an unpaged list', async () => {
    const filter: UserFilter = { banned: false };
    const page = await store.users.list(filter, { limit: 1, offset: 1, orderBy: 'created_at', direction: 'asc' });
    expect(page).toHaveLength(1);
    expect(await store.users.count(filter)).toBe(4);
  });
});
