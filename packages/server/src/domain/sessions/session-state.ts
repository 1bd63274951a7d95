import type { SessionRecord, SessionStatus } from '../../store/records.js';

/**
 * A session's status as of `now`: stored statuses are final for ended/removed/revoked sessions, while
 * active ones lapse by themselves — `expired` past their lifetime, `abandoned` past inactivity.
 */
export function sessionStatusAt(session: SessionRecord, now: number): SessionStatus {
  if (session.status !== 'active' && session.status !== 'pending') return session.status;
  if (now >= session.expireAt) return 'expired';
  if (now >= session.abandonAt) return 'abandoned';
  return session.status;
}

export function isSessionLive(session: SessionRecord, now: number): boolean {
  const status = sessionStatusAt(session, now);
  return status === 'active' || status === 'pending';
}
