import { LatchAPIError } from '../errors.js';

/**
 * Reads a JSON object body, refusing more than `maxBytes` before buffering it all. Any media type is
 * read as JSON (curl's `-d` labels JSON as a form); what decides is whether it parses.
 * An empty body is `{}`, so body-less actions (`POST …/ban`) need no `{}`.
 */
export async function readJSONBody(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return {};
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
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

function tooLarge(maxBytes: number) {
  return LatchAPIError.single(
    413,
    'request_body_too_large',
    'request body too large',
    `The request body must be at most ${maxBytes} bytes.`,
  );
}
