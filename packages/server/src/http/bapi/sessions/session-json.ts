import type { SessionJSON } from '@latch/protocol';
import { sessionStatusAt } from '../../../domain/sessions/session-state.js';
import type { SessionRecord } from '../../../store/records.js';

/**
 * Renders a session as the Backend API's `Session` (ids, not the embedded user the Frontend API
 * sends). The status is the one in force at `now`: a lapsed active session reads `expired`.
 *
 * @example
 * toBackendSessionJSON(session, Date.now()) // { object: 'session', id: 'sess_…', client_id: 'client_…', … }
 */
export function toBackendSessionJSON(session: SessionRecord, now: number): SessionJSON {
  const { activity } = session;
  return {
    object: 'session',
    id: session.id,
    client_id: session.clientId,
    user_id: session.userId,
    status: sessionStatusAt(session, now),
    last_active_organization_id: session.lastActiveOrganizationId,
    actor: null,
    latest_activity: {
      object: 'session_activity',
      // Activity is stored on the session itself; its id is derived so it stays stable.
      id: `sess_activity_${session.id.replace(/^sess_/, '')}`,
      device_type: activity.deviceType,
      is_mobile: activity.isMobile,
      browser_name: activity.browserName,
      browser_version: activity.browserVersion,
      ip_address: activity.ipAddress,
      city: activity.city,
      country: activity.country,
    },
    tasks: null,
    last_active_at: session.lastActiveAt,
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}
