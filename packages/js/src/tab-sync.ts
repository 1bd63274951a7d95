/**
 * What one tab tells the others (same app, same browser). Tokens are shared so N open tabs do not
 * each mint their own; sign-out and session switches must reach every tab, or a tab left open
 * would keep acting as a user who signed out elsewhere.
 */
export type TabMessage =
  | { type: 'token'; sessionId: string; cacheKey: string; jwt: string; receivedAt: number }
  | { type: 'signed_out'; sessionId: string | null }
  | { type: 'active_session'; sessionId: string | null };
