import type { FapiRoute } from '../fapi-route.js';
import { attemptEmailAddressVerification } from '../me/attempt-email-verification.js';
import { changeMyPassword } from '../me/change-password.js';
import { createEmailAddress } from '../me/create-email-address.js';
import { deleteEmailAddress } from '../me/delete-email-address.js';
import { deleteMe } from '../me/delete-me.js';
import { getMe } from '../me/get-me.js';
import { listActiveSessions, listSessions } from '../me/list-sessions.js';
import { prepareEmailAddressVerification } from '../me/prepare-email-verification.js';
import { getEmailAddress, listEmailAddresses } from '../me/read-email-addresses.js';
import { removeMyPassword } from '../me/remove-password.js';
import { revokeSession } from '../me/revoke-session.js';
import { updateMe } from '../me/update-me.js';
import { updateMeMetadata } from '../me/update-me-metadata.js';

/**
 * The signed-in user's own account (`/v1/me…`, PROTOCOL.md §2.2 "User profile"). Every route acts
 * as the session named by `_clerk_session_id`, which must be live on the calling client.
 */
export const ME_ROUTES: FapiRoute[] = [
  getMe,
  updateMe,
  updateMeMetadata,
  deleteMe,
  listEmailAddresses,
  createEmailAddress,
  getEmailAddress,
  prepareEmailAddressVerification,
  attemptEmailAddressVerification,
  deleteEmailAddress,
  changeMyPassword,
  removeMyPassword,
  listActiveSessions,
  listSessions,
  revokeSession,
];
