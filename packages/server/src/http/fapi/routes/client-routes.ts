import { endSession } from '../../../domain/sessions/end-session.js';
import { isSessionLive } from '../../../domain/sessions/session-state.js';
import { serializeCookie } from '../cookies.js';
import { CLIENT_COOKIE, secureCookies } from '../fapi-context.js';
import { CLIENT_ITSELF, CURRENT_CLIENT, fapiRoute } from '../fapi-route.js';
import { toClientJSON } from '../resources/client-json.js';

/** `GET /v1/client`: the browser's client, created lazily so the first page load gets its cookie. */
const getClient = fapiRoute(
  'GET',
  '/client',
  async (context) => {
    await context.requireClient();
    return { response: CLIENT_ITSELF };
  },
  { cachedClient: true, clientFromMemory: true },
);

/** `POST`/`PUT /v1/client`: a fresh client (clerk-js's `client.create()`). */
const createClientRoute = fapiRoute('POST', '/client', async (context) => {
  context.client = null;
  await context.requireClient();
  return { response: CLIENT_ITSELF };
});

/** `DELETE /v1/client`: sign out everywhere on this browser and forget the client. */
const deleteClient = fapiRoute('DELETE', '/client', async (context) => {
  const { client, app, now } = context;
  if (!client) return { response: null };
  for (const session of await app.store.sessions.list({ clientId: client.id, statuses: ['active', 'pending'] })) {
    if (isSessionLive(session, now)) await endSession(app.store, session, 'ended', now);
  }
  const ended = {
    ...((await app.store.clients.findById(client.id)) ?? client),
    endedAt: now,
    updatedAt: now,
    lastActiveSessionId: null,
  };
  await app.store.clients.update(ended);
  const response = await toClientJSON(app.store, ended, app.instance.settings, now);
  context.setCookie(
    serializeCookie(CLIENT_COOKIE, '', { httpOnly: true, secure: secureCookies(app), maxAgeSeconds: 0 }),
  );
  return { response };
});

/** `DELETE /v1/client/sessions`: sign out of every session, keep the client. */
const signOutAll = fapiRoute('DELETE', '/client/sessions', async (context) => {
  const { client, app, now } = context;
  if (client) {
    for (const session of await app.store.sessions.list({ clientId: client.id, statuses: ['active', 'pending'] })) {
      if (isSessionLive(session, now)) await endSession(app.store, session, 'ended', now);
    }
  }
  return { response: CURRENT_CLIENT };
});

export const CLIENT_ROUTES = [
  getClient,
  createClientRoute,
  { ...createClientRoute, method: 'PUT' as const },
  deleteClient,
  signOutAll,
];
