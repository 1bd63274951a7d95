'use client';
import { useCallback, useMemo } from 'react';
import { type AuthSnapshot, deriveAuthSnapshot } from '../auth-state.js';
import { type AuthorizationParams, checkAuthorization } from '../authorization.js';
import { useLatchContext } from '../latch-context.js';
import type { GetTokenOptions, SignOutOptions } from '../latch-types.js';
import { decodeTokenClaims, organizationFromClaims } from './token-claims.js';

export type UseAuthReturn = AuthSnapshot & {
  /** `false` while loading or signed out (callable on the first render). */
  has(params: AuthorizationParams): boolean;
  /** The active session's token (waits for the SDK to load); null when signed out. */
  getToken(options?: GetTokenOptions): Promise<string | null>;
  /** Ends the session(s), then goes to `redirectUrl`, else the provider's `afterSignOutUrl`, else `/`. */
  signOut(options?: SignOutOptions & { redirectUrl?: string }): Promise<void>;
};

/**
 * The current auth state and the session's token, like Clerk's `useAuth()`.
 *
 * @example
 * const { isLoaded, userId, getToken } = useAuth();
 * const token = await getToken();
 */
export function useAuth(): UseAuthReturn {
  const context = useLatchContext();
  const jwt = context.resources?.session?.lastActiveToken?.jwt ?? null;
  const tokenClaims = useMemo(() => decodeTokenClaims(jwt), [jwt]);
  const snapshot = withTokenFacts(deriveAuthSnapshot(context), tokenClaims);
  const { whenLoaded, signOut } = context;

  const getToken = useCallback(
    async (options?: GetTokenOptions) => {
      const latch = await whenLoaded;
      return latch.session ? latch.session.getToken(options) : null;
    },
    [whenLoaded],
  );
  const claims = snapshot.sessionClaims;
  const has = (params: AuthorizationParams) =>
    checkAuthorization(
      {
        userId: snapshot.userId,
        orgId: snapshot.orgId,
        orgRole: snapshot.orgRole,
        orgPermissions: snapshot.orgPermissions,
        features: listClaim(claims?.fea),
        plans: listClaim(claims?.pla),
      },
      params,
    );
  return { ...snapshot, has, getToken, signOut };
}

/**
 * Fills what the client resources do not say from the session's last token, when that token is of
 * this very session and organization: the claims themselves, and the org role, slug and permissions
 * (right after `setActive({ organization })` the user's memberships may not list the new one yet).
 */
function withTokenFacts(snapshot: AuthSnapshot, claims: Record<string, unknown> | null): AuthSnapshot {
  if (!snapshot.isSignedIn || !claims || claims.sid !== snapshot.sessionId) return snapshot;
  const organization = organizationFromClaims(claims);
  const sameOrganization = organization !== null && organization.orgId === snapshot.orgId;
  return {
    ...snapshot,
    sessionClaims: snapshot.sessionClaims ?? claims,
    orgRole: snapshot.orgRole ?? (sameOrganization ? organization.orgRole : null),
    orgSlug: snapshot.orgSlug ?? (sameOrganization ? organization.orgSlug : null),
    orgPermissions: snapshot.orgPermissions ?? (sameOrganization ? organization.orgPermissions : null),
  };
}

/** `fea` / `pla` claims are comma-separated strings. */
function listClaim(value: unknown): string[] | undefined {
  return typeof value === 'string' && value ? value.split(',') : undefined;
}
