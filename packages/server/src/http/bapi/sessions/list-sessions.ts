import { sessionsEndpoints } from '@latch/protocol';
import { sessionStatusAt } from '../../../domain/sessions/session-state.js';
import type { SessionRecord, SessionStatus } from '../../../store/records.js';
import type { SessionFilter, Store } from '../../../store/store.js';
import { route } from '../route.js';
import { listResponse } from './list-response.js';
import { toBackendSessionJSON } from './session-json.js';

/** Statuses a stored `active`/`pending` session reaches by itself, without a write. */
const LAPSING: ReadonlySet<SessionStatus> = new Set(['active', 'pending', 'expired', 'abandoned']);

/**
 * `GET /sessions`: newest first, optionally of one client or user and in one status; a bare array,
 * or `{data, total_count}` with `paginated=true`.
 */
export const listSessionsRoute = route(sessionsEndpoints.listSessions, async ({ query }, { store, clock }) => {
  const now = clock.now();
  const filter: SessionFilter = { clientId: query.client_id, userId: query.user_id };
  const render = (sessions: SessionRecord[]) => sessions.map((session) => toBackendSessionJSON(session, now));
  if (query.status && LAPSING.has(query.status)) {
    // The stored status lags the clock (an `active` row may have expired), so judge each at `now`.
    // That reads every candidate row; fine per user or client, linear for an instance-wide query.
    const status = query.status;
    const candidates = await listAll(store, { ...filter, statuses: ['active', 'pending', status] });
    const matching = candidates.filter((session) => sessionStatusAt(session, now) === status);
    return listResponse(
      render(matching.slice(query.offset, query.offset + query.limit)),
      matching.length,
      query.paginated,
    );
  }
  if (query.status) filter.statuses = [query.status];
  const [sessions, total] = await Promise.all([
    store.sessions.list(filter, { limit: query.limit, offset: query.offset }),
    store.sessions.count(filter),
  ]);
  return listResponse(render(sessions), total, query.paginated);
});

async function listAll(store: Store, filter: SessionFilter): Promise<SessionRecord[]> {
  const pageSize = 500;
  const all: SessionRecord[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.sessions.list(filter, { limit: pageSize, offset });
    all.push(...page);
    if (page.length < pageSize) return all;
  }
}
