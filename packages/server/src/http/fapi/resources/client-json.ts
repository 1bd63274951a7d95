import { type ClientState, loadClientState } from '../../../domain/clients/client-state.js';
import { isSessionLive } from '../../../domain/sessions/session-state.js';
import type { ClientRecord, InstanceSettings, SessionRecord, UserRecord } from '../../../store/records.js';
import type { Store } from '../../../store/store.js';
import { toSessionJSON } from './session-json.js';
import { toSignInJSON } from './sign-in-json.js';
import { toSignUpJSON } from './sign-up-json.js';

export interface ClientJSONOptions {
  /** Mints (or reuses) the active session's token, sent as its `last_active_token`. */
  tokenFor?: (session: SessionRecord, user: UserRecord) => Promise<string>;
}

/**
 * The full, current client — returned with every Frontend API mutation, because clerk-js derives its
 * signed-in state from it (PROTOCOL.md §2.1, Appendix A). Reads the client's state from the store.
 */
export async function toClientJSON(
  store: Store,
  client: ClientRecord,
  settings: InstanceSettings,
  now: number,
  options: ClientJSONOptions = {},
) {
  return clientStateToJSON(await loadClientState(store, client), settings, now, options);
}

/** The client JSON from an already loaded (possibly cached) client state. */
export async function clientStateToJSON(
  state: ClientState,
  settings: InstanceSettings,
  now: number,
  options: ClientJSONOptions = {},
) {
  const activeSession = activeSessionAt(state, now);
  return buildClientJSON(state, settings, now, activeSession, await activeTokenOf(state, activeSession, options));
}

/** The client as JSON text, and whether it is signed in (the `__client_uat` cookie follows it). */
export interface ClientText {
  readonly text: string;
  readonly lastActiveSessionId: string | null;
}

interface CachedClientText extends ClientText {
  readonly settings: InstanceSettings;
  readonly token: string | null;
  /** The text is exact for every `now` in [from, until). */
  readonly from: number;
  readonly until: number;
}

/**
 * Serialized clients by state. Every page load of a signed-in tab asks for `GET /v1/client`, and
 * building and stringifying its ~5 KB (sessions with their users) was a third of that request's CPU.
 * A client state is never modified (a write loads a new one), so the text stays right for as long as
 * the settings, the active session's token and every time-dependent value (`clientTextChangesAt`) do.
 */
const clientTexts = new WeakMap<ClientState, CachedClientText>();

/** `JSON.stringify(await clientStateToJSON(…))`, reused while nothing it depends on has changed. */
export async function clientStateToText(
  state: ClientState,
  settings: InstanceSettings,
  now: number,
  options: ClientJSONOptions = {},
): Promise<ClientText> {
  const activeSession = activeSessionAt(state, now);
  return clientTextWithToken(state, settings, now, activeSession, await activeTokenOf(state, activeSession, options));
}

/**
 * `clientStateToText` once the active session's token is known (`activeSession` from
 * `activeSessionAt(state, now)`, `token` its `last_active_token`, null when there is none).
 */
export function clientTextWithToken(
  state: ClientState,
  settings: InstanceSettings,
  now: number,
  activeSession: SessionRecord | undefined,
  token: string | null,
): ClientText {
  const cached = clientTexts.get(state);
  if (cached && cached.settings === settings && cached.token === token && now >= cached.from && now < cached.until) {
    return cached;
  }
  const json = buildClientJSON(state, settings, now, activeSession, token);
  const entry: CachedClientText = {
    text: JSON.stringify(json),
    lastActiveSessionId: json.last_active_session_id,
    settings,
    token,
    from: now,
    until: clientTextChangesAt(state, now),
  };
  clientTexts.set(state, entry);
  return entry;
}

/**
 * The first moment after `now` when the client JSON of `state` reads differently with nothing stored
 * changed: a session expiring or being abandoned, a `factor_verification_age` minute ticking over, the
 * sign-in attempt being abandoned. Keep in step with every use of `now` in the resources below (a test
 * compares cached and fresh text across these moments).
 */
export function clientTextChangesAt(state: ClientState, now: number): number {
  let until = Number.POSITIVE_INFINITY;
  const after = (at: number) => {
    if (at > now && at < until) until = at;
  };
  const nextMinute = (at: number | null) => {
    if (at !== null) after(at + (Math.floor((now - at) / 60_000) + 1) * 60_000);
  };
  for (const session of state.sessions) {
    if (session.status !== 'active' && session.status !== 'pending') continue;
    after(session.expireAt);
    after(session.abandonAt);
    nextMinute(session.firstFactorVerifiedAt);
    nextMinute(session.secondFactorVerifiedAt);
  }
  if (state.signIn && state.signIn.status !== 'complete') after(state.signIn.abandonAt);
  return until;
}

/** The client's active session while it is live and its user exists (`last_active_session_id`). */
export function activeSessionAt(state: ClientState | null, now: number): SessionRecord | undefined {
  if (!state) return undefined;
  const { client, users } = state;
  const id = client.lastActiveSessionId;
  return id === null
    ? undefined
    : state.sessions.find((session) => session.id === id && isSessionLive(session, now) && users.has(session.userId));
}

function activeTokenOf(
  state: ClientState,
  activeSession: SessionRecord | undefined,
  options: ClientJSONOptions,
): Promise<string> | null {
  return activeSession && options.tokenFor
    ? options.tokenFor(activeSession, state.users.get(activeSession.userId) as UserRecord)
    : null;
}

function buildClientJSON(
  state: ClientState,
  settings: InstanceSettings,
  now: number,
  activeSession: SessionRecord | undefined,
  activeToken: string | null,
) {
  const { client, users, signIn, signUp } = state;
  const liveSessions = state.sessions.filter((session) => isSessionLive(session, now) && users.has(session.userId));
  const signInUser = signIn?.userId ? (users.get(signIn.userId) ?? null) : null;
  return {
    object: 'client',
    id: client.id,
    sessions: liveSessions.map((session) =>
      toSessionJSON(
        session,
        users.get(session.userId) as UserRecord,
        now,
        session === activeSession ? activeToken : null,
        state.memberships.get(session.userId),
      ),
    ),
    sign_in: signIn && signIn.status !== 'complete' ? toSignInJSON(signIn, signInUser, settings, now) : null,
    sign_up: signUp && signUp.status !== 'complete' ? toSignUpJSON(signUp, settings) : null,
    last_active_session_id: activeSession ? activeSession.id : null,
    last_authentication_strategy: null,
    cookie_expires_at: null,
    created_at: client.createdAt,
    updated_at: client.updatedAt,
  };
}
