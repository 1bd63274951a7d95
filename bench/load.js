// The load generator: a separate process that drives one server over loopback with keep-alive
// connections. Commanded by run.js (see lib/ipc.js); one `run` call is one phase.
import http from 'node:http';
import { runClosedLoop } from './lib/closed-loop.js';
import { emit, serveCalls } from './lib/ipc.js';

const REQUEST_TIMEOUT_MS = 10_000;
const runTag = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let sequence = 0;

/** Request bodies by phase kind; `create-user` makes a unique email and a unique 20+ char password each time. */
const BODIES = {
  get: () => null,
  'create-user': () => {
    const n = sequence++;
    return JSON.stringify({
      email_address: [`bench-${runTag}-${n}@example.com`],
      password: `bench-password-${runTag}-${n}`,
    });
  },
};

/** One request; resolves to null on a 2xx, else a short description (status and the start of the body). */
function send(agent, target, method, path, headers, body) {
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        hostname: target.hostname,
        port: target.port,
        method,
        path,
        headers: body === null ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const success = status >= 200 && status < 300;
        let sample = '';
        if (!success) response.setEncoding('utf8');
        response.on('data', (chunk) => {
          if (!success && sample.length < 160) sample += chunk;
        });
        response.on('end', () => resolve(success ? null : `HTTP ${status} ${sample.slice(0, 160)}`));
        response.on('error', (error) => resolve(error.code ?? error.message));
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () =>
      request.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
    );
    request.on('error', (error) => resolve(error.code ?? error.message));
    request.end(body ?? undefined);
  });
}

serveCalls({
  /**
   * @param {{ url: string, kind: 'get' | 'create-user', method: string, path: string, headers: Record<string, string>,
   *           concurrency: number, warmupMs: number, durationMs: number, maxOps: number }} phase
   */
  async run(phase) {
    const target = new URL(phase.url);
    const makeBody = BODIES[phase.kind];
    if (!makeBody) throw new Error(`unknown phase kind ${phase.kind}`);
    // Exactly `concurrency` sockets, reused for the whole phase, closed at its end.
    const agent = new http.Agent({ keepAlive: true, maxSockets: phase.concurrency, maxFreeSockets: phase.concurrency });
    try {
      const result = await runClosedLoop({
        concurrency: phase.concurrency,
        warmupMs: phase.warmupMs,
        durationMs: phase.durationMs,
        maxOps: phase.maxOps,
        keepLatencies: true,
        op: () => send(agent, target, phase.method, phase.path, phase.headers, makeBody()),
        onMeasureStart: () => emit('measure-start'),
      });
      emit('measure-end');
      return result;
    } finally {
      agent.destroy();
    }
  },
});
