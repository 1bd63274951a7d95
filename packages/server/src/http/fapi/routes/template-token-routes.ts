import { z } from 'zod';
import { requireJWTTemplateByName } from '../../../domain/jwt-templates/save-jwt-template.js';
import { isSessionLive } from '../../../domain/sessions/session-state.js';
import { mintTemplateToken } from '../../../domain/tokens/template-token.js';
import { LatchAPIError } from '../../../errors.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { requireOwnSession } from './session-routes.js';

const TemplateTokenBody = z.object({ organization_id: z.string().max(128).optional() });

const sessionNotActive = () =>
  LatchAPIError.single(401, 'authentication_invalid', 'Session is no longer active', 'Sign in again to continue.');

/**
 * `POST /v1/client/sessions/{id}/tokens/{template}` — clerk-js's `getToken({ template })`: a token
 * from a JWT template for a live session of this client, bare `{object:"token", jwt}`. Another
 * client's session is a 404; an ended one a 401, so clerk-js signs the tab out.
 */
const templateToken = fapiRoute(
  'POST',
  '/client/sessions/:session_id/tokens/:template_name',
  async (context, { session_id, template_name }) => {
    const body = parseFields(TemplateTokenBody, context.body);
    const { app, now } = context;
    const session = await requireOwnSession(context, session_id as string);
    if (!isSessionLive(session, now)) throw sessionNotActive();
    if (body.organization_id) {
      // Organizations arrive with their own resource; until then only the personal account exists.
      throw LatchAPIError.single(404, 'resource_not_found', 'not found', 'No such organization.', 'organization_id');
    }
    const user = await app.store.users.findById(session.userId);
    if (!user || user.banned) throw sessionNotActive();
    const template = await requireJWTTemplateByName(app.store, template_name as string);
    const jwt = mintTemplateToken({
      template,
      session,
      user,
      signer: await app.currentSigner(now),
      issuer: `https://${new URL(app.config.frontendApiUrl).host}`,
      authorizedParty: context.origin,
      now,
    });
    return { response: { object: 'token', jwt }, envelope: false };
  },
);

export const TEMPLATE_TOKEN_ROUTES = [templateToken];
