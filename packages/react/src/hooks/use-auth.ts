'use client';
import { useCallback } from 'react';
import { type AuthSnapshot, deriveAuthSnapshot } from '../auth-state.js';
import { type AuthorizationParams, checkAuthorization } from '../authorization.js';
import { useLatchContext } from '../latch-context.js';
import type { GetTokenOptions, SignOutOptions } from '../latch-types.js';

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
  const snapshot = deriveAuthSnapshot(context);
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

/** `fea` / `pla` claims are comma-separated strings. */
function listClaim(value: unknown): string[] | undefined {
  return typeof value === 'string' && value ? value.split(',') : undefined;
}
