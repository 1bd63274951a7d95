import type { ClerkAPIErrorJSON, ErrorCode } from '@latch/protocol';

/**
 * A failure caused by the caller's input, carried to the wire as a Clerk-shaped error.
 * Thrown by the domain and the HTTP layer alike; anything else that escapes is a bug and becomes
 * a bare 500 with no details.
 */
export class LatchAPIError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ClerkAPIErrorJSON[],
  ) {
    super(errors[0]?.long_message ?? errors[0]?.message ?? 'Request failed');
    this.name = 'LatchAPIError';
  }

  /** Sent as `Retry-After` on 429s. */
  retryAfterSeconds?: number;

  static single(status: number, code: ErrorCode, message: string, longMessage: string, paramName?: string) {
    return new LatchAPIError(status, [
      { code, message, long_message: longMessage, ...(paramName ? { meta: { param_name: paramName } } : {}) },
    ]);
  }
}

/** 422 for a field: the shape most validation failures take. */
export function formError(code: ErrorCode, paramName: string, message: string, longMessage = message) {
  return LatchAPIError.single(422, code, message, longMessage, paramName);
}

export function resourceNotFound(what = 'resource') {
  return LatchAPIError.single(404, 'resource_not_found', 'not found', `The requested ${what} does not exist.`);
}

export function identifierExists(paramName: string, longMessage: string) {
  return LatchAPIError.single(422, 'form_identifier_exists', 'is taken', longMessage, paramName);
}
