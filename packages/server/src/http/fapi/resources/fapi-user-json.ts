import type { UserRecord } from '../../../store/records.js';
import { toUserJSON } from '../../bapi/user-json.js';

/**
 * The user as the browser sees it: the Backend API shape minus everything only a server may read.
 * `private_metadata` never leaves through the Frontend API (a test holds every response to that).
 * What remains does not depend on `now`, so it is built once per user record (records are never
 * mutated; a changed user is a new record) — the client JSON of every `GET /v1/client` embeds it.
 * The result is shared: serialise it, never modify it.
 */
export function toFrontendUserJSON(user: UserRecord, now: number): FrontendUserJSON {
  let json = frontendUserJSONs.get(user);
  if (!json) {
    json = buildFrontendUserJSON(user, now);
    frontendUserJSONs.set(user, json);
  }
  return json;
}

type FrontendUserJSON = ReturnType<typeof buildFrontendUserJSON>;
const frontendUserJSONs = new WeakMap<UserRecord, FrontendUserJSON>();

function buildFrontendUserJSON(user: UserRecord, now: number) {
  const {
    private_metadata: _private,
    banned: _banned,
    locked: _locked,
    lockout_expires_in_seconds: _lockout,
    verification_attempts_remaining: _attempts,
    bypass_client_trust: _bypass,
    ...visible
  } = toUserJSON(user, now);
  return { ...visible, profile_image_id: null };
}

/** The small, public summary sessions and sign-ins carry. */
export function publicUserData(user: UserRecord) {
  const primaryEmail = user.emailAddresses.find((email) => email.id === user.primaryEmailAddressId);
  return {
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: user.imageUrl ?? '',
    has_image: user.imageUrl !== null,
    identifier: primaryEmail?.value ?? user.username ?? user.phoneNumbers[0]?.value ?? '',
    user_id: user.id,
    username: user.username,
  };
}
