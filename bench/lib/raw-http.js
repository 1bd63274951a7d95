// A minimal HTTP/1.1 keep-alive client over one TCP socket, for the load generator.
//
// Why not node:http: the load generator shares the two cores with the server it measures, and
// node:http's client (agent, IncomingMessage streams, header objects) costs ~0.4 ms of CPU per
// request, which the in-process baselines (argon2, RS256) never pay. This client writes the request
// bytes as they are and reads back only what a benchmark needs: the status and the body (decoded by
// Content-Length or chunked transfer coding). One request at a time per connection: the closed loop
// gives every worker its own connection.
import net from 'node:net';

const CRLF_CRLF = Buffer.from('\r\n\r\n');

/** Serializes a request; `body` is a string or null. */
export function encodeRequest({ method, path, host, headers, body }) {
  let head = `${method} ${path} HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\n`;
  for (const [name, value] of Object.entries(headers ?? {})) head += `${name}: ${value}\r\n`;
  if (body !== null && body !== undefined) {
    const bytes = Buffer.from(body, 'utf8');
    return Buffer.concat([Buffer.from(`${head}content-length: ${bytes.length}\r\n\r\n`, 'latin1'), bytes]);
  }
  return Buffer.from(`${head}\r\n`, 'latin1');
}

export class RawHttpConnection {
  constructor({ hostname, port }) {
    this.hostname = hostname;
    this.port = port;
    this.socket = null;
    this.pending = null;
    this.buffer = null;
  }

  /** Sends `bytes` (an encoded request) and resolves to `{ status, body }` (body a Buffer); rejects on socket errors. */
  request(bytes, timeoutMs) {
    if (this.pending) return Promise.reject(new Error('one request at a time per connection'));
    if (!this.socket) this.#connect();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#fail(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), timeoutMs);
      this.pending = { resolve, reject, timer };
      this.buffer = null;
      this.socket.write(bytes);
    });
  }

  close() {
    this.socket?.destroy();
    this.socket = null;
  }

  #connect() {
    const socket = net.connect({ host: this.hostname, port: this.port });
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.#onData(chunk));
    socket.on('error', (error) => this.#fail(error));
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      this.#fail(Object.assign(new Error('connection closed'), { code: 'ECONNRESET' }));
    });
    this.socket = socket;
  }

  #fail(error) {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    this.close();
    pending.reject(error);
  }

  #onData(chunk) {
    if (!this.pending) return;
    this.buffer = this.buffer ? Buffer.concat([this.buffer, chunk]) : chunk;
    let parsed;
    try {
      parsed = parseResponse(this.buffer);
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (!parsed) return;
    const { resolve, timer } = this.pending;
    this.pending = null;
    this.buffer = null;
    clearTimeout(timer);
    if (parsed.close) this.close();
    resolve(parsed);
  }
}

/** A complete response in `buffer` as `{ status, body, close }`, or null while more bytes are needed. */
function parseResponse(buffer) {
  const headEnd = buffer.indexOf(CRLF_CRLF);
  if (headEnd < 0) return null;
  const head = buffer.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  if (!head.startsWith('HTTP/1.') || !(status >= 100 && status < 600))
    throw new Error(`bad status line ${head.slice(0, 40)}`);
  const lower = head.toLowerCase();
  const close = /\r\nconnection: *close/.test(lower);
  const start = headEnd + 4;
  const length = /\r\ncontent-length: *(\d+)/.exec(lower);
  if (length) {
    const end = start + Number(length[1]);
    return buffer.length < end ? null : { status, body: buffer.subarray(start, end), close };
  }
  if (/\r\ntransfer-encoding: *chunked/.test(lower)) {
    const body = decodeChunked(buffer, start);
    return body ? { status, body, close } : null;
  }
  if (status === 204 || status === 304) return { status, body: Buffer.alloc(0), close };
  throw new Error('response with neither Content-Length nor chunked coding');
}

/** The body of a chunked message starting at `offset`, or null when it is not complete yet. */
function decodeChunked(buffer, offset) {
  const parts = [];
  let at = offset;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) return null;
    const size = Number.parseInt(buffer.toString('latin1', at, lineEnd), 16);
    if (!Number.isFinite(size)) throw new Error('bad chunk size');
    const dataStart = lineEnd + 2;
    if (size === 0) {
      // No trailers from our servers: the message ends with the empty line after the last chunk.
      return buffer.length < dataStart + 2 ? null : Buffer.concat(parts);
    }
    if (buffer.length < dataStart + size + 2) return null;
    parts.push(buffer.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}
