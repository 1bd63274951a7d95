import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import { DATABASES } from '../support/databases.js';
import { instanceRecord, NOW, nextId } from './factories.js';
import { openTestStore, type TestStore } from './open-test-store.js';

/** A client record with every pointer set, so a write that clobbers one shows. */
function clientRecord(overrides: Partial<ClientRecord> = {}): ClientRecord {
  const id = overrides.id ?? nextId('client');
  return {
    id,
    tokenHash: `sha256-of-${id}`,
    lastActiveSessionId: nextId('sess'),
    signInId: nextId('sia'),
    signUpId: nextId('sua'),
    createdAt: NOW,
    updatedAt: NOW,
    endedAt: null,
    ...overrides,
  };
}

describe.each(DATABASES)('store clients [%s]', (database) => {
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

  /** Inserts a client and returns it as stored. */
  async function inserted(overrides: Partial<ClientRecord> = {}): Promise<ClientRecord> {
    const client = clientRecord(overrides);
    await store.clients.insert(client);
    return client;
  }

  describe('insert and lookups', () => {
    it('reads back exactly what was inserted, by id and by token hash (times past 2^31 stay numbers)', async () => {
      const client = await inserted({ createdAt: NOW + 7, updatedAt: NOW + 9, endedAt: NOW + 11 });
      expect(await store.clients.findById(client.id)).toStrictEqual(client);
      expect(await store.clients.findByTokenHash(client.tokenHash)).toStrictEqual(client);
      const read = await store.clients.findById(client.id);
      expect(typeof read?.createdAt).toBe('number');
      expect(typeof read?.endedAt).toBe('number');
    });

    it('keeps null pointers null', async () => {
      const client = await inserted({ lastActiveSessionId: null, signInId: null, signUpId: null });
      expect(await store.clients.findById(client.id)).toStrictEqual(client);
    });

    it('answers null for an unknown id or token hash', async () => {
      await inserted();
      expect(await store.clients.findById('client_nobody')).toBeNull();
      expect(await store.clients.findByTokenHash('sha256-of-nobody')).toBeNull();
    });

    it('counts what it holds', async () => {
      const before = await store.clients.count();
      await inserted();
      await inserted();
      expect(await store.clients.count()).toBe(before + 2);
    });

    it('refuses a second client with the same token hash, and keeps the first', async () => {
      const first = await inserted();
      const before = await store.clients.count();
      await expect(store.clients.insert(clientRecord({ tokenHash: first.tokenHash }))).rejects.toThrow();
      expect(await store.clients.count()).toBe(before);
      expect(await store.clients.findByTokenHash(first.tokenHash)).toStrictEqual(first);
    });
  });

  describe('update', () => {
    it('replaces the whole record (the id and token hash stay)', async () => {
      const client = await inserted();
      const replaced: ClientRecord = {
        ...client,
        lastActiveSessionId: null,
        signInId: 'sia_replaced',
        signUpId: null,
        updatedAt: NOW + 100,
        endedAt: NOW + 100,
      };
      await store.clients.update(replaced);
      expect(await store.clients.findById(client.id)).toStrictEqual(replaced);
      expect(await store.clients.findByTokenHash(client.tokenHash)).toStrictEqual(replaced);
    });

    it('leaves other clients alone', async () => {
      const target = await inserted();
      const bystander = await inserted();
      await store.clients.update({ ...target, signInId: null, updatedAt: NOW + 1 });
      expect(await store.clients.findById(bystander.id)).toStrictEqual(bystander);
    });
  });

  describe('patch', () => {
    it('sets the given pointers and updatedAt, and leaves every other field alone', async () => {
      const client = await inserted();
      await store.clients.patch(client.id, { lastActiveSessionId: 'sess_patched', updatedAt: NOW + 50 });
      expect(await store.clients.findById(client.id)).toStrictEqual({
        ...client,
        lastActiveSessionId: 'sess_patched',
        updatedAt: NOW + 50,
      });

      await store.clients.patch(client.id, { signInId: 'sia_patched', signUpId: 'sua_patched', updatedAt: NOW + 60 });
      expect(await store.clients.findById(client.id)).toStrictEqual({
        ...client,
        lastActiveSessionId: 'sess_patched',
        signInId: 'sia_patched',
        signUpId: 'sua_patched',
        updatedAt: NOW + 60,
      });

      await store.clients.patch(client.id, { endedAt: NOW + 70, updatedAt: NOW + 70 });
      expect(await store.clients.findById(client.id)).toStrictEqual({
        ...client,
        lastActiveSessionId: 'sess_patched',
        signInId: 'sia_patched',
        signUpId: 'sua_patched',
        updatedAt: NOW + 70,
        endedAt: NOW + 70,
      });
    });

    it('with only updatedAt, moves updatedAt alone', async () => {
      const client = await inserted();
      await store.clients.patch(client.id, { updatedAt: NOW + 5 });
      expect(await store.clients.findById(client.id)).toStrictEqual({ ...client, updatedAt: NOW + 5 });
    });

    it('clears a pointer given as null, but not one left undefined', async () => {
      const client = await inserted();
      await store.clients.patch(client.id, {
        lastActiveSessionId: null,
        signInId: undefined,
        signUpId: null,
        updatedAt: NOW + 3,
      });
      expect(await store.clients.findById(client.id)).toStrictEqual({
        ...client,
        lastActiveSessionId: null,
        signUpId: null,
        updatedAt: NOW + 3,
      });
    });

    it('does not write back a stale copy: patches of different fields from two readers compose', async () => {
      const client = await inserted();
      // Both writers start from the same read; neither sees the other's change.
      const seenByFirst = await store.clients.findById(client.id);
      const seenBySecond = await store.clients.findById(client.id);
      expect(seenByFirst).toStrictEqual(seenBySecond);
      await store.clients.patch(client.id, { signInId: 'sia_from_first', updatedAt: NOW + 1 });
      await store.clients.patch(client.id, { lastActiveSessionId: 'sess_from_second', updatedAt: NOW + 2 });
      expect(await store.clients.findById(client.id)).toStrictEqual({
        ...client,
        signInId: 'sia_from_first',
        lastActiveSessionId: 'sess_from_second',
        updatedAt: NOW + 2,
      });
    });

    it('keeps the token lookup working (the token hash is never touched)', async () => {
      const client = await inserted();
      await store.clients.patch(client.id, { signInId: null, updatedAt: NOW + 4 });
      expect(await store.clients.findByTokenHash(client.tokenHash)).toStrictEqual({
        ...client,
        signInId: null,
        updatedAt: NOW + 4,
      });
    });

    it('touches only the client it names', async () => {
      const target = await inserted();
      const bystander = await inserted();
      await store.clients.patch(target.id, {
        lastActiveSessionId: null,
        signInId: null,
        signUpId: null,
        endedAt: NOW + 8,
        updatedAt: NOW + 8,
      });
      expect(await store.clients.findById(bystander.id)).toStrictEqual(bystander);
    });

    it('of an unknown id is a no-op: it resolves, creates no row and changes no other client', async () => {
      const existing = await inserted();
      const before = await store.clients.count();
      await expect(
        store.clients.patch('client_unknown', {
          lastActiveSessionId: 'sess_x',
          signInId: 'sia_x',
          signUpId: 'sua_x',
          endedAt: NOW + 1,
          updatedAt: NOW + 1,
        }),
      ).resolves.toBeUndefined();
      expect(await store.clients.count()).toBe(before);
      expect(await store.clients.findById('client_unknown')).toBeNull();
      expect(await store.clients.findById(existing.id)).toStrictEqual(existing);
    });

    it('inside a committed transaction is visible in it and after it', async () => {
      const client = await inserted();
      const seenInside = await store.transaction(async (tx) => {
        await tx.clients.patch(client.id, { signInId: 'sia_committed', updatedAt: NOW + 20 });
        return tx.clients.findById(client.id);
      });
      const expected = { ...client, signInId: 'sia_committed', updatedAt: NOW + 20 };
      expect(seenInside).toStrictEqual(expected);
      expect(await store.clients.findById(client.id)).toStrictEqual(expected);
    });

    it('inside a rolled-back transaction leaves nothing', async () => {
      const client = await inserted();
      const failure = new Error('roll it back');
      await expect(
        store.transaction(async (tx) => {
          await tx.clients.patch(client.id, {
            lastActiveSessionId: 'sess_doomed',
            signInId: 'sia_doomed',
            signUpId: 'sua_doomed',
            endedAt: NOW + 30,
            updatedAt: NOW + 30,
          });
          // The transaction sees its own write…
          expect((await tx.clients.findById(client.id))?.signInId).toBe('sia_doomed');
          throw failure;
        }),
      ).rejects.toBe(failure);
      // …and nothing of it survives.
      expect(await store.clients.findById(client.id)).toStrictEqual(client);
    });

    it('of a client inserted in a rolled-back transaction leaves no client', async () => {
      const client = clientRecord();
      const before = await store.clients.count();
      await expect(
        store.transaction(async (tx) => {
          await tx.clients.insert(client);
          await tx.clients.patch(client.id, { signInId: 'sia_new', updatedAt: NOW + 1 });
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await store.clients.findById(client.id)).toBeNull();
      expect(await store.clients.count()).toBe(before);
    });
  });

  describe('store.changes (what per-process caches drop)', () => {
    it('patch marks that client changed, and no other', async () => {
      const client = await inserted();
      const bystander = await inserted();
      const seq = store.changes.seq;
      expect(store.changes.changedSince([client.id], seq)).toBe(false);
      await store.clients.patch(client.id, { signInId: 'sia_seen', updatedAt: NOW + 1 });
      expect(store.changes.seq).toBeGreaterThan(seq);
      expect(store.changes.changedSince([client.id], seq)).toBe(true);
      expect(store.changes.changedSince([bystander.id], seq)).toBe(false);
    });

    it('insert and update mark the client changed; reads do not', async () => {
      const client = clientRecord();
      let seq = store.changes.seq;
      await store.clients.insert(client);
      expect(store.changes.changedSince([client.id], seq)).toBe(true);

      seq = store.changes.seq;
      await store.clients.findById(client.id);
      await store.clients.findByTokenHash(client.tokenHash);
      await store.clients.count();
      expect(store.changes.seq).toBe(seq);
      expect(store.changes.changedSince([client.id], seq)).toBe(false);

      await store.clients.update({ ...client, signInId: null, updatedAt: NOW + 1 });
      expect(store.changes.changedSince([client.id], seq)).toBe(true);
    });

    it('a patch inside a transaction counts at once and again on commit', async () => {
      const client = await inserted();
      const before = store.changes.seq;
      let duringTransaction = 0;
      await store.transaction(async (tx) => {
        await tx.clients.patch(client.id, { lastActiveSessionId: null, updatedAt: NOW + 2 });
        // Recorded at once, so this process's own later reads skip stale cache entries.
        expect(store.changes.changedSince([client.id], before)).toBe(true);
        duringTransaction = store.changes.seq;
      });
      // Recorded again after commit: a read cached between the write and the commit is dropped too.
      expect(store.changes.changedSince([client.id], duringTransaction)).toBe(true);
    });
  });
});
