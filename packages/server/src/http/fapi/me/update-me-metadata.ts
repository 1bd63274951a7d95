import { z } from 'zod';
import { updateUserMetadata } from '../../../domain/users/update-user-metadata.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { toFrontendUserJSON } from '../resources/fapi-user-json.js';
import { requireActingSession } from './acting-session.js';
import { jsonObjectField } from './me-form-fields.js';

const UpdateMetadataBody = z.strictObject({ unsafe_metadata: jsonObjectField });

/**
 * `PATCH /v1/me/metadata`: deep-merges into `unsafe_metadata` (a `null` value deletes its key), the
 * same merge as the Backend API's. Public and private metadata are the server's; the browser
 * cannot touch them.
 */
export const updateMeMetadata = fapiRoute('PATCH', '/me/metadata', async (context) => {
  const body = parseFields(UpdateMetadataBody, context.body);
  const { user } = await requireActingSession(context);
  const updated = await updateUserMetadata(
    context.app.store,
    user.id,
    { unsafe_metadata: body.unsafe_metadata },
    'merge',
    context.now,
  );
  return { response: toFrontendUserJSON(updated, context.now) };
});
