import { configFromEnv, createLogger, startServer, stopOnSignals } from '@latch/server';
import { bold, print, printError, yellow } from '../output.js';
import { findProductionProblems } from '../production-checks.js';

/** `latch start`: a production instance. Refuses to start until every insecure or missing setting is fixed. */
export async function runStart(env: Record<string, string | undefined>): Promise<number> {
  const problems = findProductionProblems(env);
  if (problems.length > 0) {
    printError(bold('Latch will not start in production with these settings:'));
    for (const problem of problems) process.stderr.write(`  - ${problem}\n`);
    process.stderr.write('\nFor local development, run `latch dev` instead.\n');
    return 1;
  }
  const config = configFromEnv(env, { instanceType: 'production' });
  const logger = createLogger({
    level: config.logLevel,
    format: config.logFormat,
    write: (line) => process.stdout.write(line),
  });
  const server = await startServer(config, { logger });
  logger.info('listening', {
    url: server.url,
    instance_id: server.instance.id,
    publishable_key: server.publishableKey,
  });
  if (server.createdSecretKey) {
    print();
    print(
      yellow(bold('  New production instance. This secret key is shown ONCE — store it in your secret manager now:')),
    );
    print(`  ${server.createdSecretKey}`);
    print();
  }
  stopOnSignals(server, logger);
  return 0;
}
