import type { AppContext } from '../../app-context.js';
import type { ClientState } from '../../domain/clients/client-state.js';
import { parseCookies } from './cookies.js';
import { CLIENT_COOKIE } from './fapi-context.js';
import { activeSessionAt, type ClientText, clientTextWithToken } from './resources/client-json.js';
import { reusableSessionToken } from './session-token-for.js';

/** A client answered from memory: its state and its serialized JSON. */
export interface ClientInMemory {
  state: ClientState;
  text: ClientText;
}

/**
 * `GET /v1/client` — every page load of a signed-in tab — when everything its answer needs is
 * already in memory: the client state (client-state cache), the active session's reusable token
 * (token reuse cache) and the serialized client. The answer is then built without waiting on
 * anything, which is most of that request's cost (docs/decisions/0018-client-reads-from-memory.md).
 * Null whenever any part is missing: the full handler answers, filling the caches as it goes, and
 * gives the same bytes (a test holds the two equal).
 */
export function clientFromMemory(
  app: Pick<AppContext, 'clientStates' | 'store' | 'tokenCache' | 'instance'>,
  request: Request,
  now: number,
): ClientInMemory | null {
  // Native apps send their token in `Authorization` (fapi-context.ts): the full path reads it.
  if (request.url.includes('_is_native=')) return null;
  const token = parseCookies(request.headers.get('cookie')).get(CLIENT_COOKIE);
  if (token === undefined) return null;
  const state = app.clientStates.peekByToken(app.store, token);
  if (!state) return null;
  const activeSession = activeSessionAt(state, now);
  let sessionToken: string | null = null;
  if (activeSession) {
    sessionToken = reusableSessionToken(app, activeSession, request.headers.get('origin'), now);
    if (sessionToken === null) return null;
  }
  return { state, text: clientTextWithToken(state, app.instance.settings, now, activeSession, sessionToken) };
}
