import type { ClientRecord, SessionRecord, SignInRecord, SignUpRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { frontendOrganizationMemberships } from '../organizations/user-memberships-json.js';

/** A user's organization memberships as the Frontend API embeds them in `user.organization_memberships`. */
export type EmbeddedMemberships = Awaited<ReturnType<typeof frontendOrganizationMemberships>>;

/**
 * What the Frontend API's hot paths need about one browser: the client, its active and pending
 * sessions, their users, and the sign-in / sign-up in progress. `GET /v1/client`, the client in every
 * response envelope and token refreshes are all built from it.
 */
export interface ClientState {
  client: ClientRecord;
  /** Stored as active or pending, newest first; whether each is still live depends on `now` (`isSessionLive`). */
  sessions: SessionRecord[];
  /** The sessions' users and the sign-in's user, by id. A deleted user is simply absent. */
  users: Map<string, UserRecord>;
  /** Each user's organization memberships, by user id (membership writes mark the user changed). */
  memberships: Map<string, EmbeddedMemberships>;
  signIn: SignInRecord | null;
  signUp: SignUpRecord | null;
}

/**
 * The parts of a client's state its own writes in this request determined: nothing to read back.
 * `users`, when given, are users known as stored now; the others are read.
 */
export type KnownClientParts = Pick<ClientState, 'client' | 'sessions' | 'signIn' | 'signUp'> & {
  users?: ReadonlyMap<string, UserRecord>;
};

/**
 * Reads a client's state from the store (on a cache miss, or where the freshest data is required).
 * With `known`, only the users it does not hold and the memberships are read.
 */
export async function loadClientState(
  store: Store,
  client: ClientRecord,
  known?: Omit<KnownClientParts, 'client'>,
): Promise<ClientState> {
  const [sessions, signIn, signUp] = known
    ? [known.sessions, known.signIn, known.signUp]
    : await Promise.all([
        store.sessions.list({ clientId: client.id, statuses: ['active', 'pending'] }),
        client.signInId ? store.signIns.findById(client.signInId) : null,
        client.signUpId ? store.signUps.findById(client.signUpId) : null,
      ]);
  const userIds = new Set(sessions.map((session) => session.userId));
  if (signIn?.userId) userIds.add(signIn.userId);
  const users = new Map<string, UserRecord>();
  const memberships = new Map<string, EmbeddedMemberships>();
  for (const userId of userIds) {
    const user = known?.users?.get(userId) ?? (await store.users.findById(userId));
    if (!user) continue;
    users.set(user.id, user);
    memberships.set(user.id, await frontendOrganizationMemberships(store, user.id));
  }
  return { client, sessions, users, memberships, signIn, signUp };
}

/** The ids a state was built from: a write to any of them (StoreChanges) makes a cached copy stale. */
export function clientStateDependencies(state: ClientState): string[] {
  return [state.client.id, ...state.users.keys()];
}
