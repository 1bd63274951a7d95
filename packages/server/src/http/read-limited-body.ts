import { LatchAPIError } from '../errors.js';

/**
 * Reads a request body as text, refusing more than `maxBytes` — by the declared length up front, and
 * by counting while streaming, so a lying or absent Content-Length cannot make us buffer more.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw bodyTooLarge(maxBytes);
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw bodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function bodyTooLarge(maxBytes: number) {
  return LatchAPIError.single(
    413,
    'request_body_too_large',
    'request body too large',
    `The request body must be at most ${maxBytes} bytes.`,
  );
}
