import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';

/**
 * Every migration, in order. Names sort lexically, so they carry a zero-padded number; a released
 * migration never changes — a new file does the next step.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
