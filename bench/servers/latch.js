// The server under test: Latch via its public startServer(), on SQLite in a temporary directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, silentLogger, startServer } from '../../packages/server/dist/index.js';
import { serveCalls } from '../lib/ipc.js';

let server = null;
let dataDir = null;

serveCalls({
  async start() {
    dataDir = mkdtempSync(join(tmpdir(), 'latch-bench-'));
    const config = parseConfig({
      instanceType: 'development',
      host: '127.0.0.1',
      port: 0,
      databaseUrl: join(dataDir, 'latch.db'),
      dataDir,
      logLevel: 'silent',
      shutdownGraceMs: 2000,
    });
    server = await startServer(config, { logger: silentLogger });
    if (!server.createdSecretKey) throw new Error('expected a fresh instance with a created secret key');
    return { url: server.url, secretKey: server.createdSecretKey };
  },
  async stop() {
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
