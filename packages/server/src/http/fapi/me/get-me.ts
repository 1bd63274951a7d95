import { frontendOrganizationMemberships } from '../../../domain/organizations/user-memberships-json.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { toFrontendUserJSON } from '../resources/fapi-user-json.js';
import { requireActingSession } from './acting-session.js';
import { NoFields } from './me-form-fields.js';

/** `GET /v1/me`: the signed-in user, as the browser may see them. */
export const getMe = fapiRoute('GET', '/me', async (context) => {
  parseFields(NoFields, context.body);
  const { user } = await requireActingSession(context);
  const organizationMemberships = await frontendOrganizationMemberships(context.app.store, user.id);
  return { response: { ...toFrontendUserJSON(user, context.now), organization_memberships: organizationMemberships } };
});
