import { sessionStatusAt } from '../../../domain/sessions/session-state.js';
import type { SessionRecord } from '../../../store/records.js';

/**
 * Clerk's `SessionWithActivities`, one row of "Active devices": the session's state and the device
 * it was started from. Unlike `SessionJSON` it carries neither the user nor the session's cached
 * token — one device must not receive another device's token.
 *
 * @example
 * toActiveSessionJSON(session, now).latest_activity.browser_name // 'Chrome'
 */
export function toActiveSessionJSON(session: SessionRecord, now: number) {
  const { activity } = session;
  return {
    object: 'session',
    id: session.id,
    status: sessionStatusAt(session, now),
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    last_active_at: session.lastActiveAt,
    last_active_organization_id: session.lastActiveOrganizationId,
    actor: null,
    latest_activity: {
      object: 'session_activity',
      // One activity per session here, so its id is derived from the session's.
      id: session.id.replace(/^sess_/, 'sess_activity_'),
      browser_name: activity.browserName,
      browser_version: activity.browserVersion,
      device_type: activity.deviceType,
      ip_address: activity.ipAddress,
      city: activity.city,
      country: activity.country,
      is_mobile: activity.isMobile,
    },
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}
