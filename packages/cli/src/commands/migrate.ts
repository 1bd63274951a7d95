import { configFromEnv, migrateToLatest, openDatabase, parseDatabaseUrl } from '@latch/server';
import { green, print } from '../output.js';

/** `latch migrate`: applies pending migrations to DATABASE_URL (or the development SQLite file). */
export async function runMigrate(env: Record<string, string | undefined>): Promise<number> {
  const config = configFromEnv(env, { instanceType: 'development' });
  const location = parseDatabaseUrl(config.databaseUrl);
  if (!location) throw new Error(`Unsupported DATABASE_URL: ${config.databaseUrl}`);
  const db = openDatabase(location);
  try {
    const { applied } = await migrateToLatest(db);
    if (applied.length === 0) print(`${green('✔')} Database is up to date (${location.dialect}).`);
    else print(`${green('✔')} Applied ${applied.length} migration(s) to ${location.dialect}: ${applied.join(', ')}`);
    return 0;
  } finally {
    await db.destroy();
  }
}
