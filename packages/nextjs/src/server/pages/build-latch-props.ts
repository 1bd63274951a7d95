import { getAuth, type PagesRequestLike } from './get-auth.js';

/**
 * Props for `getServerSideProps` that let `<LatchProvider {...pageProps}>` render the first page with
 * the server's auth state (and optionally the user) instead of "loading".
 *
 * @example
 * export const getServerSideProps = async ({ req }) => ({ props: { ...buildLatchProps(req) } });
 */
export function buildLatchProps(
  request: PagesRequestLike,
  initialState: { user?: unknown; session?: unknown; organization?: unknown } = {},
): { __latch_ssr_state: Record<string, unknown> } {
  const auth = getAuth(request);
  const state = {
    userId: auth.userId,
    sessionId: auth.sessionId,
    sessionStatus: auth.sessionStatus,
    sessionClaims: auth.sessionClaims,
    actor: auth.actor,
    orgId: auth.orgId,
    orgRole: auth.orgRole,
    orgSlug: auth.orgSlug,
    orgPermissions: auth.orgPermissions,
    // Private metadata never leaves the server.
    user: stripPrivate(initialState.user),
  };
  // JSON round trip: getServerSideProps props must be serializable (no undefined, no class instances).
  return { __latch_ssr_state: JSON.parse(JSON.stringify(state)) as Record<string, unknown> };
}

function stripPrivate(user: unknown): unknown {
  if (!user || typeof user !== 'object') return null;
  const { privateMetadata: _private, raw: _raw, ...rest } = user as Record<string, unknown>;
  return rest;
}
