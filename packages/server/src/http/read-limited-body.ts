import { LatchAPIError } from '../errors.js';

/**
 * Reads a request body as text, refusing more than `maxBytes` — by the declared length up front, and
 * by counting while streaming, so a lying or absent Content-Length cannot make us buffer more.
 *
 * A body with a declared length and no Transfer-Encoding is read in one go (`request.text()`, which
 * @hono/node-server serves straight from the socket without building a web stream — ~0.2 ms of the
 * event loop per sign-in otherwise): over HTTP, the parser ends such a body at exactly that length,
 * which was checked above. Its size is checked again for requests built in-process, where nothing
 * holds a body to its header.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<string> {
  const length = request.headers.get('content-length');
  const declared = Number(length ?? 0);
  if (declared > maxBytes) throw bodyTooLarge(maxBytes);
  if (length !== null && !request.headers.has('transfer-encoding')) {
    const text = await request.text();
    if (Buffer.byteLength(text) > maxBytes) throw bodyTooLarge(maxBytes);
    return text;
  }
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
