import { sessionStatusAt } from '../../../domain/sessions/session-state.js';
import type { SessionRecord, UserRecord } from '../../../store/records.js';
import { publicUserData, toFrontendUserJSON } from './fapi-user-json.js';

/** Clerk's FAPI `Session`, with the user embedded and the cached token when it is still fresh. */
export function toSessionJSON(
  session: SessionRecord,
  user: UserRecord,
  now: number,
  lastActiveToken: string | null = null,
  organizationMemberships: readonly unknown[] = [],
) {
  const minutesSince = (at: number | null) => (at === null ? -1 : Math.floor((now - at) / 60_000));
  return {
    object: 'session',
    id: session.id,
    status: sessionStatusAt(session, now),
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    last_active_at: session.lastActiveAt,
    last_active_organization_id: session.lastActiveOrganizationId,
    // clerk-js treats a session without a token as needing one now, and drops `__session` meanwhile.
    last_active_token: lastActiveToken ? { object: 'token', jwt: lastActiveToken } : null,
    actor: null,
    tasks: null,
    factor_verification_age: [
      minutesSince(session.firstFactorVerifiedAt),
      minutesSince(session.secondFactorVerifiedAt),
    ],
    // clerk-js derives `Clerk.organization` and `checkAuthorization` from the embedded memberships.
    user: { ...toFrontendUserJSON(user, now), organization_memberships: organizationMemberships },
    public_user_data: publicUserData(user),
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}
