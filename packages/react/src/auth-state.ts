import type { LatchContextValue } from './latch-context.js';
import type { LatchOrganizationMembership } from './latch-types.js';

/** What `useAuth()` knows, before its functions are attached. `undefined` everywhere = still loading. */
export type AuthSnapshot =
  | {
      isLoaded: false;
      isSignedIn: undefined;
      userId: undefined;
      sessionId: undefined;
      sessionClaims: undefined;
      actor: undefined;
      orgId: undefined;
      orgRole: undefined;
      orgSlug: undefined;
      orgPermissions: undefined;
    }
  | {
      isLoaded: true;
      isSignedIn: false;
      userId: null;
      sessionId: null;
      sessionClaims: null;
      actor: null;
      orgId: null;
      orgRole: null;
      orgSlug: null;
      orgPermissions: null;
    }
  | {
      isLoaded: true;
      isSignedIn: true;
      userId: string;
      sessionId: string;
      sessionClaims: Record<string, unknown> | null;
      actor: Record<string, unknown> | null;
      orgId: string | null;
      orgRole: string | null;
      orgSlug: string | null;
      orgPermissions: string[] | null;
    };

const LOADING: AuthSnapshot = {
  isLoaded: false,
  isSignedIn: undefined,
  userId: undefined,
  sessionId: undefined,
  sessionClaims: undefined,
  actor: undefined,
  orgId: undefined,
  orgRole: undefined,
  orgSlug: undefined,
  orgPermissions: undefined,
};

const SIGNED_OUT: AuthSnapshot = {
  isLoaded: true,
  isSignedIn: false,
  userId: null,
  sessionId: null,
  sessionClaims: null,
  actor: null,
  orgId: null,
  orgRole: null,
  orgSlug: null,
  orgPermissions: null,
};

/**
 * The auth state hooks report: from the browser SDK once it loaded, else from the server's
 * `initialState` (so server and first client render agree), else "loading".
 */
export function deriveAuthSnapshot(context: Pick<LatchContextValue, 'resources' | 'initialState'>): AuthSnapshot {
  const { resources, initialState } = context;
  if (resources) {
    const session = resources.session;
    const userId = session?.user?.id ?? resources.user?.id;
    if (!session || !userId) return SIGNED_OUT;
    const orgId = session.lastActiveOrganizationId ?? null;
    const memberships = (resources.user?.organizationMemberships ?? []) as LatchOrganizationMembership[];
    const membership = memberships.find((entry) => entry?.organization?.id === orgId);
    // The server saw this very session: its token claims stay the best source for what the client
    // resources do not carry (org role/permissions before the memberships load, custom claims).
    const sameSession = initialState?.sessionId === session.id && (initialState?.orgId ?? null) === orgId;
    return {
      isLoaded: true,
      isSignedIn: true,
      userId,
      sessionId: session.id,
      sessionClaims: sameSession ? (initialState?.sessionClaims ?? null) : null,
      actor: session.actor ?? null,
      orgId,
      orgRole: membership?.role ?? (sameSession ? (initialState?.orgRole ?? null) : null),
      orgSlug: membership?.organization.slug ?? (sameSession ? (initialState?.orgSlug ?? null) : null),
      orgPermissions: membership?.permissions ?? (sameSession ? (initialState?.orgPermissions ?? null) : null),
    };
  }
  if (initialState) {
    if (!initialState.userId || !initialState.sessionId) return SIGNED_OUT;
    return {
      isLoaded: true,
      isSignedIn: true,
      userId: initialState.userId,
      sessionId: initialState.sessionId,
      sessionClaims: initialState.sessionClaims,
      actor: initialState.actor,
      orgId: initialState.orgId,
      orgRole: initialState.orgRole,
      orgSlug: initialState.orgSlug,
      orgPermissions: initialState.orgPermissions,
    };
  }
  return LOADING;
}
