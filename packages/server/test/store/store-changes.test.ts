import { describe, expect, it } from 'vitest';
import { createStoreChanges, createTransactionChanges } from '../../src/store/store-changes.js';

describe('StoreChanges write counts', () => {
  it('counts the writes to an id after a mark, and nobody else’s', () => {
    const changes = createStoreChanges();
    changes.changed('user_a');
    const mark = changes.mark('user_a');
    expect(changes.writesSince(mark)).toBe(0);
    changes.changed('user_b');
    expect(changes.writesSince(mark)).toBe(0);
    changes.changed('user_a');
    changes.changed('user_a');
    expect(changes.writesSince(mark)).toBe(2);
    expect(changes.recorded('user_a')).toBe(3);
  });

  it('cannot tell after a write to everything', () => {
    const changes = createStoreChanges();
    const mark = changes.mark('user_a');
    changes.changedAny();
    expect(changes.writesSince(mark)).toBeNull();
  });

  it('cannot tell once the log has forgotten the ids it held', () => {
    const changes = createStoreChanges();
    changes.changed('user_a');
    const mark = changes.mark('user_a');
    // The log forgets every id past 100,000 remembered ones (MAX_REMEMBERED).
    for (let i = 0; i <= 100_000; i++) changes.changed(`client_${i}`);
    expect(changes.writesSince(mark)).toBeNull();
  });

  it('a transaction records its own writes, each again after the commit, on the outer log', () => {
    const outer = createStoreChanges();
    const mark = outer.mark('user_a');
    const tx = createTransactionChanges(outer);
    tx.changed('user_a');
    expect(tx.recorded('user_a')).toBe(1);
    expect(outer.writesSince(mark)).toBe(1);
    tx.replay();
    expect(tx.recorded('user_a')).toBe(2);
    expect(outer.writesSince(mark)).toBe(2);
    // Another writer's write shows as one more than the transaction's own.
    outer.changed('user_a');
    expect(outer.writesSince(mark)).toBe(3);
    expect(tx.recorded('user_b')).toBe(0);
  });
});
