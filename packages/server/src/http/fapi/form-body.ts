import { LatchAPIError } from '../../errors.js';
import { readLimitedBody } from '../read-limited-body.js';

export type FormValue = string | string[];

/**
 * Reads a Frontend API body. clerk-js sends `application/x-www-form-urlencoded` (repeated keys for
 * arrays, nested objects as JSON strings); JSON bodies are accepted too for other clients.
 * Values stay strings here — each endpoint's schema decides what they mean.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<Record<string, FormValue | unknown>> {
  // Not `!request.body`: on @hono/node-server that alone builds a web stream; the reader copes with no body.
  if (request.method === 'GET' || request.method === 'HEAD') return {};
  const text = await readLimitedBody(request, maxBytes);
  const type = request.headers.get('content-type') ?? '';
  if (text.trim() === '') return {};
  if (type.includes('application/json')) {
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
    } catch {
      // fall through to the error below
    }
    throw LatchAPIError.single(
      400,
      'malformed_request_body',
      'malformed request body',
      'The request body must be a JSON object.',
    );
  }
  const form: Record<string, FormValue> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = form[key];
    if (existing === undefined) form[key] = value;
    else form[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return form;
}

/** A form field that is a JSON object (clerk-js sends `unsafe_metadata={"a":1}`); objects pass through. */
export function parseJSONField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value === '') return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
