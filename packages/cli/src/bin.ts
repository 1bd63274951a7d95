#!/usr/bin/env node
import { ConfigError, LATCH_VERSION } from '@latch/server';
import { runDev } from './commands/dev.js';
import { runKeys } from './commands/keys.js';
import { runMigrate } from './commands/migrate.js';
import { runOperators } from './commands/operators.js';
import { runStart } from './commands/start.js';
import { runWebhooks } from './commands/webhooks.js';
import { print, printError } from './output.js';

const HELP = `latch ${LATCH_VERSION} — self-hosted authentication, Clerk-compatible

Usage:
  latch dev        Run a development instance on SQLite (.latch/); prints URL, keys and a .env block
  latch start      Run a production instance (requires LATCH_FRONTEND_API_URL and DATABASE_URL)
  latch migrate    Apply pending database migrations
  latch keys       Show, create and revoke secret keys; rotate the signing key (latch keys --help)
  latch operators  Dashboard operators: create, list, one-time sign-in links (latch operators --help)
  latch webhooks   Webhook endpoints, secrets, delivery log, resend and replay (latch webhooks --help)

Environment:
  DATABASE_URL              postgres://… or sqlite:<path> (default: sqlite .latch/latch.db)
  PORT / LATCH_HOST         where to listen (default 4000 on 127.0.0.1)
  LATCH_FRONTEND_API_URL    public URL of the Frontend API (encoded in the publishable key)
  LATCH_LOG_LEVEL           debug | info | warn | error | silent
  LATCH_LOG_FORMAT          json | pretty`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'dev':
      await runDev(process.env);
      return -1;
    case 'start':
      return (await runStart(process.env)) === 0 ? -1 : 1;
    case 'migrate':
      return runMigrate(process.env);
    case 'keys':
      return runKeys(rest, process.env);
    case 'operators':
      return runOperators(rest, process.env);
    case 'webhooks':
      return runWebhooks(rest, process.env);
    case '--version':
    case '-v':
      print(LATCH_VERSION);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      print(HELP);
      return 0;
    default:
      printError(`Unknown command: ${command}`);
      print(HELP);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  // -1: a server is running; the signal handlers decide when to exit.
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    printError(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
