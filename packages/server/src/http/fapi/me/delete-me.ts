import { deleteSelf } from '../../../domain/me/delete-self.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { requireActingSession } from './acting-session.js';
import { NoFields } from './me-form-fields.js';

/**
 * `DELETE /v1/me`: the user deletes their account, if their `delete_self_enabled` allows it (403
 * otherwise). Their sessions end everywhere; this client answers signed out.
 */
export const deleteMe = fapiRoute('DELETE', '/me', async (context) => {
  parseFields(NoFields, context.body);
  const { user } = await requireActingSession(context);
  const ended = await deleteSelf(context.app.store, user, context.now);
  for (const session of ended) context.app.tokenCache.forgetSession(session.id);
  return { response: { object: 'user', id: user.id, deleted: true } };
});
