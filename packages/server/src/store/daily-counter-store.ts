/** Per-day counters (see migration 0007): `day` is the start of a UTC day in Unix ms. */
export interface DailyCounterStore {
  /** Adds `by` to the counter's row for `day`, creating it at `by`. */
  increment(name: string, day: number, by?: number): Promise<void>;
  /** The non-zero days of a counter in [sinceDay, untilDay), oldest first. */
  list(name: string, sinceDay: number, untilDay: number): Promise<{ day: number; count: number }[]>;
}
