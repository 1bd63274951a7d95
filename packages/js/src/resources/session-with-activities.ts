import { toDate } from './convert.js';
import type { SessionActivityJSON } from './json.js';
import type { ResourceCore } from './resource-core.js';

/** One of the user's sessions on some device, as `user.getSessions()` lists them. */
export class SessionWithActivities {
  readonly id: string;
  readonly status: SessionActivityJSON['status'];
  readonly expireAt: Date | null;
  readonly abandonAt: Date | null;
  readonly lastActiveAt: Date | null;
  readonly latestActivity: {
    browserName: string | null;
    browserVersion: string | null;
    deviceType: string | null;
    ipAddress: string | null;
    city: string | null;
    country: string | null;
    isMobile: boolean;
  } | null;

  constructor(
    private readonly core: ResourceCore,
    json: SessionActivityJSON,
  ) {
    this.id = json.id;
    this.status = json.status;
    this.expireAt = toDate(json.expire_at);
    this.abandonAt = toDate(json.abandon_at);
    this.lastActiveAt = toDate(json.last_active_at);
    const activity = json.latest_activity;
    this.latestActivity = activity
      ? {
          browserName: activity.browser_name,
          browserVersion: activity.browser_version ?? null,
          deviceType: activity.device_type,
          ipAddress: activity.ip_address,
          city: activity.city,
          country: activity.country,
          isMobile: activity.is_mobile,
        }
      : null;
  }

  /** Signs that device out. */
  async revoke(): Promise<SessionWithActivities> {
    const { response } = await this.core.request({
      method: 'POST',
      path: `/me/sessions/${this.id}/revoke`,
      sessionId: this.core.activeSessionId(),
    });
    return new SessionWithActivities(this.core, response as SessionActivityJSON);
  }
}
