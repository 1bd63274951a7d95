// The server under test: Latch via its public startServer(), on SQLite in a temporary directory.
//
// Bench-only instrumentation, all in this process and none of it in packages/:
// - RSA signatures are counted by Latch's own signer (`rs256SignatureCount()` from
//   domain/tokens/rs256-signer.ts: every RS256 signature, on the event loop or on the signing thread
//   that session tokens go to), so run.js can report RSA signatures per token request and tell a
//   freshly minted token from a reused one; with the signing thread's busy and idle time
//   (`signingThreadTime()`, its event-loop utilization) it reports how busy that thread was;
// - `perf_hooks.monitorEventLoopDelay` watches the main thread, so a phase can show the loop never
//   stalls (e.g. on password hashing, which must stay on the threadpool);
// - `profileStart`/`profileStop` record a CPU profile of this process's main thread (node:inspector),
//   which run.js asks for around every measured Latch round when BENCH_PROFILE_DIR is set;
// - `signedInClients` creates browser clients with a live session directly on the server's store,
//   the same domain calls a completed sign-in makes, so the token benchmarks do not depend on the
//   sign-in endpoint.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createClient } from '../../packages/server/dist/domain/clients/client-credential.js';
import { createSession } from '../../packages/server/dist/domain/sessions/create-session.js';
import { rs256SignatureCount } from '../../packages/server/dist/domain/tokens/rs256-signer.js';
import { signingThreadTime } from '../../packages/server/dist/domain/tokens/signing-thread.js';
import { parseConfig, silentLogger, startServer } from '../../packages/server/dist/index.js';
import { sampleUsage, serveCalls } from '../lib/ipc.js';

// 1 ms resolution: a stall of a few ms (one RSA signature is ~1 ms) shows up; the 1 kHz timer costs little.
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
const NS_PER_MS = 1e6;

let server = null;
let dataDir = null;
/** Connected on first use: an idle inspector session costs nothing, but only profiling runs need one. */
let inspector = null;

serveCalls({
  /** The usual CPU/loop counters, plus signatures so far and the loop delay since the previous sample. */
  usage() {
    const sample = {
      ...sampleUsage(),
      signatures: rs256SignatureCount(),
      signingThread: signingThreadTime(),
      loopDelay:
        loopDelay.count > 0
          ? {
              p50Ms: loopDelay.percentile(50) / NS_PER_MS,
              p99Ms: loopDelay.percentile(99) / NS_PER_MS,
              maxMs: loopDelay.max / NS_PER_MS,
              samples: loopDelay.count,
            }
          : null,
    };
    loopDelay.reset();
    return sample;
  },
  async start() {
    dataDir = mkdtempSync(join(tmpdir(), 'latch-bench-'));
    const config = parseConfig({
      instanceType: 'development',
      // Benchmark only: the load generator spreads sign-ins over many X-Forwarded-For addresses so the
      // per-IP credential limit does not cap the measurement (see README).
      trustProxy: 'true',
      host: '127.0.0.1',
      port: 0,
      databaseUrl: join(dataDir, 'latch.db'),
      dataDir,
      logLevel: 'silent',
      shutdownGraceMs: 2000,
    });
    server = await startServer(config, { logger: silentLogger });
    if (!server.createdSecretKey) throw new Error('expected a fresh instance with a created secret key');
    loopDelay.enable();
    return { url: server.url, secretKey: server.createdSecretKey };
  },
  /**
   * `count` clients, each signed in to its own new session of `userId`, as a completed sign-in leaves
   * them. Returns each client's `__client` cookie value and session id.
   * @param {{ userId: string, count: number }} args
   */
  async signedInClients({ userId, count }) {
    if (!server) throw new Error('the server is not running');
    const clients = [];
    for (let i = 0; i < count; i++) {
      const now = Date.now();
      const { client, token } = await createClient(server.store, now);
      const session = await createSession(server.store, {
        client,
        userId,
        settings: server.instance.settings.sessions,
        activity: {
          browserName: 'Bench',
          browserVersion: '1',
          deviceType: null,
          osName: null,
          ipAddress: '127.0.0.1',
          city: null,
          country: null,
          isMobile: false,
        },
        now,
      });
      clients.push({ token, sessionId: session.id });
    }
    return clients;
  },
  /** Starts sampling the main thread (every 200 µs: fine enough for a ~0.1 ms request). */
  async profileStart() {
    if (!inspector) {
      inspector = new Session();
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
    }
    await inspector.post('Profiler.start');
  },
  /** Stops sampling and writes the profile (Chrome DevTools' `.cpuprofile` format) to `file`. */
  async profileStop({ file }) {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
  },
  async stop() {
    loopDelay.disable();
    try {
      if (server) {
        const closing = server;
        server = null;
        await closing.close();
      }
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      dataDir = null;
    }
  },
});
