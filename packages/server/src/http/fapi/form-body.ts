import { LatchAPIError } from '../../errors.js';

export type FormValue = string | string[];

/**
 * Reads a Frontend API body. clerk-js sends `application/x-www-form-urlencoded` (repeated keys for
 * arrays, nested objects as JSON strings); JSON bodies are accepted too for other clients.
 * Values stay strings here — each endpoint's schema decides what they mean.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<Record<string, FormValue | unknown>> {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return {};
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const buffer = await readLimited(request, maxBytes);
  const text = buffer.toString('utf8');
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

async function readLimited(request: Request, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
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
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number) {
  return LatchAPIError.single(
    413,
    'request_body_too_large',
    'request body too large',
    `The request body must be at most ${maxBytes} bytes.`,
  );
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
