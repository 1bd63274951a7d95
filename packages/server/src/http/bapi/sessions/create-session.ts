import { sessionsEndpoints } from '@latch/protocol';
import { createClient } from '../../../domain/clients/client-credential.js';
import { createSession } from '../../../domain/sessions/create-session.js';
import { requireUser } from '../../../domain/users/user-writes.js';
import { formError } from '../../../errors.js';
import type { SessionActivity } from '../../../store/records.js';
import { route } from '../route.js';
import { toBackendSessionJSON } from './session-json.js';

/** No browser is involved, so nothing is known about the device. */
const NO_ACTIVITY: SessionActivity = {
  browserName: null,
  browserVersion: null,
  deviceType: null,
  osName: null,
  ipAddress: null,
  city: null,
  country: null,
  isMobile: false,
};

/**
 * `POST /sessions`: an active session for a user on a client of its own (Clerk documents it for
 * testing). The client and the session are written in one transaction; the client's credential is
 * never shown, so only this API can use the session (tokens via `POST /sessions/{id}/tokens`).
 */
export const createSessionRoute = route(
  sessionsEndpoints.createSession,
  async ({ body }, { store, instance, clock }) => {
    const now = clock.now();
    const user = await requireUser(store, body.user_id);
    if (user.banned) throw formError('user_banned', 'user_id', 'is banned', 'A banned user cannot have a session.');
    const session = await store.transaction(async (tx) => {
      const { client } = await createClient(tx, now);
      return createSession(tx, {
        client,
        userId: user.id,
        settings: instance.settings.sessions,
        activity: NO_ACTIVITY,
        now,
      });
    });
    return toBackendSessionJSON(session, now);
  },
);
