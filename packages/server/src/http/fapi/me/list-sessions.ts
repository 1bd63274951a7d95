import { isSessionLive } from '../../../domain/sessions/session-state.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { requireActingSession } from './acting-session.js';
import { toActiveSessionJSON } from './active-session-json.js';
import { NoFields } from './me-form-fields.js';

/** Enough for any person's devices; the list is newest first, so the oldest fall off. */
const SESSION_LIST_LIMIT = 100;

/**
 * `GET /v1/me/sessions/active`: the user's live sessions on every device, for "Active devices".
 * A **bare array**, not enveloped — that is what clerk-js reads here (PROTOCOL.md §2.1).
 */
export const listActiveSessions = fapiRoute('GET', '/me/sessions/active', async (context) => {
  parseFields(NoFields, context.body);
  const { user } = await requireActingSession(context);
  const sessions = await context.app.store.sessions.list(
    { userId: user.id, statuses: ['active', 'pending'] },
    { limit: SESSION_LIST_LIMIT, offset: 0 },
  );
  return {
    response: sessions
      .filter((session) => isSessionLive(session, context.now))
      .map((session) => toActiveSessionJSON(session, context.now)),
    envelope: false,
  };
});

/** `GET /v1/me/sessions`: every session of the user, ended ones too, newest first (enveloped). */
export const listSessions = fapiRoute('GET', '/me/sessions', async (context) => {
  parseFields(NoFields, context.body);
  const { user } = await requireActingSession(context);
  const sessions = await context.app.store.sessions.list({ userId: user.id }, { limit: SESSION_LIST_LIMIT, offset: 0 });
  return { response: sessions.map((session) => toActiveSessionJSON(session, context.now)) };
});
