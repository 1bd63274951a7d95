import type { Store } from '../../store/store.js';
import { hashClientToken, isWellFormedClientToken } from './client-credential.js';
import { type ClientState, clientStateDependencies, type KnownClientParts, loadClientState } from './client-state.js';

/**
 * How long a client state read from the database may be served without reading it again, in ms.
 * Writes made by this process invalidate a state at once (StoreChanges); this bounds how late a write
 * by *another* Latch process sharing the database (a revoked session, a banned user) is seen here.
 * docs/decisions/0009-hot-path-caching.md.
 */
export const CLIENT_STATE_FRESH_MS = 2_000;

interface Entry {
  state: ClientState;
  /** `store.changes.seq` before the read: a write recorded after it invalidates the entry. */
  seq: number;
  loadedAt: number;
  /**
   * When the entry stops being served: between half and all of the freshness bound after the read,
   * at random, so states loaded together (a server's first second, a burst of tabs) are not all
   * re-read in the same instant later.
   */
  expiresAt: number;
  dependencies: string[];
  /** The raw `__client` token, once a request has presented it and it matched (see `idByToken`). */
  token?: string;
}

/**
 * A per-process cache of client states (the client, its live sessions and their users) for the
 * Frontend API's read paths: a tab's page load and its token refreshes read the same few rows over and
 * over. Handlers that write read the store itself; only reads go through here.
 */
export function createClientStateCache(
  options: { freshMs?: number; maxEntries?: number; monotonicNow?: () => number } = {},
) {
  const freshMs = options.freshMs ?? CLIENT_STATE_FRESH_MS;
  const maxEntries = options.maxEntries ?? 20_000;
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  const byId = new Map<string, Entry>();
  /** Token hash → client id; a client's token never changes, so this needs no invalidation. */
  const idByTokenHash = new Map<string, string>();
  /**
   * Raw token → client id, for cached clients only: a page load finds its client without hashing the
   * token, which measured as the largest single cost of a cached `GET /v1/client`. A token goes in only
   * after its hash matched the client's, and leaves with the entry. The database still holds only
   * hashes; the raw tokens here are those this process is being sent anyway.
   * docs/decisions/0018-client-reads-from-memory.md.
   */
  const idByToken = new Map<string, string>();

  const forget = (entry: Entry) => {
    byId.delete(entry.state.client.id);
    idByTokenHash.delete(entry.state.client.tokenHash);
    if (entry.token !== undefined) idByToken.delete(entry.token);
  };

  const knowToken = (entry: Entry, token: string) => {
    entry.token = token;
    idByToken.set(token, entry.state.client.id);
  };

  const fresh = (store: Store, entry: Entry | undefined): ClientState | null => {
    if (!entry) return null;
    if (monotonicNow() >= entry.expiresAt || store.changes.changedSince(entry.dependencies, entry.seq)) {
      forget(entry);
      return null;
    }
    return entry.state;
  };

  /** Entries sit in load order: expired ones are dropped from the front, then the oldest if still full. */
  const remember = (state: ClientState, seq: number, loadedAt: number) => {
    for (const entry of byId.values()) {
      if (loadedAt - entry.loadedAt < freshMs && byId.size < maxEntries) break;
      forget(entry);
    }
    const previous = byId.get(state.client.id);
    byId.delete(state.client.id); // re-inserted at the end, keeping load order
    const expiresAt = loadedAt + freshMs * (0.5 + Math.random() / 2);
    const entry: Entry = { state, seq, loadedAt, expiresAt, dependencies: clientStateDependencies(state) };
    // Replacing an entry still held (two loads of one client at once, or `remember` after a write):
    // a client's token never changes, so what an earlier request proved still holds.
    if (previous?.token !== undefined) entry.token = previous.token;
    byId.set(state.client.id, entry);
    idByTokenHash.set(state.client.tokenHash, state.client.id);
    return entry;
  };

  function peekByToken(store: Store, token: string): ClientState | null {
    const id = idByToken.get(token);
    return id === undefined ? null : fresh(store, byId.get(id));
  }

  return {
    /** The live (not ended) client holding the `__client` token, with its state; null for unknown tokens. */
    async byToken(store: Store, token: string): Promise<ClientState | null> {
      const known = peekByToken(store, token);
      if (known) return known;
      if (!isWellFormedClientToken(token)) return null;
      const tokenHash = hashClientToken(token);
      const id = idByTokenHash.get(tokenHash);
      const entry = id === undefined ? undefined : byId.get(id);
      const cached = fresh(store, entry);
      if (cached && entry) {
        knowToken(entry, token);
        return cached;
      }
      const seq = store.changes.seq;
      const loadedAt = monotonicNow();
      const client = await store.clients.findByTokenHash(tokenHash);
      if (!client || client.endedAt !== null) return null;
      const state = await loadClientState(store, client);
      knowToken(remember(state, seq, loadedAt), token);
      return state;
    },
    /**
     * The fresh cached state of the client holding `token`, without hashing it, waiting or reading
     * the store; null when it is not in memory (then `byToken` decides).
     */
    peekByToken,
    /**
     * Caches the state of a client whose client, sessions and attempts this request has just written
     * and committed (a new client after its first sign-in step): only its users are read. Writes
     * recorded after this call invalidate it as usual.
     */
    async remember(store: Store, known: KnownClientParts): Promise<ClientState> {
      const seq = store.changes.seq;
      const loadedAt = monotonicNow();
      const state = await loadClientState(store, known.client, known);
      remember(state, seq, loadedAt);
      return state;
    },
    /** The live client with this id, with its state; null when it does not exist or has ended. */
    async byId(store: Store, clientId: string): Promise<ClientState | null> {
      const cached = fresh(store, byId.get(clientId));
      if (cached) return cached;
      const seq = store.changes.seq;
      const loadedAt = monotonicNow();
      const client = await store.clients.findById(clientId);
      if (!client || client.endedAt !== null) return null;
      const state = await loadClientState(store, client);
      remember(state, seq, loadedAt);
      return state;
    },
  };
}

export type ClientStateCache = ReturnType<typeof createClientStateCache>;
