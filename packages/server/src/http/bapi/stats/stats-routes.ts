import { DAY_MS, dayStart, FAILED_SIGN_INS } from '../../../domain/stats/failed-sign-ins.js';
import type { Store } from '../../../store/store.js';
import { type Route, route } from '../route.js';
import { getDailyStats } from './stats-endpoints.js';

/** How many events of `type` were recorded in [since, until): the audit log is the source. */
const eventCount = (store: Store, type: string, since: number, until: number) =>
  store.webhooks.events.count({ types: [type], since, until });

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
    const data = await Promise.all(
      starts.map(async (start) => ({
        date: new Date(start).toISOString().slice(0, 10),
        day_start: start,
        sign_ups: await eventCount(store, 'user.created', start, start + DAY_MS),
        sign_ins: await eventCount(store, 'session.created', start, start + DAY_MS),
        failed_sign_ins: failed.get(start) ?? 0,
      })),
    );
    return { object: 'list', data };
  }),
];
