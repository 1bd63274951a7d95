/**
 * A record of which rows this process has written, so per-process caches of hot reads (the client
 * state behind `/v1/client` and token refreshes, docs/decisions/0009-hot-path-caching.md) can drop
 * exactly what changed. Ids are those of the owning object: a client (its own row, its sessions and
 * its sign-in/sign-up attempts) or a user (its row, identifiers and password).
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
}

/** Past this many remembered ids, the log forgets them all and counts that as one `changedAny`. */
const MAX_REMEMBERED = 100_000;

export function createStoreChanges(): StoreChanges {
  let seq = 0;
  let anySeq = 0;
  const lastWrite = new Map<string, number>();
  return {
    get seq() {
      return seq;
    },
    changed(id) {
      seq += 1;
      if (lastWrite.size >= MAX_REMEMBERED) {
        lastWrite.clear();
        anySeq = seq;
      }
      lastWrite.set(id, seq);
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
  };
}

/**
 * The changes seen inside a transaction: recorded at once (so the writer's own later reads in the
 * process do not hit stale cache entries) and again after commit, because a read that ran on another
 * connection between the write and the commit saw the old row and may have been cached meanwhile.
 */
export function createTransactionChanges(outer: StoreChanges): StoreChanges & { replay(): void } {
  const ids = new Set<string>();
  let any = false;
  return {
    get seq() {
      return outer.seq;
    },
    changed(id) {
      ids.add(id);
      outer.changed(id);
    },
    changedAny() {
      any = true;
      outer.changedAny();
    },
    changedSince: (list, since) => outer.changedSince(list, since),
    replay() {
      for (const id of ids) outer.changed(id);
      if (any) outer.changedAny();
    },
  };
}
