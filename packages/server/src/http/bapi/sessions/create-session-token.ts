import { sessionsEndpoints } from '@latch/protocol';
import { requireJWTTemplateByName } from '../../../domain/jwt-templates/save-jwt-template.js';
import { mintSessionToken } from '../../../domain/tokens/session-token.js';
import { mintTemplateToken } from '../../../domain/tokens/template-token.js';
import { route } from '../route.js';
import { requireLiveSession } from './live-session.js';

/** `https://<frontend api host>`, the `iss` of every token (PROTOCOL.md §4.2). */
const issuerOf = (frontendApiUrl: string) => `https://${new URL(frontendApiUrl).host}`;

/**
 * `POST /sessions/{id}/tokens`: a session token for a live session, as the Frontend API would mint
 * it but without `azp` (no browser asked). `expires_in_seconds` overrides the instance's lifetime.
 */
export const createSessionTokenRoute = route(sessionsEndpoints.createSessionToken, async ({ params, body }, app) => {
  const now = app.clock.now();
  const { session, user } = await requireLiveSession(app.store, params.session_id, now);
  const settings = app.instance.settings.sessions;
  const jwt = mintSessionToken({
    session,
    user,
    signer: await app.currentSigner(now),
    issuer: issuerOf(app.config.frontendApiUrl),
    authorizedParty: null,
    now,
    lifetimeSeconds: body.expires_in_seconds ?? settings.tokenLifetimeSeconds,
    customClaims: settings.customClaims,
  });
  return { object: 'token', jwt };
});

/** `POST /sessions/{id}/tokens/{template_name}`: a JWT-template token for a live session. */
export const createTemplateTokenRoute = route(
  sessionsEndpoints.createSessionTokenFromTemplate,
  async ({ params, body }, app) => {
    const now = app.clock.now();
    const { session, user } = await requireLiveSession(app.store, params.session_id, now);
    const template = await requireJWTTemplateByName(app.store, params.template_name);
    const jwt = mintTemplateToken({
      template,
      session,
      user,
      signer: await app.currentSigner(now),
      issuer: issuerOf(app.config.frontendApiUrl),
      authorizedParty: null,
      now,
      lifetimeSeconds: body.expires_in_seconds ?? undefined,
    });
    return { object: 'token', jwt };
  },
);
