import { sessionsEndpoints } from '@latch/protocol';
import { route } from '../route.js';
import { requireSession } from './live-session.js';
import { toBackendSessionJSON } from './session-json.js';

export const getSessionRoute = route(sessionsEndpoints.getSession, async ({ params }, { store, clock }) =>
  toBackendSessionJSON(await requireSession(store, params.session_id), clock.now()),
);
