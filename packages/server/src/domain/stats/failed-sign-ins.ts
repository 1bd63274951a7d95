import { LatchAPIError } from '../../errors.js';
import type { Store } from '../../store/store.js';

/** The daily counter behind the dashboard's "failed sign-ins" chart. */
export const FAILED_SIGN_INS = 'sign_in.failed';

export const DAY_MS = 86_400_000;

/** Start of the UTC day `at` falls in. */
export const dayStart = (at: number) => Math.floor(at / DAY_MS) * DAY_MS;

/**
 * Counts one failed first-factor attempt (wrong password or code, locked or banned account). One
 * upsert into today's row, so an attack costs no storage beyond that row. A counter that cannot be
 * written must not change what the person signing in is told, so its failure is swallowed.
 *
 * @example
 * await countFailedSignIn(deps.store, deps.now);
 * throw passwordIncorrectError();
 */
export async function countFailedSignIn(store: Store, now: number): Promise<void> {
  try {
    await store.dailyCounters.increment(FAILED_SIGN_INS, dayStart(now));
  } catch {
    // Statistics only: the sign-in answer (already decided) matters more than the count.
  }
}

/**
 * Runs a standing check (banned, locked out) and counts the attempt when it refuses the sign-in
 * (403), then lets the refusal through unchanged.
 *
 * @example
 * await countIfRefused(deps.store, deps.now, () => assertSubjectMaySignIn(deps, identifier, user));
 */
export async function countIfRefused(store: Store, now: number, check: () => void): Promise<void> {
  try {
    check();
  } catch (error) {
    if (error instanceof LatchAPIError && error.status === 403) await countFailedSignIn(store, now);
    throw error;
  }
}
