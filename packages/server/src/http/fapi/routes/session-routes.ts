import { z } from 'zod';
import { findMembership, requireOrganizationAccess } from '../../../domain/organizations/organization-access.js';
import { frontendOrganizationMemberships } from '../../../domain/organizations/user-memberships-json.js';
import { endSession } from '../../../domain/sessions/end-session.js';
import { isSessionLive } from '../../../domain/sessions/session-state.js';
import { touchSession } from '../../../domain/sessions/touch-session.js';
import { LatchAPIError } from '../../../errors.js';
import type { SessionRecord } from '../../../store/records.js';
import type { FapiContext } from '../fapi-context.js';
import { type FapiRoute, fapiRoute, notFoundError, parseFields } from '../fapi-route.js';
import { toSessionJSON } from '../resources/session-json.js';
import { sessionTokenFor } from '../session-token-for.js';

/**
 * A session of *this* client; another client's sessions do not exist from here. On cached-client
 * routes an active or pending session comes from the client state; anything else is read from the store.
 */
export async function requireOwnSession(context: FapiContext, sessionId: string): Promise<SessionRecord> {
  const known = context.clientState?.sessions.find((candidate) => candidate.id === sessionId);
  if (known) return known;
  const session = context.client ? await context.app.store.sessions.findById(sessionId) : null;
  if (!session || session.clientId !== context.client?.id) throw notFoundError('session');
  return session;
}

/** A live session of this client; an ended one answers 401 so clerk-js signs the tab out. */
async function requireLiveSession(context: FapiContext, sessionId: string): Promise<SessionRecord> {
  const session = await requireOwnSession(context, sessionId);
  if (!isSessionLive(session, context.now)) {
    throw LatchAPIError.single(
      401,
      'authentication_invalid',
      'Session is no longer active',
      'Sign in again to continue.',
    );
  }
  return session;
}

async function sessionResponse(context: FapiContext, session: SessionRecord) {
  const user = await context.app.store.users.findById(session.userId);
  if (!user) throw notFoundError('session');
  const memberships = await frontendOrganizationMemberships(context.app.store, user.id);
  return { response: toSessionJSON(session, user, context.now, null, memberships) };
}

const getSession = fapiRoute('GET', '/client/sessions/:session_id', async (context, { session_id }) =>
  sessionResponse(context, await requireOwnSession(context, session_id as string)),
);

const TouchBody = z.object({
  active_organization_id: z.string().max(128).optional(),
  intent: z.string().max(64).optional(),
});

/** `touch`: the session is in use (and, with `active_organization_id`, switches organization). */
const touch = fapiRoute('POST', '/client/sessions/:session_id/touch', async (context, { session_id }) => {
  const body = parseFields(TouchBody, context.body);
  const session = await requireLiveSession(context, session_id as string);
  if (body.active_organization_id) {
    // Only an organization the session's user belongs to can become active (404 otherwise, as Clerk).
    await requireOrganizationAccess(context.app.store, body.active_organization_id, session.userId);
  }
  const touched = await touchSession(
    context.app.store,
    session,
    context.app.instance.settings.sessions,
    // '' (a form's null) = the personal account.
    body.active_organization_id === undefined ? {} : { activeOrganizationId: body.active_organization_id || null },
    context.now,
  );
  context.app.tokenCache.forgetSession(session.id);
  return sessionResponse(context, touched);
});

const TokenBody = z.object({
  organization_id: z.string().max(128).optional(),
  tab_state: z.string().max(32).optional(),
  token: z.string().max(8192).optional(),
  force_origin: z.string().max(16).optional(),
});

/**
 * `POST /v1/client/sessions/{id}/tokens` — the hot path: every open tab asks about every 45 s.
 * The client, session and user come from the client-state cache (no query when it is fresh); a token
 * minted for the same session, origin and organization in the last few seconds is reused;
 * `last_active_at` is written at most once a minute.
 */
const tokensHandler: FapiRoute['handle'] = async (context, { session_id }) => {
  const body = parseFields(TokenBody, context.body);
  const { app, now } = context;
  let session = await requireLiveSession(context, session_id as string);
  // clerk-js names the active organization on every refresh after a switch. The session's own is free;
  // another one is minted for only when the user is a member (404 otherwise, nothing changes).
  const organizationId = body.organization_id || null;
  if (organizationId && organizationId !== session.lastActiveOrganizationId) {
    if (!(await findMembership(app.store, organizationId, session.userId))) {
      throw LatchAPIError.single(404, 'resource_not_found', 'not found', 'No such organization.', 'organization_id');
    }
    session = { ...session, lastActiveOrganizationId: organizationId };
  }
  const user = context.clientState?.users.get(session.userId) ?? (await app.store.users.findById(session.userId));
  if (!user || user.banned) {
    throw LatchAPIError.single(
      401,
      'authentication_invalid',
      'Session is no longer active',
      'Sign in again to continue.',
    );
  }
  const skipCache = context.url.searchParams.get('debug') === 'skip_cache';
  const jwt = await sessionTokenFor(app, session, user, context.origin, now, { skipCache });
  if (now - session.lastActiveAt > 60_000) {
    await touchSession(app.store, session, app.instance.settings.sessions, {}, now);
  }
  return { response: { object: 'token', jwt }, envelope: false };
};
const tokens = fapiRoute('POST', '/client/sessions/:session_id/tokens', tokensHandler, { cachedClient: true });

const endOrRemove = (action: 'end' | 'remove') =>
  fapiRoute('POST', `/client/sessions/:session_id/${action}`, async (context, { session_id }) => {
    const session = await requireOwnSession(context, session_id as string);
    const ended = isSessionLive(session, context.now)
      ? await endSession(context.app.store, session, action === 'end' ? 'ended' : 'removed', context.now)
      : session;
    context.app.tokenCache.forgetSession(session.id);
    return sessionResponse(context, ended);
  });

export const SESSION_ROUTES = [getSession, touch, tokens, endOrRemove('end'), endOrRemove('remove')];
