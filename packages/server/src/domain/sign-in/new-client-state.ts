import type { ClientRecord } from '../../store/records.js';
import type { KnownClientParts } from '../clients/client-state.js';
import type { SignInProgress } from './complete-sign-in.js';

/**
 * What a new client holds after the sign-in step that stored it (`SignInDeps.clientIsNew`): that
 * step inserted it pointing at the attempt (and at the session, when it completed), stamped `now`,
 * and nothing else can have touched it — its token is only in this response. With it goes the
 * signed-in user when the sign-in knows it as stored (`SignInProgress.user`). The client-state
 * cache takes this instead of reading the rows back (the test holds it equal to a fresh read).
 */
export function newClientState(client: ClientRecord, progress: SignInProgress, now: number): KnownClientParts {
  const { signIn, session, user } = progress;
  return {
    client: { ...client, signInId: signIn.id, lastActiveSessionId: session?.id ?? null, updatedAt: now },
    sessions: session ? [session] : [],
    signIn,
    signUp: null,
    ...(user ? { users: new Map([[user.id, user]]) } : {}),
  };
}
