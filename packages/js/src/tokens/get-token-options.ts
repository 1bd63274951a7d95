/** Options of `session.getToken()` (same names as clerk-js). */
export interface GetTokenOptions {
  /** Name of a JWT template (Backend API `/jwt_templates`): mints a template token instead of a session token. */
  template?: string;
  /** Ask the Frontend API for a fresh token even when a cached one is still good. */
  skipCache?: boolean;
  /**
   * Organization the token is for: an id, `null` for the personal account; unset = the session's
   * active organization.
   */
  organizationId?: string | null;
  /** A cached token with less than this many seconds left is replaced (default 10). */
  leewayInSeconds?: number;
}
