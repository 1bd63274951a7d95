// The load generator: a separate process that drives one server over loopback with keep-alive
// connections (lib/raw-http.js). Commanded by run.js (see lib/ipc.js); one `run` call is one phase.
import { runClosedLoop } from './lib/closed-loop.js';
import { emit, serveCalls } from './lib/ipc.js';
import { encodeRequest, RawHttpConnection } from './lib/raw-http.js';

const REQUEST_TIMEOUT_MS = 10_000;
const FORM = 'application/x-www-form-urlencoded';
const runTag = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let sequence = 0;
let signInSequence = 0;

/**
 * Request makers by phase kind: `(phase) => (worker) => { method, path, headers, body, check? }`.
 * `check(text)` looks at a 2xx body and returns null when it is the expected answer, else a failure.
 */
const KINDS = {
  /** The same GET every time; with `phase.expect`, the body must contain that text. */
  get: (phase) => {
    const check = phase.expect ? (text) => (text.includes(phase.expect) ? null : 'unexpected body') : undefined;
    const request = { method: 'GET', path: phase.path, headers: phase.headers, body: null, check };
    return () => request;
  },
  /** A unique email and a unique 20+ char password each time. */
  'create-user': (phase) => () => {
    const n = sequence++;
    return {
      method: 'POST',
      path: phase.path,
      headers: phase.headers,
      body: JSON.stringify({
        email_address: [`bench-${runTag}-${n}@example.com`],
        password: `bench-password-${runTag}-${n}`,
      }),
    };
  },
  /**
   * `POST /v1/client/sessions/{id}/tokens` as clerk-js sends it: worker i is the browser holding
   * `phase.clients[i % length]` (its `__client` cookie and session); `phase.skipCache` adds
   * `debug=skip_cache`, what `getToken({ skipCache: true })` sends.
   */
  'session-token': (phase) => {
    const requests = phase.clients.map(({ token, sessionId }) => ({
      method: 'POST',
      path: `/v1/client/sessions/${sessionId}/tokens${phase.skipCache ? '?debug=skip_cache' : ''}`,
      headers: { ...phase.headers, cookie: `__client=${token}`, 'content-type': FORM },
      body: '',
      check: (text) => (/"jwt":"[\w-]+\.[\w-]+\.[\w-]+"/.test(text) ? null : 'no jwt in the body'),
    }));
    return (worker) => requests[worker % requests.length];
  },
  /**
   * `POST /v1/client/sign_ins` with identifier + strategy=password + password, from a browser with no
   * `__client` cookie (the server creates a client; completing the sign-in creates a session on it).
   * Users are taken in turn so each stays far below the per-identifier limit; every request comes
   * with its own `X-Forwarded-For` address (benchmark-only, see README: the bench's Latch runs with trustProxy).
   */
  'sign-in': (phase) => () => {
    const n = signInSequence++;
    const { identifier, password } = phase.users[n % phase.users.length];
    return {
      method: 'POST',
      path: '/v1/client/sign_ins',
      headers: {
        ...phase.headers,
        'content-type': FORM,
        'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      },
      body: new URLSearchParams({ identifier, strategy: 'password', password }).toString(),
      check: (text) => {
        const status = JSON.parse(text)?.response?.status;
        return status === 'complete' ? null : `sign-in status ${status}`;
      },
    };
  },
};

/** Encoded request bytes, kept for request objects a phase reuses (the GET and token kinds). */
const encoded = new WeakMap();

/** One request; resolves to null on a 2xx that passes `check`, else a short description (status and the start of the body). */
async function send(connection, host, request) {
  let bytes = encoded.get(request);
  if (!bytes) {
    bytes = encodeRequest({ ...request, host });
    encoded.set(request, bytes);
  }
  let response;
  try {
    response = await connection.request(bytes, REQUEST_TIMEOUT_MS);
  } catch (error) {
    return error.code ?? error.message;
  }
  const { status, body } = response;
  if (status < 200 || status >= 300) return `HTTP ${status} ${body.toString('utf8', 0, 160)}`;
  if (!request.check) return null;
  try {
    return request.check(body.toString('utf8'));
  } catch (error) {
    return `bad body: ${error.message}`;
  }
}

serveCalls({
  /**
   * @param {{ url: string, kind: keyof typeof KINDS, path?: string, headers: Record<string, string>,
   *           concurrency: number, warmupMs: number, durationMs: number, maxOps: number,
   *           expect?: string, clients?: { token: string, sessionId: string }[], skipCache?: boolean,
   *           users?: { identifier: string, password: string }[] }} phase
   */
  async run(phase) {
    const target = new URL(phase.url);
    const makeRequest = KINDS[phase.kind]?.(phase);
    if (!makeRequest) throw new Error(`unknown phase kind ${phase.kind}`);
    // Exactly `concurrency` sockets, one per worker, reused for the whole phase, closed at its end.
    const connections = Array.from(
      { length: phase.concurrency },
      () => new RawHttpConnection({ hostname: target.hostname, port: Number(target.port) }),
    );
    try {
      const result = await runClosedLoop({
        concurrency: phase.concurrency,
        warmupMs: phase.warmupMs,
        durationMs: phase.durationMs,
        maxOps: phase.maxOps,
        keepLatencies: true,
        op: (worker) => send(connections[worker], target.host, makeRequest(worker)),
        onMeasureStart: () => emit('measure-start'),
      });
      emit('measure-end');
      return result;
    } finally {
      for (const connection of connections) connection.close();
    }
  },
});
