import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DATABASES } from '../support/databases.js';
import { instanceRecord, NOW, newUser, password, secretKey, signingKey } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

describe.each(DATABASES)('store transactions [%s]', (database) => {
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

  /** Everything a transaction below might touch, to compare before and after. */
  async function snapshot(userIds: string[]) {
    return {
      users: await Promise.all(userIds.map((id) => store.users.findById(id))),
      userCount: await store.users.count({}),
      instance: await store.instance.get(),
      signingKeys: await store.signingKeys.listPublished(NOW),
      secretKeys: await store.secretKeys.list(),
    };
  }

  it('commits every write when the work resolves, and returns its result', async () => {
    const user = newUser({ emails: ['commit@example.com'] });
    const result = await store.transaction(async (tx) => {
      await tx.users.insert(user);
      return { inserted: user.fields.id, seen: (await tx.users.findById(user.fields.id))?.emailAddresses.length };
    });
    expect(result).toEqual({ inserted: user.fields.id, seen: 1 });
    expect(await store.users.findById(user.fields.id)).not.toBeNull();
  });

  it('returns plain values, including undefined and null', async () => {
    expect(await store.transaction(async () => 42)).toBe(42);
    expect(await store.transaction(async () => null)).toBeNull();
    expect(await store.transaction(async () => undefined)).toBeUndefined();
  });

  it('rolls back every write when the work throws, and rethrows that very error', async () => {
    const existing = newUser({ firstName: 'Unchanged', emails: ['existing@example.com'], password: password() });
    const doomedKey = secretKey();
    await store.users.insert(existing);
    await store.secretKeys.insert(doomedKey);
    const before = await snapshot([existing.fields.id]);

    const failure = new Error('boom');
    const fresh = newUser({ emails: ['rolled-back@example.com'], password: password() });
    const outcome = store.transaction(async (tx) => {
      await tx.users.insert(fresh);
      await tx.users.update(existing.fields.id, { firstName: 'Changed', banned: true });
      await tx.users.setPassword(existing.fields.id, null);
      await tx.signingKeys.insert(signingKey());
      await tx.secretKeys.insert(secretKey());
      await tx.secretKeys.revoke(doomedKey.id, NOW + 1);
      await tx.instance.updateSettings(
        {
          ...before.instance!.settings,
          passwordPolicy: { ...before.instance!.settings.passwordPolicy, minLength: 30 },
        },
        NOW + 1,
      );
      throw failure;
    });
    await expect(outcome).rejects.toBe(failure);

    expect(await snapshot([existing.fields.id])).toStrictEqual(before);
    expect(await store.users.findById(fresh.fields.id)).toBeNull();
    expect(await store.users.findTakenIdentifiers('email_address', ['rolled-back@example.com'])).toEqual([]);
  });

  it('rolls back a delete', async () => {
    const user = newUser({ emails: ['survivor@example.com'], password: password() });
    await store.users.insert(user);
    const before = await store.users.findById(user.fields.id);
    await expect(
      store.transaction(async (tx) => {
        expect(await tx.users.delete(user.fields.id)).toBe(true);
        expect(await tx.users.findById(user.fields.id)).toBeNull();
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await store.users.findById(user.fields.id)).toStrictEqual(before);
  });

  describe('nested transaction() calls', () => {
    it('run inside the outer transaction: an outer failure undoes the inner writes', async () => {
      const inner = newUser({ emails: ['inner@example.com'] });
      await expect(
        store.transaction(async (outer) => {
          await outer.transaction((nested) => nested.users.insert(inner));
          expect(await outer.users.findById(inner.fields.id)).not.toBeNull();
          throw new Error('outer fails after inner finished');
        }),
      ).rejects.toThrow('outer fails');
      expect(await store.users.findById(inner.fields.id)).toBeNull();
    });

    it('see the outer transaction’s uncommitted writes', async () => {
      const user = newUser();
      const seen = await store.transaction(async (outer) => {
        await outer.users.insert(user);
        return outer.transaction(async (nested) => (await nested.users.findById(user.fields.id))?.id);
      });
      expect(seen).toBe(user.fields.id);
    });

    it('an inner failure undoes the outer writes too', async () => {
      const outerUser = newUser();
      const innerUser = newUser();
      const failure = new Error('inner fails');
      await expect(
        store.transaction(async (outer) => {
          await outer.users.insert(outerUser);
          await outer.transaction(async (nested) => {
            await nested.users.insert(innerUser);
            throw failure;
          });
        }),
      ).rejects.toBe(failure);
      expect(await store.users.findById(outerUser.fields.id)).toBeNull();
      expect(await store.users.findById(innerUser.fields.id)).toBeNull();
    });

    it('return their result to the outer work, and commit with it', async () => {
      const user = newUser();
      const result = await store.transaction(async (outer) => {
        const inner = await outer.transaction(async (nested) => {
          await nested.users.insert(user);
          return 'inner-result';
        });
        return `${inner}+outer`;
      });
      expect(result).toBe('inner-result+outer');
      expect(await store.users.findById(user.fields.id)).not.toBeNull();
    });
  });

  it('leaves the store usable after a rollback', async () => {
    await expect(store.transaction(async () => Promise.reject(new Error('first')))).rejects.toThrow('first');
    const user = newUser();
    await store.transaction((tx) => tx.users.insert(user));
    expect(await store.users.findById(user.fields.id)).not.toBeNull();
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
