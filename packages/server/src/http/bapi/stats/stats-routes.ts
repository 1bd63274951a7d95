import { DAY_MS, dayStart, FAILED_SIGN_INS } from '../../../domain/stats/failed-sign-ins.js';
import type { Store } from '../../../store/store.js';
import type { EventFilter } from '../../../store/webhook-store.js';
import { type Route, route } from '../route.js';
import { getDailyStats } from './stats-endpoints.js';

/** Per-day counts of `filter`'s events of `type`, by day start: the audit log is the source. */
async function countsByDay(store: Store, type: string, filter: EventFilter): Promise<Map<number, number>> {
  const rows = await store.webhooks.events.countByDay({ ...filter, types: [type] });
  return new Map(rows.map((row) => [row.day, row.count]));
}

/** `/stats/daily`: what the dashboard's overview charts, in one call instead of one per day and figure. */
export const STATS_ROUTES: Route[] = [
  route(getDailyStats, async ({ query }, { store, clock }) => {
    const today = dayStart(clock.now());
    const starts = Array.from({ length: query.days }, (_, index) => today - (query.days - 1 - index) * DAY_MS);
    const failed = new Map(
      (await store.dailyCounters.list(FAILED_SIGN_INS, starts[0] as number, today + DAY_MS)).map((row) => [
        row.day,
        row.count,
      ]),
    );
    const range = { since: starts[0] as number, until: today + DAY_MS };
    // Sign-ups are the users created on the Frontend API (their own actor); users an operator or the
    // Backend API created are not sign-ups. A sign-up starts a session, which is not a sign-in.
    const signUps = await countsByDay(store, 'user.created', { ...range, actorType: 'user' });
    const sessions = await countsByDay(store, 'session.created', { ...range, actorType: 'user' });
    const data = starts.map((start) => {
      const newUsers = signUps.get(start) ?? 0;
      return {
        date: new Date(start).toISOString().slice(0, 10),
        day_start: start,
        sign_ups: newUsers,
        sign_ins: Math.max(0, (sessions.get(start) ?? 0) - newUsers),
        failed_sign_ins: failed.get(start) ?? 0,
      };
    });
    return { object: 'list', data };
  }),
];
