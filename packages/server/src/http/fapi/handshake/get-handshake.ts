import { z } from 'zod';
import { organizationToActivate } from '../../../domain/handshake/handshake-organization.js';
import { findHandshakeSession } from '../../../domain/handshake/handshake-session.js';
import { touchSession } from '../../../domain/sessions/touch-session.js';
import { organizationClaims } from '../../../domain/tokens/organization-claim.js';
import { mintSessionToken } from '../../../domain/tokens/session-token.js';
import { cookieSuffix } from '../cookies.js';
import type { FapiContext } from '../fapi-context.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { browserClient } from './browser-client.js';
import { buildHandshakeDirectives } from './handshake-directives.js';
import { deliverHandshake } from './handshake-transport.js';
import { queryFields } from './query-fields.js';
import { requireRedirectURL } from './redirect-url.js';
import { browserHost, transportCookieDomain } from './transport-domain.js';

/** The query `@clerk/backend` builds (PROTOCOL.md §3.4); other parameters (`__clerk_api_version`) pass. */
const HandshakeQuery = z.object({
  redirect_url: z.string().min(1).max(4096),
  format: z.enum(['nonce', 'token']).default('token'),
  suffixed_cookies: z.enum(['true', 'false']).default('false'),
  __clerk_hs_reason: z.string().max(256).optional(),
  // Read by nothing below: the session comes from the client, never from a token the URL carries.
  __session: z.string().max(16_384).optional(),
  __clerk_db_jwt: z.string().max(1024).optional(),
  // An app's organizationSyncOptions: the organization (id or slug) its URL names, '' = personal account.
  // One that cannot be activated (unknown, not a member) changes nothing, as the spec says.
  organization_id: z.string().max(256).optional(),
});

/**
 * `GET /v1/client/handshake`: an app server that cannot tell whether the browser is signed in
 * redirects it here; the browser comes back to `redirect_url` with cookie directives for the app —
 * a fresh `__session` and `__client_uat` when its client has a live session, cleared ones otherwise.
 * Development instances also plant the dev-browser cookie `@clerk/backend` requires (PROTOCOL.md §3.3).
 */
export const getHandshake = fapiRoute('GET', '/client/handshake', async (context) => {
  const query = parseFields(HandshakeQuery, queryFields(context.url));
  const { app } = context;
  const redirectURL = requireRedirectURL(app, query.redirect_url);
  const development = app.instance.environmentType === 'development';
  // Development keys need a dev-browser token, which is the client token: so a client must exist.
  const browser = await browserClient(context, { create: development });
  const sessionToken = await mintHandshakeSessionToken(context, redirectURL, query.organization_id);
  const transportDomain = development
    ? undefined
    : transportCookieDomain(browserHost(context.request), redirectURL.hostname);
  const directives = buildHandshakeDirectives({
    sessionToken,
    // The same client the session came from, so the token's iat is never before the uat.
    clientUat: context.client ? Math.floor(context.client.updatedAt / 1000) : 0,
    devBrowserToken: development ? (browser?.token ?? null) : null,
    suffix: query.suffixed_cookies === 'true' ? cookieSuffix(app.publishableKey) : null,
    secure: redirectURL.protocol === 'https:',
    transportDomain,
  });
  app.logger.debug('handshake', {
    reason: query.__clerk_hs_reason ?? null,
    format: query.format,
    signed_in: sessionToken !== null,
  });
  const raw = await deliverHandshake(context, {
    redirectURL,
    directives,
    format: query.format,
    development,
    transportDomain,
  });
  return { response: null, raw };
});

/** A session token for the client's live session, for the app at `redirectURL`; null when signed out. */
async function mintHandshakeSessionToken(
  context: FapiContext,
  redirectURL: URL,
  requestedOrganization: string | undefined,
): Promise<string | null> {
  const { app, now } = context;
  const found = await findHandshakeSession(app.store, context.client, now);
  if (!found) return null;
  const settings = app.instance.settings.sessions;
  let session = found.session;
  const activate = await organizationToActivate(app.store, session, requestedOrganization);
  if (activate !== undefined && activate !== session.lastActiveOrganizationId) {
    // The URL the app is about to render names another organization: switch, as a touch would.
    session = await touchSession(app.store, session, settings, { activeOrganizationId: activate }, now);
    app.tokenCache.forgetSession(session.id);
  }
  const jwt = mintSessionToken({
    session,
    user: found.user,
    signer: await app.currentSigner(now),
    issuer: `https://${new URL(app.config.frontendApiUrl).host}`,
    authorizedParty: redirectURL.origin,
    now,
    lifetimeSeconds: settings.tokenLifetimeSeconds,
    customClaims: settings.customClaims,
    // The same `o`/`fea` claims the tokens endpoint mints, so a handshake keeps the active organization.
    organization: session.lastActiveOrganizationId ? await organizationClaims(app.store, session) : null,
  });
  // A handshake is use of the session, like a token refresh: keep the inactivity clock honest.
  if (now - session.lastActiveAt > 60_000) await touchSession(app.store, session, settings, {}, now);
  return jwt;
}
