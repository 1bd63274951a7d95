/**
 * A record of which rows this process has written, so per-process caches of hot reads (the client
 * state behind `/v1/client` and token refreshes, docs/decisions/0009-hot-path-caching.md) can drop
 * exactly what changed. Ids are those of the owning object: a client (its own row, its sessions and
 * its sign-in/sign-up attempts) or a user (its row, identifiers and password); the organization
 * settings and roles are `ORGANIZATION_SETTINGS_CHANGE`.
 *
 * Writes made by other processes are not seen here; caches bound that staleness by time.
 */
export interface StoreChanges {
  /** Increases with every recorded write; a cache notes it before it reads. */
  readonly seq: number;
  /** Records a write to (something owned by) `id`. */
  changed(id: string): void;
  /** Records a write whose owner is unknown (e.g. a deletion by child id): everything counts as changed. */
  changedAny(): void;
  /** Whether any of `ids` was written after `seq` was read. */
  changedSince(ids: readonly string[], seq: number): boolean;
  /** Where `id`'s writes stand now, to count the later ones with `writesSince`. */
  mark(id: string): ChangeMark;
  /** How many writes to `mark.id` were recorded after the mark; null when that can no longer be told. */
  writesSince(mark: ChangeMark): number | null;
  /**
   * How many writes to `id` were recorded through this object: all of them for the store's own log;
   * for a transaction's, its own — each counted twice once committed (when made, and again after
   * the commit, see `createTransactionChanges`).
   */
  recorded(id: string): number;
}

export interface ChangeMark {
  readonly id: string;
  readonly seq: number;
  readonly writes: number;
}

/**
 * The change id of the instance's organization settings and roles (no object owns them): recorded on
 * every write to either, so the cached `/v1/environment` body is rebuilt.
 */
export const ORGANIZATION_SETTINGS_CHANGE = 'organization_settings';

/** Past this many remembered ids, the log forgets them all and counts that as one `changedAny`. */
const MAX_REMEMBERED = 100_000;

export function createStoreChanges(): StoreChanges {
  let seq = 0;
  let anySeq = 0;
  const lastWrite = new Map<string, number>();
  /** Writes per id, forgotten with `lastWrite` (which counts as a write to everything). */
  const writes = new Map<string, number>();
  return {
    get seq() {
      return seq;
    },
    changed(id) {
      seq += 1;
      if (lastWrite.size >= MAX_REMEMBERED) {
        lastWrite.clear();
        writes.clear();
        anySeq = seq;
      }
      lastWrite.set(id, seq);
      writes.set(id, (writes.get(id) ?? 0) + 1);
    },
    changedAny() {
      seq += 1;
      anySeq = seq;
    },
    changedSince(ids, since) {
      if (anySeq > since) return true;
      for (const id of ids) if ((lastWrite.get(id) ?? 0) > since) return true;
      return false;
    },
    mark: (id) => ({ id, seq, writes: writes.get(id) ?? 0 }),
    writesSince: (mark) => (anySeq > mark.seq ? null : (writes.get(mark.id) ?? 0) - mark.writes),
    recorded: (id) => writes.get(id) ?? 0,
  };
}

/**
 * The changes seen inside a transaction: recorded at once (so the writer's own later reads in the
 * process do not hit stale cache entries) and again after commit, because a read that ran on another
 * connection between the write and the commit saw the old row and may have been cached meanwhile.
 */
export function createTransactionChanges(outer: StoreChanges): StoreChanges & { replay(): void } {
  /** Each id this transaction wrote, with how many writes it recorded for it on `outer`. */
  const own = new Map<string, number>();
  let any = false;
  return {
    get seq() {
      return outer.seq;
    },
    changed(id) {
      own.set(id, (own.get(id) ?? 0) + 1);
      outer.changed(id);
    },
    changedAny() {
      any = true;
      outer.changedAny();
    },
    changedSince: (list, since) => outer.changedSince(list, since),
    mark: (id) => outer.mark(id),
    writesSince: (mark) => outer.writesSince(mark),
    recorded: (id) => own.get(id) ?? 0,
    replay() {
      for (const [id, count] of own) {
        own.set(id, count + 1);
        outer.changed(id);
      }
      if (any) outer.changedAny();
    },
  };
}
