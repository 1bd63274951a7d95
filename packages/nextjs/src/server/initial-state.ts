import type { InitialAuthState } from '@latch/react';
import type { AuthObject } from './auth-object.js';

/** The auth object's plain fields, for `<LatchProvider initialState>` (functions cannot cross to the client). */
export function initialStateFromAuth(auth: AuthObject): InitialAuthState {
  return {
    userId: auth.userId,
    sessionId: auth.sessionId,
    sessionStatus: auth.sessionStatus,
    sessionClaims: auth.sessionClaims,
    actor: auth.actor,
    orgId: auth.orgId ?? null,
    orgRole: auth.orgRole ?? null,
    orgSlug: auth.orgSlug ?? null,
    orgPermissions: auth.orgPermissions ?? null,
  };
}
