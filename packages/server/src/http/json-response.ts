import type { ClerkAPIErrorJSON } from '@latch/protocol';

/**
 * A JSON response with `Content-Type` exactly `application/json`: Clerk's backend SDK compares the
 * header with `===`, and a `; charset=utf-8` suffix makes it return raw strings (PROTOCOL.md §5.1).
 */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Clerk's error envelope; the trace id matches the request log line. */
export function errorResponse(status: number, errors: ClerkAPIErrorJSON[], traceId: string): Response {
  return jsonResponse({ errors, clerk_trace_id: traceId }, status);
}
