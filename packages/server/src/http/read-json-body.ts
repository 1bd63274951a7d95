import { LatchAPIError } from '../errors.js';
import { readLimitedBody } from './read-limited-body.js';

/**
 * Reads a JSON object body, refusing more than `maxBytes` before buffering it all. Any media type is
 * read as JSON (curl's `-d` labels JSON as a form); what decides is whether it parses.
 * An empty body is `{}`, so body-less actions (`POST …/ban`) need no `{}`.
 */
export async function readJSONBody(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const text = (await readLimitedBody(request, maxBytes)).trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw LatchAPIError.single(
      400,
      'malformed_request_body',
      'malformed request body',
      'The request body is not valid JSON.',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw LatchAPIError.single(
      400,
      'malformed_request_body',
      'malformed request body',
      'The request body must be a JSON object.',
    );
  }
  return parsed as Record<string, unknown>;
}
