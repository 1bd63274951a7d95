/**
 * Recently minted session tokens, per (session, origin, organization). Several tabs of one browser
 * refresh within seconds of each other; handing them the same still-fresh token saves an RSA
 * signature each — the dominant cost of the token endpoint — without any database write.
 * A token is reused only while nearly its whole lifetime remains, so clerk-js's refresh schedule
 * (about 15 s before `exp`) is unchanged.
 */
export function createTokenReuseCache(options: { reuseWindowMs: number; maxEntries?: number }) {
  const entries = new Map<string, { jwt: string; issuedAt: number }>();
  const maxEntries = options.maxEntries ?? 50_000;
  return {
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
    /** Forget every token of a session (ended, switched organization, changed user). */
    forgetSession(sessionId: string): void {
      for (const key of entries.keys()) if (key.startsWith(`${sessionId}|`)) entries.delete(key);
    },
  };
}

export type TokenReuseCache = ReturnType<typeof createTokenReuseCache>;
