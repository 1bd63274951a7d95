import { configFromEnv, createLogger, developmentSignInLink, startServer, stopOnSignals } from '@latch/server';
import { developmentSecretKey } from '../dev-secret-key.js';
import { bold, cyan, dim, green, print, printRows } from '../output.js';

/** `latch dev`: a development instance on SQLite, readable logs, keys and a `.env` block printed. */
export async function runDev(env: Record<string, string | undefined>): Promise<void> {
  const config = configFromEnv(env, {
    instanceType: 'development',
    logFormat: env.LATCH_LOG_FORMAT ?? 'pretty',
  });
  const logger = createLogger({
    level: config.logLevel,
    format: config.logFormat,
    write: (line) => process.stdout.write(line),
  });
  const server = await startServer(config, { logger, write: (line) => process.stdout.write(line) });
  const secretKey = await developmentSecretKey(server.store, config.dataDir, server.createdSecretKey, Date.now());

  print();
  print(`  ${green('●')} ${bold('Latch is running')} ${dim(`— development instance ${server.instance.id}`)}`);
  print();
  printRows([
    ['URL', cyan(server.url)],
    ['Health', `${server.url}/healthz`],
    ['Frontend API', config.frontendApiUrl],
    ['Backend API', `${server.url}/api/v1`],
    ['OpenAPI', `${server.url}/openapi.json`],
    ['Database', config.databaseUrl],
    ['Publishable key', server.publishableKey],
    ['Secret key', secretKey],
    // One-time and short-lived; a fresh one on every start.
    ['Dashboard', await developmentSignInLink(server.store, server.url, Date.now())],
  ]);
  print();
  print(`  ${bold('Paste into your app’s .env.local:')}`);
  print();
  for (const line of [
    `NEXT_PUBLIC_LATCH_PUBLISHABLE_KEY=${server.publishableKey}`,
    `LATCH_SECRET_KEY=${secretKey}`,
    // @latch/backend calls `${LATCH_API_URL}/v1/…`; the Backend API lives under /api.
    `LATCH_API_URL=${server.url}/api`,
  ]) {
    print(`  ${line}`);
  }
  print();
  print(dim('  Try it:'));
  print(dim(`  curl -s ${server.url}/api/v1/users -H "Authorization: Bearer ${secretKey}"`));
  print();
  stopOnSignals(server, logger);
}
