import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as frontendAPI from './0002-frontend-api.js';
import * as emailVerifications from './0003-email-verifications.js';
import * as webhooksOutbox from './0004-webhooks-outbox.js';
import * as organizations from './0005-organizations.js';
import * as operators from './0006-operators.js';
import * as dailyCounters from './0007-daily-counters.js';
import * as orderedLookupIndexes from './0008-ordered-lookup-indexes.js';

/**
 * Every migration, in order. Names sort lexically, so they carry a zero-padded number; a released
 * migration never changes — a new file does the next step.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-frontend-api': frontendAPI,
  '0003-email-verifications': emailVerifications,
  '0004-webhooks-outbox': webhooksOutbox,
  '0005-organizations': organizations,
  '0006-operators': operators,
  '0007-daily-counters': dailyCounters,
  '0008-ordered-lookup-indexes': orderedLookupIndexes,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
