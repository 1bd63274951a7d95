/** One entry of a Backend API error body, camelCased (`long_message` → `longMessage`, `param_name` → `paramName`). */
export interface LatchAPIError {
  code: string;
  message: string;
  longMessage?: string;
  meta?: { paramName?: string; sessionId?: string; [key: string]: unknown };
}

/**
 * A non-2xx answer from the Backend API, rebuilt from its `{ errors, clerk_trace_id }` body so callers can
 * `switch (error.errors[0].code)` the way they do with Clerk's `ClerkAPIResponseError`.
 *
 * @example
 * try { await latch.users.getUser('user_missing') }
 * catch (error) { if (isLatchAPIResponseError(error) && error.status === 404) return null; throw error }
 */
export class LatchAPIResponseError extends Error {
  readonly status: number;
  readonly errors: LatchAPIError[];
  readonly latchTraceId: string | undefined;
  /** Seconds from `Retry-After`, on 429s. */
  readonly retryAfter: number | undefined;
  /** Always true; lets duck-typing checks recognise the error across bundle copies. */
  readonly latchError = true;

  constructor(
    message: string,
    init: { status: number; errors: LatchAPIError[]; latchTraceId?: string; retryAfter?: number },
  ) {
    super(message);
    this.name = 'LatchAPIResponseError';
    this.status = init.status;
    this.errors = init.errors;
    this.latchTraceId = init.latchTraceId;
    this.retryAfter = init.retryAfter;
  }

  /** Clerk's spelling, so code written against `clerkTraceId` keeps working after the rename. */
  get clerkTraceId(): string | undefined {
    return this.latchTraceId;
  }
}

/** True for errors from the Backend API client (also across duplicated copies of this package). */
export function isLatchAPIResponseError(error: unknown): error is LatchAPIResponseError {
  return (
    error instanceof LatchAPIResponseError ||
    (typeof error === 'object' && error !== null && (error as { latchError?: unknown }).latchError === true)
  );
}
