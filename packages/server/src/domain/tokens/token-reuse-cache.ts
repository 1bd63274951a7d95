/**
 * Recently minted session tokens, per (session, origin, organization). Several tabs of one browser
 * refresh within seconds of each other; handing them the same still-fresh token saves an RSA
 * signature each — the dominant cost of the token endpoint — without any database write.
 * A token is reused only while nearly its whole lifetime remains, so clerk-js's refresh schedule
 * (about 15 s before `exp`) is unchanged.
 */
export function createTokenReuseCache(options: { reuseWindowMs: number; maxEntries?: number }) {
  const entries = new Map<string, { jwt: string; issuedAt: number }>();
  /** Tokens being signed (off the event loop): requests for the same key meanwhile share the signature. */
  const minting = new Map<string, Promise<string>>();
  const maxEntries = options.maxEntries ?? 50_000;
  const cache = {
    get(key: string, now: number): string | null {
      const entry = entries.get(key);
      if (!entry) return null;
      if (now - entry.issuedAt > options.reuseWindowMs) {
        entries.delete(key);
        return null;
      }
      return entry.jwt;
    },
    set(key: string, jwt: string, now: number): void {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { jwt, issuedAt: now });
    },
    /**
     * The reusable token for `key`, else the one being minted for it, else `mint()`'s, which is then
     * kept for reuse — unless the session was forgotten while it was being signed.
     */
    reuseOrMint(key: string, now: number, mint: () => Promise<string>): Promise<string> {
      const jwt = cache.get(key, now);
      if (jwt !== null) return Promise.resolve(jwt);
      const inFlight = minting.get(key);
      if (inFlight) return inFlight;
      const minted = mint();
      minting.set(key, minted);
      const settle = () => {
        if (minting.get(key) === minted) minting.delete(key);
      };
      minted.then((token) => {
        if (minting.get(key) === minted) cache.set(key, token, now);
        settle();
      }, settle);
      return minted;
    },
    /** Forget every token of a session (ended, switched organization, changed user). */
    forgetSession(sessionId: string): void {
      const prefix = `${sessionId}|`;
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
      for (const key of minting.keys()) if (key.startsWith(prefix)) minting.delete(key);
    },
  };
  return cache;
}

export type TokenReuseCache = ReturnType<typeof createTokenReuseCache>;
