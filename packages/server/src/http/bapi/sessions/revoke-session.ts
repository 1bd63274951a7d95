import { sessionsEndpoints } from '@latch/protocol';
import { endSession } from '../../../domain/sessions/end-session.js';
import { isSessionLive } from '../../../domain/sessions/session-state.js';
import { route } from '../route.js';
import { requireSession } from './live-session.js';
import { toBackendSessionJSON } from './session-json.js';

/**
 * `POST /sessions/{id}/revoke`: ends the session as `revoked`; its client moves on to another live
 * session or to signed out. Revoking a session that already ended returns it unchanged.
 */
export const revokeSessionRoute = route(
  sessionsEndpoints.revokeSession,
  async ({ params }, { store, clock, tokenCache }) => {
    const now = clock.now();
    const session = await requireSession(store, params.session_id);
    const revoked = isSessionLive(session, now) ? await endSession(store, session, 'revoked', now) : session;
    // Tabs must not be handed a cached token of a session that no longer exists.
    tokenCache.forgetSession(session.id);
    return toBackendSessionJSON(revoked, now);
  },
);
