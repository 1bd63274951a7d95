import { defineEndpoint } from '@latch/protocol';
import { z } from 'zod';

/** Most days one request covers: a quarter is plenty for a chart, and bounds the work. */
export const MAX_STATS_DAYS = 90;

export const DailyStatsQuery = z
  .strictObject({
    /** How many UTC days, ending with today. */
    days: z.coerce.number().int().min(1).max(MAX_STATS_DAYS).default(14),
  })
  .meta({ id: 'DailyStatsQuery' });

export const DailyStatJSON = z
  .object({
    /** `YYYY-MM-DD`, UTC. */
    date: z.string(),
    /** Start of the day, Unix ms. */
    day_start: z.number().int(),
    /** Users who signed up through the Frontend API (not users created by an operator or the Backend API). */
    sign_ups: z.number().int(),
    /** Sessions started by signing in (a completed sign-up's session and Backend API sessions are not counted). */
    sign_ins: z.number().int(),
    /** Wrong passwords or codes, and attempts refused because the account was locked or banned. */
    failed_sign_ins: z.number().int(),
  })
  .meta({ id: 'DailyStat' });

export const getDailyStats = defineEndpoint({
  method: 'get',
  path: '/stats/daily',
  operationId: 'GetDailyStats',
  summary: 'Sign-ups, sign-ins and failed sign-ins per UTC day, oldest first, ending today.',
  tag: 'Stats',
  query: DailyStatsQuery,
  response: z.object({ object: z.literal('list'), data: z.array(DailyStatJSON) }),
});
