/** One error of a Frontend API answer (`ClerkAPIError` in clerk-js), camelCased. */
export interface LatchAPIError {
  code: string;
  message: string;
  longMessage?: string;
  meta?: {
    paramName?: string;
    sessionId?: string;
    emailAddresses?: string[];
    identifiers?: string[];
    [key: string]: unknown;
  };
}

interface APIErrorJSON {
  code?: unknown;
  message?: unknown;
  long_message?: unknown;
  meta?: Record<string, unknown>;
}

/**
 * A Frontend API call answered with an error status: the typed form of `{ errors: [...] }`, so
 * `switch (error.code)` works as with `@clerk/clerk-js`'s `ClerkAPIResponseError`.
 *
 * @example
 * try { await latch.client.signIn.create({ identifier, password, strategy: 'password' }) }
 * catch (error) { if (isLatchAPIResponseError(error) && error.code === 'form_password_incorrect') … }
 */
export class LatchAPIResponseError extends Error {
  readonly status: number;
  readonly errors: LatchAPIError[];
  readonly clerkTraceId: string | undefined;
  /** Seconds from `Retry-After` on 429 answers. */
  readonly retryAfter: number | undefined;

  constructor(status: number, errors: LatchAPIError[], details: { clerkTraceId?: string; retryAfter?: number } = {}) {
    const first = errors[0];
    super(first ? `${first.code}: ${first.longMessage ?? first.message}` : `Frontend API answered ${status}`);
    this.name = 'LatchAPIResponseError';
    this.status = status;
    this.errors = errors;
    this.clerkTraceId = details.clerkTraceId;
    this.retryAfter = details.retryAfter;
  }

  /** Code of the first error (`'unknown'` when the body carried none). */
  get code(): string {
    return this.errors[0]?.code ?? 'unknown';
  }

  /** Rebuilds the error from an error body; tolerates bodies that are not Clerk-shaped. */
  static fromJSON(status: number, body: unknown, retryAfter?: number): LatchAPIResponseError {
    const raw = (body as { errors?: unknown; clerk_trace_id?: unknown } | null)?.errors;
    const errors = Array.isArray(raw) ? raw.map((entry) => toAPIError(entry as APIErrorJSON)) : [];
    const traceId = (body as { clerk_trace_id?: unknown } | null)?.clerk_trace_id;
    return new LatchAPIResponseError(status, errors, {
      ...(typeof traceId === 'string' ? { clerkTraceId: traceId } : {}),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    });
  }
}

function toAPIError(json: APIErrorJSON): LatchAPIError {
  const error: LatchAPIError = {
    code: typeof json.code === 'string' ? json.code : 'unknown',
    message: typeof json.message === 'string' ? json.message : '',
  };
  if (typeof json.long_message === 'string') error.longMessage = json.long_message;
  if (json.meta && typeof json.meta === 'object') {
    const meta: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(json.meta)) meta[camelCase(key)] = value;
    error.meta = meta;
  }
  return error;
}

function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Type guard for errors from the Frontend API (`isClerkAPIResponseError` in Clerk). Checks the shape,
 * not only the class, so it holds when an app ends up with two copies of the SDK in its bundles.
 */
export function isLatchAPIResponseError(error: unknown): error is LatchAPIResponseError {
  if (error instanceof LatchAPIResponseError) return true;
  const candidate = error as { name?: unknown; errors?: unknown; status?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.name === 'LatchAPIResponseError' &&
    Array.isArray(candidate.errors) &&
    typeof candidate.status === 'number'
  );
}

/** Codes of {@link LatchRuntimeError}: misuse of the SDK, never something a user typed. */
export type LatchRuntimeErrorCode =
  | 'invalid_publishable_key'
  | 'invalid_proxy_url'
  | 'network_error'
  | 'invalid_response';

/** The SDK was used wrongly or the network failed; thrown, with a stable `code`. */
export class LatchRuntimeError extends Error {
  constructor(
    readonly code: LatchRuntimeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LatchRuntimeError';
  }
}
