import { endSession } from '../../../domain/sessions/end-session.js';
import { isSessionLive } from '../../../domain/sessions/session-state.js';
import { fapiRoute, notFoundError, parseFields } from '../fapi-route.js';
import { requireActingSession } from './acting-session.js';
import { toActiveSessionJSON } from './active-session-json.js';
import { NoFields } from './me-form-fields.js';

/**
 * `POST /v1/me/sessions/{id}/revoke`: signs one of the user's devices out ("Sign out of device").
 * Any of the user's own sessions, on any client; another user's session does not exist (404).
 * Answers with the session as `SessionWithActivities`, which is what clerk-js rebuilds from it.
 */
export const revokeSession = fapiRoute('POST', '/me/sessions/:session_id/revoke', async (context, { session_id }) => {
  parseFields(NoFields, context.body);
  const { user } = await requireActingSession(context);
  const { app, now } = context;
  const session = session_id && session_id.length <= 128 ? await app.store.sessions.findById(session_id) : null;
  if (!session || session.userId !== user.id) throw notFoundError('session');
  const revoked = isSessionLive(session, now) ? await endSession(app.store, session, 'revoked', now) : session;
  app.tokenCache.forgetSession(session.id);
  return { response: toActiveSessionJSON(revoked, now) };
});
