import { jwtTemplatePreviewEndpoints } from '@latch/protocol';
import { assertTemplateClaims } from '../../domain/jwt-templates/template-claims.js';
import { renderClaims } from '../../domain/tokens/claim-shortcodes.js';
import { userShortcodeData } from '../../domain/tokens/shortcode-data.js';
import { resourceNotFound } from '../../errors.js';
import { type Route, route } from './route.js';

const STANDARD_CLAIMS = new Set(['azp', 'exp', 'iat', 'iss', 'jti', 'nbf']);

/**
 * `POST /jwt_templates/preview`: the dashboard's live preview. Renders the claims over the user as
 * `…/tokens/{template}` would (a placeholder session stands in for a real one) and adds the standard
 * claims; nothing is signed or stored.
 */
export const JWT_TEMPLATE_PREVIEW_ROUTES: Route[] = [
  route(jwtTemplatePreviewEndpoints.previewJWTTemplate, async ({ body }, { store, clock, config }) => {
    assertTemplateClaims(body.claims);
    const user = await store.users.findById(body.user_id);
    if (!user) throw resourceNotFound('user');
    const now = clock.now();
    const iat = Math.floor(now / 1000);
    const rendered = renderClaims(body.claims, {
      user: userShortcodeData(user),
      session: {
        id: 'sess_preview',
        status: 'active',
        actor: null,
        last_active_organization_id: null,
        created_at: iat,
      },
      org: null,
    });
    const claims: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rendered)) {
      if (!STANDARD_CLAIMS.has(key)) Object.defineProperty(claims, key, { value, enumerable: true, writable: true });
    }
    Object.assign(claims, {
      exp: iat + (body.lifetime ?? 60),
      iat,
      iss: new URL(config.frontendApiUrl).origin,
      nbf: iat - (body.allowed_clock_skew ?? 5),
      sub: typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : user.id,
    });
    return { object: 'jwt_template_preview', user_id: user.id, claims };
  }),
];
