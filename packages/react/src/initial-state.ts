/**
 * The auth state a server already knows when it renders the page (from the verified session token):
 * passed to `<LatchProvider initialState>` so the first client render matches the server's and is not
 * "signed out, loading". Same fields as the server's `auth()` object, minus its functions.
 */
export interface InitialAuthState {
  userId: string | null;
  sessionId: string | null;
  sessionStatus?: 'active' | 'pending' | null;
  sessionClaims: Record<string, unknown> | null;
  actor: Record<string, unknown> | null;
  orgId: string | null;
  orgRole: string | null;
  orgSlug: string | null;
  orgPermissions: string[] | null;
}

/** The signed-out state, for servers that know nobody is signed in. */
export const SIGNED_OUT_STATE: InitialAuthState = {
  userId: null,
  sessionId: null,
  sessionStatus: null,
  sessionClaims: null,
  actor: null,
  orgId: null,
  orgRole: null,
  orgSlug: null,
  orgPermissions: null,
};
